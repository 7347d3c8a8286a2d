import type { Locale } from '@/lib/i18n/locales';

/** The same locale tags as lib/prices/money.ts. */
const tags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-US' };

/** A moment in the user's language and the company's time zone ("March 12, 2026 at 2:05 PM"). */
export function formatDateTime(date: Date, locale: Locale, timeZone: string) {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
}

export function formatDate(date: Date, locale: Locale, timeZone: string) {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone }).format(date);
}
