import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { callSchedules, callStateTargets, extensions, phoneNumbers, ringGroupMembers, sipRoundRobin } from '@/db/schema';
import { addClosure, saveBusinessHours, setHolidayCalendar, setHolidayEnabled, setStateTargets } from '@/lib/calls/actions';
import { holidaysOf } from '@/lib/calls/holidays';
import { localTimeAt, timeOfMinutes, WEEKDAYS, type Weekday } from '@/lib/calls/time';
import { act } from '../helpers/extensions';
import { ok } from './accounts';

// Random call-handling configurations for the preview-vs-Kamailio agreement test
// (flow-agreement.test.ts): ring groups and numbers inserted as the Extensions and Phone numbers
// actions write them (no loops, a voicemail target is a member's), schedules through the Call
// handling actions (so the holiday dates Kamailio reads are the app's), and an instant chosen to
// land on the interesting edges: interval boundaries, evenings, weekends, holidays, closures
// and the hours around daylight-saving changes.

/** mulberry32: a tiny seeded generator, so a failing case is replayed by its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, chance, sample };
}
export type Rng = ReturnType<typeof rng>;

export type PoolUser = { userId: string; extensionId: string; number: string; username: string };
export type Pool = {
  companyId: string;
  adminId: string;
  timeZone: string;
  users: PoolUser[];
  conference: { id: string; number: string };
  numbers: { id: string; e164: string }[];
};

// CH-SO and CH-VS have half-day holidays (1 May, 24 December from 12:00).
const CALENDARS = ['FR', 'FR-ALSACE-MOSELLE', 'BE', 'CH-VD', 'CH-SO', 'CH-VS', 'US', 'CA-QC', 'GB-SCT'];
const OUTSIDE = ['+33612345678', '+33698765432'];
/**
 * Instants fall in this year and the next: the Call handling actions write holiday dates
 * (what Kamailio reads) from last year to three years ahead of the real date.
 */
export const BASE_YEAR = new Date().getUTCFullYear();
const DAYS = 730;
const START = Date.UTC(BASE_YEAR, 0, 1);

const offsetAt = (t: number, timeZone: string) => {
  const lt = localTimeAt(new Date(t), timeZone);
  return Date.parse(`${lt.date}T00:00:00Z`) + lt.minute * 60_000 - (t - (t % 60_000));
};
const transitions = new Map<string, number[]>();
/** The daylight-saving changes of the two years (on the hour in UTC for the zones used). */
function dstChanges(timeZone: string): number[] {
  let out = transitions.get(timeZone);
  if (!out) {
    out = [];
    for (let t = START; t < START + DAYS * 86_400_000; t += 3_600_000) {
      if (offsetAt(t, timeZone) !== offsetAt(t + 3_600_000, timeZone)) out.push(t + 3_600_000);
    }
    transitions.set(timeZone, out);
  }
  return out;
}

type Week = Record<Weekday, { start: string; end: string }[]>;
type Interval = { start: number; end: number };

function randomWeek(r: Rng): Week {
  const style = r.pick(['office', 'office', 'random', 'random', 'always', 'none']);
  const days = (f: (d: Weekday, i: number) => Interval[]) =>
    Object.fromEntries(WEEKDAYS.map((d, i) => [d, f(d, i).map((v) => ({ start: timeOfMinutes(v.start), end: timeOfMinutes(v.end) }))])) as Week;
  if (style === 'always') return days(() => [{ start: 0, end: 1440 }]);
  if (style === 'none') return days(() => []);
  if (style === 'office') {
    const open = r.int(28, 40) * 15;
    const lunch = r.int(46, 52) * 15;
    const close = r.int(66, 76) * 15;
    const saturday = r.chance(0.4);
    return days((_d, i) => (i < 5 ? [{ start: open, end: lunch }, { start: lunch + r.pick([0, 60, 90]), end: close }] : i === 5 && saturday ? [{ start: open, end: 720 }] : []));
  }
  // Random quarter-hour intervals, some in the small hours (where daylight saving moves the clock).
  return days(() => {
    const out: Interval[] = [];
    let from = 0;
    for (let k = r.int(0, 2); k > 0 && from < 95; k--) {
      const start = r.int(from, 95);
      const end = r.int(start + 1, Math.min(96, start + 48));
      out.push({ start: start * 15, end: end * 15 });
      from = end;
    }
    return out;
  });
}

