/** Accounts the e2e seed creates before the server starts (PGlite allows one process at a time). */
export const FIXTURE = {
  company: 'Fixture SARL',
  password: 'fixture-password-123',
  admin: { email: 'admin@fixture.test', firstName: 'Alice', lastName: 'Admin' },
  member: { email: 'member@fixture.test', firstName: 'Marc', lastName: 'Member' },
} as const;
