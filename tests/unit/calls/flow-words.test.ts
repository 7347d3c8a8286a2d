import { describe, expect, it } from 'vitest';
import type { FlowExtension, RoutingGraph } from '@/lib/calls/flow-graph';
import { numberFlow } from '@/lib/calls/flow-graph';
import { simulateNumber } from '@/lib/calls/flow-simulate';
import { describer, instantOfLocal } from '@/lib/calls/flow-words';
import { simulateSearchSchema } from '@/lib/calls/preview-search';
import { emptySchedule } from '@/lib/calls/schedule';
import { translator } from '@/lib/i18n/messages';

// The preview's sentences (both catalogs), and the simulate form's local date-time read in the
// company's zone across daylight saving.

const users = new Map([
  ['a', { id: 'a', name: 'Ada Admin', sipUsername: 'ua', extension: '101', hasPhone: true }],
  ['m', { id: 'm', name: 'Max Petit', sipUsername: 'um', extension: '103', hasPhone: false }],
]);
const sales: FlowExtension = {
  id: 'g', number: '500', type: 'ring_group', name: 'Sales', userId: null, strategy: 'sequential',
  noAnswer: { kind: 'voicemail', userId: 'a' }, roundRobin: null,
  members: [{ userId: 'a', position: 0, ringSeconds: 15 }, { userId: 'm', position: 1, ringSeconds: 20 }],
};
const base = emptySchedule('Europe/Paris', 'FR');
const graph: RoutingGraph = {
  timeZone: 'Europe/Paris',
  users,
  extensions: new Map([['g', sales]]),
  numbers: new Map([['n', { id: 'n', e164: '+33144000001', isMain: true, extensionId: 'g', schedule: null }]]),
  ringGroupSchedules: new Map(),
  companySchedule: { schedule: { ...base, week: { ...base.week, sat: [{ start: '09:00', end: '12:00' }] } }, targets: { open: { kind: 'ring_group', extensionId: 'g' } } },
};

describe('the call flow in words', () => {
  it('names the schedule, the members in order with ring times, who has no phone, and the dead ends', () => {
    const w = describer(graph, translator('en'));
    const flow = numberFlow(graph, 'n')!;
    expect(w.schedule(flow)).toBe("Follows the company's business hours (Europe/Paris).");
    expect(w.steps(flow.branches[0]!.path)).toEqual([
      'Ring group 500 · Sales rings one after the other: Ada Admin (101), 15 seconds, Max Petit (103), 20 seconds (no phone)',
      'If nobody answers: Voicemail of Ada Admin (101)',
    ]);
    expect(flow.flags.map(w.flag)).toEqual(['Dead end when closed: nothing is set to ring.', 'Dead end on public holidays: nothing is set to ring.']);
    const fr = describer(graph, translator('fr'));
    expect(fr.steps(flow.branches[1]!.path)).toEqual(['Rien n’est prévu pour sonner : l’appel est refusé.']);
  });

  it('a simulated Saturday-morning call names who rings and what follows', () => {
    const w = describer(graph, translator('en'));
    const call = simulateNumber(graph, 'n', instantOfLocal('2026-12-05T10:00', 'Europe/Paris')!)!;
    expect(w.simState(call, 'en')).toBe('The company is open.');
    expect(call.attempts.map(w.attempt)).toEqual(['1. Ada Admin (101) rings for 15 seconds (through 500 · Sales).']);
    expect(w.outcome(call.outcome)).toBe('Then the call goes to the voicemail of Ada Admin (101).');
    const christmas = simulateNumber(graph, 'n', instantOfLocal('2026-12-25T10:00', 'Europe/Paris')!)!;
    expect(w.simState(christmas, 'fr')).toBe('It is a public holiday (Noël).');
  });
});

describe('instantOfLocal', () => {
  it('reads wall-clock times in the zone, on both sides of the 2026 changes', () => {
    expect(instantOfLocal('2026-03-27T09:00', 'Europe/Paris')!.toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(instantOfLocal('2026-03-30T09:00', 'Europe/Paris')!.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(instantOfLocal('2026-11-02T09:00', 'America/New_York')!.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(instantOfLocal('2026-02-30T09:00', 'Europe/Paris')).toBeUndefined();
    expect(instantOfLocal('tomorrow', 'Europe/Paris')).toBeUndefined();
  });
});

describe('the call flow\'s search parameters', () => {
  const id = '0b7c6f0e-2a54-4d4b-9a51-0c0f5b1d2e3f';
  it('one number shown, simulated at a local date-time or not, or nothing; a bad date-time asks again', () => {
    expect(simulateSearchSchema.parse({ flow: id })).toEqual({ numberId: id, simulate: false, at: null });
    expect(simulateSearchSchema.parse({ simulate: id, at: '2027-01-09T10:00' })).toEqual({ numberId: id, simulate: true, at: '2027-01-09T10:00' });
    expect(simulateSearchSchema.parse({ simulate: id, at: 'saturday' })).toEqual({ numberId: id, simulate: true, at: null });
    expect(simulateSearchSchema.parse({ flow: 'not-an-id' })).toBeNull();
    expect(simulateSearchSchema.parse({ simulate: ['x', 'y'], page: '2' })).toBeNull();
    expect(simulateSearchSchema.parse({})).toBeNull();
  });
});
