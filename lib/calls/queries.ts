import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { first } from '@/db/rows';
import { CALL_STATES, companies, extensions, phoneNumbers, users, type CallState } from '@/db/schema';
import { COUNTRIES, type CountryCode } from '@/lib/countries/rules';
import { formatDate } from '@/lib/format/date';
import { fullNameOrNull } from '@/lib/format/person';
import type { Locale } from '@/lib/i18n/locales';
import { listCalendars } from './calendars';
import { encodeTarget } from './card-schema';
import { SUGGESTED_WEEK, suggestedCalendar } from './defaults';
import { holidaysOf } from './holidays';
import { closuresOf, disabledHolidaysOf, findSchedule, targetsOf, weekOf } from './store';
import { localTimeAt, timeOfMinutes, WEEKDAYS, type Weekday } from './time';

/*
 * What the Call handling card shows: the company's schedule as saved, or, before the first save,
 * the suggested week and calendar (marked as such); the calendars to pick from; this year's and
 * next year's holidays of the chosen calendar; and the company's extensions, ring groups and
 * users a state can ring.
 */

export type IntervalView = { start: string; end: string };
export type TargetOptionView = { value: string; label: string };
export type HolidayView = { key: string; date: string; dateLabel: string; name: string; from: string | null; substitute: boolean; enabled: boolean };

export async function getCallsCardData(companyId: string, locale: Locale, now = new Date()) {
  const exec = db();
  const company = await exec.select().from(companies).where(eq(companies.id, companyId)).then(first);
  const schedule = await findSchedule(exec, companyId, { owner: 'company' });
  const [savedWeek, closures, disabled, targets, exts, people, main] = await Promise.all([
    schedule ? weekOf(exec, schedule.id) : null,
    schedule ? closuresOf(exec, schedule.id) : [],
    schedule ? disabledHolidaysOf(exec, schedule.id) : ([] as string[]),
    schedule ? targetsOf(exec, schedule.id) : [],
    exec
      .select({ id: extensions.id, number: extensions.number, type: extensions.type, name: extensions.name, firstName: users.firstName, lastName: users.lastName })
      .from(extensions)
      .leftJoin(users, eq(users.id, extensions.userId))
      .where(eq(extensions.companyId, companyId))
      .orderBy(asc(extensions.number)),
    exec
      .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, role: users.role })
      .from(users)
      .where(eq(users.companyId, companyId))
      .orderBy(asc(users.lastName), asc(users.firstName)),
    exec
      .select({ extensionId: phoneNumbers.extensionId })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.isMain, true), inArray(phoneNumbers.status, ['owned']))),
  ]);

  const week = Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      savedWeek
        ? savedWeek[d].map((text) => {
            const [start = '', end = ''] = text.split('–');
            return { start, end };
          })
        : SUGGESTED_WEEK[d].map((i) => ({ ...i })),
    ]),
  ) as Record<Weekday, IntervalView[]>;

  const calendar = schedule ? schedule.holidayCalendar : suggestedCalendar(company);
  const year = Number(localTimeAt(now, company.timeZone).date.slice(0, 4));
  const holidays = calendar
    ? [year, year + 1].map((y) => ({
        year: y,
        items: holidaysOf(calendar, y).map(
          (h): HolidayView => ({
            key: h.key,
            date: h.date,
            dateLabel: formatDate(new Date(`${h.date}T12:00:00Z`), locale, 'UTC'),
            name: h.name[locale],
            from: h.fromMinute > 0 ? timeOfMinutes(h.fromMinute) : null,
            substitute: h.substitute,
            enabled: !disabled.includes(h.key),
          }),
        ),
      }))
    : [];

  const country = company.country as CountryCode;
  const calendars = [country, ...COUNTRIES.filter((c) => c !== country)].map((c) => ({
    country: c,
    calendars: listCalendars(c, locale).map((choice) => ({ id: choice.id, name: choice.name[locale] })),
  }));

  const label = (e: (typeof exts)[number]) => {
    const name = fullNameOrNull(e) ?? e.name;
    return name ? `${e.number} · ${name}` : e.number;
  };
  const options = {
    extensions: exts.filter((e) => e.type !== 'ring_group').map((e) => ({ value: encodeTarget('extension', e.id), label: label(e) })),
    ringGroups: exts.filter((e) => e.type === 'ring_group').map((e) => ({ value: encodeTarget('ring_group', e.id), label: label(e) })),
    voicemails: people.map((p) => ({ value: encodeTarget('voicemail', p.id), label: fullNameOrNull(p) ?? '' })),
  };

  // Saved targets; before any, a suggestion: the main number's extension when open, the
  // admin's voicemail otherwise (shown as a suggestion, saved only by Save).
  const saved = new Map(targets.map((t) => [t.state, t]));
  const mainExt = main[0]?.extensionId;
  const fallbackOpen = mainExt ? exts.find((e) => e.id === mainExt) : exts.find((e) => e.type === 'user');
  const firstPerson = people.find((p) => p.role === 'admin') ?? people[0];
  const targetValues = Object.fromEntries(
    CALL_STATES.map((state) => {
      const t = saved.get(state);
      if (t) return [state, { value: encodeTarget(t.kind, t.extensionId ?? t.voicemailUserId), number: t.e164 ?? '' }];
      if (state === 'open' && fallbackOpen) {
        return [state, { value: encodeTarget(fallbackOpen.type === 'ring_group' ? 'ring_group' : 'extension', fallbackOpen.id), number: '' }];
      }
      return [state, { value: firstPerson ? encodeTarget('voicemail', firstPerson.id) : '', number: '' }];
    }),
  ) as Record<CallState, { value: string; number: string }>;

  return {
    saved: Boolean(schedule),
    timeZone: company.timeZone,
    week,
    closures,
    calendar,
    calendars,
    holidays,
    options,
    targets: targetValues,
    targetsSaved: targets.length > 0,
  };
}

export type CallsCardData = Awaited<ReturnType<typeof getCallsCardData>>;
