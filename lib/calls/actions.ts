import { and, count, eq, inArray, notInArray } from 'drizzle-orm';
import {
  CALL_STATES,
  callScheduleClosures,
  callScheduleDisabledHolidays,
  callScheduleHours,
  callSchedules,
  callStateTargets,
} from '@/db/schema';
import type { Tx } from '@/db';
import { defineAction } from '@/lib/actions/define';
import { ActionError } from '@/lib/actions/errors';
import { emptySchema } from '@/lib/forms/fields';
import {
  addClosureSchema,
  removeClosureSchema,
  saveHoursSchema,
  setCalendarSchema,
  setHolidaySchema,
  setTargetsSchema,
  type OwnerRef,
} from './card-schema';
import { suggestedCalendar } from './defaults';
import { rewriteHolidayDates } from './holiday-dates';
import { holidayKeysOf, holidaysOf } from './holidays';
import { MAX_CLOSURES, MAX_DISABLED_HOLIDAYS } from './schema';
import {
  closuresOf,
  disabledHolidaysOf,
  ensureSchedule,
  findSchedule,
  ownerLabel,
  targetLabels,
  targetsOf,
  touchSchedule,
  weekOf,
} from './store';
import { resolveTarget } from './targets';
import { localTimeAt, minutesOfTime, WEEKDAYS } from './time';

// Call handling card actions. The runner has locked the company: one change at a time per
// company. Every row read or written is scoped to it (another company's schedule, closure, number,
// ring group or target reads as not found); every change writes the card's history.

const CARD = 'calls' as const;

/**
 * A schedule exists once its hours are saved (the first save creates it): closures, a calendar
 * or targets alone would otherwise make an "always closed" schedule nobody chose.
 */
async function requireSchedule(tx: Tx, companyId: string, ref: OwnerRef) {
  const schedule = await findSchedule(tx, companyId, ref);
  if (!schedule) throw new ActionError('calls.errors.noSchedule');
  return schedule;
}

/** The week's intervals, replaced as a whole; only the days that changed are in the history. */
export const saveBusinessHours = defineAction({
  card: CARD,
  schema: saveHoursSchema,
  async handler(input, { tx, company, record, now }) {
    const created = !(await findSchedule(tx, company.id, input));
    const schedule = await ensureSchedule(tx, company.id, input, suggestedCalendar(company));
    if (created) await rewriteHolidayDates(tx, schedule.id, now());
    const before = await weekOf(tx, schedule.id);
    await tx.delete(callScheduleHours).where(eq(callScheduleHours.scheduleId, schedule.id));
    const rows = WEEKDAYS.flatMap((day, weekday) =>
      input.week[day].map((i) => ({ scheduleId: schedule.id, weekday, startMinute: minutesOfTime(i.start), endMinute: minutesOfTime(i.end) })),
    );
    if (rows.length > 0) await tx.insert(callScheduleHours).values(rows);
    const after = await weekOf(tx, schedule.id);
    const changed = WEEKDAYS.filter((d) => created || before[d].join() !== after[d].join());
    if (changed.length > 0) {
      await touchSchedule(tx, schedule.id);
      await record({
        action: 'calls.hoursSaved',
        target: await ownerLabel(tx, company.id, input),
        before: created ? undefined : Object.fromEntries(changed.map((d) => [d, before[d]])),
        after: { ...Object.fromEntries(changed.map((d) => [d, after[d]])), ...(created ? { calendar: schedule.holidayCalendar } : {}) },
      });
    }
    return { scheduleId: schedule.id };
  },
});

export const addClosure = defineAction({
  card: CARD,
  schema: addClosureSchema,
  async handler(input, { tx, company, record }) {
    const schedule = await requireSchedule(tx, company.id, input);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(callScheduleClosures)
      .where(eq(callScheduleClosures.scheduleId, schedule.id));
    if (n >= MAX_CLOSURES) throw new ActionError('calls.errors.tooManyClosures');
    const [row] = await tx
      .insert(callScheduleClosures)
      .values({ scheduleId: schedule.id, label: input.label, firstDay: input.from, lastDay: input.to })
      .returning({ id: callScheduleClosures.id });
    await touchSchedule(tx, schedule.id);
    await record({
      action: 'calls.closureAdded',
      target: input.label,
      after: { firstDay: input.from, lastDay: input.to, schedule: await ownerLabel(tx, company.id, input) },
    });
    return { id: row!.id };
  },
});

export const removeClosure = defineAction({
  card: CARD,
  schema: removeClosureSchema,
  async handler(input, { tx, company, record }) {
    const [closure] = await tx
      .select({ closure: callScheduleClosures })
      .from(callScheduleClosures)
      .innerJoin(callSchedules, eq(callSchedules.id, callScheduleClosures.scheduleId))
      .where(and(eq(callScheduleClosures.id, input.id), eq(callSchedules.companyId, company.id)));
    if (!closure) throw new ActionError('errors.notFound');
    const c = closure.closure;
    await tx.delete(callScheduleClosures).where(eq(callScheduleClosures.id, c.id));
    await touchSchedule(tx, c.scheduleId);
    await record({ action: 'calls.closureRemoved', target: c.label, before: { firstDay: c.firstDay, lastDay: c.lastDay } });
    return { id: c.id };
  },
});

/**
 * The holiday calendar ('' for none). Switched-off holidays the new calendar also has stay
 * off (New Year's Day is `01-01` in every calendar); the others go.
 */
