import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PhoneSetup } from '@/components/telephony/phone-setup';
import { db } from '@/db';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '@/lib/auth/bindings';
import { requireActor } from '@/lib/auth/session';
import { getMyLine } from '@/lib/me/line';
import { sipServerFor } from '@/lib/telephony/actions';
import { registrationsOf } from '@/lib/telephony/registrations';

/** A signed-in user's own line; nothing about anyone else but the names of their ring groups. */
export default async function MePage() {
  const actor = await requireActor('/me');
  const [t, line, locale, registrations] = await Promise.all([
    getTranslations('me'),
    getMyLine(actor.id),
    getLocale(),
    registrationsOf(db(), actor.companyId, [actor.id]),
  ]);
  const notYet = t('notYet');
  const phone = !line
    ? notYet
    : line.licence === 'free'
      ? t('noPhone')
      : (line.deskPhone ?? t('appOnly'));
  const licences = await getTranslations('team.licences');
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        {line && <p className="mt-2 text-muted-foreground">{t('intro', { company: line.companyName })}</p>}
      </div>
      {line && (
        <dl className="grid gap-x-6 gap-y-3 rounded-lg border p-4 sm:grid-cols-[auto_1fr]" data-testid="my-line">
          <dt className="font-medium">{t('name')}</dt>
          <dd>{line.name}</dd>
          <dt className="font-medium">{t('email')}</dt>
          <dd>{line.email}</dd>
          <dt className="font-medium">{t('extension')}</dt>
          <dd data-field="extension">{line.extension ?? notYet}</dd>
          <dt className="font-medium">{t('site')}</dt>
          <dd data-field="site">{line.site.floorRoom ? t('siteWithRoom', { site: line.site.name, room: line.site.floorRoom }) : line.site.name}</dd>
          <dt className="font-medium">{t('licence')}</dt>
          <dd data-field="licence">{licences(line.licence)}</dd>
          <dt className="font-medium">{t('directNumber')}</dt>
          <dd data-field="directNumber">{line.directNumber ?? notYet}</dd>
          <dt className="font-medium">{t('phone')}</dt>
          <dd data-field="phone">{phone}</dd>
          <dt className="font-medium">{t('ringGroups')}</dt>
          <dd data-field="ringGroups">
            {line.ringGroups.length === 0 ? (
              t('noRingGroups')
            ) : (
              <ul className="grid gap-1">
                {line.ringGroups.map((name, i) => (
                  <li key={`${i}-${name}`}>{name}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt className="font-medium">{t('mainNumber')}</dt>
          <dd data-field="mainNumber">{line.mainNumber ?? notYet}</dd>
        </dl>
      )}
      {line && (
        <PhoneSetup
          server={sipServerFor(line.sip.domain)}
          sip={line.sip}
          registration={registrations.get(actor.id)}
          locale={locale === 'fr' ? 'fr' : 'en'}
          timeZone={line.timeZone}
        />
      )}
      <form action={signOutEverywhereAction} className="grid justify-items-start gap-2">
        <p className="text-sm text-muted-foreground">{t('signOutEverywhereHint')}</p>
        <Button type="submit" variant="outline">
          {t('signOutEverywhere')}
        </Button>
      </form>
      {actor.role === 'admin' && (
        <p>
          <Link href="/setup" className="underline underline-offset-4">
            {t('setupLink')}
          </Link>
        </p>
      )}
    </div>
  );
}
