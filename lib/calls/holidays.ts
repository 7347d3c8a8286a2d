import Holidays from 'date-holidays';
import type { Locale } from '@/lib/i18n/locales';
import { calendarSource, type CalendarId } from './calendars';

/*
 * The public holidays of a calendar (lib/calls/calendars.ts), computed by date-holidays and
 * corrected to match the official lists where the library reads the law differently:
 *
 * - Only `public` holidays count: observances (Mother's Day, Pentecost Sunday in FR...), bank
 *   holidays and `optional` days are not days off by law. So CA-QC keeps Good Friday only: the
 *   labour standards let the employer give Easter Monday instead (the library's `optional`); such
 *   a company switches Good Friday off and adds Easter Monday as a closure.
 * - CH: date-holidays lists Easter Sunday, Whit Sunday and the Federal Fast (a Sunday) as public;
 *   the cantons' official lists name only weekdays' holidays (Sunday is a day of rest anyway), so
 *   they are dropped and a shop open on Sundays stays open.
 * - CA-ON: the Employment Standards Act's nine public holidays do not include Easter Monday,
 *   which date-holidays lists as public.
 * - GB and US: when a holiday falls on a weekend the official list (gov.uk bank holidays, OPM's
 *   federal holidays) names the substitute weekday only (GB 2026: Boxing Day on Monday 28 Dec;
 *   US 2026: Independence Day on Friday 3 Jul). date-holidays lists both, so the weekend date
 *   is dropped when its substitute is there.
 *
 * A holiday's key is its date-holidays rule, cleaned (`easter 1`, `12-26`, see holidayKey), the
 * same for a substitute day as for the day it replaces: switching Boxing Day off switches its
 * substitute off too. Keys are stored in schedules (the disabled holidays); tests pin the ones they use.
 */

export interface PublicHoliday {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  key: string;
  name: Readonly<Record<Locale, string>>;
  /**
   * Minutes after local midnight when the holiday starts (a few cantons: 1 May or 24 December
   * from 12:00); 0 for a whole day.
   */
  fromMinute: number;
  substitute: boolean;
}

/** Holidays date-holidays calls public that a calendar's official list does not (see above). */
const DROPPED_RULES: Partial<Record<string, readonly string[]>> = {
  CH: ['easter', 'easter 49', '3rd sunday after 09-01'],
  'CA-ON': ['easter 1'],
};

/** Countries whose official list moves a weekend holiday to its substitute day. */
const SUBSTITUTE_REPLACES = new Set(['GB', 'US']);

const instances = new Map<CalendarId, Holidays>();
const cache = new Map<string, readonly PublicHoliday[]>();

function instanceOf(calendar: CalendarId): Holidays {
  let hd = instances.get(calendar);
  if (!hd) {
    const { country, state } = calendarSource(calendar);
    hd = state ? new Holidays(country, state) : new Holidays(country);
    instances.set(calendar, hd);
  }
  return hd;
}

/**
 * date-holidays' rule without what only places it in a year (a substitute's "substitutes" and
 * "if saturday..." clauses, "since 2021", a start time): `easter 1`, `12-26`, `1st monday in May`.
 * Names are no key: the library's English name of 1 August in Zurich changes from year to year.
 */
export function holidayKey(rule: string): string {
  return rule
    .replace(/^substitutes\s+/, '')
    .replace(/\s+(and\s+)?if\s.*$/, '')
    .replace(/\s+since\s+\d{4}.*$/, '')
    .replace(/\s+\d{2}:\d{2}\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function minutesOf(dateTime: string): number {
  const [, hh = '0', mm = '0'] = /^\d{4}-\d{2}-\d{2} (\d{2}):(\d{2})/.exec(dateTime) ?? [];
  return Number(hh) * 60 + Number(mm);
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

function compute(calendar: CalendarId, year: number): PublicHoliday[] {
  const hd = instanceOf(calendar);
  const { country } = calendarSource(calendar);
  const dropped = [...(DROPPED_RULES[country] ?? []), ...(DROPPED_RULES[calendar] ?? [])];
  // Same year, same rules: both lists come out in the same order, so index i names one holiday.
  const en = hd.getHolidays(year, 'en');
  const fr = hd.getHolidays(year, 'fr');
  const all = en
    .map((h, i) => ({ h, fr: fr[i] }))
    .filter(({ h }) => h.type === 'public' && !dropped.includes(h.rule))
    .map(({ h, fr: f }): PublicHoliday => ({
      date: h.date.slice(0, 10),
      key: holidayKey(h.rule),
      name: { en: h.name, fr: f?.name ?? h.name },
      fromMinute: minutesOf(h.date),
      substitute: Boolean(h.substitute),
    }));
  const kept = SUBSTITUTE_REPLACES.has(country)
    ? all.filter(
        (h) => h.substitute || !all.some((s) => s.substitute && s.key === h.key && daysBetween(s.date, h.date) <= 3),
      )
    : all;
  // After the substitutes: a list may hold the next year's substitute (US: 31 Dec for 1 Jan).
  return kept.filter((h) => h.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

/** The public holidays of `calendar` in `year`, by date (switched-off ones included). */
export function holidaysOf(calendar: CalendarId, year: number): readonly PublicHoliday[] {
  const id = `${calendar}:${year}`;
  let list = cache.get(id);
  if (!list) {
    list = Object.freeze(compute(calendar, year));
    cache.set(id, list);
  }
  return list;
}

/**
 * The enabled holiday on a local date (YYYY-MM-DD, in the site's time zone), or null. A holiday
 * whose key is in `disabled` does not count: the company works that day.
 */
export function holidayOn(
  calendar: CalendarId,
  date: string,
  disabled: readonly string[] = [],
): PublicHoliday | null {
  const year = Number(date.slice(0, 4));
  return holidaysOf(calendar, year).find((h) => h.date === date && !disabled.includes(h.key)) ?? null;
}

/**
 * Whether the local date (and local minute of the day, for the half-day holidays) is an enabled
 * holiday of `calendar`.
 */
export function isHoliday(
  calendar: CalendarId,
  date: string,
  disabled: readonly string[] = [],
  minuteOfDay = 24 * 60 - 1,
): boolean {
  const holiday = holidayOn(calendar, date, disabled);
  return holiday !== null && minuteOfDay >= holiday.fromMinute;
}

/** Years over which a stored key is recognised (schema check of the disabled holidays). */
const KEY_YEARS = { from: 2024, to: 2040 };
const keysCache = new Map<CalendarId, ReadonlySet<string>>();

/** Every holiday key the calendar uses in the years a schedule may meet. */
export function holidayKeysOf(calendar: CalendarId): ReadonlySet<string> {
  let keys = keysCache.get(calendar);
  if (!keys) {
    const set = new Set<string>();
    for (let year = KEY_YEARS.from; year <= KEY_YEARS.to; year++) {
      for (const h of holidaysOf(calendar, year)) set.add(h.key);
    }
    keys = set;
    keysCache.set(calendar, keys);
  }
  return keys;
}
