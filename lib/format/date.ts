import type { Locale } from '@/lib/i18n/locales';

/** The same locale tags as lib/prices/money.ts. */
const tags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-US' };

/** A moment in the user's language and the company's time zone ("March 12, 2026 at 2:05 PM"). */
export function formatDateTime(date: Date, locale: Locale, timeZone: string) {
  return format(new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeStyle: 'short', timeZone }), date, locale);
}

export function formatDate(date: Date, locale: Locale, timeZone: string) {
  return format(new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone }), date, locale);
}

/** French writes the first day of a month as an ordinal: "1er décembre 2026", then "2 décembre". */
function format(formatter: Intl.DateTimeFormat, date: Date, locale: Locale) {
  if (locale !== 'fr') return formatter.format(date);
  return formatter
    .formatToParts(date)
    .map((part) => (part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value))
    .join('');
}
