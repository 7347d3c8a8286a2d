import { eq } from 'drizzle-orm';
import Link from 'next/link';
import { ChevronLeft } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { NotLiveBanner } from '@/components/numbers/not-live-banner';
import { ResultsTable, SelectionPanel } from '@/components/numbers/offers';
import { NumberSearchForm } from '@/components/numbers/search-form';
import type { OfferView } from '@/components/numbers/types';
import { Button } from '@/components/ui/button';
import { db } from '@/db';
import { first } from '@/db/rows';
import { companies } from '@/db/schema';
import { requireAdmin } from '@/lib/auth/session';
import type { CountryCode } from '@/lib/countries/rules';
import type { SearchParams } from '@/lib/format/pages';
import { carrier } from '@/lib/numbers/actions';
import { resolveArea } from '@/lib/numbers/areas';
import { HOLD_MINUTES, type NumberOffer } from '@/lib/numbers/carrier';
import { getHeldNumbers } from '@/lib/numbers/inventory';
import { parseNumberSearch } from '@/lib/numbers/search-params';
import { formatMoney } from '@/lib/prices/money';

/** Buy numbers: search the inventory, hold a selection for 15 minutes, buy it as one order. */
export default async function BuyNumbersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin('/setup/numbers/buy');
  const [t, locale, params, company] = await Promise.all([
    getTranslations(),
    getLocale(),
    searchParams,
    db()
      .select({ country: companies.country, street: companies.emergencyStreet })
      .from(companies)
      .where(eq(companies.id, actor.companyId))
      .then(first),
  ]);

  const search = parseNumberSearch(params, company.country as CountryCode);
  const { values } = search;
  const errors: { area?: string; digits?: string } = {
    area: search.errors.area && t(search.errors.area),
    digits: search.errors.digits && t(search.errors.digits),
  };
  const areaCodes = values.area ? resolveArea(values.country, values.type, values.area) : undefined;
  if (values.area && !areaCodes) errors.area ??= t('errors.areaUnknown', { value: values.area });
  const searchable = search.valid && !errors.area;

  const now = new Date();
  const [results, held] = await Promise.all([
    searchable
      ? carrier.search({ exec: db(), now }, actor.companyId, {
          country: values.country,
          type: values.type,
          areaCodes,
          digits: values.digits || undefined,
          page: values.page,
        })
      : Promise.resolve({ rows: [], page: 1, hasNext: false }),
    getHeldNumbers(db(), actor.companyId, now),
  ]);

  const view = (o: NumberOffer): OfferView => ({
    id: o.id,
    national: o.national,
    regionName: o.regionName,
    typeLabel: t(`numbers.types.${o.type}`),
    priceLabel: t('numbers.perMonth', { price: formatMoney(o.monthlyMinor, o.currency, locale) }),
    monthlyMinor: o.monthlyMinor,
    heldUntil: o.heldUntil?.toISOString() ?? null,
  });
  const heldViews = held.map(view);
  const heldUntil = held.reduce<Date | null>((min, h) => (h.heldUntil && (!min || h.heldUntil < min) ? h.heldUntil : min), null);
  const total = held.reduce((sum, h) => sum + h.monthlyMinor, 0);
  const currency = held[0]?.currency;
  const totalLabel = currency ? t('numbers.perMonth', { price: formatMoney(total, currency, locale) }) : '';

  const query = { country: values.country, type: values.type, area: values.area, digits: values.digits };
  const pageHref = (page: number) =>
    `/setup/numbers/buy?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), page: String(page) })}`;

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Link href="/setup/numbers" className="inline-flex w-fit items-center gap-1 text-sm underline underline-offset-4">
          <ChevronLeft aria-hidden className="size-4" /> {t('numbers.backToNumbers')}
        </Link>
        <h1 className="text-2xl font-semibold">{t('numbers.buyTitle')}</h1>
        <p className="text-muted-foreground">{t('numbers.buyIntro', { minutes: HOLD_MINUTES })}</p>
      </div>
      {!company.street?.trim() && <NotLiveBanner />}
      <section aria-labelledby="search-title" className="grid gap-3">
        <h2 id="search-title" className="text-lg font-semibold">
          {t('numbers.searchTitle')}
        </h2>
        <NumberSearchForm values={values} errors={errors} />
      </section>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="results-title" className="grid content-start gap-3">
          <h2 id="results-title" className="text-lg font-semibold">
            {t('numbers.results')}
          </h2>
          {searchable && results.rows.length === 0 && <p>{t('numbers.noResults')}</p>}
          {results.rows.length > 0 && <ResultsTable offers={results.rows.map(view)} page={results.page} />}
          {(results.page > 1 || results.hasNext) && (
            <nav aria-label={t('common.pagination')} className="flex items-center justify-between gap-4">
              {results.page > 1 ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={pageHref(results.page - 1)}>{t('common.previousPage')}</Link>
                </Button>
              ) : (
                <span />
              )}
              {results.hasNext ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={pageHref(results.page + 1)}>{t('common.nextPage')}</Link>
                </Button>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
        <SelectionPanel
          held={heldViews}
          heldUntil={heldUntil?.toISOString() ?? null}
          serverNow={now.toISOString()}
          totalLabel={totalLabel}
          minutes={HOLD_MINUTES}
        />
      </div>
    </div>
  );
}
