import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { callScheduleHours, callSchedules, callStateTargets, extensions } from '@/db/schema';
import { numberFlow, reachedByAll } from '@/lib/calls/flow-graph';
import { deadEndsOf } from '@/lib/calls/preview';
import { loadRoutingGraph } from '@/lib/calls/routing-graph';
import { useTestDatabase } from '../../helpers/db';
import { addRingGroup, giveDirectNumber, readyCompany } from '../../helpers/review';
import { addMemberWithExtension } from '../../helpers/team';

// Issue 15: the routing graph a card loads grows with what routes (numbers, ring groups and what
// they ring), not with the team. A user extension is a leaf of every path, so one that nothing
// routes to is loaded only when a page shows it, and then as reached by nothing.

useTestDatabase();

const sorted = (keys: Iterable<string>) => [...keys].sort();

/** The main number rings the admin; Léa's direct line has its own hours ringing Sales, whose no answer forwards to Max. */
async function routedCompany() {
  const { company, admin, main } = await readyCompany({ officeSeats: 3 });
  const lea = await addMemberWithExtension(company.id, '102', { firstName: 'Léa', lastName: 'Moreau', licence: 'office' });
  const max = await addMemberWithExtension(company.id, '103', { firstName: 'Max', lastName: 'Petit' });
  const sales = await addRingGroup(company.id, '500', 'Sales', [lea.user.id]);
  await db().update(extensions).set({ noAnswerKind: 'extension', noAnswerUserId: null, noAnswerExtensionId: max.extension.id }).where(eq(extensions.id, sales.id));
  const direct = await giveDirectNumber(company.id, lea.user.id);
  const [own] = await db().insert(callSchedules).values({ companyId: company.id, ownerKind: 'number', phoneNumberId: direct.id }).returning();
  await db().insert(callScheduleHours).values({ scheduleId: own.id, weekday: 0, startMinute: 540, endMinute: 1080 });
  await db().insert(callStateTargets).values([
    { scheduleId: own.id, state: 'open', kind: 'ring_group', extensionId: sales.id },
    { scheduleId: own.id, state: 'closed', kind: 'voicemail', voicemailUserId: lea.user.id },
  ]);
  return { company, admin, main: main!, lea, max, sales, direct };
}

describe('the routing graph holds what routes, whatever the team size', () => {
  it('40 more users nothing routes to leave the whole graph as it was', async () => {
    const s = await routedCompany();
    const before = await loadRoutingGraph(db(), s.company.id);
    expect(sorted(before.users.keys())).toEqual(sorted([s.admin.id, s.lea.user.id, s.max.user.id]));
    expect(before.extensions.has(s.max.extension.id)).toBe(true);

    const unrouted = [];
    for (let i = 0; i < 40; i++) unrouted.push(await addMemberWithExtension(s.company.id, String(200 + i), { firstName: 'New', lastName: `Hire${i}` }));
    const after = await loadRoutingGraph(db(), s.company.id);
    expect(sorted(after.users.keys())).toEqual(sorted(before.users.keys()));
    expect(sorted(after.extensions.keys())).toEqual(sorted(before.extensions.keys()));
    expect(reachedByAll(after)).toEqual(reachedByAll(before));

    // A page of the Extensions card shows some of them: loaded, with their names, reached by nothing.
    const shown = unrouted.slice(0, 2).map((u) => u.extension.id);
    const page = await loadRoutingGraph(db(), s.company.id, { extensionIds: [...shown, s.max.extension.id] });
    expect(page.extensions.get(shown[0]!)).toMatchObject({ number: '200', name: 'New Hire0', type: 'user' });
    expect(page.users.get(unrouted[1]!.user.id)).toMatchObject({ name: 'New Hire1', extension: '201' });
    const reached = reachedByAll(page);
    expect(reached.get(shown[0]!)).toBeUndefined();
    expect(reached.get(s.max.extension.id)).toEqual(reachedByAll(before).get(s.max.extension.id));
    expect(reached.get(s.max.extension.id)?.ringGroups).toEqual([{ extensionId: s.sales.id, how: 'noAnswer' }]);
  });

  it('a page of numbers: only those numbers and their own schedules, each flow as in the whole graph', async () => {
    const s = await routedCompany();
    const whole = await loadRoutingGraph(db(), s.company.id);
    const page = await loadRoutingGraph(db(), s.company.id, { numberIds: [s.direct.id] });
    expect(sorted(page.numbers.keys())).toEqual([s.direct.id]);
    expect(numberFlow(page, s.direct.id)).toEqual(numberFlow(whole, s.direct.id));
    expect(numberFlow(page, s.direct.id)?.schedule).toBe('number');
    expect(page.numbers.get(s.direct.id)?.schedule?.schedule.week.mon).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(numberFlow(page, s.main.id)).toBeUndefined();

    const mainOnly = await loadRoutingGraph(db(), s.company.id, { numberIds: [s.main.id] });
    expect(numberFlow(mainOnly, s.main.id)).toEqual(numberFlow(whole, s.main.id));
    const none = await loadRoutingGraph(db(), s.company.id, { numberIds: [] });
    expect(none.numbers.size).toBe(0);
  });

  it('without the plain direct lines: 40 Office hires with their own number change nothing the reverse searches find', async () => {
    const s = await routedCompany();
    // Max is Free without a phone: his line rings nobody, a dead end the Review must still see.
    const maxLine = await giveDirectNumber(s.company.id, s.max.user.id);
    const hires = [];
    for (let i = 0; i < 40; i++) {
      const hire = await addMemberWithExtension(s.company.id, String(300 + i), { firstName: 'Office', lastName: `Hire${i}`, licence: 'office' });
      hires.push({ ...hire, line: await giveDirectNumber(s.company.id, hire.user.id) });
    }
    const whole = await loadRoutingGraph(db(), s.company.id);
    const pruned = await loadRoutingGraph(db(), s.company.id, { skipPlainLines: true });
    expect(whole.numbers.size).toBe(43);
    // The main number, Léa's line with its own hours, Max's line that rings nobody.
    expect(sorted(pruned.numbers.keys())).toEqual(sorted([s.main.id, s.direct.id, maxLine.id]));
    expect(pruned.users.size).toBe(3);
    expect(deadEndsOf(pruned)).toEqual(deadEndsOf(whole));
    expect(deadEndsOf(pruned).numbers.map((n) => n.id)).toEqual([maxLine.id]);

    // A page that shows two hires keeps their lines: "Reached by" their number, as in the whole graph.
    const shown = hires.slice(0, 2);
    const page = await loadRoutingGraph(db(), s.company.id, { extensionIds: shown.map((h) => h.extension.id), skipPlainLines: true });
    expect(page.numbers.size).toBe(5);
    for (const id of [...shown.map((h) => h.extension.id), s.lea.extension.id, s.max.extension.id, s.sales.id]) {
      expect(reachedByAll(page).get(id), id).toEqual(reachedByAll(whole).get(id));
    }
    expect(reachedByAll(page).get(shown[0]!.extension.id)?.numbers).toEqual([{ numberId: shown[0]!.line.id, states: ['always'] }]);
  });
});
