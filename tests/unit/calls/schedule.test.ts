import { describe, expect, it } from 'vitest';
import { emptySchedule, explainStateAt, stateAt, type Schedule } from '@/lib/calls/schedule';
import { localTimeAt } from '@/lib/calls/time';

const at = (iso: string) => new Date(iso);
const nineToFive = [{ start: '09:00', end: '17:00' }];

/** Monday to Friday 09:00-17:00 in `timeZone`, plus whatever `extra` sets. */
function officeHours(timeZone: string, extra: Partial<Schedule> = {}): Schedule {
  const base = emptySchedule(timeZone);
  return {
    ...base,
    week: { ...base.week, mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    ...extra,
  };
}

/** One interval on Sunday only. */
function sundayOnly(timeZone: string, start: string, end: string): Schedule {
  const base = emptySchedule(timeZone);
  return { ...base, week: { ...base.week, sun: [{ start, end }] } };
}

describe('Europe/Paris across the 2026 changes (29 March, 25 October)', () => {
  const paris = officeHours('Europe/Paris');

  it('opens at 09:00 local in winter time (UTC+1), the Friday before the change', () => {
    expect(stateAt(paris, at('2026-03-27T07:59:00Z'))).toBe('closed');
    expect(stateAt(paris, at('2026-03-27T08:00:00Z'))).toBe('open');
    expect(stateAt(paris, at('2026-03-27T15:59:00Z'))).toBe('open');
    expect(stateAt(paris, at('2026-03-27T16:00:00Z'))).toBe('closed');
  });

  it('opens at 09:00 local in summer time (UTC+2), the Monday after', () => {
    expect(stateAt(paris, at('2026-03-30T06:59:00Z'))).toBe('closed');
    expect(stateAt(paris, at('2026-03-30T07:00:00Z'))).toBe('open');
    // 08:30 UTC is 10:30 in Paris.
    expect(stateAt(paris, at('2026-03-30T08:30:00Z'))).toBe('open');
    expect(stateAt(paris, at('2026-03-30T14:59:00Z'))).toBe('open');
    expect(stateAt(paris, at('2026-03-30T15:00:00Z'))).toBe('closed');
  });

  it('back in winter time the Monday after 25 October', () => {
    expect(stateAt(paris, at('2026-10-23T06:59:00Z'))).toBe('closed');
    expect(stateAt(paris, at('2026-10-23T07:00:00Z'))).toBe('open');
    expect(stateAt(paris, at('2026-10-26T07:00:00Z'))).toBe('closed');
    expect(stateAt(paris, at('2026-10-26T08:00:00Z'))).toBe('open');
    expect(stateAt(paris, at('2026-10-26T16:00:00Z'))).toBe('closed');
  });

  it('never opens an interval inside the skipped hour (02:00-03:00 on 29 March)', () => {
    const gap = sundayOnly('Europe/Paris', '02:00', '03:00');
    for (let minute = 0; minute < 180; minute += 5) {
      const instant = new Date(Date.parse('2026-03-29T00:00:00Z') + minute * 60_000);
      expect(stateAt(gap, instant), instant.toISOString()).toBe('closed');
    }
  });

  it('opens an interval across the skipped hour for its real minutes only', () => {
    const across = sundayOnly('Europe/Paris', '01:30', '03:30');
    expect(stateAt(across, at('2026-03-29T00:29:00Z'))).toBe('closed');
    expect(stateAt(across, at('2026-03-29T00:30:00Z'))).toBe('open'); // 01:30 CET
    expect(stateAt(across, at('2026-03-29T00:59:00Z'))).toBe('open'); // 01:59 CET
    expect(stateAt(across, at('2026-03-29T01:00:00Z'))).toBe('open'); // 03:00 CEST
    expect(stateAt(across, at('2026-03-29T01:29:00Z'))).toBe('open');
    expect(stateAt(across, at('2026-03-29T01:30:00Z'))).toBe('closed'); // 03:30 CEST
  });

  it('opens an interval in the repeated hour both times (02:00-03:00 on 25 October)', () => {
    const repeated = sundayOnly('Europe/Paris', '02:00', '03:00');
    expect(stateAt(repeated, at('2026-10-24T23:59:00Z'))).toBe('closed'); // 01:59 CEST
    expect(stateAt(repeated, at('2026-10-25T00:00:00Z'))).toBe('open'); // 02:00 CEST
    expect(stateAt(repeated, at('2026-10-25T00:59:00Z'))).toBe('open'); // 02:59 CEST
    expect(stateAt(repeated, at('2026-10-25T01:00:00Z'))).toBe('open'); // 02:00 CET
    expect(stateAt(repeated, at('2026-10-25T01:59:00Z'))).toBe('open'); // 02:59 CET
    expect(stateAt(repeated, at('2026-10-25T02:00:00Z'))).toBe('closed'); // 03:00 CET
  });

  it('reads the local weekday and date, not the UTC ones', () => {
    // Sunday 23:30 UTC is already Monday 01:30 in Paris.
    expect(localTimeAt(at('2026-03-29T23:30:00Z'), 'Europe/Paris')).toEqual({
      date: '2026-03-30',
      weekday: 'mon',
      minute: 90,
    });
  });
});

describe('America/New_York across the 2026 changes (8 March, 1 November)', () => {
  const newYork = officeHours('America/New_York');

  it('opens at 09:00 EST (UTC-5) before, 09:00 EDT (UTC-4) after 8 March', () => {
    expect(stateAt(newYork, at('2026-03-06T13:59:00Z'))).toBe('closed');
    expect(stateAt(newYork, at('2026-03-06T14:00:00Z'))).toBe('open');
    expect(stateAt(newYork, at('2026-03-09T12:59:00Z'))).toBe('closed');
    expect(stateAt(newYork, at('2026-03-09T13:00:00Z'))).toBe('open');
    expect(stateAt(newYork, at('2026-03-09T20:59:00Z'))).toBe('open');
    expect(stateAt(newYork, at('2026-03-09T21:00:00Z'))).toBe('closed');
  });

  it('opens at 09:00 EST again after 1 November', () => {
    expect(stateAt(newYork, at('2026-10-30T13:00:00Z'))).toBe('open'); // 09:00 EDT
    expect(stateAt(newYork, at('2026-11-02T13:00:00Z'))).toBe('closed'); // 08:00 EST
    expect(stateAt(newYork, at('2026-11-02T14:00:00Z'))).toBe('open');
    expect(stateAt(newYork, at('2026-11-02T22:00:00Z'))).toBe('closed'); // 17:00 EST
  });

  it('never opens an interval inside the skipped hour (02:00-03:00 on 8 March)', () => {
    const gap = sundayOnly('America/New_York', '02:00', '03:00');
    for (let minute = 0; minute < 240; minute += 5) {
      const instant = new Date(Date.parse('2026-03-08T05:00:00Z') + minute * 60_000);
      expect(stateAt(gap, instant), instant.toISOString()).toBe('closed');
    }
  });

  it('opens an interval in the repeated hour both times (01:00-02:00 on 1 November)', () => {
    const repeated = sundayOnly('America/New_York', '01:00', '02:00');
    expect(stateAt(repeated, at('2026-11-01T04:59:00Z'))).toBe('closed'); // 00:59 EDT
    expect(stateAt(repeated, at('2026-11-01T05:00:00Z'))).toBe('open'); // 01:00 EDT
    expect(stateAt(repeated, at('2026-11-01T06:00:00Z'))).toBe('open'); // 01:00 EST
    expect(stateAt(repeated, at('2026-11-01T06:59:00Z'))).toBe('open'); // 01:59 EST
    expect(stateAt(repeated, at('2026-11-01T07:00:00Z'))).toBe('closed'); // 02:00 EST
  });
});

describe('holidays, closures and their order', () => {
  const paris = officeHours('Europe/Paris', { holidays: { calendar: 'FR', disabled: [] } });

  it('is holiday on Easter Monday during office hours, open once it is switched off', () => {
    expect(stateAt(paris, at('2026-04-06T08:00:00Z'))).toBe('holiday');
    const working = { ...paris, holidays: { calendar: 'FR', disabled: ['easter 1'] } };
    expect(stateAt(working, at('2026-04-06T08:00:00Z'))).toBe('open');
    // Switching Easter Monday off leaves the other holidays alone.
    expect(stateAt(working, at('2026-05-14T08:00:00Z'))).toBe('holiday');
  });

  it('is holiday all day, outside office hours and on a Sunday too', () => {
    expect(stateAt(paris, at('2026-04-06T05:00:00Z'))).toBe('holiday'); // 07:00 local
    expect(stateAt(paris, at('2026-11-01T12:00:00Z'))).toBe('holiday'); // a Sunday
  });

  it('follows the local date at the edges of a holiday', () => {
    // 14 July 2026 in Paris runs from 13 July 22:00 UTC to 14 July 22:00 UTC.
    expect(stateAt(paris, at('2026-07-13T21:59:00Z'))).toBe('closed');
    expect(stateAt(paris, at('2026-07-13T22:00:00Z'))).toBe('holiday');
    expect(stateAt(paris, at('2026-07-14T21:59:00Z'))).toBe('holiday');
    expect(stateAt(paris, at('2026-07-14T22:00:00Z'))).toBe('closed');
  });

  it('ignores holidays without a calendar, and Good Friday outside Alsace-Moselle', () => {
    expect(stateAt(officeHours('Europe/Paris'), at('2026-04-06T08:00:00Z'))).toBe('open');
    expect(stateAt(paris, at('2026-04-03T08:00:00Z'))).toBe('open');
    const strasbourg = { ...paris, holidays: { calendar: 'FR-ALSACE-MOSELLE', disabled: [] } };
    expect(stateAt(strasbourg, at('2026-04-03T08:00:00Z'))).toBe('holiday');
  });

  it('is closed during a closure, by the local date, single days and ranges', () => {
    const base = officeHours('America/New_York');
    const lateFriday = {
      ...base,
      week: { ...base.week, fri: [{ start: '09:00', end: '24:00' }] },
      closures: [{ from: '2026-11-27', to: '2026-11-27' }],
    };
    expect(stateAt({ ...lateFriday, closures: [] }, at('2026-11-28T04:30:00Z'))).toBe('open'); // Fri 23:30 EST
    expect(explainStateAt(lateFriday, at('2026-11-28T04:30:00Z'))).toMatchObject({
      state: 'closed',
      closure: { from: '2026-11-27', to: '2026-11-27' },
    });
    expect(stateAt(lateFriday, at('2026-11-30T14:30:00Z'))).toBe('open'); // the Monday after

    const summer = officeHours('Europe/Paris', { closures: [{ from: '2026-08-10', to: '2026-08-21' }] });
    expect(stateAt(summer, at('2026-08-07T08:00:00Z'))).toBe('open');
    expect(stateAt(summer, at('2026-08-10T08:00:00Z'))).toBe('closed');
    expect(stateAt(summer, at('2026-08-21T14:00:00Z'))).toBe('closed');
    expect(stateAt(summer, at('2026-08-24T08:00:00Z'))).toBe('open');
  });

  it('puts a holiday before a closure that covers it', () => {
    const winter = officeHours('America/New_York', {
      closures: [{ from: '2026-12-21', to: '2027-01-01' }],
      holidays: { calendar: 'US', disabled: [] },
    });
    expect(explainStateAt(winter, at('2026-12-25T15:00:00Z'))).toMatchObject({
      state: 'holiday',
      holiday: { key: '12-25', name: { en: 'Christmas Day' } },
    });
    expect(stateAt(winter, at('2026-12-28T15:00:00Z'))).toBe('closed');
    expect(stateAt(winter, at('2027-01-04T15:00:00Z'))).toBe('open');
  });

  it('uses the observed day of a US holiday: Friday 3 July 2026, not Saturday 4 July', () => {
    const allWeek = officeHours('America/New_York', { holidays: { calendar: 'US', disabled: [] } });
    const open = { ...allWeek, week: { ...allWeek.week, sat: [{ start: '00:00', end: '24:00' }] } };
    expect(stateAt(open, at('2026-07-04T03:30:00Z'))).toBe('holiday'); // Fri 3 Jul 23:30 EDT
    expect(stateAt(open, at('2026-07-04T04:30:00Z'))).toBe('open'); // Sat 4 Jul 00:30 EDT
  });

  it('starts a canton half-day holiday at noon: Valais, 24 December', () => {
    const sion = officeHours('Europe/Zurich', { holidays: { calendar: 'CH-VS', disabled: [] } });
    expect(stateAt(sion, at('2026-12-24T10:59:00Z'))).toBe('open'); // 11:59
    expect(stateAt(sion, at('2026-12-24T11:00:00Z'))).toBe('holiday'); // 12:00
  });
});
