import { translator } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { describeRegistration, type Registration } from '@/lib/telephony/registrations';

/** "Registered (Yealink T46U, since ...)" or "No phone registered", from the SIP server's table. */
export function RegistrationState({ registration, locale, timeZone }: { registration: Registration | undefined; locale: Locale; timeZone: string }) {
  return (
    <span data-registered={registration ? 'yes' : 'no'}>{describeRegistration(registration, translator(locale), locale, timeZone)}</span>
  );
}
