import { formatNational } from '@/lib/format/phone';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { Branch, FlowFlag, Hop, NumberFlow, Path, RoutingGraph } from './flow-graph';
import type { CallOutcome, RingAttempt, SimulatedCall } from './flow-simulate';
import { localTimeAt } from './time';

/*
 * The call-flow preview in words (the `callFlow` messages): one sentence per step of a path, so
 * the Phone numbers card can show them as an ordered list (the diagram) and as a paragraph.
 */

const MINUTE = 60_000;

/** The instant a local "YYYY-MM-DDTHH:MM" is in `timeZone` (a skipped time: the one after the gap). */
export function instantOfLocal(local: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d) return undefined;
  const offsetAt = (instant: number) => {
    const l = localTimeAt(new Date(instant), timeZone);
    return Date.parse(`${l.date}T00:00:00Z`) + l.minute * MINUTE - instant;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

export function describer(graph: RoutingGraph, t: Translate) {
  const ext = (id: string) => {
    const e = graph.extensions.get(id);
    return e ? (e.name && e.name !== e.number ? `${e.number} · ${e.name}` : e.number) : '';
  };
  const person = (userId: string) => {
    const u = graph.users.get(userId);
    if (!u) return '';
    return u.extension ? t('callFlow.person', { name: u.name, extension: u.extension }) : u.name;
  };
  const member = (m: { userId: string; ringSeconds: number; hasPhone: boolean }) =>
    t(m.hasPhone ? 'callFlow.member' : 'callFlow.memberNoPhone', { person: person(m.userId), seconds: m.ringSeconds });

  const hop = (h: Hop): string => {
    switch (h.kind) {
      case 'user':
        return t(h.hasPhone ? 'callFlow.hop.user' : 'callFlow.hop.userNoPhone', { person: person(h.userId), seconds: h.ringSeconds });
      case 'ring_group':
        return t(`callFlow.hop.${h.strategy}`, {
          group: ext(h.extensionId),
          seconds: h.ringSeconds ?? 0,
          members: h.members.length > 0 ? h.members.map(member).join(', ') : t('callFlow.noMembers'),
        });
      case 'conference':
        return t('callFlow.hop.conference', { extension: ext(h.extensionId) });
      case 'voicemail':
        return t('callFlow.hop.voicemail', { person: person(h.userId) });
      case 'outside':
        return t('callFlow.hop.outside', { number: formatNational(h.e164) });
    }
  };

  /** The steps of a path: each hop, a ring group's "if nobody answers" before the next, the end. */
  const steps = (path: Path): string[] => {
    const out: string[] = [];
    path.hops.forEach((h, i) => out.push(i > 0 ? t('callFlow.thenNoAnswer', { step: hop(h) }) : hop(h)));
    if (path.end !== 'taken') out.push(t(`callFlow.end.${path.end}`, { extension: path.loopTo ? ext(path.loopTo) : '' }));
    return out;
  };

  const state = (b: Branch['state']) => t(`callFlow.states.${b}`);
  const schedule = (flow: NumberFlow) => {
    const number = graph.numbers.get(flow.numberId);
    const group = number?.extensionId ? ext(number.extensionId) : '';
    // A direct line's own hours are in its user's site zone (lib/sites/time-zone.ts).
    const zone = (number && flow.schedule === 'number' && number.schedule?.schedule.timeZone) || graph.timeZone;
    return t(`callFlow.schedule.${flow.schedule}`, { timeZone: zone, group });
  };
  const flag = (f: FlowFlag) =>
    f.kind === 'unassigned'
      ? t('callFlow.flags.unassigned')
      : t(`callFlow.flags.${f.kind}`, { state: t(`callFlow.short.${f.state}`), extension: f.kind === 'loop' ? ext(f.extensionId) : '' });

  const attempt = (a: RingAttempt, i: number) =>
    t(a.userIds.length > 1 ? 'callFlow.sim.together' : 'callFlow.sim.alone', {
      step: i + 1,
      people: a.userIds.map(person).join(', '),
      seconds: a.ringSeconds,
      via: ext(a.extensionId),
    });
  const outcome = (o: CallOutcome) => {
    if (o.kind === 'voicemail') return t('callFlow.sim.voicemail', { person: person(o.userId) });
    if (o.kind === 'conference') return t('callFlow.sim.conference', { extension: ext(o.extensionId) });
    if (o.kind === 'outside') return t('callFlow.sim.outside', { number: formatNational(o.e164) });
    return t(`callFlow.sim.ends.${o.reason}`);
  };
  const simState = (call: SimulatedCall, locale: Locale) => {
    if (!call.state) return t('callFlow.sim.anyHour');
    const why = call.state.holiday
      ? t('callFlow.sim.becauseHoliday', { name: call.state.holiday.name[locale] })
      : call.state.closure
        ? t('callFlow.sim.becauseClosure')
        : '';
    return t('callFlow.sim.state', { state: t(`callFlow.sim.states.${call.state.state}`), why });
  };

  return { steps, state, schedule, flag, attempt, outcome, simState, ext, person };
}
