import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { newOwnSipPasswordAction } from '@/lib/telephony/bindings';
import type { Registration } from '@/lib/telephony/registrations';
import { NewSipPassword } from './new-sip-password';
import { RegistrationState } from './registration-state';

type Props = {
  server: string;
  sip: { username: string; domain: string };
  registration: Registration | undefined;
  locale: Locale;
  timeZone: string;
};

/** /me "Set up your phone": where to register, as whom, and whether a phone is registered. */
export async function PhoneSetup({ server, sip, registration, locale, timeZone }: Props) {
  const t = await getTranslations('telephony');
  return (
    <section aria-labelledby="phone-setup" className="grid gap-3 rounded-lg border p-4" data-testid="phone-setup">
      <h2 id="phone-setup" className="text-lg font-semibold">
        {t('setUpTitle')}
      </h2>
      <p className="text-sm text-muted-foreground">{t('setUpIntro')}</p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t('server')}</dt>
        <dd data-sip="server" className="break-all">{server}</dd>
        <dt className="font-medium">{t('domain')}</dt>
        <dd data-sip="domain" className="break-all">{sip.domain}</dd>
        <dt className="font-medium">{t('username')}</dt>
        <dd data-sip="username">{sip.username}</dd>
        <dt className="font-medium">{t('password')}</dt>
        <dd className="grid gap-2">
          <span className="text-sm text-muted-foreground">{t('passwordNotShown')}</span>
          <span>
            <NewSipPassword action={newOwnSipPasswordAction} label={t('newPassword')} />
          </span>
        </dd>
        <dt className="font-medium">{t('registration')}</dt>
        <dd data-sip="registration">
          <RegistrationState registration={registration} locale={locale} timeZone={timeZone} />
        </dd>
      </dl>
    </section>
  );
}
