import type { RingStrategy } from '@/db/schema';
import type { Schedule, ScheduleState } from './schedule';
import { minutesOfTime, MINUTES_PER_DAY, WEEKDAYS } from './time';

/*
 * The call-flow preview's graph logic, pure: a company's routing graph in (lib/calls/preview.ts
 * loads it in a constant number of queries), the path a call follows out. It mirrors what
 * telephony/kamailio.cfg does ("What a caller gets" in telephony/README.md):
 * - a user extension rings the user's phones for 60 s; with none registered the call ends (480);
 * - a ring group rings its members: simultaneous all at once for the longest member ring time,
 *   sequential each in order for their own ring time, round robin as sequential starting after
 *   the member tried first on the previous call; unregistered members are skipped at once, the
 *   caller is not rung by their own call; then its no-answer target;
 * - at most MAX_NO_ANSWER_HOPS no-answer targets in a row are followed, then the call ends;
 * - a conference bridge, a voicemail and an outside number end the path (the media server or
 *   the carrier takes the call).
 *
 * "Has a phone" (a dead end rings no one who has one): the user has SIP credentials (a phone
 * can register), a desk phone, or an Office licence (the Team card's phone choice, App only or
 * a desk phone: the app is a phone). A Free user without SIP credentials has none.
 */

export const MAX_NO_ANSWER_HOPS = 5;
export const USER_RING_SECONDS = 60;

export type FlowUser = { id: string; name: string; sipUsername: string; extension: string | null; hasPhone: boolean };
export type NoAnswer = { kind: 'voicemail'; userId: string | null } | { kind: 'extension'; extensionId: string | null } | null;
export type FlowMember = { userId: string; position: number; ringSeconds: number };
export type RoundRobinState = { lastUserId: string | null; lastPosition: number } | null;
export type FlowExtension = {
  id: string;
  number: string;
  type: 'user' | 'ring_group' | 'conference';
  name: string;
  userId: string | null;
  strategy: RingStrategy | null;
  noAnswer: NoAnswer;
  /** In ring order (position). */
  members: readonly FlowMember[];
  roundRobin: RoundRobinState;
};
export type FlowTarget =
  | { kind: 'extension' | 'ring_group'; extensionId: string }
  | { kind: 'number'; e164: string }
  | { kind: 'voicemail'; userId: string };
export type FlowSchedule = { schedule: Schedule; targets: Partial<Record<ScheduleState, FlowTarget>> };
export type FlowNumber = { id: string; e164: string; isMain: boolean; extensionId: string | null; schedule: FlowSchedule | null };
export type RoutingGraph = {
  timeZone: string;
  users: ReadonlyMap<string, FlowUser>;
  extensions: ReadonlyMap<string, FlowExtension>;
  numbers: ReadonlyMap<string, FlowNumber>;
  /** Ring groups' own schedules, by ring group id. */
  ringGroupSchedules: ReadonlyMap<string, FlowSchedule>;
  companySchedule: FlowSchedule | null;
};

export type Hop =
  | { kind: 'user'; extensionId: string; userId: string; ringSeconds: number; hasPhone: boolean }
  | {
      kind: 'ring_group';
      extensionId: string;
      strategy: RingStrategy;
      members: { userId: string; ringSeconds: number; hasPhone: boolean }[];
      /** Simultaneous: how long all ring (the longest member ring time). */
      ringSeconds: number | null;
    }
  | { kind: 'conference'; extensionId: string }
  | { kind: 'voicemail'; userId: string }
  | { kind: 'outside'; e164: string };

/** How a path ends when nobody answers (or nothing rings). */
export type PathEnd =
  | 'taken' // a bridge, a voicemail or an outside number takes the call
  | 'nobodyAnswers' // the last hop rang and the call ends there
  | 'noAnswerGone' // a no-answer target that no longer exists
  | 'loop' // the no-answer chain comes back to an extension already on it
  | 'hopLimit' // MAX_NO_ANSWER_HOPS followed: the SIP server gives up
  | 'noTarget' // a schedule state with nothing to ring
  | 'unassigned'; // no schedule and the number rings no extension

export type Path = { hops: Hop[]; end: PathEnd; loopTo?: string; ringsSomeone: boolean };
export type Branch = { state: ScheduleState | 'always'; path: Path };
export type FlowFlag =
  | { kind: 'noTarget'; state: ScheduleState }
  | { kind: 'ringsNobody'; state: ScheduleState | 'always' }
  | { kind: 'loop'; state: ScheduleState | 'always'; extensionId: string }
  | { kind: 'unassigned' };
export type ScheduleSource = 'number' | 'ring_group' | 'company' | 'none';
export type NumberFlow = { numberId: string; schedule: ScheduleSource; branches: Branch[]; flags: FlowFlag[] };

