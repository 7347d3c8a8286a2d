import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { sessions, users } from '@/db/schema';
import { signOutEverywhere, signOutUser } from '@/lib/auth/sign-out';
import { consumeActivation, newActivationToken } from '@/lib/auth/activation';
import { createSession, loadSessionActor } from '@/lib/auth/sessions';
import { activationTokens } from '@/db/schema';
import { runAction, type RunCall } from '@/lib/runner/run-action';
import { addUser, removeUser, setUserRole } from '@/lib/team/actions';
import { addMember, signUpCompany } from '../../helpers/factories';
import { useCountingDatabase } from '../../helpers/db';
import { userInput } from '../../helpers/team';

const { count } = useCountingDatabase({ numbers: true });

const T0 = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** A served call: the runner gets the cookie's session, as serve() passes it. */
function served(userId: string, sessionId: string | null, now = T0): Omit<RunCall, 'input'> {
  return { userId, sessionId, locale: 'en', now: () => now };
}

const signedOut = { formError: 'Your session has ended. Sign in again.' };

describe('sessions end server-side', () => {
  it('sign-out ends this session: the copied cookie’s actions are refused, other sessions live', async () => {
    const { company, admin } = await signUpCompany();
    const here = await createSession(admin.id, T0);
    const elsewhere = await createSession(admin.id, T0);
    expect(await runAction(signOutUser, { ...served(admin.id, here), input: {} })).toEqual({ ok: true, data: undefined });

    // The replayed cookie names the ended session: Add user is refused and writes nothing.
    const replay = await runAction(addUser, { ...served(admin.id, here), input: userInput({ email: 'x@example.com' }) });
    expect(replay).toEqual(signedOut);
    expect(await db().select().from(users).where(eq(users.email, 'x@example.com'))).toEqual([]);
    expect(await loadSessionActor({ userId: admin.id, sessionId: here }, T0)).toBeUndefined();
    expect((await loadSessionActor({ userId: admin.id, sessionId: elsewhere }, T0))?.companyId).toBe(company.id);
  });

  it('a cookie from before sessions (no session id) or naming another user’s session is refused', async () => {
    const { admin } = await signUpCompany();
    const other = await signUpCompany();
    const theirs = await createSession(other.admin.id, T0);
    expect(await runAction(addUser, { ...served(admin.id, null), input: userInput() })).toEqual(signedOut);
    expect(await runAction(addUser, { ...served(admin.id, theirs), input: userInput() })).toEqual(signedOut);
  });

  it('"sign out everywhere" ends every session of the user and no one else’s', async () => {
    const { company, admin } = await signUpCompany();
    const member = await addMember(company.id);
    const [a, b] = [await createSession(member.id, T0), await createSession(member.id, T0)];
    const adminSession = await createSession(admin.id, T0);
    await runAction(signOutEverywhere, { ...served(member.id, a), input: {} });
    expect(await loadSessionActor({ userId: member.id, sessionId: a }, T0)).toBeUndefined();
    expect(await loadSessionActor({ userId: member.id, sessionId: b }, T0)).toBeUndefined();
    expect(await loadSessionActor({ userId: admin.id, sessionId: adminSession }, T0)).toBeDefined();
  });

  it('a role change ends the user’s sessions (a demoted admin signs in again)', async () => {
    const { company, admin } = await signUpCompany();
    const other = await addMember(company.id, { role: 'admin' });
    const theirs = await createSession(other.id, T0);
    const mine = await createSession(admin.id, T0);
    const result = await runAction(setUserRole, { ...served(admin.id, mine), input: { id: other.id, role: 'member' } });
    expect(result.ok).toBe(true);
    expect(await loadSessionActor({ userId: other.id, sessionId: theirs }, T0)).toBeUndefined();
    expect(await runAction(addUser, { ...served(other.id, theirs), input: userInput() })).toEqual(signedOut);
    expect(await loadSessionActor({ userId: admin.id, sessionId: mine }, T0)).toBeDefined();
  });

  it('a password change ends the user’s sessions', async () => {
    const { company } = await signUpCompany();
    const member = await addMember(company.id);
    const session = await createSession(member.id, T0);
    const link = newActivationToken(T0);
    await db().insert(activationTokens).values({ userId: member.id, tokenHash: link.tokenHash, expiresAt: link.expiresAt });
    const done = await db().transaction((tx) => consumeActivation(tx, link.token, 'new-hash', T0));
    expect(done.ok).toBe(true);
    expect(await loadSessionActor({ userId: member.id, sessionId: session }, T0)).toBeUndefined();
  });

  it('removal ends the removed user’s sessions', async () => {
    const { company, admin } = await signUpCompany();
    const member = await addMember(company.id);
    const theirs = await createSession(member.id, T0);
    const mine = await createSession(admin.id, T0);
    const removed = await runAction(removeUser, { ...served(admin.id, mine), input: { id: member.id } });
    expect(removed.ok).toBe(true);
    expect(await db().select().from(sessions).where(eq(sessions.id, theirs))).toEqual([]);
    expect(await loadSessionActor({ userId: member.id, sessionId: theirs }, T0)).toBeUndefined();
  });
});

describe('idle timeout and lifetime (SESSION_IDLE_MINUTES_ADMIN 30, _MEMBER 480, SESSION_MAX_HOURS 12)', () => {
  it('an admin idle for more than 30 minutes is signed out; use keeps the session alive', async () => {
    const { admin } = await signUpCompany();
    const session = await createSession(admin.id, T0);
    // Used at 20 and 45 minutes: never 30 idle.
    expect(await loadSessionActor({ userId: admin.id, sessionId: session }, minutes(20))).toBeDefined();
    expect(await loadSessionActor({ userId: admin.id, sessionId: session }, minutes(45))).toBeDefined();
    // Then 31 minutes of nothing.
    expect(await runAction(addUser, { ...served(admin.id, session, minutes(76)), input: userInput() })).toEqual(signedOut);
    // Ended, not just refused: coming back sooner does not revive it.
    expect(await loadSessionActor({ userId: admin.id, sessionId: session }, minutes(46))).toBeUndefined();
  });

  it('a member may stay idle longer than an admin, and no session outlives 12 hours', async () => {
    const { company } = await signUpCompany();
    const member = await addMember(company.id);
    const session = await createSession(member.id, T0);
    expect(await loadSessionActor({ userId: member.id, sessionId: session }, minutes(60))).toBeDefined();
    for (let m = 60; m < 12 * 60; m += 120) {
      expect(await loadSessionActor({ userId: member.id, sessionId: session }, minutes(m))).toBeDefined();
    }
    expect(await loadSessionActor({ userId: member.id, sessionId: session }, minutes(12 * 60 + 1))).toBeUndefined();
  });

  it('checking a session is one statement by primary key (plus one write at most a minute)', async () => {
    const { admin } = await signUpCompany();
    const session = await createSession(admin.id, T0);
    const first = await count(() => loadSessionActor({ userId: admin.id, sessionId: session }, T0));
    expect(first.result).toBeDefined();
    expect(first.statements).toHaveLength(1);
    const touched = await count(() => loadSessionActor({ userId: admin.id, sessionId: session }, minutes(2)));
    expect(touched.statements).toHaveLength(2);
    const plan = await db().execute(`explain select * from sessions s join users u on u.id = s.user_id where s.id = '${session}'`);
    const text = JSON.stringify(plan);
    expect(text).toMatch(/sessions_pkey/);
  });
});
