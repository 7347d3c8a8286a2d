import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import type { RingStrategy, ScheduleOwnerKind } from '@/db/schema';
import type { CalendarId } from './calendars';
import {
  extensionFlags,
  numberFlow,
  reachedByAll,
  type FlowExtension,
  type FlowNumber,
  type FlowSchedule,
  type FlowTarget,
  type FlowUser,
  type NumberFlow,
  type ReachedBy,
  type RoutingGraph,
} from './flow-graph';
import { firstRungOf, simulateNumber, type FirstRung, type SimulatedCall, type SimulateOptions } from './flow-simulate';
import type { Schedule, ScheduleState } from './schedule';
import { timeOfMinutes, WEEKDAYS, type Weekday } from './time';

/*
 * The call-flow preview, computed from the database state: four statements load the company's
 * routing graph (users with whether they have a phone, extensions with their members and
 * round-robin state, owned numbers, schedules with hours, closures, switched-off holidays and
 * targets), whatever the team's size, and only the part a page needs (GraphScope); the rest is flow-graph.ts and flow-simulate.ts, pure.
 *
 * Which schedule applies follows sip.call_route() (migration 0012): see scheduleFor.
 */

type Exec = Db | Tx;
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

type UserRow = { id: string; first_name: string; last_name: string; sip_username: string; licence: string; extension: string | null; has_phone: boolean };
type ExtensionRow = {
  id: string;
  number: string;
  type: FlowExtension['type'];
  user_id: string | null;
  name: string;
  strategy: RingStrategy | null;
  no_answer_kind: 'voicemail' | 'extension' | null;
  no_answer_user_id: string | null;
  no_answer_extension_id: string | null;
  members: { userId: string; position: number; ringSeconds: number }[];
  rr_user_id: string | null;
  rr_position: number | null;
};
type NumberRow = { id: string; e164: string; is_main: boolean; extension_id: string | null; time_zone: string | null };
type TargetJson = { state: ScheduleState; kind: FlowTarget['kind']; extensionId: string | null; e164: string | null; voicemailUserId: string | null };
type ScheduleRow = {
  time_zone: string;
  id: string | null;
  owner_kind: ScheduleOwnerKind | null;
  phone_number_id: string | null;
  ring_group_id: string | null;
  holiday_calendar: string | null;
  hours: [number, number, number][] | null;
  closures: [string, string][] | null;
  disabled: string[] | null;
  targets: TargetJson[] | null;
};

/**
 * Which part of the graph a page needs. A user extension is a leaf of every path (its own
 * no-answer is not followed), so only the user extensions and users something routes to are
 * loaded: what the numbers and schedules target, the ring groups' members and no-answer targets,
 * and `extensionIds` (a page's rows, whether reached or not). The graph then grows with the
 * routing, never with the team. `numberIds` narrows the numbers (and their own schedules) to a
 * page's; without it every owned number is loaded, as the reverse searches (Reached by, dead
 * ends) need. `skipPlainLines` leaves out the direct lines whose flow is their user alone
 * (plainLineToPhone): such a line has no dead end and reaches no one else, so the reverse
 * searches lose nothing, and a company where every Office user has a line does not load them all.
 */
export type GraphScope = { numberIds?: readonly string[]; extensionIds?: readonly string[]; skipPlainLines?: boolean };

const uuidList = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** "Has a phone" (flow-graph.ts): SIP credentials, a desk phone, or an Office licence (the app). */
const hasPhone = (userId: SQL, licence: SQL) =>
  sql`(${licence} = 'office' or exists (select 1 from sip_credentials cr where cr.user_id = ${userId})
    or exists (select 1 from devices d where d.user_id = ${userId}))`;

/**
 * Number n rings a user who has a phone and nothing else (scheduleFor: not the main number,
 * mapped to a user extension, no own schedule with a target) and is not one of `shown`.
 */
