import { eq, inArray, sql } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { authThrottle } from '@/db/schema';
import { env } from '@/lib/env';

/**
 * Throttling of sign-in, sign-up and activation, per account and per client address, in
 * PostgreSQL so every server instance counts the same attempts. A key gets `free` attempts per
 * window; each attempt past that locks it for twice as long as the one before (30 s, 1 min,
 * 2 min... up to `maxSeconds`). A locked key refuses at once: no password is hashed or checked.
 * Decision: a small table and one locked row per key instead of rate-limiter-flexible, whose
 * Postgres store creates its own table at run time and needs a `pg` pool (no PGlite, no Neon).
 */
export type ThrottlePolicy = { free: number; baseSeconds: number; maxSeconds: number; windowSeconds: number };

export const THROTTLE = {
  signInAccount: { free: 5, baseSeconds: 30, maxSeconds: 15 * 60, windowSeconds: 60 * 60 },
  signInAddress: { free: 20, baseSeconds: 30, maxSeconds: 15 * 60, windowSeconds: 60 * 60 },
  signUpAddress: { free: env.SIGN_UPS_PER_HOUR, baseSeconds: 60, maxSeconds: 60 * 60, windowSeconds: 60 * 60 },
  activationAddress: { free: 30, baseSeconds: 30, maxSeconds: 15 * 60, windowSeconds: 60 * 60 },
} satisfies Record<string, ThrottlePolicy>;

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

export const accountKey = (email: string): ThrottleKey => ({ key: `sign-in:account:${email.toLowerCase()}`, policy: THROTTLE.signInAccount });
export const signInAddressKey = (address: string): ThrottleKey => ({ key: `sign-in:address:${address}`, policy: THROTTLE.signInAddress });
export const signUpAddressKey = (address: string): ThrottleKey => ({ key: `sign-up:address:${address}`, policy: THROTTLE.signUpAddress });
export const activationAddressKey = (address: string): ThrottleKey => ({
  key: `activation:address:${address}`,
  policy: THROTTLE.activationAddress,
});

export type Admission = { ok: true } | { ok: false; retryAt: Date };

/** The lock a key's `attempts`-th attempt earns, or null while attempts are free. */
export function lockAfter(policy: ThrottlePolicy, attempts: number, now: Date): Date | null {
  if (attempts < policy.free) return null;
  const seconds = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (attempts - policy.free));
  return new Date(now.getTime() + seconds * 1000);
}

/**
 * Counts one attempt against every key, unless one of them is locked: then nothing is counted
 * and the caller must refuse. Each key's row is locked while it is counted, so parallel
 * attempts get distinct counts and the one that earns the lock stops all that follow.
 */
export async function admitAttempt(keys: ThrottleKey[], now: Date, exec: Db = db()): Promise<Admission> {
  if (keys.length === 0) return { ok: true };
  return exec.transaction(async (tx) => {
    await tx
      .insert(authThrottle)
      .values(keys.map(({ key }) => ({ key, attempts: 0, lastAttemptAt: now })))
      .onConflictDoNothing({ target: authThrottle.key });
    const rows = await tx
      .select()
      .from(authThrottle)
      .where(inArray(authThrottle.key, keys.map((k) => k.key)))
      .orderBy(authThrottle.key)
      .for('update');
    const locked = rows.filter((r) => r.lockedUntil && r.lockedUntil > now);
    if (locked.length > 0) {
      return { ok: false as const, retryAt: new Date(Math.max(...locked.map((r) => r.lockedUntil!.getTime()))) };
    }
    for (const { key, policy } of keys) {
      const row = rows.find((r) => r.key === key);
      const stale = !row || now.getTime() - row.lastAttemptAt.getTime() > policy.windowSeconds * 1000;
      const attempts = (stale ? 0 : row.attempts) + 1;
      await tx
        .update(authThrottle)
        .set({ attempts, lastAttemptAt: now, lockedUntil: lockAfter(policy, attempts, now) })
        .where(eq(authThrottle.key, key));
    }
    return { ok: true as const };
  });
}

/** Whether a key is locked right now, and until when (the refusal message says how long). */
export async function lockedUntil(keys: ThrottleKey[], now: Date, exec: Db = db()): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await exec
    .select({ lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(inArray(authThrottle.key, keys.map((k) => k.key)));
  const times = rows.flatMap((r) => (r.lockedUntil && r.lockedUntil > now ? [r.lockedUntil.getTime()] : []));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/**
 * A successful sign-in: the account starts afresh, and the address gets its attempt back (an
 * office behind one address signing in all day is not an attack; its locks stand).
 */
export async function forgiveSuccess(account: ThrottleKey, address: ThrottleKey | undefined, exec: Db = db()) {
  await exec.delete(authThrottle).where(eq(authThrottle.key, account.key));
  if (address) {
    await exec
      .update(authThrottle)
      .set({ attempts: sql`greatest(${authThrottle.attempts} - 1, 0)` })
      .where(eq(authThrottle.key, address.key));
  }
}

/** Minutes to wait, rounded up, for the refusal message. */
export function minutesUntil(retryAt: Date, now: Date) {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
