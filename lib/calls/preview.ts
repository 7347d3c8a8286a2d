import type { Db, Tx } from '@/db';
import { extensionFlags, numberFlow, reachedByAll, type NumberFlow, type ReachedBy, type RoutingGraph } from './flow-graph';
import { firstRungOf, simulateNumber, type FirstRung, type SimulatedCall, type SimulateOptions } from './flow-simulate';
import { loadRoutingGraph } from './routing-graph';

/*
 * The call-flow preview, computed from the database state: the company's routing graph
 * (routing-graph.ts, four statements whatever the team's size, only the part a question needs),
 * then flow-graph.ts and flow-simulate.ts, pure.
 *
 * Which schedule applies follows sip.call_route() (migration 0012): see scheduleFor.
 */

type Exec = Db | Tx;

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
