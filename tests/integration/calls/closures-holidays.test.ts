import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { callScheduleDisabledHolidays } from '@/db/schema';
import { addClosure, removeClosure, saveBusinessHours, setHolidayCalendar, setHolidayEnabled } from '@/lib/calls/actions';
import { holidaysOf } from '@/lib/calls/holidays';
import { stateAt } from '@/lib/calls/schedule';
import { closuresOf, scheduleOf } from '@/lib/calls/store';
import { useTestDatabase } from '../../helpers/db';
import { act, callsAudit, callsCompany, callsSnapshot, companySchedule, OFFICE_WEEK } from './helpers';

useTestDatabase();

async function withHours(overrides: Parameters<typeof callsCompany>[0] = {}) {
  const s = await callsCompany(overrides);
  expect(await act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) })).toMatchObject({ ok: true });
  return { ...s, schedule: (await companySchedule(s.company.id))! };
}

describe('closures', () => {
  it('a single day (no last day) and a range are stored, evaluated as closed, audited, and removed', async () => {
    const s = await withHours();
    expect(await act(addClosure, s.admin.id, { label: 'Inventaire', from: '2026-03-09', to: '' })).toMatchObject({ ok: true });
    expect(await act(addClosure, s.admin.id, { label: 'Fermeture estivale', from: '2026-08-03', to: '2026-08-21' })).toMatchObject({ ok: true });
    const closures = await closuresOf(db(), s.schedule.id);
    expect(closures.map(({ label, from, to }) => ({ label, from, to }))).toEqual([
      { label: 'Inventaire', from: '2026-03-09', to: '2026-03-09' },
      { label: 'Fermeture estivale', from: '2026-08-03', to: '2026-08-21' },
    ]);
    expect(await callsAudit(s.company.id, 'calls.closureAdded')).toMatchObject([
      { target: 'Inventaire', after: { firstDay: '2026-03-09', lastDay: '2026-03-09', schedule: null } },
      { target: 'Fermeture estivale', after: { firstDay: '2026-08-03', lastDay: '2026-08-21' } },
    ]);
    // Monday 9 March 10:00 in Paris: a working day's hours, but closed.
    const evaluated = await scheduleOf(db(), s.schedule, 'Europe/Paris');
    expect(stateAt(evaluated, new Date('2026-03-09T09:00:00Z'))).toBe('closed');
    expect(stateAt(evaluated, new Date('2026-03-10T09:00:00Z'))).toBe('open');

    expect(await act(removeClosure, s.admin.id, { id: closures[0]!.id })).toMatchObject({ ok: true });
    expect((await closuresOf(db(), s.schedule.id)).map((c) => c.label)).toEqual(['Fermeture estivale']);
    expect(await callsAudit(s.company.id, 'calls.closureRemoved')).toMatchObject([{ target: 'Inventaire', before: { firstDay: '2026-03-09' } }]);
  });

  it('refuses a last day before the first, a missing label, and closures before any hours; nothing is written', async () => {
    const s = await withHours();
    const before = await callsSnapshot(s.company.id);
    const backwards = await act(addClosure, s.admin.id, { label: 'Ponts', from: '2026-05-15', to: '2026-05-14' });
    expect(backwards.fieldErrors?.to).toBe('The last day must be on or after the first day.');
    const noLabel = await act(addClosure, s.admin.id, { label: ' ', from: '2026-05-15', to: '' });
    expect(noLabel.fieldErrors?.label).toBeTruthy();
    const badDate = await act(addClosure, s.admin.id, { label: 'Ponts', from: '2026-02-30', to: '' });
    expect(badDate.fieldErrors?.from).toBe('Enter a date as YYYY-MM-DD.');
    expect(await callsSnapshot(s.company.id)).toEqual(before);

    const fresh = await callsCompany();
    const early = await act(addClosure, fresh.admin.id, { label: 'Ponts', from: '2026-05-15', to: '' });
    expect(early.formError).toBe('Save the business hours first.');
    expect((await callsSnapshot(fresh.company.id)).schedules).toEqual([]);
  });

  it("another company's closure is not found, and stays", async () => {
    const s = await withHours();
    const other = await withHours();
    await act(addClosure, other.admin.id, { label: 'Theirs', from: '2026-12-24', to: '2026-12-31' });
    const [theirs] = await closuresOf(db(), other.schedule.id);
    const before = await callsSnapshot(s.company.id);
    expect((await act(removeClosure, s.admin.id, { id: theirs!.id })).formError).toBe('This item no longer exists in your company.');
    expect(await closuresOf(db(), other.schedule.id)).toHaveLength(1);
    expect(await callsSnapshot(s.company.id)).toEqual(before);
  });
});

