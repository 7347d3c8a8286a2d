import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db';
import { activationTokens, companies, users } from '@/db/schema';

/** An activation link works for 7 days, once. */
export const ACTIVATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export { activationSchema, type ActivationInput } from './activation-schema';

/** Only this hash is stored: a database leak does not hand out working links. */
export function hashActivationToken(token: string) {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: the secret part of the link. */
export function newActivationToken(now: Date) {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashActivationToken(token), expiresAt: new Date(now.getTime() + ACTIVATION_TTL_MS) };
}

export function activationPath(token: string) {
  return `/activate/${encodeURIComponent(token)}`;
}

export type ActivationLookup =
  | { state: 'valid'; user: { id: string; firstName: string; lastName: string; email: string }; companyName: string; expiresAt: Date }
  | { state: 'used' }
  | { state: 'expired'; expiresAt: Date; timeZone: string }
  | { state: 'unknown' };

/** What the activation page shows; reading it never consumes the token (link previews are harmless). */
export async function lookUpActivation(token: string, now = new Date(), exec: Db | Tx = db()): Promise<ActivationLookup> {
  if (!token || token.length > 200) return { state: 'unknown' };
  const [row] = await exec
    .select({
      usedAt: activationTokens.usedAt,
      expiresAt: activationTokens.expiresAt,
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      companyName: companies.name,
      timeZone: companies.timeZone,
    })
    .from(activationTokens)
    .innerJoin(users, eq(users.id, activationTokens.userId))
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(eq(activationTokens.tokenHash, hashActivationToken(token)));
  if (!row) return { state: 'unknown' };
  if (row.usedAt) return { state: 'used' };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: 'expired', expiresAt: row.expiresAt, timeZone: row.timeZone };
  return {
    state: 'valid',
    user: { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email },
    companyName: row.companyName,
    expiresAt: row.expiresAt,
  };
}

export type ActivationResult =
  | { ok: true; userId: string; email: string; role: 'admin' | 'member' }
  | { ok: false; reason: 'used' | 'expired' | 'unknown' };

/**
 * Consumes the token and sets the password in one transaction. The conditional UPDATE is the
 * check: of two submissions of the same link, exactly one gets a row back. Every other
 * outstanding link of the user dies with it.
 */
export async function activateAccount(token: string, passwordHash: string, now = new Date()): Promise<ActivationResult> {
  return db().transaction((tx) => consumeActivation(tx, token, passwordHash, now));
}

/** activateAccount inside the caller's transaction (the activation action's). */
export async function consumeActivation(tx: Tx, token: string, passwordHash: string, now: Date): Promise<ActivationResult> {
  const tokenHash = hashActivationToken(token);
  const [consumed] = await tx
    .update(activationTokens)
    .set({ usedAt: now })
    .where(
      and(eq(activationTokens.tokenHash, tokenHash), isNull(activationTokens.usedAt), gt(activationTokens.expiresAt, now)),
    )
    .returning({ id: activationTokens.id, userId: activationTokens.userId });
  if (!consumed) return fail(tx, token, now);
  await expireOtherTokens(tx, consumed.userId, consumed.id, now);
  const [user] = await tx
    .update(users)
    .set({ passwordHash })
    .where(eq(users.id, consumed.userId))
    .returning({ id: users.id, email: users.email, role: users.role });
  if (!user) return fail(tx, token, now);
  return { ok: true, userId: user.id, email: user.email, role: user.role === 'admin' ? 'admin' : 'member' };
}

async function fail(tx: Tx, token: string, now: Date): Promise<ActivationResult> {
  const lookup = await lookUpActivation(token, now, tx);
  return { ok: false, reason: lookup.state === 'valid' ? 'used' : lookup.state };
}

/** A user's still-usable links other than `keepId` stop working now. */
export async function expireOtherTokens(tx: Tx, userId: string, keepId: string | null, now: Date) {
  await tx
    .update(activationTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(activationTokens.userId, userId),
        isNull(activationTokens.usedAt),
        keepId ? ne(activationTokens.id, keepId) : undefined,
      ),
    );
}
