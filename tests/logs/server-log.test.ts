import fs from 'node:fs';
import path from 'node:path';
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../db/driver';
import { companies, outbox, sipCredentials, users } from '../../db/schema';
import { env } from '../../lib/env';
import { FIXTURE, SIGN_UP_PASSWORD, WRONG_PASSWORDS } from '../e2e/fixture-accounts';
import { extraFailureLines, findLeaks, isSignInFailure, type KnownSecrets } from '../helpers/log-secrets';

// After the browser suite (scripts/test.mjs runs it right after Playwright): the server's whole
// output, as tests/e2e/server.mjs wrote it, next to the database the suite left behind.
const dataDir = env.E2E_DATA_DIR;
const logFile = path.join(dataDir, 'server.log');

let lines: string[] = [];
let conn: Connection;
let known: KnownSecrets;

/** What the run handled that must never be printed: read back from the suite's own database. */
async function secretsOfTheRun(): Promise<KnownSecrets> {
  const hashes = await conn.db.select({ value: users.passwordHash }).from(users).where(isNotNull(users.passwordHash));
  const bodies = await conn.db.select({ body: outbox.bodyText }).from(outbox);
  const tokens = bodies.flatMap(({ body }) => [...body.matchAll(/\/activate\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]!));
  const sip = await conn.db
    .select({ username: users.sipUsername, domain: companies.sipDomain, ha1: sipCredentials.ha1, ha1b: sipCredentials.ha1b })
    .from(sipCredentials)
    .innerJoin(users, eq(users.id, sipCredentials.userId))
    .innerJoin(companies, eq(companies.id, users.companyId));
  return {
    passwords: [FIXTURE.password, SIGN_UP_PASSWORD, ...WRONG_PASSWORDS],
    values: [
      ...hashes.map(({ value }) => ({ kind: 'password hash', value: value! })),
      ...tokens.map((value) => ({ kind: 'activation token', value })),
      ...sip.flatMap(({ ha1, ha1b }) => [
        { kind: 'SIP HA1', value: ha1 },
        { kind: 'SIP HA1', value: ha1b },
      ]),
    ],
    sipAccounts: sip,
  };
}

beforeAll(async () => {
  if (fs.existsSync(logFile)) lines = fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => l.trim());
  conn = connect({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
  known = await secretsOfTheRun();
});
afterAll(() => conn?.close());

describe(`the browser suite's server log (${logFile})`, () => {
  it('was written, and the run it comes from made what it is checked against', () => {
    expect(fs.existsSync(logFile), `${logFile} is missing: run the browser tests first`).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    // The suite signs up companies, activates a member and makes SIP passwords: the checks below
    // look for these very values.
    expect(known.values.some((v) => v.kind === 'password hash')).toBe(true);
    expect(known.values.some((v) => v.kind === 'activation token')).toBe(true);
    expect(known.sipAccounts.length).toBeGreaterThan(0);
  });

  it('has the failed sign-ins, each one line and nothing more', () => {
    const failures = lines.filter(isSignInFailure);
    // tests/e2e/security/session.spec.ts types its WRONG_PASSWORDS.
    expect(failures.length).toBeGreaterThanOrEqual(WRONG_PASSWORDS.length);
    expect(extraFailureLines(lines)).toEqual([]);
  });

  it('names no message missing from a page\'s catalogue (each sends only its scope)', () => {
    expect(lines.filter((l) => /MISSING_MESSAGE/.test(l))).toEqual([]);
  });

  it('carries no password, hash, cookie, token or SIP secret', () => {
    expect(findLeaks(lines, known)).toEqual([]);
  });
});
