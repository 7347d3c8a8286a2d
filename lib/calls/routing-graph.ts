import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import type { RingStrategy, ScheduleOwnerKind } from '@/db/schema';
import type { CalendarId } from './calendars';
import type { FlowExtension, FlowNumber, FlowSchedule, FlowTarget, FlowUser, RoutingGraph } from './flow-graph';
import type { Schedule, ScheduleState } from './schedule';
import { timeOfMinutes, WEEKDAYS, type Weekday } from './time';

/*
 * The company's routing graph from the database (the call-flow preview's input, flow-graph.ts):
 * ring groups and bridges with their members and round-robin state, owned numbers, schedules
 * with hours, closures, switched-off holidays and targets, then the users and user extensions
 * these lead to: four statements whatever the team's size.
 */

type Exec = Db | Tx;
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

type PersonRow = {
  id: string;
  first_name: string;
  last_name: string;
  sip_username: string;
  has_phone: boolean;
  extension_id: string | null;
  number: string | null;
  no_answer_kind: 'voicemail' | 'extension' | null;
  no_answer_user_id: string | null;
  no_answer_extension_id: string | null;
};
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
 * and `extensionIds` (a page's rows, whether reached or not). They are read last, by id, once
 * the groups, numbers and schedules say which. The graph then grows with the
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
  const numberScope = sql.join(
    [
      scope.numberIds ? sql`and n.id = any(${uuidList(scope.numberIds)})` : sql``,
      scope.skipPlainLines ? sql`and not ${plainLineToPhone(scope.extensionIds ?? [])}` : sql``,
    ],
    sql` `,
  );
  const [groupRows, numberRows, scheduleRows] = await Promise.all([
    exec.execute(sql`select e.id, e.number, e.type, e.user_id, coalesce(e.name, '') as name,
        e.strategy, e.no_answer_kind, e.no_answer_user_id, e.no_answer_extension_id,
        coalesce(mem.members, '[]'::json) as members,
        rr.last_user_id as rr_user_id, rr.last_position as rr_position
      from extensions e
      left join sip.round_robin rr on rr.ring_group_id = e.id
      -- Members aggregated once for the company's groups, not per extension: a correlated
      -- subquery here was planned as a loop over every user for every extension.
      left join (select m.ring_group_id, json_agg(json_build_object('userId', m.user_id, 'position', m.position, 'ringSeconds', m.ring_seconds) order by m.position) as members
          from ring_group_members m join extensions g on g.id = m.ring_group_id
          where g.company_id = ${companyId} and g.type <> 'user' group by m.ring_group_id) mem on mem.ring_group_id = e.id
      where e.company_id = ${companyId} and e.type <> 'user'`),
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


  const groups = rowsOf<ExtensionRow>(groupRows).map((e) => ({
    ...e,
    members: (typeof e.members === 'string' ? (JSON.parse(e.members) as ExtensionRow['members']) : e.members).map((m) => ({
      userId: m.userId,
      position: Number(m.position),
      ringSeconds: Number(m.ringSeconds),
    })),
  }));
  // The user extensions and users the groups, numbers and schedules lead to, and the page's.
  const wantedExtensions = new Set<string>(scope.extensionIds ?? []);
  const wantedUsers = new Set<string>();
  for (const n of rowsOf<NumberRow>(numberRows)) if (n.extension_id) wantedExtensions.add(n.extension_id);
  for (const s of schedules)
    for (const t of s.targets ?? []) {
      if (t.extensionId) wantedExtensions.add(t.extensionId);
      if (t.voicemailUserId) wantedUsers.add(t.voicemailUserId);
    }
  for (const g of groups) {
    if (g.no_answer_extension_id) wantedExtensions.add(g.no_answer_extension_id);
    if (g.no_answer_user_id) wantedUsers.add(g.no_answer_user_id);
    for (const m of g.members) wantedUsers.add(m.userId);
  }
  for (const g of groups) wantedExtensions.delete(g.id);
  const people = rowsOf<PersonRow>(
    await exec.execute(sql`with wanted as (
        select unnest(${uuidList([...wantedUsers])}) as id
        union select we.user_id from extensions we where we.id = any(${uuidList([...wantedExtensions])}) and we.user_id is not null
      )
      select u.id, u.first_name, u.last_name, u.sip_username, ${hasPhone(sql`u.id`, sql`u.licence`)} as has_phone,
        e.id as extension_id, e.number, e.no_answer_kind, e.no_answer_user_id, e.no_answer_extension_id
      from wanted w join users u on u.id = w.id
      left join extensions e on e.user_id = u.id and e.type = 'user'
      where u.company_id = ${companyId}`),
  );

  const users = new Map<string, FlowUser>(
    people.map((u) => [
      u.id,
      { id: u.id, name: `${u.first_name} ${u.last_name}`, sipUsername: u.sip_username, extension: u.number, hasPhone: Boolean(u.has_phone) },
    ]),
  );
  const noAnswerOf = (kind: PersonRow['no_answer_kind'], userId: string | null, extensionId: string | null): FlowExtension['noAnswer'] =>
    kind === 'voicemail' ? { kind: 'voicemail', userId } : kind === 'extension' ? { kind: 'extension', extensionId } : null;
  const extensions = new Map<string, FlowExtension>([
    ...groups.map((e): [string, FlowExtension] => [
      e.id,
      {
        id: e.id,
        number: e.number,
        type: e.type,
        name: e.name,
        userId: e.user_id,
        strategy: e.strategy,
        noAnswer: noAnswerOf(e.no_answer_kind, e.no_answer_user_id, e.no_answer_extension_id),
        members: e.members,
        roundRobin: e.rr_position === null ? null : { lastUserId: e.rr_user_id, lastPosition: Number(e.rr_position) },
      },
    ]),
    ...people.flatMap((u): [string, FlowExtension][] =>
      u.extension_id && u.number
        ? [
            [
              u.extension_id,
              {
                id: u.extension_id,
                number: u.number,
                type: 'user',
                name: `${u.first_name} ${u.last_name}`,
                userId: u.id,
                strategy: null,
                noAnswer: noAnswerOf(u.no_answer_kind, u.no_answer_user_id, u.no_answer_extension_id),
                members: [],
                roundRobin: null,
              },
            ],
          ]
        : [],
    ),
  ]);
  const numbers = new Map<string, FlowNumber>(
    rowsOf<NumberRow>(numberRows).map((n) => [
      n.id,
      { id: n.id, e164: n.e164, isMain: Boolean(n.is_main), extensionId: n.extension_id, schedule: byNumber.get(n.id) ?? null },
    ]),
  );
  return { timeZone, users, extensions, numbers, ringGroupSchedules: byGroup, companySchedule: companyRow ? flowSchedule(companyRow) : null };
}
