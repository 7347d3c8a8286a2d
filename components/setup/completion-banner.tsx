import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { formatDateTime } from '@/lib/format/date';
import { isLocale } from '@/lib/i18n/locales';
import { CARD_PATHS, getSetupCompletion, type CardStatus } from '@/lib/setup/cards';

/** On /setup once setup was finished: when, and whether changes since call for another look. */
export async function CompletionBanner({ companyId, reviewStatus }: { companyId: string; reviewStatus: CardStatus }) {
  const completion = await getSetupCompletion(companyId);
  if (!completion) return null;
  const [t, rawLocale] = await Promise.all([getTranslations('setup.complete'), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : 'fr';
  return (
    <Alert data-testid="setup-complete">
      <AlertTitle>
        <h2>{t('title')}</h2>
      </AlertTitle>
      <AlertDescription>
        <p>{t('body', { date: formatDateTime(completion.completedAt, locale, completion.timeZone) })}</p>
        {reviewStatus !== 'verified' && (
          <Link href={CARD_PATHS.review} className="text-foreground underline underline-offset-4">
            {t('reviewAgain')}
          </Link>
        )}
        <Link href="/setup/outbox" className="text-foreground underline underline-offset-4">
          {t('outbox')}
        </Link>
      </AlertDescription>
    </Alert>
  );
}
