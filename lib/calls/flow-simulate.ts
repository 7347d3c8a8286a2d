import {
  MAX_NO_ANSWER_HOPS,
  scheduleFor,
  USER_RING_SECONDS,
  type FlowExtension,
  type FlowMember,
  type FlowTarget,
  type ScheduleSource,
  type RoundRobinState,
  type RoutingGraph,
} from './flow-graph';
import { explainStateAt, type StateExplained } from './schedule';

/*
 * One call, step by step, as the SIP server would place it: who rings, in what order, for how
 * long, then what takes the call or how it ends. Unlike the static path (flow-graph.ts), this
 * knows which phones are registered (by default: every user who has a phone), the caller (not
 * rung by their own group; calls to numbers come from outside, so nobody) and round robin's
 * rotation, and it follows a loop round and round until MAX_NO_ANSWER_HOPS, as Kamailio does.
 */

export type RingAttempt = {
  /** The extension the call is at (a user's, or a ring group). */
  extensionId: string;
  strategy: 'user' | 'simultaneous' | 'sequential' | 'round_robin';
  /** Who rings at once in this attempt, and for how long. */
  userIds: string[];
  ringSeconds: number;
};

export type CallOutcome =
  | { kind: 'voicemail'; userId: string }
  | { kind: 'conference'; extensionId: string }
  | { kind: 'outside'; e164: string }
  | { kind: 'ends'; reason: 'nobodyAnswers' | 'unavailable' | 'noAnswerGone' | 'hopLimit' | 'noTarget' | 'unassigned' };

export type SimulatedCall = {
  schedule: ScheduleSource;
  /** The state and why; null without a schedule (rings at any hour). */
  state: StateExplained | null;
  attempts: RingAttempt[];
  /** After every attempt rang unanswered (or at once, when nothing could ring). */
  outcome: CallOutcome;
};

export type SimulateOptions = {
  /** SIP usernames with a registered phone; default: every user who has a phone. */
  registered?: ReadonlySet<string>;
  /** The caller's SIP username (a call between extensions); none for calls from outside. */
  caller?: string;
};

/** Round robin: members in ring order starting after last time's first (sip.round_robin_next()). */
export function roundRobinOrder(members: readonly FlowMember[], rr: RoundRobinState): { order: FlowMember[]; starter: FlowMember | undefined } {
  const sorted = [...members].sort((a, b) => a.position - b.position);
  const current = (rr?.lastUserId ? sorted.find((m) => m.userId === rr.lastUserId)?.position : undefined) ?? rr?.lastPosition ?? -1;
  const starter = sorted.find((m) => m.position > current) ?? sorted[0];
  if (!starter) return { order: [], starter };
  return { order: [...sorted.filter((m) => m.position >= starter.position), ...sorted.filter((m) => m.position < starter.position)], starter };
}

