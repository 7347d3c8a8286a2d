import '@/lib/zod-jitless';
import { z } from 'zod';
import { isCalendarId } from './calendars';
import type { Schedule } from './schedule';
import { isTimeZone, minutesOfTime, STEP_MINUTES, WEEKDAYS } from './time';

/*
 * The business-hours schedule as the Call handling form and its action parse it. Every message
 * is an i18n key under `calls.errors`, on the path of the field it is about: an interval's
 * problem on `week.<day>.<index>.start|end`, a closure's on `closures.<index>.from|to`.
 *
 * Safe in the browser: no date-holidays here (its data is about 800 kB). Whether each switched-off
 * holiday belongs to the calendar needs the holiday data: `scheduleActionSchema` in
 * schedule-action-schema.ts adds that check, for the server action.
 */

/** Limits that keep a schedule readable (and the SIP server's lookups small). */
export const MAX_INTERVALS_PER_DAY = 8;
export const MAX_CLOSURES = 100;
export const MAX_DISABLED_HOLIDAYS = 40;
const HOLIDAY_KEY_MAX = 80;

const timeField = z
  .string({ error: 'calls.errors.timeInvalid' })
  .refine((v) => !Number.isNaN(minutesOfTime(v)), { error: 'calls.errors.timeInvalid', abort: true })
  .refine((v) => minutesOfTime(v) % STEP_MINUTES === 0, { error: 'calls.errors.notQuarterHour' });

const intervalSchema = z
  .object({ start: timeField, end: timeField })
  .superRefine((v, ctx) => {
    const [start, end] = [minutesOfTime(v.start), minutesOfTime(v.end)];
    if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'calls.errors.endBeforeStart' });
    }
  });

const daySchema = z
  .array(intervalSchema, { error: 'calls.errors.invalid' })
  .max(MAX_INTERVALS_PER_DAY, { error: 'calls.errors.tooManyIntervals' })
  .superRefine((intervals, ctx) => {
    // Touching intervals (09:00-12:00, 12:00-14:00) are allowed; sharing a minute is not.
    const ordered = intervals
      .map((v, index) => ({ index, start: minutesOfTime(v.start), end: minutesOfTime(v.end) }))
      .filter((v) => v.start < v.end)
      .sort((a, b) => a.start - b.start || a.index - b.index);
    // Against the latest end so far: 09:00-17:00 overlaps both 10:00-11:00 and 12:00-13:00.
    let latestEnd = -1;
    for (const current of ordered) {
      if (current.start < latestEnd) {
        ctx.addIssue({ code: 'custom', path: [current.index, 'start'], message: 'calls.errors.intervalsOverlap' });
      }
      latestEnd = Math.max(latestEnd, current.end);
    }
  });

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const dateField = z
  .string({ error: 'calls.errors.dateInvalid' })
  .refine(isIsoDate, { error: 'calls.errors.dateInvalid' });

const closureSchema = z
  .object({ from: dateField, to: dateField })
  .superRefine((v, ctx) => {
    if (isIsoDate(v.from) && isIsoDate(v.to) && v.to < v.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'calls.errors.closureEndBeforeStart' });
    }
  });

/** A week of intervals, each day checked on its own (the Call handling card's hours form). */
export const weekSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, daySchema])) as Record<(typeof WEEKDAYS)[number], typeof daySchema>,
  { error: 'calls.errors.invalid' },
);

export const scheduleSchema = z
  .object({
    timeZone: z
      .string({ error: 'calls.errors.timeZoneInvalid' })
      .refine(isTimeZone, { error: 'calls.errors.timeZoneInvalid' }),
    week: weekSchema,
    closures: z
      .array(closureSchema, { error: 'calls.errors.invalid' })
      .max(MAX_CLOSURES, { error: 'calls.errors.tooManyClosures' }),
    holidays: z.object(
      {
        calendar: z
          .string({ error: 'calls.errors.calendarInvalid' })
          .refine(isCalendarId, { error: 'calls.errors.calendarInvalid' })
          .nullable(),
        disabled: z
          .array(z.string({ error: 'calls.errors.holidayUnknown' }).max(HOLIDAY_KEY_MAX, { error: 'calls.errors.holidayUnknown' }), {
            error: 'calls.errors.invalid',
          })
          .max(MAX_DISABLED_HOLIDAYS, { error: 'calls.errors.holidayUnknown' }),
      },
      { error: 'calls.errors.invalid' },
    ),
  })
  .superRefine((v, ctx) => {
    // Switched-off holidays without a calendar to take them from.
    if (!v.holidays.calendar && v.holidays.disabled.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['holidays', 'disabled'], message: 'calls.errors.holidayUnknown' });
    }
  });

export type ScheduleInput = z.input<typeof scheduleSchema>;

/** Parses a schedule (browser-safe checks only); the result is a `Schedule` stateAt accepts. */
export function parseScheduleShape(input: unknown) {
  return scheduleSchema.safeParse(input) as z.ZodSafeParseResult<Schedule>;
}
