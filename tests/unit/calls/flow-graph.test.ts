import { describe, expect, it } from 'vitest';
import {
  extensionFlags,
  MAX_NO_ANSWER_HOPS,
  numberFlow,
  pathFrom,
  reachableStates,
  reachedByAll,
  type FlowExtension,
  type FlowSchedule,
  type FlowUser,
  type RoutingGraph,
} from '@/lib/calls/flow-graph';
import { firstRungOf, roundRobinOrder, simulateFrom, simulateNumber } from '@/lib/calls/flow-simulate';
import { emptySchedule } from '@/lib/calls/schedule';

// A small company built by hand: users a..e (e has no phone), their extensions 101..105, and
// ring groups added per test.

function user(id: string, hasPhone = true): FlowUser {
  return { id, name: id.toUpperCase(), sipUsername: `sip-${id}`, extension: `ext-${id}`, hasPhone };
}
const userExt = (id: string, n: string): FlowExtension => ({
  id: `x-${id}`, number: n, type: 'user', name: id, userId: id, strategy: null, noAnswer: null, members: [], roundRobin: null,
});
function group(id: string, strategy: FlowExtension['strategy'], members: [string, number][], noAnswer: FlowExtension['noAnswer'] = null, roundRobin: FlowExtension['roundRobin'] = null): FlowExtension {
  return {
    id, number: id, type: 'ring_group', name: id, userId: null, strategy, noAnswer, roundRobin,
    members: members.map(([userId, ringSeconds], position) => ({ userId, position, ringSeconds })),
  };
}

function graphOf(groups: FlowExtension[], opts: { numberTo?: string | null; numberSchedule?: FlowSchedule | null; company?: FlowSchedule | null; groupSchedules?: Map<string, FlowSchedule> } = {}): RoutingGraph {
  const users = new Map(['a', 'b', 'c', 'd'].map((id) => [id, user(id)] as const));
  users.set('e', user('e', false));
  const exts = new Map<string, FlowExtension>();
  ['a', 'b', 'c', 'd', 'e'].forEach((id, i) => exts.set(`x-${id}`, userExt(id, String(101 + i))));
  for (const g of groups) exts.set(g.id, g);
  const numbers = new Map([['n1', { id: 'n1', e164: '+33144000001', isMain: true, extensionId: opts.numberTo === undefined ? 'g1' : opts.numberTo, schedule: opts.numberSchedule ?? null }]]);
  return { timeZone: 'Europe/Paris', users, extensions: exts, numbers, ringGroupSchedules: opts.groupSchedules ?? new Map(), companySchedule: opts.company ?? null };
}

const toExt = (id: string) => ({ kind: 'extension' as const, extensionId: id });

describe('ring order and ring times', () => {
  it('simultaneous: every member with a phone at once, for the longest member ring time', () => {
    const g = graphOf([group('g1', 'simultaneous', [['a', 10], ['b', 30], ['e', 45]])]);
    const call = simulateFrom(g, toExt('g1'));
    expect(call.attempts).toEqual([{ extensionId: 'g1', strategy: 'simultaneous', userIds: ['a', 'b'], ringSeconds: 45 }]);
    expect(call.outcome).toEqual({ kind: 'ends', reason: 'nobodyAnswers' });
    expect(pathFrom(g, toExt('g1')).hops[0]).toMatchObject({ kind: 'ring_group', ringSeconds: 45 });
  });

  it('sequential: each member in order for their own time, unregistered ones skipped', () => {
    const g = graphOf([group('g1', 'sequential', [['c', 15], ['e', 20], ['a', 25]])]);
    const call = simulateFrom(g, toExt('g1'));
    expect(call.attempts.map((a) => [a.userIds, a.ringSeconds])).toEqual([[['c'], 15], [['a'], 25]]);
    const fewer = simulateFrom(g, toExt('g1'), { registered: new Set(['sip-a']) });
    expect(fewer.attempts.map((a) => a.userIds[0])).toEqual(['a']);
  });

  it('round robin: starts after the member who started last time, wrapping', () => {
    const members: [string, number][] = [['a', 10], ['b', 10], ['c', 10]];
    const fresh = graphOf([group('g1', 'round_robin', members)]);
    expect(simulateFrom(fresh, toExt('g1')).attempts.map((a) => a.userIds[0])).toEqual(['a', 'b', 'c']);
    const afterB = graphOf([group('g1', 'round_robin', members, null, { lastUserId: 'b', lastPosition: 1 })]);
    expect(simulateFrom(afterB, toExt('g1')).attempts.map((a) => a.userIds[0])).toEqual(['c', 'a', 'b']);
    // The last starter left the group: where they were counts.
    const gone = roundRobinOrder(afterB.extensions.get('g1')!.members, { lastUserId: 'z', lastPosition: 2 });
    expect(gone.order.map((m) => m.userId)).toEqual(['a', 'b', 'c']);
  });

  it('the caller is not rung by their own group', () => {
    const g = graphOf([group('g1', 'sequential', [['a', 10], ['b', 10]])]);
    expect(simulateFrom(g, toExt('g1'), { caller: 'sip-a' }).attempts.map((a) => a.userIds)).toEqual([['b']]);
  });

  it('a user extension rings for 60 s; with no phone registered the call ends at once', () => {
    const g = graphOf([]);
    expect(simulateFrom(g, toExt('x-a')).attempts).toEqual([{ extensionId: 'x-a', strategy: 'user', userIds: ['a'], ringSeconds: 60 }]);
    expect(simulateFrom(g, toExt('x-e'))).toEqual({ attempts: [], outcome: { kind: 'ends', reason: 'unavailable' } });
  });
});

