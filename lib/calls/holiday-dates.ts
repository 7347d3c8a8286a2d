import { and, eq, gte, isNotNull, notExists, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { callScheduleDisabledHolidays, callScheduleHolidayDates, callSchedules } from '@/db/schema';
import { isCalendarId } from './calendars';
import { holidaysOf } from './holidays';

/*
 * The holidays a schedule observes, written out as dates for the SIP server (Kamailio cannot run
 * date-holidays; sip.call_route in migration 0012 reads call_schedule_holiday_dates).
 *
 * How it stays current:
 * - every change of a schedule's calendar or of a holiday switch (and the first save of its
 *   hours, which gives it a calendar) rewrites its dates in the same transaction
 *   (lib/calls/actions.ts), so a committed change is live on the next call;
 * - the dates cover last year to three years ahead (HOLIDAY_YEARS), and `refreshHolidayDates`,
 *   run by scripts/migrate.ts at each `npm start` / `npm run db:migrate`, rewrites the schedules
 *   whose dates stop before the third year ahead: in practice once a year per schedule. A server
 *   left running without a restart stays right for at least two years.
 *
 * Each date holds the first enabled holiday of that day, in holidaysOf's order: the one
 * lib/calls/holidays.ts holidayOn returns, so both sides agree on half-day start times.
 */

export const HOLIDAY_YEARS = { before: 1, after: 3 } as const;

type Exec = Db | Tx;

function yearsAround(now: Date): number[] {
  const year = now.getUTCFullYear();
  const years = [];
  for (let y = year - HOLIDAY_YEARS.before; y <= year + HOLIDAY_YEARS.after; y++) years.push(y);
  return years;
}

/** Replaces the schedule's holiday dates with what its calendar and switches say now. */
export async function rewriteHolidayDates(exec: Exec, scheduleId: string, now: Date): Promise<number> {
  const [schedule] = await exec
    .select({ calendar: callSchedules.holidayCalendar })
    .from(callSchedules)
    .where(eq(callSchedules.id, scheduleId));
  await exec.delete(callScheduleHolidayDates).where(eq(callScheduleHolidayDates.scheduleId, scheduleId));
  const calendar = schedule?.calendar;
  if (!calendar || !isCalendarId(calendar)) return 0;
  const disabled = new Set(
    (
      await exec
        .select({ key: callScheduleDisabledHolidays.holidayKey })
        .from(callScheduleDisabledHolidays)
        .where(eq(callScheduleDisabledHolidays.scheduleId, scheduleId))
    ).map((r) => r.key),
  );
  const byDay = new Map<string, typeof callScheduleHolidayDates.$inferInsert>();
  for (const year of yearsAround(now)) {
    for (const h of holidaysOf(calendar, year)) {
      if (disabled.has(h.key) || byDay.has(h.date)) continue;
      byDay.set(h.date, { scheduleId, day: h.date, holidayKey: h.key, name: h.name.en, fromMinute: h.fromMinute });
    }
  }
  const rows = [...byDay.values()];
  if (rows.length > 0) await exec.insert(callScheduleHolidayDates).values(rows);
  return rows.length;
}

/**
 * Rewrites the dates of every schedule with a calendar that has none from the third year ahead
 * on; returns how many it rewrote. Each schedule in its own transaction, its company's schedule
 * row locked, so an admin's change at the same moment is not overwritten with older switches.
 */
export async function refreshHolidayDates(exec: Db, now = new Date()): Promise<number> {
  const horizon = `${now.getUTCFullYear() + HOLIDAY_YEARS.after}-01-01`;
  const stale = await exec
    .select({ id: callSchedules.id })
    .from(callSchedules)
    .where(
      and(
        isNotNull(callSchedules.holidayCalendar),
        notExists(
          exec
            .select({ one: sql`1` })
            .from(callScheduleHolidayDates)
            .where(and(eq(callScheduleHolidayDates.scheduleId, callSchedules.id), gte(callScheduleHolidayDates.day, horizon))),
        ),
      ),
    );
  for (const { id } of stale) {
    await exec.transaction(async (tx) => {
      await tx.select({ id: callSchedules.id }).from(callSchedules).where(eq(callSchedules.id, id)).for('update');
      await rewriteHolidayDates(tx, id, now);
    });
  }
  return stale.length;
}
