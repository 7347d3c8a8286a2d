import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import {
  callScheduleClosures,
  callScheduleDisabledHolidays,
  callScheduleHours,
  callSchedules,
  callStateTargets,
  extensions,
  phoneNumbers,
  users,
  type CallSchedule,
  type CallState,
  type CallTargetKind,
} from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { formatNational } from '@/lib/format/phone';
import { fullNameOrNull } from '@/lib/format/person';
import type { OwnerRef } from './card-schema';
import type { Schedule } from './schedule';
import { timeOfMinutes, WEEKDAYS, type Weekday } from './time';

/*
 * How the Call handling tables are read and written: a schedule is found by its owner (the
 * company, one of its numbers, one of its ring groups); anything of another company reads as not
 * found. Everything here runs inside the card action's transaction, the company locked.
 */

type Exec = Db | Tx;

/** The owner's schedule row, or undefined; the owner itself must be the company's. */
export async function findSchedule(exec: Exec, companyId: string, ref: OwnerRef): Promise<CallSchedule | undefined> {
  if (ref.owner !== 'company') await assertOwner(exec, companyId, ref);
  const [row] = await exec
    .select()
    .from(callSchedules)
    .where(
      and(
        eq(callSchedules.companyId, companyId),
        ref.owner === 'company'
          ? eq(callSchedules.ownerKind, 'company')
          : ref.owner === 'number'
            ? eq(callSchedules.phoneNumberId, ref.ownerId!)
            : eq(callSchedules.ringGroupId, ref.ownerId!),
      ),
    );
  return row;
}

async function assertOwner(exec: Exec, companyId: string, ref: OwnerRef) {
  const id = ref.ownerId!;
  const found =
    ref.owner === 'number'
      ? await exec
          .select({ id: phoneNumbers.id })
          .from(phoneNumbers)
          .where(and(eq(phoneNumbers.id, id), eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.status, 'owned')))
      : await exec
          .select({ id: extensions.id })
          .from(extensions)
          .where(and(eq(extensions.id, id), eq(extensions.companyId, companyId), eq(extensions.type, 'ring_group')));
  if (found.length === 0) throw new ActionError('errors.notFound', { field: 'ownerId' });
}

/** The owner's schedule, created on the first save of its hours with the calendar given. */
export async function ensureSchedule(tx: Tx, companyId: string, ref: OwnerRef, calendar: string | null): Promise<CallSchedule> {
  const existing = await findSchedule(tx, companyId, ref);
  if (existing) return existing;
  const [row] = await tx
    .insert(callSchedules)
    .values({
      companyId,
      ownerKind: ref.owner,
      phoneNumberId: ref.owner === 'number' ? ref.ownerId : null,
      ringGroupId: ref.owner === 'ring_group' ? ref.ownerId : null,
      holidayCalendar: calendar,
    })
    .returning();
  return row!;
}

export async function touchSchedule(tx: Tx, scheduleId: string, set: Partial<Pick<CallSchedule, 'holidayCalendar'>> = {}) {
  await tx.update(callSchedules).set({ ...set, updatedAt: sql`now()` }).where(eq(callSchedules.id, scheduleId));
}

export type WeekText = Record<Weekday, string[]>;

/** The schedule's hours by weekday, as "HH:MM-HH:MM" texts (for the form and the history). */
export async function weekOf(exec: Exec, scheduleId: string): Promise<WeekText> {
  const rows = await exec
    .select()
    .from(callScheduleHours)
    .where(eq(callScheduleHours.scheduleId, scheduleId))
    .orderBy(asc(callScheduleHours.weekday), asc(callScheduleHours.startMinute));
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as string[]])) as WeekText;
  for (const r of rows) week[WEEKDAYS[r.weekday]!].push(`${timeOfMinutes(r.startMinute)}–${timeOfMinutes(r.endMinute)}`);
  return week;
}

export async function closuresOf(exec: Exec, scheduleId: string) {
  return exec
    .select({ id: callScheduleClosures.id, label: callScheduleClosures.label, from: callScheduleClosures.firstDay, to: callScheduleClosures.lastDay })
    .from(callScheduleClosures)
    .where(eq(callScheduleClosures.scheduleId, scheduleId))
    .orderBy(asc(callScheduleClosures.firstDay), asc(callScheduleClosures.lastDay));
}

