import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog } from '@/db/schema';
import { checkCredentials } from '@/lib/auth/credentials';
import { signUpAddressKey, THROTTLE } from '@/lib/auth/throttle';
import { admitAttempt, lockedUntil } from '@/lib/throttle/attempts';
import { translator } from '@/lib/i18n/messages';
import { signUpCompany, TEST_PASSWORD } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

useTestDatabase();

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let nextAddress = 1;
const freshAddress = () => `198.51.100.${nextAddress++}`;

async function timed<T>(fn: () => Promise<T>) {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('sign-in throttling, in PostgreSQL', () => {
  it('5 wrong passwords lock the account: the right one is refused, with no argon2 work, then works after the lock', async () => {
    const { company, admin } = await signUpCompany();
    const address = freshAddress();
    const verified: number[] = [];
    for (let i = 0; i < THROTTLE.signInAccount.free; i++) {
      const { result, ms } = await timed(() => checkCredentials(admin.email, 'wrong password', address, T0));
      expect(result.ok).toBe(false);
      verified.push(ms);
    }
    const locked = await checkCredentials(admin.email, TEST_PASSWORD, address, at(1));
    expect(locked).toEqual({ ok: false, reason: 'throttled', retryAt: at(30) });

    // No argon2 verify for a throttled attempt: far cheaper than one that was checked.
    const refused: number[] = [];
    for (let i = 0; i < 5; i++) refused.push((await timed(() => checkCredentials(admin.email, TEST_PASSWORD, address, at(2)))).ms);
    expect(median(refused)).toBeLessThan(median(verified) / 2);

    // The message the user reads, in their language.
    expect(translator('fr')('errors.tooManyAttempts', { minutes: 1 })).toBe('Trop de tentatives. Réessayez dans 1 minute.');
    expect(translator('en')('errors.tooManyAttempts', { minutes: 15 })).toBe('Too many attempts. Try again in 15 minutes.');

    // The lock ends; the right password then signs in and the account starts afresh.
    const after = await checkCredentials(admin.email, TEST_PASSWORD, address, at(31));
    expect(after.ok).toBe(true);
    expect(await lockedUntil([{ key: `sign-in:account:${admin.email}`, policy: THROTTLE.signInAccount }], at(31))).toBeNull();

    // Every failure and refusal is in the company's history, without the password.
    const entries = await db().select().from(auditLog).where(eq(auditLog.companyId, company.id));
    expect(entries.filter((e) => e.action === 'auth.signInFailed')).toHaveLength(5);
    expect(entries.filter((e) => e.action === 'auth.signInThrottled')).toHaveLength(6);
    expect(JSON.stringify(entries)).not.toContain('wrong password');
  });

  it('locks grow with each attempt past the free ones', async () => {
    const { admin } = await signUpCompany();
    const address = freshAddress();
    let now = T0;
    for (let i = 0; i < THROTTLE.signInAccount.free; i++) await checkCredentials(admin.email, 'nope', address, now);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const until = await lockedUntil([{ key: `sign-in:account:${admin.email}`, policy: THROTTLE.signInAccount }], now);
      waits.push((until!.getTime() - now.getTime()) / 1000);
      now = new Date(until!.getTime() + 1000);
      await checkCredentials(admin.email, 'nope', address, now);
    }
    expect(waits).toEqual([30, 60, 120, 240]);
  });

  it('one address guessing across many accounts is locked too, and unknown e-mails count', async () => {
    const address = freshAddress();
    const accounts = await Promise.all([1, 2, 3].map(() => signUpCompany()));
    let n = 0;
    while (n < THROTTLE.signInAddress.free) {
      const email = n % 4 === 3 ? `nobody-${n}@example.com` : accounts[n % 4]!.admin.email;
      const r = await checkCredentials(email, 'wrong', address, T0);
      expect(r.ok).toBe(false);
      n++;
    }
    // A fourth account, never tried: refused from this address, at once.
    const { admin } = await signUpCompany();
    expect(await checkCredentials(admin.email, TEST_PASSWORD, address, at(1))).toMatchObject({ ok: false, reason: 'throttled' });
    // From another address it signs in.
    expect((await checkCredentials(admin.email, TEST_PASSWORD, freshAddress(), at(1))).ok).toBe(true);
  });

  it('parallel guesses get distinct counts: no more argon2 checks than free attempts', async () => {
    const { company, admin } = await signUpCompany();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => checkCredentials(admin.email, `guess ${i}`, freshAddress(), T0)),
    );
    const failed = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, company.id), eq(auditLog.action, 'auth.signInFailed')));
    expect(failed).toHaveLength(THROTTLE.signInAccount.free);
    const refused = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, company.id), eq(auditLog.action, 'auth.signInThrottled')));
    expect(refused).toHaveLength(12 - THROTTLE.signInAccount.free);
    // None signs in. The fifth failure earned the lock and says so, like the seven that met it;
    // a free guess says "wrong password" or, if the lock landed while it was hashing, "locked".
    expect(results.every((r) => !r.ok)).toBe(true);
    const saidLocked = results.filter((r) => !r.ok && r.reason === 'throttled');
    expect(saidLocked.length).toBeGreaterThanOrEqual(12 - THROTTLE.signInAccount.free + 1);
  });

  it('sign-up is counted per address and locked past its free attempts', async () => {
    const key = signUpAddressKey(freshAddress());
    for (let i = 0; i < THROTTLE.signUpAddress.free; i++) expect((await admitAttempt([key], T0)).ok).toBe(true);
    expect(await admitAttempt([key], at(1))).toEqual({ ok: false, retryAt: at(60) });
    expect((await admitAttempt([key], at(61))).ok).toBe(true);
  });
});
