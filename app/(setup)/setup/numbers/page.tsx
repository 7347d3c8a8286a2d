import Link from 'next/link';
import { Info, Plus } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { completeNumbersAction } from '@/lib/numbers/bindings';
import { AssignMissingButton } from '@/components/numbers/assign-missing';
import { NotLiveBanner } from '@/components/numbers/not-live-banner';
import { NumbersTable } from '@/components/numbers/numbers-table';
import { extensionGroups } from '@/components/numbers/extension-groups';
import type { NumberRowView } from '@/components/numbers/types';
import { CardPage } from '@/components/setup/card-page';
import { DoneButton } from '@/components/setup/done-button';
import { Pagination } from '@/components/setup/pagination';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { requireAdmin } from '@/lib/auth/session';
import { pageSearchSchema, type SearchParams } from '@/lib/format/pages';
import { getNumbersCardData } from '@/lib/numbers/queries';
import { formatMoney } from '@/lib/prices/money';
import { getSetupProgress } from '@/lib/setup/cards';

/** The Phone numbers tab (Ooma's "Numéros de téléphone"): every number, what it rings, the main one. */
export default async function NumbersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin('/setup/numbers');
  const { page } = pageSearchSchema.parse(await searchParams);
  const [t, locale, progress, data] = await Promise.all([
    getTranslations(),
    getLocale(),
    getSetupProgress(actor.companyId),
    getNumbersCardData(actor.companyId, { page }),
  ]);
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
  const groups = extensionGroups(t, data.extensions);

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
            {t('numbers.count', { count: data.total })}
          </h2>
          <p className="text-sm text-muted-foreground">{t('numbers.includedHint')}</p>
        </div>
        {data.total === 0 ? <p>{t('numbers.empty')}</p> : <NumbersTable rows={rows} groups={groups} />}
        <Pagination path="/setup/numbers" page={data.page} pageCount={data.pageCount} />
      </section>
      <DoneButton card="numbers" action={completeNumbersAction} />
    </CardPage>
  );
}