export async function disabledHolidaysOf(exec: Exec, scheduleId: string): Promise<string[]> {
  const rows = await exec
    .select({ key: callScheduleDisabledHolidays.holidayKey })
    .from(callScheduleDisabledHolidays)
    .where(eq(callScheduleDisabledHolidays.scheduleId, scheduleId))
    .orderBy(asc(callScheduleDisabledHolidays.holidayKey));
  return rows.map((r) => r.key);
}

/** The stored schedule as lib/calls/schedule.ts evaluates it, in the company's time zone. */
export async function scheduleOf(exec: Exec, row: CallSchedule, timeZone: string): Promise<Schedule> {
  const [week, closures, disabled] = await Promise.all([weekOf(exec, row.id), closuresOf(exec, row.id), disabledHolidaysOf(exec, row.id)]);
  const split = (text: string) => {
    const [start = '', end = ''] = text.split('–');
    return { start, end };
  };
  return {
    timeZone,
    week: Object.fromEntries(WEEKDAYS.map((d) => [d, week[d].map(split)])) as unknown as Schedule['week'],
    closures: closures.map((c) => ({ from: c.from, to: c.to })),
    holidays: { calendar: row.holidayCalendar, disabled },
  };
}

export type StoredTarget = {
  state: CallState;
  kind: CallTargetKind;
  extensionId: string | null;
  e164: string | null;
  voicemailUserId: string | null;
};

export async function targetsOf(exec: Exec, scheduleId: string): Promise<StoredTarget[]> {
  return exec
    .select({
      state: callStateTargets.state,
      kind: callStateTargets.kind,
      extensionId: callStateTargets.extensionId,
      e164: callStateTargets.e164,
      voicemailUserId: callStateTargets.voicemailUserId,
    })
    .from(callStateTargets)
    .where(eq(callStateTargets.scheduleId, scheduleId));
}

/**
 * How the card and the history name targets: "101 · Léa Moreau", "500 · Sales", "Voicemail: Léa
 * Moreau" (the prefix comes from the caller, translated), "+41 21 555 01 00". Only this company's
 * rows are found.
 */
export async function targetLabels(exec: Exec, companyId: string, targets: readonly StoredTarget[], voicemailPrefix: string) {
  const extIds = targets.flatMap((t) => (t.extensionId ? [t.extensionId] : []));
  const userIds = targets.flatMap((t) => (t.voicemailUserId ? [t.voicemailUserId] : []));
  const [exts, people] = await Promise.all([
    extIds.length === 0
      ? []
      : exec
          .select({ id: extensions.id, number: extensions.number, name: extensions.name, firstName: users.firstName, lastName: users.lastName })
          .from(extensions)
          .leftJoin(users, eq(users.id, extensions.userId))
          .where(and(eq(extensions.companyId, companyId), inArray(extensions.id, extIds))),
    userIds.length === 0
      ? []
      : exec
          .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
          .from(users)
          .where(and(eq(users.companyId, companyId), inArray(users.id, userIds))),
  ]);
  const extLabel = new Map(
    exts.map((e) => {
      const name = fullNameOrNull(e) ?? e.name;
      return [e.id, name ? `${e.number} · ${name}` : e.number] as const;
    }),
  );
  const userLabel = new Map(people.map((p) => [p.id, fullNameOrNull(p) ?? ''] as const));
  return (t: StoredTarget): string => {
    if (t.kind === 'number') return formatNational(t.e164 ?? '');
    if (t.kind === 'voicemail') return `${voicemailPrefix}${userLabel.get(t.voicemailUserId ?? '') ?? ''}`;
    return extLabel.get(t.extensionId ?? '') ?? '';
  };
}

/** How the history names the schedule an entry is about: null for the company's own. */
export async function ownerLabel(exec: Exec, companyId: string, ref: OwnerRef): Promise<string | null> {
  if (ref.owner === 'company') return null;
  if (ref.owner === 'number') {
    const [n] = await exec
      .select({ e164: phoneNumbers.e164 })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.id, ref.ownerId!), eq(phoneNumbers.companyId, companyId)));
    return n ? formatNational(n.e164) : null;
  }
  const [g] = await exec
    .select({ number: extensions.number, name: extensions.name })
    .from(extensions)
    .where(and(eq(extensions.id, ref.ownerId!), eq(extensions.companyId, companyId)));
  return g ? (g.name ? `${g.number} · ${g.name}` : g.number) : null;
}
