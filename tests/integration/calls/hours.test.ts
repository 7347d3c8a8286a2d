import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { callScheduleHours, callSchedules, companies, phoneNumbers } from '@/db/schema';
import { saveBusinessHours } from '@/lib/calls/actions';
import { stateAt } from '@/lib/calls/schedule';
import { scheduleOf } from '@/lib/calls/store';
import { useTestDatabase } from '../../helpers/db';
import { act, callsAudit, callsCompany, callsSnapshot, callsStatus, companySchedule, OFFICE_WEEK } from './helpers';

useTestDatabase();

const post = (week: unknown, extra: Record<string, unknown> = {}) => ({ week: JSON.stringify(week), ...extra });

describe('save business hours', () => {
  it('stores every interval in minutes (Monday is weekday 0), records the history, and the schedule evaluates', async () => {
    const s = await callsCompany();
    expect(await callsStatus(s.company.id)).toBe('not_started');
    const saved = await act(saveBusinessHours, s.admin.id, post(OFFICE_WEEK));
    expect(saved).toMatchObject({ ok: true });

    const schedule = (await companySchedule(s.company.id))!;
    // The company's calendar is proposed with its first save (FR, national), and shown in the history.
    expect(schedule).toMatchObject({ ownerKind: 'company', holidayCalendar: 'FR', phoneNumberId: null, ringGroupId: null });
    const rows = await db().select().from(callScheduleHours).where(eq(callScheduleHours.scheduleId, schedule.id));
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.weekday === 0).map((r) => [r.startMinute, r.endMinute]).sort()).toEqual([[540, 720], [840, 1080]]);
    expect(rows.filter((r) => r.weekday === 5).map((r) => [r.startMinute, r.endMinute])).toEqual([[540, 720]]);
    expect(rows.some((r) => r.weekday === 6)).toBe(false);

    const [entry] = await callsAudit(s.company.id, 'calls.hoursSaved');
    expect(entry).toMatchObject({ target: null, before: null });
    expect(entry!.after).toMatchObject({ mon: ['09:00–12:00', '14:00–18:00'], fri: ['09:00–17:00'], sun: [], calendar: 'FR' });
    expect(await callsStatus(s.company.id)).toBe('in_progress');

    // Saturday 10:00 in Paris is open, 13:00 closed; 14 July (a Tuesday) is a holiday.
    const evaluated = await scheduleOf(db(), schedule, 'Europe/Paris');
    expect(stateAt(evaluated, new Date('2026-03-07T09:00:00Z'))).toBe('open');
    expect(stateAt(evaluated, new Date('2026-03-07T12:00:00Z'))).toBe('closed');
    expect(stateAt(evaluated, new Date('2026-07-14T08:00:00Z'))).toBe('holiday');
  });

  it('a later save records only the days that changed; the same hours again record nothing', async () => {
    const s = await callsCompany();
    await act(saveBusinessHours, s.admin.id, post(OFFICE_WEEK));
    const changed = { ...OFFICE_WEEK, fri: [{ start: '08:30', end: '16:00' }], sun: [{ start: '10:00', end: '24:00' }] };
    expect(await act(saveBusinessHours, s.admin.id, post(changed))).toMatchObject({ ok: true });
    const entries = await callsAudit(s.company.id, 'calls.hoursSaved');
    expect(entries).toHaveLength(2);
    expect(entries[1]!.before).toEqual({ fri: ['09:00–17:00'], sun: [] });
    expect(entries[1]!.after).toEqual({ fri: ['08:30–16:00'], sun: ['10:00–24:00'] });

    expect(await act(saveBusinessHours, s.admin.id, post(changed))).toMatchObject({ ok: true });
    expect(await callsAudit(s.company.id, 'calls.hoursSaved')).toHaveLength(2);
    const schedule = (await companySchedule(s.company.id))!;
    const sunday = await db().select().from(callScheduleHours).where(eq(callScheduleHours.scheduleId, schedule.id));
    expect(sunday.find((r) => r.weekday === 6)).toMatchObject({ startMinute: 600, endMinute: 1440 });
  });

  it('proposes the region calendar of the emergency address (Vaud, Alsace-Moselle)', async () => {
    const ch = await callsCompany({ country: 'CH' });
    await db().update(companies).set({ emergencyRegion: 'VD' }).where(eq(companies.id, ch.company.id));
    await act(saveBusinessHours, ch.admin.id, post(OFFICE_WEEK));
    expect((await companySchedule(ch.company.id))!.holidayCalendar).toBe('CH-VD');
    const zh = await callsCompany({ country: 'CH' });
    await db().update(companies).set({ emergencyRegion: 'Zurich' }).where(eq(companies.id, zh.company.id));
    await act(saveBusinessHours, zh.admin.id, post(OFFICE_WEEK));
    expect((await companySchedule(zh.company.id))!.holidayCalendar).toBe('CH-ZH');

    const fr = await callsCompany();
    await db().update(companies).set({ emergencyPostalCode: '67000' }).where(eq(companies.id, fr.company.id));
    await act(saveBusinessHours, fr.admin.id, post(OFFICE_WEEK));
    expect((await companySchedule(fr.company.id))!.holidayCalendar).toBe('FR-ALSACE-MOSELLE');
  });

  it.each([
    ['overlapping intervals', { mon: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }] }, 'week.mon.1.start', 'This interval overlaps another one on the same day.'],
    ['an end before the start', { tue: [{ start: '18:00', end: '09:00' }] }, 'week.tue.0.end', 'The end must be after the start.'],
    ['a time off the quarter hour', { wed: [{ start: '09:10', end: '12:00' }] }, 'week.wed.0.start', 'Times go in 15-minute steps (:00, :15, :30, :45).'],
    ['a time that is none', { thu: [{ start: '25:00', end: '26:00' }] }, 'week.thu.0.start', 'Enter a time as HH:MM, from 00:00 to 24:00.'],
  ])('refuses %s with the message on its field, and writes nothing', async (_name, days, field, message) => {
    const s = await callsCompany();
    await act(saveBusinessHours, s.admin.id, post(OFFICE_WEEK));
    const before = await callsSnapshot(s.company.id);
    const refused = await act(saveBusinessHours, s.admin.id, post({ ...OFFICE_WEEK, ...days }));
    expect(refused.ok).toBeFalsy();
    expect(refused.fieldErrors?.[field]).toBe(message);
    expect(await callsSnapshot(s.company.id)).toEqual(before);
  });

  it('says the message in French too', async () => {
    const s = await callsCompany();
    const refused = await act(saveBusinessHours, s.admin.id, post({ ...OFFICE_WEEK, mon: [{ start: '18:00', end: '09:00' }] }), 'fr');
    expect(refused.fieldErrors?.['week.mon.0.end']).toBe('La fin doit être après le début.');
    expect((await callsSnapshot(s.company.id)).schedules).toEqual([]);
  });
});

