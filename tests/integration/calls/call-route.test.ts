import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { callScheduleHolidayDates, phoneNumbers, users } from '@/db/schema';
import { addClosure, removeClosure, saveBusinessHours, setHolidayCalendar, setHolidayEnabled, setStateTargets } from '@/lib/calls/actions';
import { HOLIDAY_YEARS, refreshHolidayDates } from '@/lib/calls/holiday-dates';
import { holidaysOf } from '@/lib/calls/holidays';
import { stateAt } from '@/lib/calls/schedule';
import { closuresOf, disabledHolidaysOf, findSchedule, scheduleOf } from '@/lib/calls/store';
import { timeOfMinutes, WEEKDAYS } from '@/lib/calls/time';
import { deleteRingGroup } from '@/lib/extensions/actions';
import { loadRoutingGraph } from '@/lib/calls/routing-graph';
import { mapNumber } from '@/lib/numbers/actions';
import { saveSite } from '@/lib/sites/actions';
import { numberTimeZone } from '@/lib/sites/time-zone';
import { useTestDatabase } from '../../helpers/db';
import { act, callsCompany, companySchedule, OFFICE_WEEK } from './helpers';

// sip.call_route (migration 0012), what Kamailio routes a carrier call by, against
// lib/calls/schedule.ts stateAt, what the app (and the call-flow preview) says: on generated
// schedules and instants, daylight-saving edges and holidays included, they must agree.

useTestDatabase();

type Route = { state: string; kind: string; extension: string | null; e164: string | null; voicemail_username: string | null; schedule_owner: string };

async function route(e164: string, instant: Date): Promise<Route | undefined> {
  const result = (await db().execute(
    sql`select state, kind, extension, e164, voicemail_username, schedule_owner from sip.call_route(${e164}, ${instant.toISOString()}::timestamptz)`,
  )) as unknown as { rows: Route[] };
  return result.rows[0];
}

const ok = async (p: Promise<{ ok?: boolean }>) => expect(await p).toMatchObject({ ok: true });

/** A company (FR, US or CH) whose admin's direct number the checks call; targets saved. */
async function setUp(country: 'FR' | 'US' | 'CH') {
  const s = await callsCompany({ country });
  await ok(act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) }));
  await ok(act(setStateTargets, s.admin.id, { open: `extension:${s.member.extension.id}`, closed: `ring_group:${s.group.id}`, holiday: `voicemail:${s.admin.id}` }));
  const [number] = await db().select().from(phoneNumbers).where(and(eq(phoneNumbers.companyId, s.company.id), eq(phoneNumbers.extensionId, s.adminExt.id)));
  return { ...s, number: number! };
}

// A day's intervals: sorted distinct quarter-hour marks taken two by two (touching allowed).
const dayArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 })
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: timeOfMinutes(sorted[i]! * 15), end: timeOfMinutes(sorted[i + 1]! * 15) });
    return out;
  });
const weekArb = fc.tuple(...WEEKDAYS.map(() => dayArb)).map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]!])));
const DAY = 86_400_000;
const closureArb = fc
  .tuple(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 12 }))
  .map(([offset, length]) => {
    const from = new Date(Date.UTC(2026, 0, 1) + offset * DAY);
    return { from: from.toISOString().slice(0, 10), to: new Date(from.getTime() + length * DAY).toISOString().slice(0, 10) };
  });

// 2026's daylight-saving changes, as instants.
const DST_EDGES = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'].map((t) => Date.parse(t));

function instantArb(calendar: string | null) {
  const holidays = calendar ? [2026, 2027, 2028].flatMap((y) => holidaysOf(calendar, y).map((h) => Date.parse(`${h.date}T00:00:00Z`))) : [];
  return fc.oneof(
    // Anywhere within the dates the database holds.
    fc.integer({ min: Date.UTC(2025, 0, 2), max: Date.UTC(2029, 11, 30) }),
    // Within a day of a daylight-saving change, to the second.
    fc.tuple(fc.constantFrom(...DST_EDGES), fc.integer({ min: -DAY, max: DAY })).map(([edge, d]) => edge + d),
    // Around a holiday of the calendar (the zone's offset puts some on the day before or after).
    ...(holidays.length ? [fc.tuple(fc.constantFrom(...holidays), fc.integer({ min: -6 * 3600_000, max: DAY + 6 * 3600_000 })).map(([day, d]) => day + d)] : []),
  ).map((ms) => new Date(ms));
}

