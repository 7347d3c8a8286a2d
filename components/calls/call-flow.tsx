import Link from 'next/link';
import { AlertTriangle } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { numberFlow, scheduleFor, type RoutingGraph } from '@/lib/calls/flow-graph';
import { simulateNumber } from '@/lib/calls/flow-simulate';
import { describer, instantOfLocal } from '@/lib/calls/flow-words';
import { formatDateTime } from '@/lib/format/date';
import type { FlowRequest } from '@/lib/calls/preview-search';
import { withParams } from '@/components/tables/list-search';
import type { Locale } from '@/lib/i18n/locales';

/*
 * The Phone numbers card's call-flow preview, server-rendered for one number at a time (each
 * number's flow was most of a 1,000-user company's page): a link per number on this page
 * (?flow=<id>, the table's search and page kept) and, for the chosen one, an open <details> with
 * the schedule, each state's steps as an ordered list (the diagram: arrows are decoration, hidden
 * from screen readers, which read the list) and as a sentence, the dead ends, and a GET form
 * (?simulate=<number>&at=<local date-time>) whose result this same render shows.
 */

type Props = {
  graph: RoutingGraph;
  numbers: { id: string; national: string }[];
  request: FlowRequest | null;
  /** The table's search, filter and page, kept by the links and the simulate form. */
  params: Record<string, string>;
};

export async function CallFlowSection({ graph, numbers, request, params }: Props) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const words = describer(graph, (key, params) => t(key as never, params as never));
  if (numbers.length === 0) return null;
  const shown = request ? numbers.find((n) => n.id === request.numberId) : undefined;
  const flowsWithDeadEnds = new Set(numbers.filter((n) => (numberFlow(graph, n.id)?.flags.length ?? 0) > 0).map((n) => n.id));
  return (
    <section aria-labelledby="call-flow-title" className="grid gap-3">
      <div>
        <h2 id="call-flow-title" className="text-lg font-semibold">
          {t('callFlow.title')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('callFlow.intro')}</p>
      </div>
      <ul aria-label={t('callFlow.pick')} className="flex flex-wrap gap-x-4 gap-y-1">
        {numbers.map((n) => (
          <li key={n.id}>
            <Link
              href={withParams('/setup/numbers', { ...params, flow: n.id }) + '#call-flow-shown'}
              aria-current={n.id === shown?.id ? 'true' : undefined}
              className="flow-link"
            >
              {t('callFlow.disclosure', { number: n.national })}
              {flowsWithDeadEnds.has(n.id) && <span className="text-destructive"> ({t('callFlow.flags.title')})</span>}
            </Link>
          </li>
        ))}
      </ul>
      {shown && <FlowDetails graph={graph} number={shown} request={request!} params={params} words={words} locale={locale} />}
    </section>
  );
}

type DetailsProps = {
  graph: RoutingGraph;
  number: { id: string; national: string };
  request: FlowRequest;
  params: Record<string, string>;
  words: ReturnType<typeof describer>;
  locale: Locale;
};

async function FlowDetails({ graph, number: n, request, params, words, locale }: DetailsProps) {
  const t = await getTranslations();
  const flow = numberFlow(graph, n.id);
  if (!flow) return null;
  const asked = request.simulate ? request : null;
  // A direct line's own hours are in its user's site zone; every other schedule is the first site's.
  const number = graph.numbers.get(n.id);
  const zone = (number && scheduleFor(graph, number).schedule?.schedule.timeZone) || graph.timeZone;
  const at = asked?.at ? instantOfLocal(asked.at, zone) : undefined;
  const call = at ? simulateNumber(graph, n.id, at) : undefined;
  const formId = `simulate-${n.id}`;
  return (
    <details open id="call-flow-shown" data-call-flow={n.national} className="scroll-mt-4 rounded-md border p-3">
      <summary className="cursor-pointer font-medium">
        {t('callFlow.disclosure', { number: n.national })}
        {flow.flags.length > 0 && (
          <span className="ml-2 inline-flex items-center gap-1 text-destructive">
            <AlertTriangle aria-hidden className="size-4" /> {t('callFlow.flags.title')}
          </span>
        )}
      </summary>
      <div className="mt-3 grid gap-3">
        <p>{words.schedule(flow)}</p>
        {flow.flags.length > 0 && (
          <ul aria-label={t('callFlow.flags.title')} className="grid gap-1 text-destructive" data-flags>
            {flow.flags.map((f, i) => (
              <li key={i}>{words.flag(f)}</li>
            ))}
          </ul>
        )}
        {flow.branches.map((b) => {
          const steps = words.steps(b.path);
          return (
            <div key={b.state} className="grid gap-1" data-branch={b.state}>
              <h3 className="font-medium">{words.state(b.state)}</h3>
              <ol aria-label={t('callFlow.diagramLabel', { number: n.national, state: t(`callFlow.short.${b.state}`) })} className="grid gap-1">
                {steps.map((step, i) => (
                  <li key={i} className="grid gap-1">
                    {i > 0 && (
                      <span aria-hidden className="text-muted-foreground">
                        ↓
                      </span>
                    )}
                    <span data-step className="rounded border bg-muted/40 px-2 py-1">{step}</span>
                  </li>
                ))}
              </ol>
              <p className="text-sm text-muted-foreground">{t('callFlow.inWords', { words: steps.join(' ') })}</p>
            </div>
          );
        })}
        <form method="get" action="/setup/numbers" className="flex flex-wrap items-end gap-2">
          {Object.entries(params).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="simulate" value={n.id} />
          <div className="grid gap-1">
            <Label htmlFor={formId}>{t('callFlow.sim.at', { timeZone: zone })}</Label>
            <Input id={formId} type="datetime-local" name="at" required defaultValue={asked?.at ?? ''} step={60} />
          </div>
          <Button type="submit" variant="outline">
            {t('callFlow.sim.submit')}
          </Button>
        </form>
        {asked && !call && <p role="alert">{t('callFlow.sim.invalid')}</p>}
        {call && at && (
          <section aria-label={t('callFlow.sim.title')} data-simulation className="grid gap-1 rounded-md bg-muted/40 p-3">
            <h3 className="font-medium">{t('callFlow.sim.result', { when: formatDateTime(at, locale, zone) })}</h3>
            <p>{words.simState(call, locale)}</p>
            {call.attempts.length === 0 ? (
              <p>{t('callFlow.sim.nothingRings')}</p>
            ) : (
              <ol className="grid gap-1">
                {call.attempts.map((a, i) => (
                  <li key={i}>{words.attempt(a, i)}</li>
                ))}
              </ol>
            )}
            <p>{words.outcome(call.outcome)}</p>
            <p className="text-sm text-muted-foreground">{t('callFlow.sim.assumes')}</p>
          </section>
        )}
      </div>
    </details>
  );
}
