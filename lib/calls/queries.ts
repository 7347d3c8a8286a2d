import { and, asc, eq, inArray, sql } from 'drizzle-orm';
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
 * next year's holidays of the chosen calendar; and the words of what each state rings (the
 * pickers search the company's extensions, ring groups and users on the server).
 */

export type IntervalView = { start: string; end: string };
export type HolidayView = { key: string; date: string; dateLabel: string; name: string; from: string | null; substitute: boolean; enabled: boolean };

export async function getCallsCardData(companyId: string, locale: Locale, now = new Date()) {
  const exec = db();
  const company = await exec.select().from(companies).where(eq(companies.id, companyId)).then(first);
  const schedule = await findSchedule(exec, companyId, { owner: 'company' });
  // Only the rows the three states point at (or are suggested to) are read: the pickers search
  // the rest on the server, so this card's cost does not grow with the team.
  const [savedWeek, closures, disabled, targets, main, firstUserExt, firstPeople] = await Promise.all([
    schedule ? weekOf(exec, schedule.id) : null,
    schedule ? closuresOf(exec, schedule.id) : [],
    schedule ? disabledHolidaysOf(exec, schedule.id) : ([] as string[]),
    schedule ? targetsOf(exec, schedule.id) : [],
    exec
      .select({ id: extensions.id, type: extensions.type })
      .from(phoneNumbers)
      .innerJoin(extensions, and(eq(extensions.id, phoneNumbers.extensionId), eq(extensions.companyId, phoneNumbers.companyId)))
      .where(and(eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.isMain, true), inArray(phoneNumbers.status, ['owned'])))
      .limit(1),
    exec
      .select({ id: extensions.id, type: extensions.type })
      .from(extensions)
      .where(and(eq(extensions.companyId, companyId), eq(extensions.type, 'user')))
      .orderBy(asc(extensions.number))
      .limit(1),
    // The suggested voicemail: the first admin's, else anyone's.
    exec
      .select({ id: users.id })
      .from(users)
      .where(eq(users.companyId, companyId))
      .orderBy(sql`${users.role} = 'admin' desc`, asc(users.lastName), asc(users.firstName))
      .limit(1),
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

  // Saved targets; before any, a suggestion: the main number's extension when open, the
  // admin's voicemail otherwise (shown as a suggestion, saved only by Save).
  const saved = new Map(targets.map((t) => [t.state, t]));
  const fallbackOpen = main[0] ?? firstUserExt[0];
  const firstPerson = firstPeople[0];
  const chosen = Object.fromEntries(
    CALL_STATES.map((state) => {
      const t = saved.get(state);
      if (t) return [state, { value: encodeTarget(t.kind, t.extensionId ?? t.voicemailUserId), number: t.e164 ?? '' }];
      if (state === 'open' && fallbackOpen) {
        return [state, { value: encodeTarget(fallbackOpen.type === 'ring_group' ? 'ring_group' : 'extension', fallbackOpen.id), number: '' }];
      }
      return [state, { value: firstPerson ? encodeTarget('voicemail', firstPerson.id) : '', number: '' }];
    }),
  ) as Record<CallState, { value: string; number: string }>;
  const labels = await targetWords(companyId, Object.values(chosen).map((c) => c.value));
  const targetValues = Object.fromEntries(
    CALL_STATES.map((state) => [state, { ...chosen[state], label: labels.get(chosen[state].value) ?? '' }]),
  ) as Record<CallState, { value: string; number: string; label: string }>;

  return {
    saved: Boolean(schedule),
    timeZone: company.timeZone,
    week,
    closures,
    calendar,
    calendars,
    holidays,
    targets: targetValues,
    targetsSaved: targets.length > 0,
  };
}

export type CallsCardData = Awaited<ReturnType<typeof getCallsCardData>>;

/**
 * The words of encoded targets ("extension:<id>", "ring_group:<id>", "voicemail:<user id>"):
 * "101 · Alice Martin" for an extension, the person's name for a voicemail. Two statements.
 */
async function targetWords(companyId: string, values: string[]): Promise<Map<string, string>> {
  const exec = db();
  const idsOf = (kinds: string[]) =>
    values.flatMap((v) => {
      const [kind, id] = v.split(':');
      return kind && id && kinds.includes(kind) ? [id] : [];
    });
  const extIds = idsOf(['extension', 'ring_group']);
  const userIds = idsOf(['voicemail']);
  const [exts, people] = await Promise.all([
    extIds.length
      ? exec
          .select({ id: extensions.id, type: extensions.type, number: extensions.number, name: extensions.name, firstName: users.firstName, lastName: users.lastName })
          .from(extensions)
          .leftJoin(users, eq(users.id, extensions.userId))
          .where(and(eq(extensions.companyId, companyId), inArray(extensions.id, extIds)))
      : [],
    userIds.length
      ? exec
          .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
          .from(users)
          .where(and(eq(users.companyId, companyId), inArray(users.id, userIds)))
      : [],
  ]);
  const words = new Map<string, string>();
  for (const e of exts) {
    const name = fullNameOrNull(e) ?? e.name;
    words.set(encodeTarget(e.type === 'ring_group' ? 'ring_group' : 'extension', e.id), name ? `${e.number} · ${name}` : e.number);
  }
  for (const p of people) words.set(encodeTarget('voicemail', p.id), fullNameOrNull(p) ?? '');
  return words;
}