/** Makes the company's schedule exactly this through the card's actions. */
async function configure(
  s: Awaited<ReturnType<typeof setUp>>,
  config: { week: Record<string, unknown>; closures: { from: string; to: string }[]; calendar: string | null; disabled: string[] },
) {
  await ok(act(saveBusinessHours, s.admin.id, { week: JSON.stringify(config.week) }));
  const schedule = (await companySchedule(s.company.id))!;
  for (const c of await closuresOf(db(), schedule.id)) await ok(act(removeClosure, s.admin.id, { id: c.id }));
  for (const [i, c] of config.closures.entries()) await ok(act(addClosure, s.admin.id, { label: `Closure ${i}`, ...c }));
  await ok(act(setHolidayCalendar, s.admin.id, { calendar: config.calendar ?? '' }));
  if (!config.calendar) return;
  const current = await disabledHolidaysOf(db(), schedule.id);
  for (const key of current.filter((k) => !config.disabled.includes(k))) await ok(act(setHolidayEnabled, s.admin.id, { key, enabled: 'true' }));
  for (const key of config.disabled.filter((k) => !current.includes(k))) await ok(act(setHolidayEnabled, s.admin.id, { key, enabled: 'false' }));
}

const figures: string[] = [];

describe('sip.call_route agrees with stateAt', () => {
  it.each([
    ['FR', 'Europe/Paris', ['FR', 'FR-ALSACE-MOSELLE', null]],
    ['US', 'America/New_York', ['US', null]],
    ['CH', 'Europe/Zurich', ['CH-VS', 'CH-ZH']],
  ] as const)('in %s (%s): generated weeks, closures, calendars, switched-off holidays and instants', async (country, zone, calendars) => {
    const s = await setUp(country);
    expect(s.company.timeZone).toBe(zone);
    let checked = 0;
    const configArb = fc.constantFrom(...calendars).chain((calendar) =>
      fc.record({
        week: weekArb,
        closures: fc.array(closureArb, { maxLength: 2 }),
        calendar: fc.constant(calendar),
        disabled: calendar ? fc.subarray([...new Set(holidaysOf(calendar, 2026).map((h) => h.key))], { maxLength: 3 }) : fc.constant<string[]>([]),
        instants: fc.array(instantArb(calendar), { minLength: 30, maxLength: 30 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(configArb, async ({ instants, ...config }) => {
        await configure(s, config);
        const schedule = await scheduleOf(db(), (await companySchedule(s.company.id))!, s.company.timeZone);
        for (const instant of instants) {
          const expected = stateAt(schedule, instant);
          const got = await route(s.number.e164, instant);
          expect({ instant: instant.toISOString(), state: got?.state }).toEqual({ instant: instant.toISOString(), state: expected });
          checked++;
        }
      }),
      { numRuns: 5 },
    );
    figures.push(`${country}: ${checked} instants, all agreeing`);
    expect(checked).toBe(150);
    console.log(`sip.call_route vs stateAt: ${figures.at(-1)}`);
  });
});

describe('sip.call_route and the preview read a direct line in its user’s site time zone', () => {
  it('US company in New York, Léa on the Los Angeles site: her number’s own hours in Los Angeles, the main number’s in New York', async () => {
    const s = await setUp('US');
    const la = await act(saveSite, s.admin.id, { country: 'US', name: 'Los Angeles', street: '200 N Spring St', city: 'Los Angeles', postalCode: '90012', region: 'CA', timeZone: 'America/Los_Angeles' });
    expect(la).toMatchObject({ ok: true });
    await db().update(users).set({ siteId: (la as { data: { id: string } }).data.id, floorRoom: 'Suite 300' }).where(eq(users.id, s.member.user.id));
    const [spare] = await db().select().from(phoneNumbers).where(and(eq(phoneNumbers.country, 'US'), eq(phoneNumbers.status, 'available'))).limit(1);
    await db().update(phoneNumbers).set({ status: 'owned', companyId: s.company.id, extensionId: s.member.extension.id }).where(eq(phoneNumbers.id, spare!.id));
    expect(await numberTimeZone(db(), spare!.id)).toBe('America/Los_Angeles');
    expect(await numberTimeZone(db(), s.number.id)).toBe('America/New_York');

    const own = { owner: 'number', ownerId: spare!.id };
    await ok(act(saveBusinessHours, s.admin.id, { ...own, week: JSON.stringify(OFFICE_WEEK) }));
    await ok(act(setStateTargets, s.admin.id, { ...own, open: `extension:${s.member.extension.id}`, closed: `voicemail:${s.member.user.id}`, holiday: `voicemail:${s.member.user.id}` }));
    // Tuesday 18:30 in New York is 15:30 in Los Angeles: the direct line is open, the main number closed.
    const tuesday = new Date('2026-12-08T23:30:00Z');
    expect(await route(spare!.e164, tuesday)).toMatchObject({ state: 'open', schedule_owner: 'number' });
    expect(await route(s.number.e164, tuesday)).toMatchObject({ state: 'closed', schedule_owner: 'company' });

    let checked = 0;
    const configArb = fc.record({ week: weekArb, closures: fc.array(closureArb, { maxLength: 2 }), instants: fc.array(instantArb('US'), { minLength: 30, maxLength: 30 }) });
    await fc.assert(
      fc.asyncProperty(configArb, async ({ week, closures, instants }) => {
        await ok(act(saveBusinessHours, s.admin.id, { ...own, week: JSON.stringify(week) }));
        const row = (await findSchedule(db(), s.company.id, { owner: 'number', ownerId: spare!.id }))!;
        for (const c of await closuresOf(db(), row.id)) await ok(act(removeClosure, s.admin.id, { ...own, id: c.id }));
        for (const [i, c] of closures.entries()) await ok(act(addClosure, s.admin.id, { ...own, label: `Closure ${i}`, ...c }));
        const schedule = await scheduleOf(db(), row, 'America/Los_Angeles');
        // The preview's own copy of the schedule reads the same zone.
        const graph = await loadRoutingGraph(db(), s.company.id);
        expect(graph.numbers.get(spare!.id)!.schedule!.schedule.timeZone).toBe('America/Los_Angeles');
        for (const instant of instants) {
          const got = await route(spare!.e164, instant);
          expect({ instant: instant.toISOString(), state: got?.state }).toEqual({ instant: instant.toISOString(), state: stateAt(schedule, instant) });
          checked++;
        }
      }),
      { numRuns: 5 },
    );
    expect(checked).toBe(150);
    console.log(`sip.call_route vs stateAt: US direct line on a Los Angeles site: ${checked} instants, all agreeing`);
  });
});

describe('sip.call_route: which schedule and which target', () => {
  it('the targets of each state; the ring group override when the number rings the group; the number override first', async () => {
    const s = await setUp('FR');
    const tuesday10 = new Date('2026-12-08T09:00:00Z');
    const tuesday22 = new Date('2026-12-08T21:00:00Z');
    const christmas = new Date('2026-12-25T10:00:00Z');
    expect(await route(s.number.e164, tuesday10)).toMatchObject({ state: 'open', kind: 'extension', extension: '102', schedule_owner: 'company' });
    expect(await route(s.number.e164, tuesday22)).toMatchObject({ state: 'closed', kind: 'ring_group', extension: '500' });
    expect(await route(s.number.e164, christmas)).toMatchObject({ state: 'holiday', kind: 'voicemail', voicemail_username: expect.stringMatching(/^u/) });

    // The group's override, with hours but no targets yet: not in effect.
    const group = { owner: 'ring_group', ownerId: s.group.id };
    const always = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]));
    await ok(act(saveBusinessHours, s.admin.id, { ...group, week: JSON.stringify(always) }));
    await ok(act(mapNumber, s.admin.id, { id: s.number.id, extensionId: s.group.id }));
    expect(await route(s.number.e164, tuesday22)).toMatchObject({ schedule_owner: 'company', extension: '500' });
    await ok(act(setStateTargets, s.admin.id, { ...group, open: 'number', openNumber: '06 12 34 56 78', closed: `extension:${s.adminExt.id}`, holiday: `extension:${s.adminExt.id}` }));
    expect(await route(s.number.e164, tuesday22)).toMatchObject({ state: 'open', kind: 'number', e164: '+33612345678', schedule_owner: 'ring_group' });
    // Mapped elsewhere, the number no longer follows the group's schedule.
    await ok(act(mapNumber, s.admin.id, { id: s.number.id, extensionId: s.member.extension.id }));
    expect(await route(s.number.e164, tuesday22)).toMatchObject({ schedule_owner: 'company' });

    const own = { owner: 'number', ownerId: s.number.id };
    await ok(act(saveBusinessHours, s.admin.id, { ...own, week: JSON.stringify({ ...always, tue: [] }) }));
    await ok(act(setStateTargets, s.admin.id, { ...own, open: `extension:${s.adminExt.id}`, closed: `extension:${s.member.extension.id}`, holiday: `extension:${s.adminExt.id}` }));
    expect(await route(s.number.e164, tuesday10)).toMatchObject({ state: 'closed', extension: '102', schedule_owner: 'number' });

    // Another company's number, or one that is not owned: no row (the mapping, or 404, as before).
    expect(await route('+33999999999', tuesday10)).toBeUndefined();
  });

  it("a direct line rings its user at any hour; mapped to a ring group, it follows the company's hours", async () => {
    const s = await setUp('FR');
    const [spare] = await db().select().from(phoneNumbers).where(and(eq(phoneNumbers.country, 'FR'), eq(phoneNumbers.status, 'available'))).limit(1);
    await db()
      .update(phoneNumbers)
      .set({ status: 'owned', companyId: s.company.id, extensionId: s.member.extension.id })
      .where(eq(phoneNumbers.id, spare!.id));
    const tuesday22 = new Date('2026-12-08T21:00:00Z');
    // Léa's own number: no schedule applies, so Kamailio rings her extension as mapped.
    expect(await route(spare!.e164, tuesday22)).toBeUndefined();
    // The main number (the admin's) is the company's: closed at 22:00.
    expect(await route(s.number.e164, tuesday22)).toMatchObject({ state: 'closed', schedule_owner: 'company' });
    await ok(act(mapNumber, s.admin.id, { id: spare!.id, extensionId: s.group.id }));
    expect(await route(spare!.e164, tuesday22)).toMatchObject({ state: 'closed', kind: 'ring_group', schedule_owner: 'company' });
  });

  it('no schedule, or hours without targets: no row, so the mapping rings as before', async () => {
    const s = await callsCompany();
    const [number] = await db().select().from(phoneNumbers).where(eq(phoneNumbers.extensionId, s.adminExt.id));
    expect(await route(number!.e164, new Date())).toBeUndefined();
    await ok(act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) }));
    expect(await route(number!.e164, new Date())).toBeUndefined();
  });

  it('a deleted target leaves its state without one: kind none', async () => {
    const s = await setUp('FR');
    // The closed target is the ring group; removing the group's row takes the target along.
    await ok(act(deleteRingGroup, s.admin.id, { id: s.group.id }));
    expect(await route(s.number.e164, new Date('2026-12-08T21:00:00Z'))).toMatchObject({ state: 'closed', kind: 'none' });
  });
});

