import { and, eq, lt } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db';
import { first } from '@/db/rows';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/actions/define';
import { env } from '@/lib/env';
import { fullName } from '@/lib/format/person';

const MINUTE = 60_000;
/** last_seen_at moves at most this often: one write a minute per session, not one per request. */
const TOUCH_EVERY_MS = MINUTE;

/** How long a session may sit unused (admins less than members), and how long it may live at all. */
export function sessionLimits(role: 'admin' | 'member') {
  const idleMinutes = role === 'admin' ? env.SESSION_IDLE_MINUTES_ADMIN : env.SESSION_IDLE_MINUTES_MEMBER;
  return { idleMs: idleMinutes * MINUTE, maxMs: env.SESSION_MAX_HOURS * 60 * MINUTE };
}

/** A new session row at sign-in; the user's dead rows go at the same time. */
export async function createSession(userId: string, now = new Date(), exec: Db | Tx = db()): Promise<string> {
  const oldest = new Date(now.getTime() - env.SESSION_MAX_HOURS * 60 * MINUTE);
  await exec.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.createdAt, oldest)));
  const row = first(await exec.insert(sessions).values({ userId, createdAt: now, lastSeenAt: now }).returning({ id: sessions.id }));
  return row.id;
}

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The user behind a session cookie, or undefined when the session was ended (sign-out, role or
 * password change, removal), sat idle too long or outlived its lifetime. One statement by
 * primary key; a live session's clock moves at most once a minute.
 */
export async function loadSessionActor(
  token: { userId?: string | null; sessionId?: string | null },
  now = new Date(),
  exec: Db | Tx = db(),
): Promise<Actor | undefined> {
  const { userId, sessionId } = token;
  if (!userId || !sessionId || !UUID.test(userId) || !UUID.test(sessionId)) return undefined;
  const [row] = await exec
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      companyId: users.companyId,
      role: users.role,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  if (!row) return undefined;
  const role = row.role === 'admin' ? 'admin' : 'member';
  const { idleMs, maxMs } = sessionLimits(role);
  const t = now.getTime();
  if (t - row.lastSeenAt.getTime() > idleMs || t - row.createdAt.getTime() > maxMs) {
    await endSession(sessionId, exec);
    return undefined;
  }
  if (t - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await exec
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, now)));
  }
  return { id: row.id, companyId: row.companyId, role, name: fullName(row), email: row.email, sessionId };
}

/** Sign-out: this browser's session ends, even in a copied cookie. */
export async function endSession(sessionId: string, exec: Db | Tx = db()) {
  if (!UUID.test(sessionId)) return;
  await exec.delete(sessions).where(eq(sessions.id, sessionId));
}

/** "Sign out everywhere": every session of the user ends. */
export async function endAllSessions(userId: string, exec: Db | Tx = db()) {
  await exec.delete(sessions).where(eq(sessions.userId, userId));
}