/**
 * Which schedule a call to the number follows (sip.call_route(), migration 0012): the first in
 * effect (its targets saved; hours alone are not) of the number's own override, the override of
 * the ring group the number rings directly, the company's. The company's covers only the main
 * number and numbers that ring a ring group or nothing: a direct line (a user's extension) or a
 * bridge's number rings at any hour unless it has its own override, since the caller dialled
 * that person or meeting, not the reception. None: the number's mapping rings, at any hour.
 * A target is final: a target ring group's own schedule is not read again.
 */
export function scheduleFor(graph: RoutingGraph, number: FlowNumber): { source: ScheduleSource; schedule: FlowSchedule | null } {
  const inEffect = (s: FlowSchedule | null | undefined): s is FlowSchedule => Boolean(s && Object.keys(s.targets).length > 0);
  if (inEffect(number.schedule)) return { source: 'number', schedule: number.schedule };
  const group = number.extensionId ? graph.ringGroupSchedules.get(number.extensionId) : undefined;
  if (inEffect(group)) return { source: 'ring_group', schedule: group };
  const mapped = number.extensionId ? graph.extensions.get(number.extensionId) : undefined;
  const companyHours = number.isMain || !mapped || mapped.type === 'ring_group';
  if (companyHours && inEffect(graph.companySchedule)) return { source: 'company', schedule: graph.companySchedule };
  return { source: 'none', schedule: null };
}

/** The states a schedule can be in at some instant (holiday only with a calendar). */
export function reachableStates(schedule: Schedule): ScheduleState[] {
  const open = WEEKDAYS.some((d) => schedule.week[d].length > 0);
  const alwaysOpen = WEEKDAYS.every((d) => {
    const minutes = schedule.week[d].reduce((sum, i) => sum + minutesOfTime(i.end) - minutesOfTime(i.start), 0);
    return minutes >= MINUTES_PER_DAY;
  });
  const out: ScheduleState[] = [];
  if (open) out.push('open');
  if (!alwaysOpen || schedule.closures.length > 0) out.push('closed');
  if (schedule.holidays.calendar) out.push('holiday');
  return out;
}

const targetOfExtension = (id: string | null): FlowTarget | null => (id ? { kind: 'extension', extensionId: id } : null);

/** The static path from a target: every hop, the no-answer chain, how it ends. */
export function pathFrom(graph: RoutingGraph, target: FlowTarget | null): Path {
  const hops: Hop[] = [];
  const visited = new Set<string>();
  const done = (end: PathEnd, loopTo?: string): Path => ({ hops, end, ...(loopTo ? { loopTo } : {}), ringsSomeone: hops.some(answers) });
  if (!target) return done('noTarget');
  if (target.kind === 'number') return hops.push({ kind: 'outside', e164: target.e164 }), done('taken');
  if (target.kind === 'voicemail') return hops.push({ kind: 'voicemail', userId: target.userId }), done('taken');
  let current: string | null = target.extensionId;
  let noAnswerHops = 0;
  for (;;) {
    const ext: FlowExtension | undefined = current ? graph.extensions.get(current) : undefined;
    if (!ext) return done('noAnswerGone');
    visited.add(ext.id);
    if (ext.type === 'conference') return hops.push({ kind: 'conference', extensionId: ext.id }), done('taken');
    if (ext.type === 'user') {
      const user = ext.userId ? graph.users.get(ext.userId) : undefined;
      hops.push({ kind: 'user', extensionId: ext.id, userId: ext.userId ?? '', ringSeconds: USER_RING_SECONDS, hasPhone: Boolean(user?.hasPhone) });
      return done('nobodyAnswers');
    }
    const members = ext.members.map((m) => ({ userId: m.userId, ringSeconds: m.ringSeconds, hasPhone: Boolean(graph.users.get(m.userId)?.hasPhone) }));
    const strategy = ext.strategy ?? 'simultaneous';
    hops.push({
      kind: 'ring_group',
      extensionId: ext.id,
      strategy,
      members,
      ringSeconds: strategy === 'simultaneous' ? Math.max(0, ...members.map((m) => m.ringSeconds)) : null,
    });
    const na: NoAnswer = ext.noAnswer;
    if (!na) return done('nobodyAnswers');
    if (noAnswerHops >= MAX_NO_ANSWER_HOPS) return done('hopLimit');
    noAnswerHops++;
    if (na.kind === 'voicemail') {
      if (!na.userId || !graph.users.has(na.userId)) return done('noAnswerGone');
      return hops.push({ kind: 'voicemail', userId: na.userId }), done('taken');
    }
    if (na.extensionId && visited.has(na.extensionId)) return done('loop', na.extensionId);
    current = na.extensionId;
  }
}

