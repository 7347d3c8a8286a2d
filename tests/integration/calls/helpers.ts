import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import {
  auditLog,
  callScheduleClosures,
  callScheduleDisabledHolidays,
  callScheduleHours,
  callSchedules,
  callStateTargets,
  extensions,
  setupProgress,
} from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/actions/define';
import { signUpCompany } from '../../helpers/factories';
import { addMemberWithExtension } from '../../helpers/team';

export { act } from '../../helpers/extensions';

/** Mon-Fri 09:00-12:00 and 14:00-18:00, Saturday morning: what a small office posts. */
export const OFFICE_WEEK = {
  mon: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }],
  tue: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }],
  wed: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }],
  thu: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }],
  fri: [{ start: '09:00', end: '17:00' }],
  sat: [{ start: '09:00', end: '12:00' }],
  sun: [],
};

/** A company (FR unless said) with its admin, a member on 102 and a ring group on 500. */
export async function callsCompany(overrides: Parameters<typeof signUpCompany>[0] = {}) {
  const { company, admin } = await signUpCompany(overrides);
  const member = await addMemberWithExtension(company.id, '102', { firstName: 'Léa', lastName: 'Moreau' });
  const [group] = await db()
    .insert(extensions)
    .values({ companyId: company.id, number: '500', type: 'ring_group', name: 'Sales', strategy: 'simultaneous', noAnswerKind: 'voicemail', noAnswerUserId: admin.id })
    .returning();
  const [adminExt] = await db().select().from(extensions).where(eq(extensions.userId, admin.id));
  return { company, admin, actor: (await loadActor(admin.id)) as Actor, member, group: group!, adminExt: adminExt! };
}

/** Every row a Call handling action could write for the company, to prove a refusal wrote nothing. */
export async function callsSnapshot(companyId: string) {
  const schedules = await db().select().from(callSchedules).where(eq(callSchedules.companyId, companyId)).orderBy(asc(callSchedules.id));
  const ids = schedules.map((s) => s.id);
  const of = <T>(rows: Promise<T[]>) => (ids.length === 0 ? Promise.resolve([] as T[]) : rows);
  const [hours, closures, disabled, targets, entries, progress] = await Promise.all([
    of(db().select().from(callScheduleHours).where(inArray(callScheduleHours.scheduleId, ids)).orderBy(asc(callScheduleHours.id))),
    of(db().select().from(callScheduleClosures).where(inArray(callScheduleClosures.scheduleId, ids)).orderBy(asc(callScheduleClosures.id))),
    of(db().select().from(callScheduleDisabledHolidays).where(inArray(callScheduleDisabledHolidays.scheduleId, ids)).orderBy(asc(callScheduleDisabledHolidays.holidayKey))),
    of(db().select().from(callStateTargets).where(inArray(callStateTargets.scheduleId, ids)).orderBy(asc(callStateTargets.state))),
    callsAudit(companyId),
    db().select().from(setupProgress).where(and(eq(setupProgress.companyId, companyId), eq(setupProgress.card, 'calls'))),
  ]);
  return { schedules, hours, closures, disabled, targets, entries, progress };
}

export async function callsAudit(companyId: string, action?: string) {
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.companyId, companyId), eq(auditLog.card, 'calls'), action ? eq(auditLog.action, action) : undefined))
    .orderBy(asc(auditLog.id));
}

export async function companySchedule(companyId: string) {
  const [row] = await db()
    .select()
    .from(callSchedules)
    .where(and(eq(callSchedules.companyId, companyId), eq(callSchedules.ownerKind, 'company')));
  return row;
}

export async function callsStatus(companyId: string) {
  const [row] = await db()
    .select({ status: setupProgress.status })
    .from(setupProgress)
    .where(and(eq(setupProgress.companyId, companyId), eq(setupProgress.card, 'calls')));
  return row?.status ?? 'not_started';
}
