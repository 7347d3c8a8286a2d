import { Info } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClosuresList } from '@/components/calls/closures-list';
import { HolidaysPanel } from '@/components/calls/holidays-panel';
import { HoursForm } from '@/components/calls/hours-form';
import { TargetsForm } from '@/components/calls/targets-form';
import { CardPage } from '@/components/setup/card-page';
import { DoneButton } from '@/components/setup/done-button';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { requireAdmin } from '@/lib/auth/session';
import { completeCallsAction } from '@/lib/calls/bindings';
import { getCallsCardData } from '@/lib/calls/queries';
import { formatDate } from '@/lib/format/date';
import type { Locale } from '@/lib/i18n/locales';
import { getSetupProgress } from '@/lib/setup/cards';

/** The Call handling card: business hours, closures, public holidays, and what rings in each state. */
export default async function CallsPage() {
  const actor = await requireAdmin('/setup/calls');
  const locale = (await getLocale()) as Locale;
  const [t, progress, data] = await Promise.all([getTranslations(), getSetupProgress(actor.companyId), getCallsCardData(actor.companyId, locale)]);
  const day = (date: string) => formatDate(new Date(`${date}T12:00:00Z`), locale, 'UTC');
  const groups = data.calendars.map((g) => ({ ...g, countryName: t(`countries.${g.country}`) }));

  return (
    <CardPage card="calls" progress={progress}>
      {!data.saved && (
        <Alert data-banner="calls-not-saved">
          <Info aria-hidden />
          <AlertDescription>{t('calls.notSaved')}</AlertDescription>
        </Alert>
      )}
      <section aria-labelledby="hours-title" className="grid gap-3">
        <div>
          <h2 id="hours-title" className="text-lg font-semibold">
            {t('calls.hours.title')}
          </h2>
          <p className="text-sm text-muted-foreground">
            {t('calls.hours.intro')} {t('calls.timeZone', { timeZone: data.timeZone })}
          </p>
        </div>
        <HoursForm initial={data.week} />
      </section>
      {data.saved ? (
        <>
          <section aria-labelledby="closures-title" className="grid gap-3">
            <div>
              <h2 id="closures-title" className="text-lg font-semibold">
                {t('calls.closures.title')}
              </h2>
              <p className="text-sm text-muted-foreground">{t('calls.closures.intro')}</p>
            </div>
            <ClosuresList closures={data.closures.map((c) => ({ ...c, fromLabel: day(c.from), toLabel: day(c.to) }))} />
          </section>
          <section aria-labelledby="holidays-title" className="grid gap-3">
            <div>
              <h2 id="holidays-title" className="text-lg font-semibold">
                {t('calls.holidays.title')}
              </h2>
              <p className="text-sm text-muted-foreground">{t('calls.holidays.intro')}</p>
            </div>
            <HolidaysPanel calendar={data.calendar} groups={groups} years={data.holidays} />
          </section>
          <section aria-labelledby="targets-title" className="grid gap-3">
            <div>
              <h2 id="targets-title" className="text-lg font-semibold">
                {t('calls.targets.title')}
              </h2>
              <p className="text-sm text-muted-foreground">{t('calls.targets.intro')}</p>
            </div>
            <TargetsForm values={data.targets} saved={data.targetsSaved} />
          </section>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t('calls.needsHours')}</p>
      )}
      <DoneButton card="calls" action={completeCallsAction} />
    </CardPage>
  );
}