describe('holiday calendar', () => {
  it('switches to a canton, refuses an unknown calendar, and none is allowed', async () => {
    // No canton on file: no calendar is proposed (Aargau would be a guess).
    const s = await withHours({ country: 'CH' });
    expect(s.schedule.holidayCalendar).toBeNull();
    expect(await act(setHolidayCalendar, s.admin.id, { calendar: 'CH-VD' })).toMatchObject({ ok: true });
    expect((await companySchedule(s.company.id))!.holidayCalendar).toBe('CH-VD');
    expect(await callsAudit(s.company.id, 'calls.calendarChanged')).toMatchObject([{ before: { calendar: null }, after: { calendar: 'CH-VD' } }]);

    const before = await callsSnapshot(s.company.id);
    for (const calendar of ['CH-XX', 'ZZ', 'ch-vd']) {
      const refused = await act(setHolidayCalendar, s.admin.id, { calendar });
      expect(refused.fieldErrors?.calendar).toBe('Choose a holiday calendar from the list.');
    }
    expect(await callsSnapshot(s.company.id)).toEqual(before);

    expect(await act(setHolidayCalendar, s.admin.id, { calendar: '' })).toMatchObject({ ok: true });
    expect((await companySchedule(s.company.id))!.holidayCalendar).toBeNull();
  });

  it('a holiday switched off is a working day; switched on again it is a holiday; each audited once', async () => {
    const s = await withHours({ country: 'CH' });
    await act(setHolidayCalendar, s.admin.id, { calendar: 'CH-VD' });
    const berchtold = holidaysOf('CH-VD', 2026).find((h) => h.date === '2026-01-02')!;
    expect(berchtold).toBeTruthy();
    // Friday 2 January 2026, 10:00 in Lausanne.
    const at = new Date('2026-01-02T09:00:00Z');
    const state = async () => stateAt(await scheduleOf(db(), (await companySchedule(s.company.id))!, 'Europe/Zurich'), at);
    expect(await state()).toBe('holiday');

    expect(await act(setHolidayEnabled, s.admin.id, { key: berchtold.key, enabled: 'false' })).toMatchObject({ ok: true });
    expect(await state()).toBe('open');
    // Again: nothing more to record.
    expect(await act(setHolidayEnabled, s.admin.id, { key: berchtold.key, enabled: 'false' })).toMatchObject({ ok: true });
    const entries = await callsAudit(s.company.id, 'calls.holidaySwitched');
    expect(entries).toMatchObject([{ target: berchtold.name.en, before: { enabled: true }, after: { enabled: false } }]);

    expect(await act(setHolidayEnabled, s.admin.id, { key: berchtold.key, enabled: 'true' })).toMatchObject({ ok: true });
    expect(await state()).toBe('holiday');
    expect(await callsAudit(s.company.id, 'calls.holidaySwitched')).toHaveLength(2);
  });

  it('refuses a holiday key the calendar does not have, and one without a calendar', async () => {
    const s = await withHours();
    const before = await callsSnapshot(s.company.id);
    // Independence Day is a US holiday, not a French one.
    const refused = await act(setHolidayEnabled, s.admin.id, { key: '07-04', enabled: 'false' });
    expect(refused.fieldErrors?.key).toBe('This holiday is not in the chosen calendar.');
    expect(await callsSnapshot(s.company.id)).toEqual(before);

    await act(setHolidayCalendar, s.admin.id, { calendar: '' });
    const none = await act(setHolidayEnabled, s.admin.id, { key: '01-01', enabled: 'false' });
    expect(none.fieldErrors?.key).toBe('This holiday is not in the chosen calendar.');
    expect(await db().select().from(callScheduleDisabledHolidays).where(eq(callScheduleDisabledHolidays.scheduleId, s.schedule.id))).toEqual([]);
  });

  it('changing calendar keeps the switched-off holidays the new one also has', async () => {
    const s = await withHours();
    await act(setHolidayEnabled, s.admin.id, { key: '01-01', enabled: 'false' });
    await act(setHolidayEnabled, s.admin.id, { key: '07-14', enabled: 'false' });
    await act(setHolidayCalendar, s.admin.id, { calendar: 'FR-ALSACE-MOSELLE' });
    const keys = (await db().select().from(callScheduleDisabledHolidays).where(eq(callScheduleDisabledHolidays.scheduleId, s.schedule.id))).map((r) => r.holidayKey);
    expect(keys.sort()).toEqual(['01-01', '07-14']);
    await act(setHolidayCalendar, s.admin.id, { calendar: 'BE' });
    const left = (await db().select().from(callScheduleDisabledHolidays).where(eq(callScheduleDisabledHolidays.scheduleId, s.schedule.id))).map((r) => r.holidayKey);
    expect(left).toEqual(['01-01']);
  });
});