/** The instant whose wall-clock time in `timeZone` is `date` at `minute` (nearest for a skipped time). */
export function instantOf(date: string, minute: number, timeZone: string): Date {
  const wanted = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  let t = wanted;
  for (let i = 0; i < 3; i++) {
    const lt = localTimeAt(new Date(t), timeZone);
    t -= Date.parse(`${lt.date}T00:00:00Z`) + lt.minute * 60_000 - wanted;
  }
  return new Date(t);
}

const randomDate = (r: Rng) => new Date(START + r.int(0, DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
const withWeekday = (date: string, weekday: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((weekday - ((d.getUTCDay() + 6) % 7) + 7) % 7));
  return d.toISOString().slice(0, 10);
};
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Planned = { owner: 'company' | 'number' | 'ring_group'; ownerId?: string; week: Week; calendar: string };

function randomInstant(r: Rng, pool: Pool, plans: Planned[]): { at: Date; kind: string } {
  const tz = pool.timeZone;
  // Mostly the schedule the call follows when one applies (the number's, its group's, the company's).
  const order = ['number', 'ring_group', 'company'];
  const likely = [...plans].sort((x, y) => order.indexOf(x.owner) - order.indexOf(y.owner))[0];
  const plan = plans.length > 0 ? (r.chance(0.7) ? likely : r.pick(plans)) : undefined;
  const kind = r.pick(['uniform', 'business', 'business', 'business', 'evening', 'weekend', 'boundary', 'boundary', 'holiday', 'holiday', 'dst', 'dst']);
  const seconds = r.chance(0.3) ? r.int(0, 59) * 1000 : 0;
  const local = (date: string, minute: number) => ({ at: new Date(instantOf(date, minute, tz).getTime() + seconds), kind });
  if (kind === 'business') return local(withWeekday(randomDate(r), r.int(0, 4)), r.int(8 * 60, 19 * 60));
  if (kind === 'evening') return local(randomDate(r), r.chance(0.5) ? r.int(18 * 60, 1439) : r.int(0, 7 * 60));
  if (kind === 'weekend') return local(withWeekday(randomDate(r), r.int(5, 6)), r.int(0, 1439));
  if (kind === 'boundary' && plan) {
    const day = r.int(0, 6);
    const edges = plan.week[WEEKDAYS[day]!].flatMap((v) => [v.start, v.end]).map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
    if (edges.length > 0) return local(withWeekday(randomDate(r), day), Math.min(1439, Math.max(0, r.pick(edges) + r.pick([-1, 0, 0, 1]))));
  }
  if (kind === 'holiday' && plan?.calendar) {
    const holidays = [...holidaysOf(plan.calendar, BASE_YEAR), ...holidaysOf(plan.calendar, BASE_YEAR + 1)];
    const h = r.pick(holidays);
    const minute = h.fromMinute > 0 && r.chance(0.6) ? h.fromMinute + r.pick([-1, 0, 30]) : r.int(0, 1439);
    return local(r.chance(0.15) ? addDays(h.date, r.pick([-1, 1])) : h.date, minute);
  }
  if (kind === 'dst' && dstChanges(tz).length > 0) return { at: new Date(r.pick(dstChanges(tz)) + r.int(-180, 180) * 60_000 + seconds), kind };
  return { at: new Date(START + Math.floor(r.next() * DAYS * 86_400_000)), kind: 'uniform' };
}

/**
 * Replaces the pool company's ring groups, number mappings and schedules with a random set, and
 * picks a number to call and an instant. Returns what to call and a line describing the case.
 */
export async function randomCase(r: Rng, pool: Pool) {
  const exec = db();
  await exec.delete(callSchedules).where(eq(callSchedules.companyId, pool.companyId));
  await exec.delete(extensions).where(and(eq(extensions.companyId, pool.companyId), eq(extensions.type, 'ring_group')));

  // Ring groups, each no-answer target earlier in the list (the Extensions action refuses loops).
  const groups: { id: string; number: string; strategy: string; members: PoolUser[] }[] = [];
  for (let g = r.int(0, 3); g > 0; g--) {
    const strategy = r.pick(['simultaneous', 'sequential', 'round_robin'] as const);
    const members = r.sample(pool.users, r.int(r.chance(0.1) ? 0 : 1, 4));
    const na = r.pick(['none', 'voicemail', 'user', 'group', 'conference']);
    const earlier = groups.length > 0 ? r.pick(groups) : undefined;
    const noAnswer =
      na === 'voicemail' && members.length > 0
        ? { noAnswerKind: 'voicemail' as const, noAnswerUserId: r.pick(members).userId }
        : na === 'user'
          ? { noAnswerKind: 'extension' as const, noAnswerExtensionId: r.pick(pool.users).extensionId }
          : na === 'group' && earlier
            ? { noAnswerKind: 'extension' as const, noAnswerExtensionId: earlier.id }
            : na === 'conference'
              ? { noAnswerKind: 'extension' as const, noAnswerExtensionId: pool.conference.id }
              : {};
    const number = String(500 + groups.length);
    // Positions as the form writes them (0, 1, 2...), or with gaps a removed member leaves.
    const positions: number[] = [];
    for (let i = 0, p = 0; i < members.length; i++, p += r.chance(0.3) ? r.int(2, 3) : 1) positions.push(p);
    const [row] = await exec
      .insert(extensions)
      .values({ companyId: pool.companyId, number, type: 'ring_group', name: `Group ${number}`, strategy, ...noAnswer })
      .returning({ id: extensions.id });
    if (members.length > 0) {
      await exec
        .insert(ringGroupMembers)
        .values(members.map((m, i) => ({ ringGroupId: row!.id, userId: m.userId, position: positions[i]!, ringSeconds: r.pick([5, 10, 20, 30, 60]) })));
    }
    // Round robin's rotation as earlier calls left it (or never called yet).
    if (strategy === 'round_robin' && members.length > 0 && r.chance(0.7)) {
      // The last starter: a member (where they are now decides), someone removed since, or nobody.
      const last = r.int(-1, members.length);
      const lastUser = last >= 0 && last < members.length && r.chance(0.6) ? members[last]!.userId : r.chance(0.3) ? r.pick(pool.users).userId : null;
      await exec.insert(sipRoundRobin).values({ ringGroupId: row!.id, lastPosition: positions[last] ?? last, lastUserId: lastUser });
    }
    groups.push({ id: row!.id, number, strategy, members });
  }

  // Each number: a user (a direct line), a group, the bridge, or nothing.
  const mapping = new Map<string, string>();
  for (const n of pool.numbers) {
    const to = r.pick(['user', 'user', 'group', 'group', 'conference', 'none']);
    const ext = to === 'user' ? r.pick(pool.users) : to === 'group' && groups.length > 0 ? r.pick(groups) : to === 'conference' ? pool.conference : undefined;
    await exec.update(phoneNumbers).set({ extensionId: ext && 'id' in ext ? ext.id : (ext?.extensionId ?? null) }).where(eq(phoneNumbers.id, n.id));
    mapping.set(n.id, ext ? (ext.number ?? '') : '-');
  }
  const called = r.pick(pool.numbers);
  const [calledRow] = await exec.select({ extensionId: phoneNumbers.extensionId }).from(phoneNumbers).where(eq(phoneNumbers.id, called.id));
  const calledGroup = groups.find((g) => g.id === calledRow?.extensionId);

  // Schedules: the company's mostly, sometimes the number's own or its group's, or another group's.
  const plans: Planned[] = [];
  const plan = (owner: Planned['owner'], ownerId?: string) =>
    plans.push({ owner, ownerId, week: randomWeek(r), calendar: r.chance(0.7) ? r.pick(CALENDARS) : '' });
  if (r.chance(0.85)) plan('company');
  if (r.chance(0.3)) plan('number', called.id);
  if (calledGroup && r.chance(0.4)) plan('ring_group', calledGroup.id);
  const other = groups.find((g) => g !== calledGroup);
  if (other && r.chance(0.2)) plan('ring_group', other.id);
  const { at, kind } = randomInstant(r, pool, plans);
  const atDate = localTimeAt(at, pool.timeZone).date;

  const targetChoice = (state: string) => {
    const what = r.pick(['user', 'user', 'group', 'group', 'voicemail', 'conference', 'number']);
    if (what === 'group' && groups.length > 0) return { [state]: `ring_group:${r.pick(groups).id}` };
    if (what === 'voicemail') return { [state]: `voicemail:${r.pick(pool.users).userId}` };
    if (what === 'conference') return { [state]: `extension:${pool.conference.id}` };
    if (what === 'number') return { [state]: 'number', [`${state}Number`]: r.pick(OUTSIDE) };
    return { [state]: `extension:${r.pick(pool.users).extensionId}` };
  };
  const summary: string[] = [];
  for (const p of plans) {
    const owner = p.owner === 'company' ? {} : { owner: p.owner, ownerId: p.ownerId };
    ok(await act(saveBusinessHours, pool.adminId, { ...owner, week: JSON.stringify(p.week) }));
    for (let c = r.chance(0.35) ? r.int(1, 2) : 0; c > 0; c--) {
      const from = addDays(atDate, r.int(-3, 1));
      ok(await act(addClosure, pool.adminId, { ...owner, label: 'Closed', from, to: r.chance(0.5) ? '' : addDays(from, r.int(0, 4)) }));
    }
    if (p.calendar) {
      ok(await act(setHolidayCalendar, pool.adminId, { ...owner, calendar: p.calendar }));
      const keys = [...new Set([...holidaysOf(p.calendar, BASE_YEAR), ...holidaysOf(p.calendar, BASE_YEAR + 1)].map((h) => h.key))];
      for (const key of r.sample(keys, r.chance(0.4) ? r.int(1, 3) : 0)) ok(await act(setHolidayEnabled, pool.adminId, { ...owner, key, enabled: 'false' }));
    }
    const label = `${p.owner}:${p.calendar || 'no-calendar'}`;
    // A schedule with hours only is not in effect yet ("What rings" not saved).
    if (r.chance(0.1)) {
      summary.push(`${label}(hours only)`);
      continue;
    }
    const saved = ok(await act(setStateTargets, pool.adminId, { ...owner, ...targetChoice('open'), ...targetChoice('closed'), ...targetChoice('holiday') })) as { scheduleId: string };
    // A state whose target was deleted since (its ring group removed): nothing rings, 480.
    if (r.chance(0.1)) {
      const state = r.pick(['open', 'closed', 'holiday'] as const);
      await exec.delete(callStateTargets).where(and(eq(callStateTargets.scheduleId, saved.scheduleId), eq(callStateTargets.state, state)));
      summary.push(`${label}(no ${state} target)`);
    } else summary.push(label);
  }
  const description = [
    `${kind} ${at.toISOString()} (${pool.timeZone})`,
    `groups ${groups.map((g) => `${g.number}:${g.strategy}[${g.members.map((m) => m.number).join(',')}]`).join(' ') || '-'}`,
    `numbers ${pool.numbers.map((x) => `${x.e164 === called.e164 ? '*' : ''}${mapping.get(x.id)}`).join(' ')}`,
    `schedules ${summary.join(' ') || '-'}`,
  ].join('; ');
  return { numberId: called.id, e164: called.e164, at, description };
}