export const setHolidayCalendar = defineAction({
  card: CARD,
  schema: setCalendarSchema,
  async handler(input, { tx, company, record, now }) {
    const schedule = await requireSchedule(tx, company.id, input);
    const calendar = input.calendar || null;
    if (calendar === schedule.holidayCalendar) return { calendar };
    const keep = calendar ? [...holidayKeysOf(calendar)] : [];
    await tx
      .delete(callScheduleDisabledHolidays)
      .where(
        and(
          eq(callScheduleDisabledHolidays.scheduleId, schedule.id),
          keep.length > 0 ? notInArray(callScheduleDisabledHolidays.holidayKey, keep) : undefined,
        ),
      );
    await touchSchedule(tx, schedule.id, { holidayCalendar: calendar });
    await rewriteHolidayDates(tx, schedule.id, now());
    await record({
      action: 'calls.calendarChanged',
      target: await ownerLabel(tx, company.id, input),
      before: { calendar: schedule.holidayCalendar },
      after: { calendar },
    });
    return { calendar };
  },
});

/** One holiday of the schedule's calendar switched on (a day off) or off (a working day). */
export const setHolidayEnabled = defineAction({
  card: CARD,
  schema: setHolidaySchema,
  async handler(input, { tx, company, record, now, locale }) {
    const schedule = await findSchedule(tx, company.id, input);
    const calendar = schedule?.holidayCalendar;
    if (!schedule || !calendar || !holidayKeysOf(calendar).has(input.key)) {
      throw new ActionError('calls.errors.holidayUnknown', { field: 'key' });
    }
    const disabled = await disabledHolidaysOf(tx, schedule.id);
    const wasEnabled = !disabled.includes(input.key);
    if (wasEnabled === input.enabled) return { enabled: input.enabled };
    if (input.enabled) {
      await tx
        .delete(callScheduleDisabledHolidays)
        .where(and(eq(callScheduleDisabledHolidays.scheduleId, schedule.id), eq(callScheduleDisabledHolidays.holidayKey, input.key)));
    } else {
      if (disabled.length >= MAX_DISABLED_HOLIDAYS) throw new ActionError('calls.errors.tooManyDisabled', { field: 'key' });
      await tx.insert(callScheduleDisabledHolidays).values({ scheduleId: schedule.id, holidayKey: input.key });
    }
    await touchSchedule(tx, schedule.id);
    await rewriteHolidayDates(tx, schedule.id, now());
    // Named as this year's (or a coming year's) list names it, in the admin's language.
    const year = Number(localTimeAt(now(), company.timeZone).date.slice(0, 4));
    const holiday = [0, 1, 2, 3, 4]
      .flatMap((k) => holidaysOf(calendar, year + k))
      .find((h) => h.key === input.key);
    await record({
      action: 'calls.holidaySwitched',
      target: holiday?.name[locale] ?? input.key,
      before: { enabled: wasEnabled },
      after: { enabled: input.enabled },
    });
    return { enabled: input.enabled };
  },
});

/** What open, closed and holiday ring; all three are saved together, each checked. */
export const setStateTargets = defineAction({
  card: CARD,
  schema: setTargetsSchema,
  async handler(input, { tx, company, record, t }) {
    const ref = { owner: input.owner, ownerId: input.ownerId };
    const schedule = await requireSchedule(tx, company.id, ref);
    const resolved = [];
    for (const state of CALL_STATES) resolved.push(await resolveTarget(tx, company, state, input.targets[state]));
    const before = await targetsOf(tx, schedule.id);
    const label = await targetLabels(tx, company.id, [...before, ...resolved], t('calls.voicemailOf'));
    await tx.delete(callStateTargets).where(eq(callStateTargets.scheduleId, schedule.id));
    await tx.insert(callStateTargets).values(resolved.map((r) => ({ ...r, scheduleId: schedule.id })));
    const beforeOf = new Map(before.map((b) => [b.state, label(b)]));
    const changed = resolved.filter((r) => beforeOf.get(r.state) !== label(r));
    if (changed.length > 0) {
      await touchSchedule(tx, schedule.id);
      await record({
        action: 'calls.targetsSaved',
        target: await ownerLabel(tx, company.id, ref),
        before: Object.fromEntries(changed.flatMap((r) => (beforeOf.has(r.state) ? [[r.state, beforeOf.get(r.state)]] : []))),
        after: Object.fromEntries(changed.map((r) => [r.state, label(r)])),
      });
    }
    return { scheduleId: schedule.id };
  },
});

/**
 * Done: the company's hours are saved and each state rings someone (the holiday state only
 * matters with a calendar). Until then calls ring as the Phone numbers card says, at any hour.
 */
export const completeCallsCard = defineAction({
  card: CARD,
  schema: emptySchema,
  async handler(_input, { tx, company, verify }) {
    const schedule = await findSchedule(tx, company.id, { owner: 'company' });
    if (!schedule) throw new ActionError('calls.errors.noSchedule');
    const needed = schedule.holidayCalendar ? CALL_STATES : CALL_STATES.filter((s) => s !== 'holiday');
    const set = await tx
      .select({ state: callStateTargets.state })
      .from(callStateTargets)
      .where(and(eq(callStateTargets.scheduleId, schedule.id), inArray(callStateTargets.state, [...needed])));
    if (set.length < needed.length) throw new ActionError('calls.errors.targetsMissing');
    await verify();
    return { closures: (await closuresOf(tx, schedule.id)).length };
  },
});
