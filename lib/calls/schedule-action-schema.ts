import type { z } from 'zod';
import { isCalendarId } from './calendars';
import { holidayKeysOf } from './holidays';
import type { Schedule } from './schedule';
import { scheduleSchema } from './schema';

/*
 * The schedule as a server action parses it: scheduleSchema (the form's checks) plus "each
 * switched-off holiday is one of the calendar's", which needs date-holidays' data, kept out of
 * the browser bundle.
 */
export const scheduleActionSchema = scheduleSchema.superRefine((v, ctx) => {
  const { calendar, disabled } = v.holidays;
  if (!calendar || !isCalendarId(calendar)) return;
  const known = holidayKeysOf(calendar);
  disabled.forEach((key, index) => {
    if (!known.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['holidays', 'disabled', index], message: 'calls.errors.holidayUnknown' });
    }
  });
});

/** Parses a schedule with every check; the result is a `Schedule` stateAt accepts. */
export function parseSchedule(input: unknown) {
  return scheduleActionSchema.safeParse(input) as z.ZodSafeParseResult<Schedule>;
}
