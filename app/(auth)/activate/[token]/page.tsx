import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActivateForm } from '@/components/auth/activate-form';
import { lookUpActivation } from '@/lib/auth/activation';
import { formatDate } from '@/lib/format/date';
import { decodeSegment } from '@/lib/format/pages';
import { fullName } from '@/lib/format/person';
import { isLocale } from '@/lib/i18n/locales';
import { elides } from '@/lib/format/elision';

export const metadata = { referrer: 'no-referrer' as const };

/** A one-time activation link: the set-password form, or a clear page when it cannot be used. */
export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token: raw } = await params;
  const token = decodeSegment(raw);
  const [t, rawLocale, lookup] = await Promise.all([getTranslations('activate'), getLocale(), lookUpActivation(token)]);
  const locale = isLocale(rawLocale) ? rawLocale : 'fr';

  if (lookup.state === 'valid') {
    return (
      <div className="grid gap-6">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-2 text-muted-foreground">
            {t('intro', { name: fullName(lookup.user), company: lookup.companyName, companyElision: elides(lookup.companyName) })}
          </p>
        </div>
        <ActivateForm token={token} email={lookup.user.email} />
      </div>
    );
  }

  const title = t(`${lookup.state}Title`);
  const body =
    lookup.state === 'expired'
      ? t('expiredBody', { date: formatDate(lookup.expiresAt, locale, lookup.timeZone) })
      : t(`${lookup.state}Body`);
  return (
    <div className="grid gap-4" data-activation={lookup.state}>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p>{body}</p>
      <p>
        <Link href="/sign-in" className="underline underline-offset-4">
          {t('signIn')}
        </Link>
      </p>
    </div>
  );
}