describe('holiday dates for the SIP server', () => {
  it('are written with the calendar, follow each switch, and cover last year to three years ahead', async () => {
    const s = await setUp('FR');
    const schedule = (await findSchedule(db(), s.company.id, { owner: 'company' }))!;
    const days = async () =>
      (await db().select().from(callScheduleHolidayDates).where(eq(callScheduleHolidayDates.scheduleId, schedule.id))).map((r) => r.day).sort();
    const year = new Date().getUTCFullYear();
    const all = await days();
    expect(all[0]!.startsWith(String(year - HOLIDAY_YEARS.before))).toBe(true);
    expect(all.at(-1)!.startsWith(String(year + HOLIDAY_YEARS.after))).toBe(true);
    expect(all).toContain('2026-12-25');
    await ok(act(setHolidayEnabled, s.admin.id, { key: '12-25', enabled: 'false' }));
    expect(await days()).not.toContain('2026-12-25');
    await ok(act(setHolidayCalendar, s.admin.id, { calendar: 'FR-ALSACE-MOSELLE' }));
    expect(await days()).toContain('2026-12-26');
    expect(await days()).not.toContain('2026-12-25');
    await ok(act(setHolidayCalendar, s.admin.id, { calendar: '' }));
    expect(await days()).toEqual([]);
  });

  it('the refresh at start tops up schedules whose dates stop early, and only those', async () => {
    const s = await setUp('FR');
    const schedule = (await companySchedule(s.company.id))!;
    const later = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 1));
    expect(await refreshHolidayDates(db(), new Date())).toBe(0);
    // A year on, the third year ahead is missing: rewritten, then up to date.
    expect(await refreshHolidayDates(db(), later)).toBeGreaterThanOrEqual(1);
    const last = await db().select({ day: callScheduleHolidayDates.day }).from(callScheduleHolidayDates).where(eq(callScheduleHolidayDates.scheduleId, schedule.id));
    expect(last.some((r) => r.day.startsWith(String(later.getUTCFullYear() + HOLIDAY_YEARS.after)))).toBe(true);
    expect(await refreshHolidayDates(db(), later)).toBe(0);
  });
});
