import { describe, expect, it } from 'vitest';
import { loadHistory } from '@/lib/audit/history';
import { getMyLine } from '@/lib/me/line';
import { getOutboxPage } from '@/lib/mail/outbox';
import { getCostSummary } from '@/lib/review/cost';
import { getMissing } from '@/lib/review/missing';
import { useCountingDatabase } from '../helpers/db';
import { addMemberWithExtension } from '../helpers/team';
import { addConference, addRingGroup, giveDirectNumber, readyCompany } from '../helpers/review';

// Like team-queries.test.ts: a counted connection proves the Review card, the member's page
// and the History panel cost the same number of statements for 3 users as for 120.

const { count: counted } = useCountingDatabase();
const count = async (fn: () => Promise<unknown>) => (await counted(fn)).statements.length;

async function companyOfSize(users: number) {
  const { company, admin } = await readyCompany({ officeSeats: users + 1 });
  const ids: string[] = [];
  for (let i = 0; i < users; i++) {
    const { user } = await addMemberWithExtension(company.id, String(102 + i), {
      firstName: 'User',
      lastName: `N${i}`,
      licence: i % 2 ? 'office' : 'free',
    });
    if (i % 4 === 1) await giveDirectNumber(company.id, user.id);
    ids.push(user.id);
  }
  await addRingGroup(company.id, '500', 'Everyone', ids);
  await addRingGroup(company.id, '501', 'Empty');
  await addConference(company.id, '800');
  return { company, admin, someone: ids[ids.length - 1] };
}

describe('statements per page, whatever the team size', () => {
  it('Review (cost + missing), /me, History and the outbox', async () => {
    const small = await companyOfSize(3);
    const large = await companyOfSize(120);
    const measure = async (c: Awaited<ReturnType<typeof companyOfSize>>) => ({
      missing: await count(() => getMissing(c.company.id)),
      cost: await count(() => getCostSummary(c.company.id)),
      me: await count(() => getMyLine(c.someone)),
      history: await count(() => loadHistory(c.company.id, 'company', 1, 'en')),
      outbox: await count(() => getOutboxPage(c.company.id)),
    });
    // Issue 10: missing also reads the billing rows and the prices (unassigned numbers' and unused
    // seats' cost), one statement each: 3; issue 14's reserved-number check reads the numbering
    // rules' company fields and the extension numbers: 5, still independent of the size.
    // Issue 14's call-flow dead ends load the company's routing graph (lib/calls/preview.ts):
    // four statements more, still independent of the size.
    const callFlowGraph = 4;
    // Issue 14's emergency duties (lib/emergency/duties.ts): one statement.
    const emergencyDuties = 1;
    const expected = { missing: 5 + callFlowGraph + emergencyDuties, cost: 3, me: 2, history: 1, outbox: 1 };
    expect(await measure(small)).toEqual(expected);
    expect(await measure(large)).toEqual(expected);
    // And the large one really is large.
    const items = await getMissing(large.company.id);
    expect(items.find((i) => i.code === 'officeUserNoNumber')?.count).toBe(30);
  });
});