const plainLineToPhone = (shown: readonly string[]) => sql`(not n.is_main
  and not exists (select 1 from call_schedules os join call_state_targets ot on ot.schedule_id = os.id where os.phone_number_id = n.id)
  and exists (select 1 from extensions pe join users pu on pu.id = pe.user_id
    where pe.id = n.extension_id and pe.type = 'user' and pe.id <> all(${uuidList(shown)}) and ${hasPhone(sql`pu.id`, sql`pu.licence`)}))`;

export async function loadRoutingGraph(exec: Exec, companyId: string, scope: GraphScope = {}): Promise<RoutingGraph> {
  const numberScope = sql.join([
    scope.numberIds ? sql`and n.id = any(${uuidList(scope.numberIds)})` : sql``,
    scope.skipPlainLines ? sql`and not ${plainLineToPhone(scope.extensionIds ?? [])}` : sql``,
  ], sql` `);
  const scopedNumbers = sql`select n.id, n.extension_id from phone_numbers n where n.company_id = ${companyId} and n.status = 'owned' ${numberScope}`;
  const scopedSchedules = sql`select s.id from call_schedules s where s.company_id = ${companyId}
    and (s.owner_kind <> 'number' or s.phone_number_id in (select id from scoped_numbers))`;
  const routed = sql`with scoped_numbers as (${scopedNumbers}),
    routed_extensions as (
      select extension_id as id from scoped_numbers where extension_id is not null
      union select t.extension_id from call_state_targets t where t.schedule_id in (${scopedSchedules}) and t.extension_id is not null
      union select g.no_answer_extension_id from extensions g where g.company_id = ${companyId} and g.type <> 'user' and g.no_answer_extension_id is not null
      union select me.id from ring_group_members m join extensions g on g.id = m.ring_group_id and g.company_id = ${companyId}
        join extensions me on me.user_id = m.user_id and me.type = 'user'
      union select unnest(${uuidList(scope.extensionIds ?? [])})
    ),
    graph_extensions as (
      select e.id from extensions e where e.company_id = ${companyId} and (e.type <> 'user' or e.id in (select id from routed_extensions))
    )`;
  const [userRows, extensionRows, numberRows, scheduleRows] = await Promise.all([
    exec.execute(sql`${routed}, graph_users as (
        select e.user_id as id from extensions e where e.id in (select id from graph_extensions) and e.user_id is not null
        union select m.user_id from ring_group_members m where m.ring_group_id in (select id from graph_extensions)
        union select e.no_answer_user_id from extensions e where e.id in (select id from graph_extensions) and e.no_answer_user_id is not null
        union select t.voicemail_user_id from call_state_targets t where t.schedule_id in (${scopedSchedules}) and t.voicemail_user_id is not null
      )
      select u.id, u.first_name, u.last_name, u.sip_username, u.licence, e.number as extension,
        ${hasPhone(sql`u.id`, sql`u.licence`)} as has_phone
      from users u left join extensions e on e.user_id = u.id and e.type = 'user'
      where u.company_id = ${companyId} and u.id in (select id from graph_users)`),
    exec.execute(sql`${routed}
      select e.id, e.number, e.type, e.user_id, coalesce(u.first_name || ' ' || u.last_name, e.name, '') as name,
        e.strategy, e.no_answer_kind, e.no_answer_user_id, e.no_answer_extension_id,
        coalesce(mem.members, '[]'::json) as members,
        rr.last_user_id as rr_user_id, rr.last_position as rr_position
      from extensions e left join users u on u.id = e.user_id
      left join sip.round_robin rr on rr.ring_group_id = e.id
      -- Members aggregated once for the company's groups, not per extension: a correlated
      -- subquery here was planned as a loop over every user for every extension.
      left join (select m.ring_group_id, json_agg(json_build_object('userId', m.user_id, 'position', m.position, 'ringSeconds', m.ring_seconds) order by m.position) as members
          from ring_group_members m join extensions g on g.id = m.ring_group_id
          where g.company_id = ${companyId} group by m.ring_group_id) mem on mem.ring_group_id = e.id
      where e.id in (select id from graph_extensions)`),
    // Each number's zone by the one rule sip.call_route uses (lib/sites/time-zone.ts); only a
    // number's own schedule is read in it, so the function runs only for those numbers.
    exec.execute(sql`select n.id, n.e164, n.is_main, n.extension_id,
        case when exists (select 1 from call_schedules s where s.phone_number_id = n.id) then public.number_time_zone(n.id) end as time_zone
      from phone_numbers n where n.company_id = ${companyId} and n.status = 'owned' ${numberScope} order by n.is_main desc, n.e164`),
    exec.execute(sql`select c.time_zone, s.id, s.owner_kind, s.phone_number_id, s.ring_group_id, s.holiday_calendar,
        (select json_agg(json_build_array(h.weekday, h.start_minute, h.end_minute) order by h.weekday, h.start_minute)
          from call_schedule_hours h where h.schedule_id = s.id) as hours,
        (select json_agg(json_build_array(cl.first_day, cl.last_day)) from call_schedule_closures cl where cl.schedule_id = s.id) as closures,
        (select json_agg(dh.holiday_key) from call_schedule_disabled_holidays dh where dh.schedule_id = s.id) as disabled,
        (select json_agg(json_build_object('state', t.state, 'kind', t.kind, 'extensionId', t.extension_id, 'e164', t.e164,
          'voicemailUserId', t.voicemail_user_id)) from call_state_targets t where t.schedule_id = s.id) as targets
      from companies c left join call_schedules s on s.company_id = c.id
        and (s.owner_kind <> 'number' or s.phone_number_id in (select n.id from phone_numbers n where n.company_id = c.id and n.status = 'owned' ${numberScope}))
      where c.id = ${companyId}`),
  ]);
  const schedules = rowsOf<ScheduleRow>(scheduleRows);
  const timeZone = schedules[0]?.time_zone ?? 'UTC';
  const flowSchedule = (r: ScheduleRow, zone = timeZone): FlowSchedule => {
    const week = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as { start: string; end: string }[]])) as Record<Weekday, { start: string; end: string }[]>;
    for (const [weekday, start, end] of r.hours ?? []) week[WEEKDAYS[weekday]!].push({ start: timeOfMinutes(start), end: timeOfMinutes(end) });
    const schedule: Schedule = {
      timeZone: zone,
      week,
      closures: (r.closures ?? []).map(([from, to]) => ({ from: String(from).slice(0, 10), to: String(to).slice(0, 10) })),
      holidays: { calendar: r.holiday_calendar as CalendarId | null, disabled: r.disabled ?? [] },
    };
    const targets: FlowSchedule['targets'] = {};
    for (const t of r.targets ?? []) {
      if ((t.kind === 'extension' || t.kind === 'ring_group') && t.extensionId) targets[t.state] = { kind: t.kind, extensionId: t.extensionId };
      else if (t.kind === 'number' && t.e164) targets[t.state] = { kind: 'number', e164: t.e164 };
      else if (t.kind === 'voicemail' && t.voicemailUserId) targets[t.state] = { kind: 'voicemail', userId: t.voicemailUserId };
    }
    return { schedule, targets };
  };
  const companyRow = schedules.find((s) => s.owner_kind === 'company');
  const byGroup = new Map(schedules.filter((s) => s.owner_kind === 'ring_group' && s.ring_group_id).map((s) => [s.ring_group_id!, flowSchedule(s)]));
  // The company's and the ring groups' schedules only ever apply to numbers in the first site's
  // zone (`timeZone`); a number's own schedule is read in that number's zone (its user's site).
  const numberZones = new Map(rowsOf<NumberRow>(numberRows).map((n) => [n.id, n.time_zone ?? timeZone]));
  const byNumber = new Map(
    schedules
      .filter((s) => s.owner_kind === 'number' && s.phone_number_id)
      .map((s) => [s.phone_number_id!, flowSchedule(s, numberZones.get(s.phone_number_id!) ?? timeZone)]),
  );

  const users = new Map<string, FlowUser>(
    rowsOf<UserRow>(userRows).map((u) => [
      u.id,
      { id: u.id, name: `${u.first_name} ${u.last_name}`, sipUsername: u.sip_username, extension: u.extension, hasPhone: Boolean(u.has_phone) },
    ]),
  );
  const extensions = new Map<string, FlowExtension>(
    rowsOf<ExtensionRow>(extensionRows).map((e) => [
      e.id,
      {
        id: e.id,
        number: e.number,
        type: e.type,
        name: e.name,
        userId: e.user_id,
        strategy: e.strategy,
        noAnswer:
          e.no_answer_kind === 'voicemail'
            ? { kind: 'voicemail', userId: e.no_answer_user_id }
            : e.no_answer_kind === 'extension'
              ? { kind: 'extension', extensionId: e.no_answer_extension_id }
              : null,
        members: (typeof e.members === 'string' ? (JSON.parse(e.members) as ExtensionRow['members']) : e.members).map((m) => ({
          userId: m.userId,
          position: Number(m.position),
          ringSeconds: Number(m.ringSeconds),
        })),
        roundRobin: e.rr_position === null ? null : { lastUserId: e.rr_user_id, lastPosition: Number(e.rr_position) },
      },
    ]),
  );
  const numbers = new Map<string, FlowNumber>(
    rowsOf<NumberRow>(numberRows).map((n) => [
      n.id,
      { id: n.id, e164: n.e164, isMain: Boolean(n.is_main), extensionId: n.extension_id, schedule: byNumber.get(n.id) ?? null },
    ]),
  );
  return { timeZone, users, extensions, numbers, ringGroupSchedules: byGroup, companySchedule: companyRow ? flowSchedule(companyRow) : null };
}