function answers(hop: Hop): boolean {
  if (hop.kind === 'user') return hop.hasPhone;
  if (hop.kind === 'ring_group') return hop.members.some((m) => m.hasPhone);
  return true;
}

/** The dead ends of one branch. */
export function flagsOf(branch: Branch): FlowFlag[] {
  const { state, path } = branch;
  if (path.end === 'unassigned') return [{ kind: 'unassigned' }];
  if (path.end === 'noTarget' && state !== 'always') return [{ kind: 'noTarget', state }];
  const out: FlowFlag[] = [];
  if (path.end === 'loop' && path.loopTo) out.push({ kind: 'loop', state, extensionId: path.loopTo });
  if (!path.ringsSomeone) out.push({ kind: 'ringsNobody', state });
  return out;
}

/** The whole flow of a number: which schedule, then each state's path (or the one path). */
export function numberFlow(graph: RoutingGraph, numberId: string): NumberFlow | undefined {
  const number = graph.numbers.get(numberId);
  if (!number) return undefined;
  const { source, schedule } = scheduleFor(graph, number);
  const branches: Branch[] = schedule
    ? reachableStates(schedule.schedule).map((state) => ({ state, path: pathFrom(graph, schedule.targets[state] ?? null) }))
    : [
        {
          state: 'always',
          path: number.extensionId ? pathFrom(graph, targetOfExtension(number.extensionId)) : { hops: [], end: 'unassigned', ringsSomeone: false },
        },
      ];
  return { numberId, schedule: source, branches, flags: branches.flatMap(flagsOf) };
}

/** The dead ends of each ring group, and of each user extension something routes to. */
export function extensionFlags(graph: RoutingGraph): Map<string, FlowFlag[]> {
  const reached = reachedByAll(graph);
  const out = new Map<string, FlowFlag[]>();
  for (const ext of graph.extensions.values()) {
    if (ext.type === 'conference') continue;
    const targeted = reached.get(ext.id);
    if (ext.type === 'user' && !(targeted && (targeted.numbers.length > 0 || targeted.ringGroups.some((g) => g.how === 'noAnswer')))) continue;
    // A group without members is the Review's ringGroupNoMember already.
    if (ext.type === 'ring_group' && ext.members.length === 0) continue;
    const flags = flagsOf({ state: 'always', path: pathFrom(graph, targetOfExtension(ext.id)) });
    if (flags.length > 0) out.set(ext.id, flags);
  }
  return out;
}

export type ReachedBy = {
  numbers: { numberId: string; states: (ScheduleState | 'always')[] }[];
  ringGroups: { extensionId: string; how: 'member' | 'noAnswer' }[];
};

/** For every extension: the numbers whose flow reaches it, and the groups that ring it. */
export function reachedByAll(graph: RoutingGraph): Map<string, ReachedBy> {
  const out = new Map<string, ReachedBy>();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { numbers: [], ringGroups: [] }));
    return e;
  };
  const userExtension = new Map<string, string>();
  for (const ext of graph.extensions.values()) if (ext.type === 'user' && ext.userId) userExtension.set(ext.userId, ext.id);
  const touched = (path: Path) => {
    const ids = new Set<string>();
    for (const hop of path.hops) {
      if (hop.kind === 'user' || hop.kind === 'conference' || hop.kind === 'ring_group') ids.add(hop.extensionId);
      if (hop.kind === 'ring_group') for (const m of hop.members) if (userExtension.has(m.userId)) ids.add(userExtension.get(m.userId)!);
    }
    return ids;
  };
  for (const number of graph.numbers.values()) {
    const flow = numberFlow(graph, number.id)!;
    const states = new Map<string, (ScheduleState | 'always')[]>();
    for (const b of flow.branches) for (const id of touched(b.path)) states.set(id, [...(states.get(id) ?? []), b.state]);
    for (const [id, s] of states) entry(id).numbers.push({ numberId: number.id, states: s });
  }
  for (const group of graph.extensions.values()) {
    if (group.type !== 'ring_group') continue;
    const path = pathFrom(graph, targetOfExtension(group.id));
    for (const m of group.members) {
      const id = userExtension.get(m.userId);
      if (id) entry(id).ringGroups.push({ extensionId: group.id, how: 'member' });
    }
    // Everything after the group's own hop is its no-answer chain.
    const chain = touched({ ...path, hops: path.hops.slice(1) });
    chain.delete(group.id);
    for (const id of chain) if (!out.get(id)?.ringGroups.some((g) => g.extensionId === group.id)) entry(id).ringGroups.push({ extensionId: group.id, how: 'noAnswer' });
  }
  return out;
}
