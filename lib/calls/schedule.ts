import type { CalendarId } from './calendars';
import { holidayOn, type PublicHoliday } from './holidays';
import { localTimeAt, minutesOfTime, type LocalTime, type Weekday } from './time';

/*
 * Business hours and what state they put a number in at an instant.
 *
 * Everything is in the site's local wall-clock time (IANA zone): an instant is turned into its
 * local date and time with Intl, then compared with the intervals. So across a daylight-saving
 * change:
 * - "09:00-17:00" stays 09:00-17:00 local on both sides of the change;
 * - a skipped local time never happens: on the spring-forward day an interval inside the gap
 *   (Paris 02:00-03:00 on 29 March 2026) is never open, and one across it opens at the first
 *   real minute (an "01:30-03:30" is open 01:30-02:00 then 03:00-03:30, one real hour);
 * - a repeated local time happens twice: on the fall-back day an interval covering it (New York
 *   01:00-02:00 on 1 November 2026) is open during both occurrences, by the wall clock, as a
 *   person reading the office clock would expect.
 *
 * The states, first match wins:
 * 1. `holiday`: the local date is an enabled holiday of the schedule's calendar (from its start
 *    time for the cantons' half-days), whatever the hours say, closures included: the holiday
 *    greeting is the more specific answer on a holiday inside a closure.
 * 2. `closed`: the local date is in a closure (single day, or an inclusive range of dates).
 * 3. `open` inside an interval of that weekday (start included, end excluded; "24:00" ends at
 *    midnight), else `closed`.
 */

/** "HH:MM", minutes a multiple of 15; `end` may be "24:00". An interval never crosses midnight. */
export interface Interval {
  start: string;
  end: string;
}

/** Local dates YYYY-MM-DD, both included; a single day has `from === to`. */
export interface Closure {
  from: string;
  to: string;
}

export interface Schedule {
  /** IANA time zone of the site, e.g. "Europe/Paris". */
  timeZone: string;
  week: Readonly<Record<Weekday, readonly Interval[]>>;
  closures: readonly Closure[];
  /** null: no holiday calendar (holidays are ordinary days). */
  holidays: { calendar: CalendarId | null; disabled: readonly string[] };
}

export type ScheduleState = 'open' | 'closed' | 'holiday';

/** The closure covering a local date (YYYY-MM-DD), if any. */
export function closureOn(closures: readonly Closure[], date: string): Closure | undefined {
  // YYYY-MM-DD strings compare as dates.
  return closures.find((c) => c.from <= date && date <= c.to);
}

export function isWithinHours(intervals: readonly Interval[], minute: number): boolean {
  return intervals.some((i) => minutesOfTime(i.start) <= minute && minute < minutesOfTime(i.end));
}

export interface StateExplained {
  state: ScheduleState;
  local: LocalTime;
  /** The holiday that made the state `holiday`. */
  holiday?: PublicHoliday;
  /** The closure that made the state `closed`, when one did. */
  closure?: Closure;
}

/** The state at `instant`, with why (for the call-flow preview's words). */
export function explainStateAt(schedule: Schedule, instant: Date): StateExplained {
  const local = localTimeAt(instant, schedule.timeZone);
  const { calendar, disabled } = schedule.holidays;
  const holiday = calendar ? holidayOn(calendar, local.date, disabled) : null;
  if (holiday && local.minute >= holiday.fromMinute) return { state: 'holiday', local, holiday };
  const closure = closureOn(schedule.closures, local.date);
  if (closure) return { state: 'closed', local, closure };
  return { state: isWithinHours(schedule.week[local.weekday], local.minute) ? 'open' : 'closed', local };
}

/** open | closed | holiday at `instant` (see the rules at the top of this file). */
export function stateAt(schedule: Schedule, instant: Date): ScheduleState {
  return explainStateAt(schedule, instant).state;
}

/** A schedule with no hours: always closed (the starting point of the card's form). */
export function emptySchedule(timeZone: string, calendar: CalendarId | null = null): Schedule {
  return {
    timeZone,
    week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    closures: [],
    holidays: { calendar, disabled: [] },
  };
}