/** The ordered path of a call to the number: schedule, then each state's target chain. */
export async function callFlow(exec: Exec, companyId: string, numberId: string): Promise<NumberFlow | undefined> {
  return numberFlow(await loadRoutingGraph(exec, companyId, { numberIds: [numberId] }), numberId);
}

/** A call to the number at `at`: its state, who rings in what order, then what happens. */
export async function simulateCall(exec: Exec, companyId: string, numberId: string, at: Date, opts: SimulateOptions = {}): Promise<SimulatedCall | undefined> {
  return simulateNumber(await loadRoutingGraph(exec, companyId, { numberIds: [numberId] }), numberId, at, opts);
}

/** Every number and ring group (and no-answer chain) that can reach the extension. */
export async function reachedBy(exec: Exec, companyId: string, extensionId: string): Promise<ReachedBy> {
  return reachedByAll(await loadRoutingGraph(exec, companyId, { extensionIds: [extensionId], skipPlainLines: true })).get(extensionId) ?? { numbers: [], ringGroups: [] };
}

/**
 * The first party(ies) a call to the number at `at` rings (see FirstRung), with `registered`
 * the SIP usernames whose phones are registered: what the agreement test compares with Kamailio.
 */
export async function firstRung(exec: Exec, companyId: string, numberId: string, at: Date, opts: SimulateOptions = {}): Promise<FirstRung> {
  const graph = await loadRoutingGraph(exec, companyId, { numberIds: [numberId] });
  const call = simulateNumber(graph, numberId, at, opts);
  return call ? firstRungOf(graph, call) : { kind: 'nobody' };
}

export type { FirstRung, NumberFlow, ReachedBy, RoutingGraph, SimulatedCall, SimulateOptions };

/**
 * The Review's dead ends: numbers with a flagged branch (a state with no target, a path that
 * rings nobody with a phone, a loop) and ring groups that ring nobody or loop. An unassigned
 * number without a schedule is left out: the Review reports it already (mainRingsNobody,
 * numbersUnassigned), and so is a group without members (ringGroupNoMember).
 */
export function deadEndsOf(graph: RoutingGraph) {
  const numbers = [...graph.numbers.values()]
    .filter((n) => numberFlow(graph, n.id)!.flags.some((f) => f.kind !== 'unassigned'))
    .sort((a, b) => (a.e164 < b.e164 ? -1 : 1));
  const ringGroups = [...extensionFlags(graph).keys()]
    .map((id) => graph.extensions.get(id)!)
    .filter((e) => e.type === 'ring_group')
    .sort((a, b) => a.number.length - b.number.length || (a.number < b.number ? -1 : 1));
  return { numbers, ringGroups };
}
