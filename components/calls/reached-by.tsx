import { getTranslations } from 'next-intl/server';
import { extensionFlags, reachedByAll, type RoutingGraph } from '@/lib/calls/flow-graph';
import { describer } from '@/lib/calls/flow-words';
import { formatNational } from '@/lib/format/phone';

/*
 * The Extensions card's "Reached by": for each extension shown, every number whose call flow can
 * ring it (and in which states) and every ring group that rings it, as a member or when nobody
 * answers; plus its dead ends (a ring group that rings nobody with a phone or loops). Computed
 * from the routing graph the page loaded once (lib/calls/preview.ts).
 */
export async function ReachedBySection({ graph, extensionIds }: { graph: RoutingGraph; extensionIds: string[] }) {
  const t = await getTranslations();
  const words = describer(graph, (key, params) => t(key as never, params as never));
  const reached = reachedByAll(graph);
  const flags = extensionFlags(graph);
  const shown = extensionIds.filter((id) => graph.extensions.has(id));
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="reached-by-title" className="grid gap-3">
      <div>
        <h2 id="reached-by-title" className="text-lg font-semibold">
          {t('callFlow.reachedBy.title')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('callFlow.reachedBy.intro')}</p>
      </div>
      <ul aria-labelledby="reached-by-title" className="grid gap-2">
        {shown.map((id) => {
          const r = reached.get(id);
          const items = [
            ...(r?.numbers ?? []).map((n) =>
              t('callFlow.reachedBy.number', {
                number: formatNational(graph.numbers.get(n.numberId)?.e164 ?? ''),
                states: n.states.map((s) => t(`callFlow.short.${s}`)).join(', '),
              }),
            ),
            ...(r?.ringGroups ?? []).map((g) => t(`callFlow.reachedBy.${g.how}`, { group: words.ext(g.extensionId) })),
          ];
          const own = flags.get(id) ?? [];
          const headingId = `reached-by-${id}`;
          return (
            <li key={id} data-reached-by={graph.extensions.get(id)!.number} className="rounded-md border p-2">
              <p id={headingId} className="font-medium">
                {words.ext(id)}
              </p>
              {items.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('callFlow.reachedBy.nothing')}</p>
              ) : (
                <ul aria-labelledby={headingId} className="grid gap-0.5 text-sm">
                  {items.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              )}
              {own.length > 0 && (
                <ul aria-label={t('callFlow.flags.title')} className="mt-1 grid gap-0.5 text-sm text-destructive" data-flags>
                  {own.map((f, i) => (
                    <li key={i}>{words.flag(f)}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
