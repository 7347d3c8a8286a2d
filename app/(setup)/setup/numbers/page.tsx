import Link from 'next/link';
import { Info, Plus } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { completeNumbersAction } from '@/lib/numbers/bindings';
import { CallFlowSection } from '@/components/calls/call-flow';
import { AssignMissingButton } from '@/components/numbers/assign-missing';
import { NotLiveBanner } from '@/components/numbers/not-live-banner';
import { NumbersTable } from '@/components/numbers/numbers-table';
import type { NumberRowView } from '@/components/numbers/types';
import { CardPage } from '@/components/setup/card-page';
import { DoneButton } from '@/components/setup/done-button';
import { ListSearch, NoMatch, keptParams } from '@/components/tables/list-search';
import { Pagination } from '@/components/tables/pagination';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { requireAdmin } from '@/lib/auth/session';
import { loadRoutingGraph } from '@/lib/calls/routing-graph';
import { simulateSearchSchema } from '@/lib/calls/preview-search';
import { db } from '@/db';
import type { SearchParams } from '@/lib/format/pages';
import { NUMBER_MAPPINGS, ownedNumbersSearchSchema } from '@/lib/numbers/owned-search';
import { getNumbersCardData } from '@/lib/numbers/queries';
import { formatMoney } from '@/lib/prices/money';
import { getSetupProgress } from '@/lib/setup/cards';

/** The Phone numbers tab (Ooma's "Numéros de téléphone"): every number, what it rings, the main one. */
export default async function NumbersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin('/setup/numbers');
  const search = await searchParams;
  const { q, mapping, page } = ownedNumbersSearchSchema.parse(search);
  const flow = simulateSearchSchema.parse(search);
  const [t, locale, progress, data] = await Promise.all([
    getTranslations(),
    getLocale(),
    getSetupProgress(actor.companyId),
    getNumbersCardData(actor.companyId, { q, mapping, page }),
  ]);
  // The call flows are the page's numbers' only: the graph is what they route to.
  const graph = await loadRoutingGraph(db(), actor.companyId, { numberIds: data.rows.map((r) => r.id) });
  const rows: NumberRowView[] = data.rows.map((r) => ({
    id: r.id,
    national: r.national,
    typeLabel: t(`numbers.types.${r.type}`),
    regionName: r.regionName,
    isMain: r.isMain,
    extensionId: r.extension?.id ?? null,
    extensionLabel: r.extension ? t('numbers.extensionOption', { number: r.extension.number, name: r.extension.name || t(`extensions.types.${r.extension.type}`) }) : null,
    priceLabel:
      r.billing.kind === 'included'
        ? t('billing.includedWith', { who: r.billing.includedWith ?? '' })
        : t(r.billing.kind === 'extra' ? 'billing.extra' : 'billing.tollFree', {
            price: formatMoney(r.billing.monthlyMinor, data.currency, locale),
          }),
  }));

  return (
    <CardPage
      card="numbers"
      progress={progress}
      actions={
        <Button asChild>
          <Link href="/setup/numbers/buy">
            <Plus aria-hidden /> {t('numbers.buyNumbers')}
          </Link>
        </Button>
      }
    >
      {!data.hasEmergencyAddress && <NotLiveBanner />}
      {data.missingDirectNumbers > 0 && (
        <Alert data-banner="missing-direct-numbers">
          <Info aria-hidden />
          <AlertTitle>{t('numbers.missingTitle')}</AlertTitle>
          <AlertDescription>
            <p>{t('numbers.missing', { count: data.missingDirectNumbers })}</p>
            <AssignMissingButton />
          </AlertDescription>
        </Alert>
      )}
      <section aria-labelledby="numbers-title" className="grid gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="numbers-title" className="text-lg font-semibold">
            {t('numbers.count', { count: data.owned })}
          </h2>
          <p className="text-sm text-muted-foreground">{t('numbers.includedHint')}</p>
        </div>
        {data.owned > 0 && (
          <div className="flex flex-wrap items-end justify-between gap-4">
            <ListSearch
              path="/setup/numbers"
              q={q}
              label={t('numbers.ownedSearch')}
              filters={[
                {
                  name: 'mapping',
                  label: t('numbers.mappingFilter'),
                  value: mapping ?? '',
                  options: NUMBER_MAPPINGS.map((m) => ({ value: m, label: t(`numbers.mappingFilters.${m}`) })),
                },
              ]}
            />
            <p className="text-sm" aria-live="polite">
              {t('numbers.matching', { count: data.total })}
            </p>
          </div>
        )}
        {data.owned === 0 ? <p>{t('numbers.empty')}</p> : rows.length === 0 ? <NoMatch q={q} /> : <NumbersTable rows={rows} />}
        <Pagination path="/setup/numbers" page={data.page} pageCount={data.pageCount} params={keptParams({ q, mapping })} />
      </section>
      <CallFlowSection
        graph={graph}
        numbers={rows.map((r) => ({ id: r.id, national: r.national }))}
        request={flow}
        params={keptParams({ q, mapping, page: data.page > 1 ? String(data.page) : undefined })}
      />
      <DoneButton card="numbers" action={completeNumbersAction} />
    </CardPage>
  );
}
