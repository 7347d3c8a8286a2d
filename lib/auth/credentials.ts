import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { auditLog, users } from '@/db/schema';
import { SYSTEM_ACTOR_NAME } from '@/lib/audit/log';
import { log } from '@/lib/log';
import { verifyPassword } from '@/lib/secrets/password';
import { admitAttempt, lockedUntil } from '@/lib/throttle/attempts';
import { accountKey, forgiveSuccess, signInAddressKey } from './throttle';

export type CredentialCheck =
  | { ok: true; user: typeof users.$inferSelect }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

/** A sign-in attempt in the account's history (unknown e-mails have no company: the log line only). */
async function recordAttempt(user: { id: string; companyId: string } | undefined, action: string, email: string, address?: string) {
  if (!user) return;
  await db()
    .insert(auditLog)
    .values({ companyId: user.companyId, actorId: null, actorName: SYSTEM_ACTOR_NAME, card: null, action, target: email, after: { address: address ?? null } });
}

/**
 * The sign-in check behind Auth.js's authorize: throttle first (a locked account or address
 * is refused before any argon2 work), then the password. Unknown e-mail and wrong password take
 * the same path and time. Every failure is one log line and, for a known account, a history entry.
 */
export async function checkCredentials(email: string, password: string, address: string | undefined, now = new Date()): Promise<CredentialCheck> {
  const account = accountKey(email);
  const addressKey = address ? signInAddressKey(address) : undefined;
  const keys = addressKey ? [account, addressKey] : [account];
  const admission = await admitAttempt(keys, now);
  const [user] = await db().select().from(users).where(eq(users.email, email.toLowerCase()));
  if (!admission.ok) {
    log.warn({ event: 'sign-in.throttled', known: Boolean(user), address, retryAt: admission.retryAt.toISOString() }, 'sign-in refused: throttled');
    await recordAttempt(user, 'auth.signInThrottled', email, address);
    return { ok: false, reason: 'throttled', retryAt: admission.retryAt };
  }
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) {
    log.info({ event: 'sign-in.failed', known: Boolean(user), address }, 'sign-in failed');
    await recordAttempt(user, 'auth.signInFailed', email, address);
    // The attempt that earned a lock says so at once.
    const retryAt = await lockedUntil(keys, now);
    return retryAt ? { ok: false, reason: 'throttled', retryAt } : { ok: false, reason: 'invalid' };
  }
  await forgiveSuccess(account, addressKey);
  return { ok: true, user };
}
