import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { first } from '@/db/rows';
import { callScheduleClosures, callScheduleHours, callSchedules, callStateTargets, companies } from '@/db/schema';
import { loadRoutingGraph } from '@/lib/calls/routing-graph';
import { getCallsCardData } from '@/lib/calls/queries';
import { getEmergencyDuties } from '@/lib/emergency/duties';
import { ownedNumbersSearchSchema } from '@/lib/numbers/owned-search';
import { getNumbersCardData } from '@/lib/numbers/queries';
import { getSetupProgress } from '@/lib/setup/cards';
import { sitesOf } from '@/lib/sites/queries';
import { getLicencesPageData, licencesSearchSchema } from '@/lib/team/licence-holders';
import { useCountingDatabase } from '../helpers/db';
import { addDeskPhone, addMemberWithExtension } from '../helpers/team';
import { addConference, addRingGroup, giveDirectNumber, readyCompany } from '../helpers/review';
import { LIST_PAGE_SIZE } from '@/lib/format/pages';

// Like review-queries.test.ts: a counted connection proves the Company, Licences, Phone numbers
// and Call handling cards cost the same number of statements for 3 users as for 120. Each
// function is measured on its own, with the arguments its page.tsx passes on page 1 without a
// search, so a loader that starts to grow with the team is named by the failing key.

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
    // Every Office user with a direct number: the large company's numbers (61) fill more than
    // the Phone numbers card's first page of 50.
    if (i % 2) await giveDirectNumber(company.id, user.id);
    if (i % 10 === 0) await addDeskPhone(company.id, { userId: user.id });
    ids.push(user.id);
  }
  const everyone = await addRingGroup(company.id, '500', 'Everyone', ids);
  await addRingGroup(company.id, '501', 'Empty');
  await addConference(company.id, '800');
  return { company, admin, everyone };
}

type Sized = Awaited<ReturnType<typeof companyOfSize>>;

/** A saved Call handling card, as its actions leave it: hours, a closure, the three states' targets. */
async function saveCallHandling(c: Sized) {
  const [schedule] = await db()
    .insert(callSchedules)
    .values({ companyId: c.company.id, ownerKind: 'company', holidayCalendar: 'FR' })
    .returning();
  await db()
    .insert(callScheduleHours)
    .values([0, 1, 2, 3, 4].map((weekday) => ({ scheduleId: schedule.id, weekday, startMinute: 540, endMinute: 1080 })));
  await db().insert(callScheduleClosures).values({ scheduleId: schedule.id, firstDay: '2030-08-01', lastDay: '2030-08-15', label: 'Summer' });
  await db()
    .insert(callStateTargets)
    .values([
      { scheduleId: schedule.id, state: 'open', kind: 'ring_group', extensionId: c.everyone.id },
      { scheduleId: schedule.id, state: 'closed', kind: 'voicemail', voicemailUserId: c.admin.id },
      { scheduleId: schedule.id, state: 'holiday', kind: 'number', e164: '+33612345678' },
    ]);
}

// What each page's Promise.all awaits, one key per function (translations and locale aside).
const companyCard = (id: string) => ({
  company: () => db().select().from(companies).where(eq(companies.id, id)).then(first),
  progress: () => getSetupProgress(id),
  duties: () => getEmergencyDuties(id),
  sites: () => sitesOf(db(), id),
});
const licencesCard = (id: string) => ({
  progress: () => getSetupProgress(id),
  data: () => getLicencesPageData(id, licencesSearchSchema.parse({})),
});
const numbersCard = (id: string) => {
  const { q, mapping, page } = ownedNumbersSearchSchema.parse({});
  return {
    progress: () => getSetupProgress(id),
    data: () => getNumbersCardData(id, { q, mapping, page }),
    // The page's graph is its numbers' (their ids come from the data): all of them here.
    graph: () => loadRoutingGraph(db(), id),
  };
};
const callsCard = (id: string) => ({
  progress: () => getSetupProgress(id),
  data: () => getCallsCardData(id, 'en'),
});

/** The statements of each of the card's functions, one at a time so each count is its own. */
async function measure(loads: Record<string, () => Promise<unknown>>) {
  const out: Record<string, number> = {};
  for (const [key, load] of Object.entries(loads)) out[key] = await count(load);
  return out;
}

describe('statements per card, whatever the team size', () => {
  let small: Sized;
  let large: Sized;

  beforeAll(async () => {
    small = await companyOfSize(3);
    large = await companyOfSize(120);
  }, 120_000);

  it('Company: the company row, progress, emergency duties and sites', async () => {
    // Duties: the company's country, then its recipients and acknowledgements side by side.
    const expected = { company: 1, progress: 1, duties: 3, sites: 1 };
    expect(await measure(companyCard(small.company.id))).toEqual(expected);
    expect(await measure(companyCard(large.company.id))).toEqual(expected);
    // The sites' user counts join every user: all 121 work at the first site.
    const [site] = await sitesOf(db(), large.company.id);
    expect(site.userCount).toBe(121);
  });

  it('Licences: progress and the page data', async () => {
    // Seats, desk phones, pending orders, the page of holders, prices, that page's registrations.
    const expected = { progress: 1, data: 6 };
    expect(await measure(licencesCard(small.company.id))).toEqual(expected);
    expect(await measure(licencesCard(large.company.id))).toEqual(expected);
    const data = await getLicencesPageData(large.company.id, {});
    expect(data.holders.total).toBeGreaterThanOrEqual(100);
    expect(data.holders.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(data.devices.rows).toHaveLength(12);
  });

  it('Phone numbers: progress, the page of numbers and the routing graph', async () => {
    // Data: the page of numbers, the company and its counts, prices, billing rows.
    // Graph: users, extensions, numbers, schedules.
    const expected = { progress: 1, data: 4, graph: 4 };
    expect(await measure(numbersCard(small.company.id))).toEqual(expected);
    expect(await measure(numbersCard(large.company.id))).toEqual(expected);
    const data = await getNumbersCardData(large.company.id, {});
    expect(data.owned).toBe(61);
    expect(data.rows).toHaveLength(LIST_PAGE_SIZE);
    const graph = await loadRoutingGraph(db(), large.company.id);
    expect(graph.users.size).toBeGreaterThanOrEqual(100);
    expect(graph.extensions.get(large.everyone.id)?.members).toHaveLength(120);
  });

  it('Call handling: progress and the card data, before and after the first save', async () => {
    // Unsaved: the company, its schedule (none), the main number's extension, the first user
    // extension, the first admin, then the suggested targets' extension and voicemail words.
    const unsaved = { progress: 1, data: 7 };
    expect(await measure(callsCard(small.company.id))).toEqual(unsaved);
    expect(await measure(callsCard(large.company.id))).toEqual(unsaved);

    await saveCallHandling(small);
    await saveCallHandling(large);
    // Saved: the week, closures, disabled holidays and targets are read as well.
    const saved = { progress: 1, data: 11 };
    expect(await measure(callsCard(small.company.id))).toEqual(saved);
    expect(await measure(callsCard(large.company.id))).toEqual(saved);
    const data = await getCallsCardData(large.company.id, 'en');
    expect(data.saved).toBe(true);
    expect(data.targets.open.label).toBe('500 · Everyone');
  });
});
