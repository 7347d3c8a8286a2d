import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, setupProgress, sipCredentials } from '@/db/schema';
import { runAction } from '@/lib/runner/run-action';
import { digestHashes } from '@/lib/telephony/credentials';
import { newOwnSipPassword, newSipPassword } from '@/lib/telephony/actions';
import { useTestDatabase } from '../helpers/db';
import { addMember } from '../helpers/factories';
import { readyCompany } from '../helpers/review';

// "Set up your phone" (/me) and an admin provisioning a phone: a new SIP password, shown once,
// stored as HA1 hashes only, in the Team card's history, without reopening the Team card.

useTestDatabase();

const credentialsOf = async (userId: string) => (await db().select().from(sipCredentials).where(eq(sipCredentials.userId, userId)))[0];
const historyOf = (companyId: string) =>
  db().select().from(auditLog).where(and(eq(auditLog.companyId, companyId), eq(auditLog.action, 'sip.passwordReset')));

describe('a new SIP password', () => {
  it('a member gets their own, once: the stored hashes are of it, the old one stops matching', async () => {
    const { company } = await readyCompany();
    const member = await addMember(company.id, { firstName: 'Mia', lastName: 'Member' });
    const first = await runAction(newOwnSipPassword, { userId: member.id, locale: 'fr', input: {} });
    if (!first.ok) throw new Error(JSON.stringify(first));
    const { username, domain, password, server } = first.data;
    expect(username).toBe(member.sipUsername);
    expect(domain).toBe(company.sipDomain);
    expect(server).toBe(company.sipDomain);
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await credentialsOf(member.id);
    expect(stored).toMatchObject(digestHashes(username, domain, password));
    expect(JSON.stringify(stored)).not.toContain(password);

    const second = await runAction(newOwnSipPassword, { userId: member.id, locale: 'fr', input: {} });
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(second.data.password).not.toBe(password);
    expect(await credentialsOf(member.id)).not.toMatchObject(digestHashes(username, domain, password));
    const lines = await historyOf(company.id);
    expect(lines.map((l) => [l.card, l.target, l.actorName])).toEqual([
      ['team', 'Mia Member', 'Mia Member'],
      ['team', 'Mia Member', 'Mia Member'],
    ]);
  });

  it("an admin provisions a member's phone; the Team card stays verified", async () => {
    const { company, admin } = await readyCompany();
    const member = await addMember(company.id, { firstName: 'Max', lastName: 'Member' });
    const result = await runAction(newSipPassword, { userId: admin.id, locale: 'en', input: { id: member.id } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await credentialsOf(member.id)).toMatchObject(digestHashes(member.sipUsername, company.sipDomain, result.data.password));
    expect((await historyOf(company.id)).map((l) => l.target)).toEqual(['Max Member']);
    const [team] = await db()
      .select({ status: setupProgress.status })
      .from(setupProgress)
      .where(and(eq(setupProgress.companyId, company.id), eq(setupProgress.card, 'team')));
    expect(team?.status).toBe('verified');
  });

  it("a member cannot reset someone else's, and no admin can reach another company's user", async () => {
    const { company, admin } = await readyCompany();
    const member = await addMember(company.id);
    const other = await readyCompany();
    expect(await runAction(newSipPassword, { userId: member.id, locale: 'en', input: { id: admin.id } })).toEqual({
      formError: 'Only an administrator of this company can do that.',
    });
    const foreign = await runAction(newSipPassword, { userId: other.admin.id, locale: 'en', input: { id: member.id } });
    expect(foreign.ok).toBeFalsy();
    expect(await credentialsOf(member.id)).toBeUndefined();
    expect(await historyOf(company.id)).toEqual([]);
    expect(await historyOf(other.company.id)).toEqual([]);
  });
});