describe('no-answer chain', () => {
  it('follows the no-answer targets to a voicemail', () => {
    const g = graphOf([
      group('g1', 'simultaneous', [['a', 20]], { kind: 'extension', extensionId: 'g2' }),
      group('g2', 'sequential', [['b', 20]], { kind: 'voicemail', userId: 'b' }),
    ]);
    const path = pathFrom(g, toExt('g1'));
    expect(path.hops.map((h) => h.kind)).toEqual(['ring_group', 'ring_group', 'voicemail']);
    expect(path.end).toBe('taken');
    const call = simulateFrom(g, toExt('g1'));
    expect(call.attempts.map((a) => a.extensionId)).toEqual(['g1', 'g2']);
    expect(call.outcome).toEqual({ kind: 'voicemail', userId: 'b' });
  });

  it('a loop is found and flagged; the simulated call goes round until the hop limit', () => {
    const g = graphOf([
      group('g1', 'simultaneous', [['a', 20]], { kind: 'extension', extensionId: 'g2' }),
      group('g2', 'simultaneous', [['b', 20]], { kind: 'extension', extensionId: 'g1' }),
    ]);
    const path = pathFrom(g, toExt('g1'));
    expect(path).toMatchObject({ end: 'loop', loopTo: 'g1' });
    expect(numberFlow(g, 'n1')!.flags).toEqual([{ kind: 'loop', state: 'always', extensionId: 'g1' }]);
    expect(extensionFlags(g).get('g2')).toEqual([{ kind: 'loop', state: 'always', extensionId: 'g2' }]);
    const call = simulateFrom(g, toExt('g1'));
    // g1, then 5 no-answer hops (g2 g1 g2 g1 g2), then the 6th no-answer ends it.
    expect(call.attempts.map((a) => a.extensionId)).toEqual(['g1', 'g2', 'g1', 'g2', 'g1', 'g2']);
    expect(call.outcome).toEqual({ kind: 'ends', reason: 'hopLimit' });
  });

  it(`stops after ${MAX_NO_ANSWER_HOPS} no-answer hops of a chain without a loop`, () => {
    const ids = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7'];
    const groups = ids.map((id, i) => group(id, 'simultaneous', [['a', 5]], ids[i + 1] ? { kind: 'extension', extensionId: ids[i + 1]! } : null));
    const g = graphOf(groups);
    const path = pathFrom(g, toExt('g1'));
    expect(path.hops.map((h) => (h.kind === 'ring_group' ? h.extensionId : h.kind))).toEqual(['g1', 'g2', 'g3', 'g4', 'g5', 'g6']);
    expect(path.end).toBe('hopLimit');
    expect(simulateFrom(g, toExt('g1')).attempts).toHaveLength(6);
  });

  it('a group nobody can ring goes straight to its no-answer target', () => {
    const g = graphOf([group('g1', 'sequential', [['e', 20]], { kind: 'extension', extensionId: 'x-c' })]);
    const call = simulateFrom(g, toExt('g1'));
    expect(call.attempts.map((a) => a.userIds)).toEqual([['c']]);
    expect(firstRungOf(g, call)).toEqual({ kind: 'phones', sipUsernames: ['sip-c'], extensions: ['ext-c'] });
  });
});

