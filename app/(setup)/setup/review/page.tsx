import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CostTable } from '@/components/review/cost-table';
import { FinishForm } from '@/components/review/finish-form';
import { TestCallHint } from '@/components/review/test-call-hint';
import { CardPage } from '@/components/setup/card-page';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/date';
import { formatNational } from '@/lib/format/phone';
import { isLocale } from '@/lib/i18n/locales';
import { formatMoney } from '@/lib/prices/money';
import { getCostSummary } from '@/lib/review/cost';
import { describeMissing, getMissing, NAMES_SHOWN, type MissingItem } from '@/lib/review/missing';
import { getSetupCompletion, getSetupProgress } from '@/lib/setup/cards';
import { translator } from '@/lib/i18n/messages';
import { usersWithoutPhone } from '@/lib/telephony/registrations';
import { db } from '@/db';

export default async function ReviewPage() {
  const actor = await requireAdmin('/setup/review');
  const [t, rawLocale, progress, cost, missing, completion, withoutPhone] = await Promise.all([
    getTranslations(),
    getLocale(),
    getSetupProgress(actor.companyId),
    getCostSummary(actor.companyId),
    getMissing(actor.companyId),
    getSetupCompletion(actor.companyId),
    usersWithoutPhone(db(), actor.companyId, NAMES_SHOWN),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : 'fr';
  const tr = translator(locale);
  const money = (minor: number) => formatMoney(minor, cost.currency, locale);
  const blockers = missing.filter((m) => m.severity === 'blocker');
  const warnings = missing.filter((m) => m.severity === 'warning');

  const missingList = (items: MissingItem[], id: string) => (
    <ul id={id} className="grid gap-2">
      {items.map((item) => (
        <li key={`${item.code}-${item.card}`} data-missing={item.code} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <span>{describeMissing(item, tr, money)}</span>
          <Link href={item.href} className="text-sm underline underline-offset-4">
            {t('review.goTo', { card: t(`setup.cards.${item.card}.title`) })}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <CardPage card="review" progress={progress}>
      {completion && (
        <Alert data-testid="setup-complete">
          <AlertTitle>
            <h2>{t('review.completeTitle')}</h2>
          </AlertTitle>
          <AlertDescription>
            <p>
              {completion.by
                ? t('review.completedOn', {
                    date: formatDateTime(completion.completedAt, locale, completion.timeZone),
                    name: completion.by,
                  })
                : t('review.completedOnNoName', { date: formatDateTime(completion.completedAt, locale, completion.timeZone) })}
            </p>
            {progress.review !== 'verified' && <p>{t('review.changedSince')}</p>}
            <Link href="/setup/outbox" className="text-foreground underline underline-offset-4">
              {t('review.outboxLink')}
            </Link>
          </AlertDescription>
        </Alert>
      )}

      <section aria-labelledby="cost-title" className="grid gap-2">
        <h2 id="cost-title" className="text-lg font-semibold">
          {t('review.costTitle')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('review.costIntro', { currency: cost.currency })}</p>
        <CostTable
          testId="monthly-cost"
          headings={{
            line: t('review.line'),
            quantity: t('review.quantity'),
            unitPrice: t('review.unitPrice'),
            amount: t('review.monthly'),
          }}
          rows={cost.monthly.map((line) => ({
            key: line.kind,
            data: { 'data-line': line.kind },
            label: t(`review.lines.${line.kind}`),
            quantity: line.quantity,
            unit: line.included ? t('review.included') : money(line.unitMinor),
            amount: line.included ? t('review.included') : money(line.monthlyMinor),
          }))}
          total={{ label: t('review.monthlyTotal'), amount: money(cost.monthlyTotalMinor), line: 'total' }}
        />
      </section>

      {cost.nextBill.length > 0 && (
        <section aria-labelledby="next-bill-title" className="grid gap-2">
          <h2 id="next-bill-title" className="text-lg font-semibold">
            {t('billing.nextBillTitle')}
          </h2>
          <p className="text-sm text-muted-foreground">{t('billing.nextBillIntro')}</p>
          <CostTable
            testId="next-bill"
            headings={{
              line: t('review.line'),
              quantity: t('review.quantity'),
              unitPrice: t('review.unitPrice'),
              amount: t('review.monthly'),
            }}
            rows={cost.nextBill.map((line) => ({
              key: line.orderId,
              data: { 'data-next-bill': 'office_seats' },
              label: t('billing.nextBillLine', { count: line.quantity }),
              quantity: line.quantity,
              unit: money(line.unitMinor),
              amount: money(line.monthlyMinor),
            }))}
            total={{
              label: t('billing.nextBillTitle'),
              amount: money(cost.nextBill.reduce((a, l) => a + l.monthlyMinor, 0)),
            }}
          />
        </section>
      )}

      <section aria-labelledby="one-time-title" className="grid gap-2">
        <h2 id="one-time-title" className="text-lg font-semibold">
          {t('review.oneTimeTitle')}
        </h2>
        {cost.oneTime.length === 0 ? (
          <p>{t('review.oneTimeNone')}</p>
        ) : (
          <>
            <p className="text-sm text-muted-foreground">{t('review.oneTimeIntro')}</p>
            <CostTable
              testId="one-time-cost"
              headings={{
                line: t('review.line'),
                quantity: t('review.quantity'),
                unitPrice: t('review.unitPrice'),
                amount: t('review.amount'),
              }}
              rows={cost.oneTime.map((line, i) => ({
                key: `${line.orderId}-${i}`,
                data: { 'data-order-line': line.kind },
                label: (
                  <>
                    {t(`review.orderKinds.${line.kind}`)}
                    {line.kind === 'number' && line.reference ? ` ${formatNational(line.reference)}` : ''}
                  </>
                ),
                quantity: line.quantity,
                unit: money(line.unitMinor),
                amount: money(line.amountMinor),
              }))}
              total={{ label: t('review.oneTimeTotal'), amount: money(cost.oneTimeTotalMinor) }}
            />
          </>
        )}
      </section>

      <section aria-labelledby="missing-title" className="grid gap-3">
        <h2 id="missing-title" className="text-lg font-semibold">
          {t('review.missingTitle')}
        </h2>
        {missing.length === 0 && <p>{t('review.nothingMissing')}</p>}
        {blockers.length > 0 && (
          <div className="grid gap-2 rounded-lg border border-destructive p-4">
            <h3 className="font-semibold">{t('review.blockersTitle')}</h3>
            {missingList(blockers, 'review-blockers')}
          </div>
        )}
        {warnings.length > 0 && (
          <div className="grid gap-2 rounded-lg border p-4">
            <h3 className="font-semibold">{t('review.warningsTitle')}</h3>
            {missingList(warnings, 'review-warnings')}
          </div>
        )}
      </section>

      <TestCallHint withoutPhone={withoutPhone} />

      <section aria-labelledby="finish-title" className="grid gap-2 border-t pt-4">
        <h2 id="finish-title" className="text-lg font-semibold">
          {t('review.finishTitle')}
        </h2>
        <FinishForm blocked={blockers.length > 0} describedBy={blockers.length > 0 ? 'review-blockers' : undefined} />
      </section>
    </CardPage>
  );
}
