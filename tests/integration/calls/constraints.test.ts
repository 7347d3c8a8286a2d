import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { callScheduleClosures, callScheduleHours, callSchedules, callStateTargets } from '@/db/schema';
import { pgErrorOf } from '@/lib/actions/errors';
import { useTestDatabase } from '../../helpers/db';
import { callsCompany } from './helpers';

useTestDatabase({ numbers: 0 });

/** The constraint a statement broke (its name), or null when it went through. */
async function broken(statement: PromiseLike<unknown>): Promise<string | null> {
  try {
    await statement;
    return null;
  } catch (error) {
    const pg = pgErrorOf(error) as { constraint?: string; constraint_name?: string; message?: string } | undefined;
    return pg?.constraint ?? pg?.constraint_name ?? pg?.message ?? String(error);
  }
}

async function setUp() {
  const s = await callsCompany();
  const [schedule] = await db().insert(callSchedules).values({ companyId: s.company.id, ownerKind: 'company' }).returning();
  return { ...s, schedule: schedule! };
}

describe('the database keeps call handling rows sound, whoever writes them', () => {
  it('hours: weekday 0..6, minutes 0..1440, start before end', async () => {
    const { schedule } = await setUp();
    const hour = (weekday: number, startMinute: number, endMinute: number) =>
      db().insert(callScheduleHours).values({ scheduleId: schedule.id, weekday, startMinute, endMinute });
    expect(await broken(hour(0, 540, 1440))).toBeNull();
    expect(await broken(hour(7, 540, 600))).toBe('call_schedule_hours_weekday_check');
    expect(await broken(hour(1, 540, 1441))).toBe('call_schedule_hours_minutes_check');
    expect(await broken(hour(1, -15, 600))).toBe('call_schedule_hours_minutes_check');
    expect(await broken(hour(1, 600, 600))).toBe('call_schedule_hours_order_check');
    expect(await broken(hour(0, 540, 600))).toBe('call_schedule_hours_start_unique');
  });

  it('closures: first day on or before the last, a label', async () => {
    const { schedule } = await setUp();
    const closure = (firstDay: string, lastDay: string, label = 'x') =>
      db().insert(callScheduleClosures).values({ scheduleId: schedule.id, firstDay, lastDay, label });
    expect(await broken(closure('2026-12-24', '2026-12-24'))).toBeNull();
    expect(await broken(closure('2026-12-25', '2026-12-24'))).toBe('call_schedule_closures_order_check');
    expect(await broken(closure('2026-12-25', '2026-12-26', ''))).toBe('call_schedule_closures_label_check');
  });

  it('schedules: one per owner, the owner matching its kind and company', async () => {
    const s = await setUp();
    const other = await callsCompany();
    expect(await broken(db().insert(callSchedules).values({ companyId: s.company.id, ownerKind: 'company' }))).toBe('call_schedules_company_unique');
    expect(await broken(db().insert(callSchedules).values({ companyId: s.company.id, ownerKind: 'ring_group' }))).toBe('call_schedules_owner_check');
    expect(await broken(db().insert(callSchedules).values({ companyId: s.company.id, ownerKind: 'ring_group', ringGroupId: s.adminExt.id }))).toBe('call_schedules_owner_company_check');
    expect(await broken(db().insert(callSchedules).values({ companyId: s.company.id, ownerKind: 'ring_group', ringGroupId: other.group.id }))).toBe('call_schedules_owner_company_check');
    expect(await broken(db().insert(callSchedules).values({ companyId: s.company.id, ownerKind: 'ring_group', ringGroupId: s.group.id }))).toBeNull();
    expect(await broken(db().insert(callSchedules).values({ companyId: s.company.id, ownerKind: 'ring_group', ringGroupId: s.group.id }))).toBe('call_schedules_ring_group_unique');
    expect(await broken(db().insert(callSchedules).values({ companyId: s.company.id, ownerKind: 'company', holidayCalendar: 'ch-vd' }))).toBe('call_schedules_calendar_check');
  });

  it('targets: one kind per row, of the right type, of the same company', async () => {
    const s = await setUp();
    const other = await callsCompany();
    const target = (values: Partial<typeof callStateTargets.$inferInsert>) =>
      db().insert(callStateTargets).values({ scheduleId: s.schedule.id, state: 'open', kind: 'extension', ...values });
    expect(await broken(target({ kind: 'extension', extensionId: s.adminExt.id, e164: '+33142685300' }))).toBe('call_state_targets_one_target_check');
    expect(await broken(target({ kind: 'voicemail' }))).toBe('call_state_targets_one_target_check');
    expect(await broken(target({ kind: 'number', e164: '0142685300' }))).toBe('call_state_targets_e164_check');
    expect(await broken(target({ state: 'weekend' as never, kind: 'number', e164: '+33142685300' }))).toBe('call_state_targets_state_check');
    expect(await broken(target({ kind: 'ring_group', extensionId: s.adminExt.id }))).toBe('call_state_targets_company_check');
    expect(await broken(target({ kind: 'extension', extensionId: s.group.id }))).toBe('call_state_targets_company_check');
    expect(await broken(target({ kind: 'extension', extensionId: other.adminExt.id }))).toBe('call_state_targets_company_check');
    expect(await broken(target({ kind: 'voicemail', voicemailUserId: other.admin.id }))).toBe('call_state_targets_company_check');
    expect(await broken(target({ kind: 'ring_group', extensionId: s.group.id }))).toBeNull();
  });
});
