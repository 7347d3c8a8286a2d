import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { catalogs } from './messages';
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from './locales';

/** The user's own choice (cookie set by the switcher) wins over Accept-Language. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: catalogs[locale] };
});
