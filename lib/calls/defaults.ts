import type { CountryCode } from '@/lib/countries/rules';
import { isCalendarId, listCalendars, type CalendarId } from './calendars';
import type { Weekday } from './time';

/*
 * What the Call handling card proposes before anything is saved. Nothing here is in effect: until
 * the admin saves, the company has no schedule and every call rings as the Phone numbers card
 * says, at any hour. The card says so and shows these values in the form, ready to save.
 */

/** Monday to Friday, 09:00 to 18:00: the usual office day in every country sold. */
export const SUGGESTED_WEEK: Readonly<Record<Weekday, readonly { start: string; end: string }[]>> = {
  mon: [{ start: '09:00', end: '18:00' }],
  tue: [{ start: '09:00', end: '18:00' }],
  wed: [{ start: '09:00', end: '18:00' }],
  thu: [{ start: '09:00', end: '18:00' }],
  fri: [{ start: '09:00', end: '18:00' }],
  sat: [],
  sun: [],
};

/**
 * The calendar of the emergency address's region when it names one (CH-VD for "VD" or "Vaud",
 * CA-QC, FR-ALSACE-MOSELLE for a postal code in 57, 67 or 68), else the national list (FR, BE,
 * US), England for GB; none for CH without a canton (no canton is a fair guess for another).
 */
export function suggestedCalendar(company: {
  country: string;
  emergencyRegion: string | null;
  emergencyPostalCode: string | null;
}): CalendarId | null {
  const country = company.country as CountryCode;
  if (country === 'FR' && /^(57|67|68)/.test(company.emergencyPostalCode ?? '')) return 'FR-ALSACE-MOSELLE';
  const choices = listCalendars(country);
  const region = (company.emergencyRegion ?? '').trim().toLocaleLowerCase('fr');
  if (region) {
    const code = `${country}-${region.toUpperCase()}`;
    if (isCalendarId(code)) return code;
    const named = choices.find((c) => c.name.fr.toLocaleLowerCase('fr') === region || c.name.en.toLocaleLowerCase('en') === region);
    if (named) return named.id;
  }
  if (isCalendarId(country)) return country;
  return country === 'GB' ? 'GB-ENG' : null;
}