/** A call reaching `target`, with the graph's round-robin state (copied, never changed). */
export function simulateFrom(graph: RoutingGraph, target: FlowTarget | null, opts: SimulateOptions = {}): { attempts: RingAttempt[]; outcome: CallOutcome } {
  const registered = opts.registered ?? new Set([...graph.users.values()].filter((u) => u.hasPhone).map((u) => u.sipUsername));
  const sip = (userId: string) => graph.users.get(userId)?.sipUsername ?? '';
  const isRegistered = (userId: string) => registered.has(sip(userId));
  const rr = new Map<string, RoundRobinState>();
  const attempts: RingAttempt[] = [];
  const end = (outcome: CallOutcome) => ({ attempts, outcome });
  if (!target) return end({ kind: 'ends', reason: 'noTarget' });
  if (target.kind === 'number') return end({ kind: 'outside', e164: target.e164 });
  if (target.kind === 'voicemail') return end({ kind: 'voicemail', userId: target.userId });
  let current: FlowExtension | undefined = graph.extensions.get(target.extensionId);
  let hops = 0;
  for (;;) {
    if (!current) return end({ kind: 'ends', reason: 'noAnswerGone' });
    if (current.type === 'conference') return end({ kind: 'conference', extensionId: current.id });
    if (current.type === 'user') {
      if (!current.userId || !isRegistered(current.userId)) return end({ kind: 'ends', reason: 'unavailable' });
      attempts.push({ extensionId: current.id, strategy: 'user', userIds: [current.userId], ringSeconds: USER_RING_SECONDS });
      return end({ kind: 'ends', reason: 'nobodyAnswers' });
    }
    const group: FlowExtension = current;
    const strategy = group.strategy ?? 'simultaneous';
    let order: FlowMember[] = [...group.members].sort((a, b) => a.position - b.position);
    if (strategy === 'round_robin') {
      const state = rr.has(group.id) ? rr.get(group.id)! : group.roundRobin;
      const rotated = roundRobinOrder(group.members, state);
      order = rotated.order;
      if (rotated.starter) rr.set(group.id, { lastUserId: rotated.starter.userId, lastPosition: rotated.starter.position });
    }
    const callable = order.filter((m) => sip(m.userId) !== opts.caller);
    if (strategy === 'simultaneous') {
      const ringing = callable.filter((m) => isRegistered(m.userId));
      if (ringing.length > 0) {
        const ringSeconds = Math.max(...callable.map((m) => m.ringSeconds));
        attempts.push({ extensionId: group.id, strategy, userIds: ringing.map((m) => m.userId), ringSeconds });
      }
    } else {
      for (const m of callable) {
        if (isRegistered(m.userId)) attempts.push({ extensionId: group.id, strategy, userIds: [m.userId], ringSeconds: m.ringSeconds });
      }
    }
    // Nobody answered (or nobody could ring): the no-answer target, within the hop limit.
    hops++;
    if (hops > MAX_NO_ANSWER_HOPS) return end({ kind: 'ends', reason: 'hopLimit' });
    const na = group.noAnswer;
    if (na?.kind === 'extension' && na.extensionId && graph.extensions.has(na.extensionId)) {
      current = graph.extensions.get(na.extensionId);
      continue;
    }
    if (na?.kind === 'voicemail' && na.userId && graph.users.has(na.userId)) return end({ kind: 'voicemail', userId: na.userId });
    return end({ kind: 'ends', reason: na ? 'noAnswerGone' : 'nobodyAnswers' });
  }
}

/** A call from outside to the number at `at`: the state (its schedule's) and what rings. */
export function simulateNumber(graph: RoutingGraph, numberId: string, at: Date, opts: SimulateOptions = {}): SimulatedCall | undefined {
  const number = graph.numbers.get(numberId);
  if (!number) return undefined;
  const { source, schedule } = scheduleFor(graph, number);
  if (!schedule) {
    if (!number.extensionId) return { schedule: source, state: null, attempts: [], outcome: { kind: 'ends', reason: 'unassigned' } };
    return { schedule: source, state: null, ...simulateFrom(graph, { kind: 'extension', extensionId: number.extensionId }, opts) };
  }
  const state = explainStateAt(schedule.schedule, at);
  return { schedule: source, state, ...simulateFrom(graph, schedule.targets[state.state] ?? null, opts) };
}

/**
 * What the SIP server sends the call to first: the SIP usernames (and extensions) of the phones
 * that ring first (several for a simultaneous group), else the media server's voicemail or
 * bridge, the carrier's outside number, or nobody. The preview-vs-Kamailio agreement test
 * compares exactly this with the INVITEs SIPp's phones receive.
 */
export type FirstRung =
  | { kind: 'phones'; sipUsernames: string[]; extensions: string[] }
  | { kind: 'voicemail'; sipUsername: string }
  | { kind: 'conference'; extension: string }
  | { kind: 'outside'; e164: string }
  | { kind: 'nobody' };

export function firstRungOf(graph: RoutingGraph, call: { attempts: RingAttempt[]; outcome: CallOutcome }): FirstRung {
  const [first] = call.attempts;
  if (first) {
    const users = first.userIds.map((id) => graph.users.get(id));
    return {
      kind: 'phones',
      sipUsernames: users.map((u) => u?.sipUsername ?? '').sort(),
      extensions: users.map((u) => u?.extension ?? '').filter(Boolean).sort(),
    };
  }
  const o = call.outcome;
  if (o.kind === 'voicemail') return { kind: 'voicemail', sipUsername: graph.users.get(o.userId)?.sipUsername ?? '' };
  if (o.kind === 'conference') return { kind: 'conference', extension: graph.extensions.get(o.extensionId)?.number ?? '' };
  if (o.kind === 'outside') return { kind: 'outside', e164: o.e164 };
  return { kind: 'nobody' };
}