describe('overrides per ring group or number', () => {
  it('a ring group gets its own schedule, apart from the company one; one per owner', async () => {
    const s = await callsCompany();
    await act(saveBusinessHours, s.admin.id, post(OFFICE_WEEK));
    const late = { ...OFFICE_WEEK, mon: [{ start: '12:00', end: '20:00' }] };
    expect(await act(saveBusinessHours, s.admin.id, post(late, { owner: 'ring_group', ownerId: s.group.id }))).toMatchObject({ ok: true });
    expect(await act(saveBusinessHours, s.admin.id, post(OFFICE_WEEK, { owner: 'ring_group', ownerId: s.group.id }))).toMatchObject({ ok: true });
    const schedules = await db().select().from(callSchedules).where(eq(callSchedules.companyId, s.company.id));
    expect(schedules.map((x) => x.ownerKind).sort()).toEqual(['company', 'ring_group']);
    expect((await callsAudit(s.company.id, 'calls.hoursSaved')).at(-1)).toMatchObject({ target: '500 · Sales', after: { mon: ['09:00–12:00', '14:00–18:00'] } });
  });

  it("another company's ring group or number, or a user extension, is not found and nothing is written", async () => {
    const s = await callsCompany();
    const other = await callsCompany();
    const [otherNumber] = await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, other.company.id));
    const before = await callsSnapshot(s.company.id);
    for (const owner of [
      { owner: 'ring_group', ownerId: other.group.id },
      { owner: 'ring_group', ownerId: s.adminExt.id },
      { owner: 'number', ownerId: otherNumber!.id },
    ]) {
      const refused = await act(saveBusinessHours, s.admin.id, post(OFFICE_WEEK, owner));
      expect(refused.fieldErrors?.ownerId).toBe('This item no longer exists in your company.');
    }
    expect(await callsSnapshot(s.company.id)).toEqual(before);
    expect((await callsSnapshot(other.company.id)).schedules).toEqual([]);
  });

  it("a number's schedule goes when the number goes back to the inventory", async () => {
    const s = await callsCompany();
    const [number] = await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, s.company.id));
    expect(await act(saveBusinessHours, s.admin.id, post(OFFICE_WEEK, { owner: 'number', ownerId: number!.id }))).toMatchObject({ ok: true });
    expect(await db().select().from(callSchedules).where(eq(callSchedules.phoneNumberId, number!.id))).toHaveLength(1);
    await db()
      .update(phoneNumbers)
      .set({ status: 'available', companyId: null, extensionId: null, isMain: false, acquiredAt: null })
      .where(eq(phoneNumbers.id, number!.id));
    expect(await db().select().from(callSchedules).where(eq(callSchedules.phoneNumberId, number!.id))).toEqual([]);
  });
});
