/** Accounts the e2e seed creates before the server starts (PGlite allows one process at a time). */
export const FIXTURE = {
  company: 'Fixture SARL',
  password: 'fixture-password-123',
  admin: { email: 'admin@fixture.test', firstName: 'Alice', lastName: 'Admin' },
  member: { email: 'member@fixture.test', firstName: 'Marc', lastName: 'Member' },
} as const;

/** The password of every company the browser tests sign up (helpers.ts) and of the users they activate. */
export const SIGN_UP_PASSWORD = 'correct-horse-battery';

/** The wrong passwords the browser tests type (security/session.spec.ts): the fifth locks the account. */
export const WRONG_PASSWORDS = ['wrong password 0', 'wrong password 1', 'wrong password 2', 'wrong password 3', 'wrong password 4'] as const;