describe('dead ends', () => {
  it('a target whose members have no phone rings nobody', () => {
    const g = graphOf([group('g1', 'simultaneous', [['e', 20]])]);
    expect(numberFlow(g, 'n1')!.flags).toEqual([{ kind: 'ringsNobody', state: 'always' }]);
    expect(extensionFlags(g).get('g1')).toEqual([{ kind: 'ringsNobody', state: 'always' }]);
    expect(firstRungOf(g, simulateFrom(g, toExt('g1')))).toEqual({ kind: 'nobody' });
    // A voicemail after it takes the call: not a dead end.
    const withVm = graphOf([group('g1', 'simultaneous', [['e', 20]], { kind: 'voicemail', userId: 'e' })]);
    expect(numberFlow(withVm, 'n1')!.flags).toEqual([]);
  });

  it('a closed or holiday branch with no target is flagged, open rings the group', () => {
    const base = emptySchedule('Europe/Paris', 'FR');
    const nine = [{ start: '09:00', end: '18:00' }];
    const schedule = { ...base, week: { ...base.week, mon: nine, sat: nine } };
    expect(reachableStates(schedule)).toEqual(['open', 'closed', 'holiday']);
    const company: FlowSchedule = { schedule, targets: { open: toExt('g1') } };
    // Hours without any target saved are not in effect yet: the mapping rings.
    expect(numberFlow(graphOf([group('g1', 'simultaneous', [['a', 20]])], { company: { schedule, targets: {} } }), 'n1')!.schedule).toBe('none');
    const g = graphOf([group('g1', 'simultaneous', [['a', 20]])], { numberTo: null, company });
    const flow = numberFlow(g, 'n1')!;
    expect(flow.schedule).toBe('company');
    expect(flow.flags).toEqual([{ kind: 'noTarget', state: 'closed' }, { kind: 'noTarget', state: 'holiday' }]);
    // Saturday 10:00 in Paris (UTC+1 in January) is open; Sunday is closed: nothing rings.
    expect(simulateNumber(g, 'n1', new Date('2027-01-09T09:00:00Z'))!.attempts).toHaveLength(1);
    expect(simulateNumber(g, 'n1', new Date('2027-01-10T09:00:00Z'))).toMatchObject({ state: { state: 'closed' }, outcome: { reason: 'noTarget' } });
    // 1 January is a holiday in France.
    expect(simulateNumber(g, 'n1', new Date('2027-01-01T10:00:00Z'))!.state!.state).toBe('holiday');
  });

  it("the number's own schedule wins over the company's; no schedule at all rings at any hour", () => {
    const base = emptySchedule('Europe/Paris');
    const closedAlways: FlowSchedule = { schedule: base, targets: { closed: { kind: 'voicemail', userId: 'a' } } };
    const g = graphOf([group('g1', 'simultaneous', [['a', 20]])], { numberSchedule: closedAlways, company: { schedule: base, targets: {} } });
    expect(numberFlow(g, 'n1')!).toMatchObject({ schedule: 'number', flags: [] });
    expect(firstRungOf(g, simulateNumber(g, 'n1', new Date())!)).toEqual({ kind: 'voicemail', sipUsername: 'sip-a' });
    const none = graphOf([group('g1', 'simultaneous', [['a', 20]])]);
    expect(simulateNumber(none, 'n1', new Date())).toMatchObject({ schedule: 'none', state: null });
    // The mapped ring group's own schedule comes before the company's.
    const groupFirst = graphOf([group('g1', 'simultaneous', [['a', 20]])], {
      groupSchedules: new Map([['g1', closedAlways]]),
      company: { schedule: base, targets: { closed: toExt('x-b') } },
    });
    expect(simulateNumber(groupFirst, 'n1', new Date())).toMatchObject({ schedule: 'ring_group', outcome: { kind: 'voicemail', userId: 'a' } });
    const unassigned = graphOf([], { numberTo: null });
    expect(numberFlow(unassigned, 'n1')!.flags).toEqual([{ kind: 'unassigned' }]);
  });
});

describe('reached by', () => {
  it('numbers and groups, as a member or through a no-answer chain', () => {
    const g = graphOf([
      group('g1', 'simultaneous', [['a', 20]], { kind: 'extension', extensionId: 'g2' }),
      group('g2', 'simultaneous', [['b', 20]], { kind: 'extension', extensionId: 'x-c' }),
    ]);
    const reached = reachedByAll(g);
    expect(reached.get('x-a')).toEqual({ numbers: [{ numberId: 'n1', states: ['always'] }], ringGroups: [{ extensionId: 'g1', how: 'member' }] });
    expect(reached.get('x-c')!.ringGroups).toEqual([
      { extensionId: 'g1', how: 'noAnswer' },
      { extensionId: 'g2', how: 'noAnswer' },
    ]);
    expect(reached.get('g2')!.ringGroups).toEqual([{ extensionId: 'g1', how: 'noAnswer' }]);
    expect(reached.get('x-d')).toBeUndefined();
  });
});
