import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '@/lib/calls/schedule-action-schema';
import { parseScheduleShape, type ScheduleInput } from '@/lib/calls/schema';
import { stateAt } from '@/lib/calls/schedule';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

const morningAndAfternoon = [
  { start: '09:00', end: '12:30' },
  { start: '14:00', end: '18:00' },
];

const valid: ScheduleInput = {
  timeZone: 'Europe/Zurich',
  week: { mon: morningAndAfternoon, tue: morningAndAfternoon, wed: [], thu: [], fri: [], sat: [], sun: [] },
  closures: [{ from: '2026-12-24', to: '2026-12-31' }, { from: '2026-08-14', to: '2026-08-14' }],
  holidays: { calendar: 'CH-VD', disabled: ['01-02'] },
};

/** The { path: message } of a refused schedule. */
function errorsOf(input: unknown): Record<string, string> {
  const result = parseSchedule(input);
  expect(result.success).toBe(false);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const withMonday = (mon: unknown) => ({ ...valid, week: { ...valid.week, mon } });

describe('scheduleSchema', () => {
  it('accepts several intervals a day, touching intervals, 24:00, closures and a calendar', () => {
    const result = parseSchedule(withMonday([...morningAndAfternoon, { start: '18:00', end: '24:00' }]));
    expect(result.success).toBe(true);
    // Monday 12 January 2026, 10:00 in Zurich.
    expect(stateAt(result.data!, new Date('2026-01-12T09:00:00Z'))).toBe('open');
    expect(stateAt(result.data!, new Date('2026-01-12T11:45:00Z'))).toBe('closed'); // 12:45, lunch
  });

  it('refuses overlapping intervals on the later one', () => {
    expect(errorsOf(withMonday([{ start: '09:00', end: '12:30' }, { start: '12:15', end: '14:00' }]))).toEqual({
      'week.mon.1.start': 'calls.errors.intervalsOverlap',
    });
    // Listed out of order: still the one that starts later.
    expect(errorsOf(withMonday([{ start: '10:00', end: '11:00' }, { start: '09:00', end: '17:00' }]))).toEqual({
      'week.mon.0.start': 'calls.errors.intervalsOverlap',
    });
    // Inside a long interval but not overlapping each other: both flagged.
    const inside = [{ start: '09:00', end: '17:00' }, { start: '10:00', end: '11:00' }, { start: '12:00', end: '13:00' }];
    expect(errorsOf(withMonday(inside))).toEqual({
      'week.mon.1.start': 'calls.errors.intervalsOverlap',
      'week.mon.2.start': 'calls.errors.intervalsOverlap',
    });
  });

  it('refuses an end before or at its start', () => {
    expect(errorsOf(withMonday([{ start: '17:00', end: '09:00' }]))).toEqual({
      'week.mon.0.end': 'calls.errors.endBeforeStart',
    });
    expect(errorsOf(withMonday([{ start: '09:00', end: '09:00' }]))).toEqual({
      'week.mon.0.end': 'calls.errors.endBeforeStart',
    });
  });

  it('refuses times off the 15-minute step, and what is no time', () => {
    expect(errorsOf(withMonday([{ start: '09:10', end: '12:00' }]))).toEqual({
      'week.mon.0.start': 'calls.errors.notQuarterHour',
    });
    expect(errorsOf(withMonday([{ start: '9h', end: '25:00' }]))).toEqual({
      'week.mon.0.start': 'calls.errors.timeInvalid',
      'week.mon.0.end': 'calls.errors.timeInvalid',
    });
    expect(errorsOf(withMonday([{ start: '24:00', end: '24:15' }]))).toMatchObject({
      'week.mon.0.end': 'calls.errors.timeInvalid',
    });
  });

  it('refuses more than 8 intervals a day', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ start: `${String(i + 8).padStart(2, '0')}:00`, end: `${String(i + 8).padStart(2, '0')}:30` }));
    expect(errorsOf(withMonday(many))).toEqual({ 'week.mon': 'calls.errors.tooManyIntervals' });
  });

  it('refuses a time zone Intl does not know, and an offset', () => {
    expect(errorsOf({ ...valid, timeZone: 'Europe/Pariss' })).toEqual({ timeZone: 'calls.errors.timeZoneInvalid' });
    expect(errorsOf({ ...valid, timeZone: '+02:00' })).toEqual({ timeZone: 'calls.errors.timeZoneInvalid' });
    expect(errorsOf({ ...valid, timeZone: '' })).toEqual({ timeZone: 'calls.errors.timeZoneInvalid' });
  });

  it('refuses a closure ending before it starts, and dates that do not exist', () => {
    expect(errorsOf({ ...valid, closures: [{ from: '2026-08-14', to: '2026-08-01' }] })).toEqual({
      'closures.0.to': 'calls.errors.closureEndBeforeStart',
    });
    expect(errorsOf({ ...valid, closures: [{ from: '2026-02-30', to: '14/08/2026' }] })).toEqual({
      'closures.0.from': 'calls.errors.dateInvalid',
      'closures.0.to': 'calls.errors.dateInvalid',
    });
  });

  it('refuses an unknown calendar, and a disabled holiday the calendar does not have', () => {
    expect(errorsOf({ ...valid, holidays: { calendar: 'CH-XX', disabled: [] } })).toEqual({
      'holidays.calendar': 'calls.errors.calendarInvalid',
    });
    // 26 December is a holiday in Zurich, not in Vaud.
    expect(errorsOf({ ...valid, holidays: { calendar: 'CH-VD', disabled: ['01-02', '12-26'] } })).toEqual({
      'holidays.disabled.1': 'calls.errors.holidayUnknown',
    });
    expect(parseSchedule({ ...valid, holidays: { calendar: 'CH-ZH', disabled: ['12-26'] } }).success).toBe(true);
    expect(parseSchedule({ ...valid, holidays: { calendar: null, disabled: [] } }).success).toBe(true);
  });

  it('leaves the holiday-key check to the server, and keeps date-holidays out of the form', () => {
    // The form's schema cannot tell Vaud's holidays from Zurich's without the holiday data...
    expect(parseScheduleShape({ ...valid, holidays: { calendar: 'CH-VD', disabled: ['12-26'] } }).success).toBe(true);
    // ...but refuses switched-off holidays with no calendar at all.
    expect(parseScheduleShape({ ...valid, holidays: { calendar: null, disabled: ['12-26'] } }).error?.issues[0]).toMatchObject({
      path: ['holidays', 'disabled'],
      message: 'calls.errors.holidayUnknown',
    });
    // What the form imports (schema.ts and its own imports in lib/calls) never loads date-holidays.
    const browserFiles = ['schema.ts', 'time.ts', 'calendars.ts'].map((f) => path.join(import.meta.dirname, '../../../lib/calls', f));
    const imports = browserFiles.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]));
    expect(imports).not.toContain('date-holidays');
    expect(imports).not.toContain('./holidays');
  });

  it('has every error message in French and English', () => {
    const keys = ['timeInvalid', 'notQuarterHour', 'endBeforeStart', 'intervalsOverlap', 'tooManyIntervals', 'dateInvalid', 'closureEndBeforeStart', 'tooManyClosures', 'timeZoneInvalid', 'calendarInvalid', 'holidayUnknown', 'invalid'];
    for (const key of keys) {
      expect(en.calls.errors[key as keyof typeof en.calls.errors], key).toBeTruthy();
      expect(fr.calls.errors[key as keyof typeof fr.calls.errors], key).toBeTruthy();
    }
  });
});
