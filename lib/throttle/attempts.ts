import { eq, inArray, sql } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { authThrottle } from '@/db/schema';

/**
 * The throttle mechanism, whatever is throttled (sign-in, sign-up and activation in
 * lib/auth/throttle.ts, the import's file checks in lib/team/import-throttle.ts): attempts per
 * key, in PostgreSQL so every server instance counts the same ones. A key gets `free` attempts
 * per window; each attempt past that locks it for twice as long as the one before (30 s, 1 min,
 * 2 min... up to `maxSeconds`). A locked key refuses at once, before any work.
 * Decision: a small table and one locked row per key instead of rate-limiter-flexible, whose
 * Postgres store creates its own table at run time and needs a `pg` pool (no PGlite, no Neon).
 * The table keeps its first name, auth_throttle, from when sign-in was its only user.
 */
export type ThrottlePolicy = { free: number; baseSeconds: number; maxSeconds: number; windowSeconds: number };

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

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

/** Starts `fresh` afresh and gives `refund` one attempt back (its lock, if any, stands). */
export async function forgive(fresh: ThrottleKey, refund: ThrottleKey | undefined, exec: Db = db()) {
  await exec.delete(authThrottle).where(eq(authThrottle.key, fresh.key));
  if (refund) {
    await exec
      .update(authThrottle)
      .set({ attempts: sql`greatest(${authThrottle.attempts} - 1, 0)` })
      .where(eq(authThrottle.key, refund.key));
  }
}

/** Minutes to wait, rounded up, for the refusal message. */
export function minutesUntil(retryAt: Date, now: Date) {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
