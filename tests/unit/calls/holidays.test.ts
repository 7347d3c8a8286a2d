import { describe, expect, it } from 'vitest';
import { CALENDAR_IDS, countryOfCalendar, listCalendars } from '@/lib/calls/calendars';
import { holidayOn, holidaysOf, isHoliday } from '@/lib/calls/holidays';

/*
 * Expected dates written out by hand from the official lists: service-public.fr (FR; the local
 * law of Alsace-Moselle adds Good Friday and 26 December), belgium.be (the 10 public holidays),
 * vd.ch and zh.ch (cantonal public holidays, Sundays excluded), CNESST (Quebec) and ontario.ca
 * (Employment Standards Act), gov.uk/bank-holidays (England and Wales, Scotland) and OPM
 * (US federal holidays, weekend holidays on their observed weekday).
 * Easter: 5 April 2026, 28 March 2027.
 */
const OFFICIAL: Record<string, Record<number, string[]>> = {
  FR: {
    2026: ['01-01', '04-06', '05-01', '05-08', '05-14', '05-25', '07-14', '08-15', '11-01', '11-11', '12-25'],
    2027: ['01-01', '03-29', '05-01', '05-06', '05-08', '05-17', '07-14', '08-15', '11-01', '11-11', '12-25'],
  },
  'FR-ALSACE-MOSELLE': {
    2026: ['01-01', '04-03', '04-06', '05-01', '05-08', '05-14', '05-25', '07-14', '08-15', '11-01', '11-11', '12-25', '12-26'],
    2027: ['01-01', '03-26', '03-29', '05-01', '05-06', '05-08', '05-17', '07-14', '08-15', '11-01', '11-11', '12-25', '12-26'],
  },
  BE: {
    2026: ['01-01', '04-06', '05-01', '05-14', '05-25', '07-21', '08-15', '11-01', '11-11', '12-25'],
    2027: ['01-01', '03-29', '05-01', '05-06', '05-17', '07-21', '08-15', '11-01', '11-11', '12-25'],
  },
  // New Year, 2 January, Good Friday, Easter Monday, Ascension, Whit Monday, 1 August, the
  // Monday after the Federal Fast, Christmas.
  'CH-VD': {
    2026: ['01-01', '01-02', '04-03', '04-06', '05-14', '05-25', '08-01', '09-21', '12-25'],
    2027: ['01-01', '01-02', '03-26', '03-29', '05-06', '05-17', '08-01', '09-20', '12-25'],
  },
  // New Year, Good Friday, Easter Monday, 1 May, Ascension, Whit Monday, 1 August, Christmas,
  // St Stephen's Day.
  'CH-ZH': {
    2026: ['01-01', '04-03', '04-06', '05-01', '05-14', '05-25', '08-01', '12-25', '12-26'],
    2027: ['01-01', '03-26', '03-29', '05-01', '05-06', '05-17', '08-01', '12-25', '12-26'],
  },
  // New Year, Good Friday (or Easter Monday, the employer's choice), Patriots' Day, Fête
  // nationale, Canada Day, Labour Day, Thanksgiving, Christmas.
  'CA-QC': {
    2026: ['01-01', '04-03', '05-18', '06-24', '07-01', '09-07', '10-12', '12-25'],
    2027: ['01-01', '03-26', '05-24', '06-24', '07-01', '09-06', '10-11', '12-25'],
  },
  // New Year, Family Day, Good Friday, Victoria Day, Canada Day, Labour Day, Thanksgiving,
  // Christmas, Boxing Day.
  'CA-ON': {
    2026: ['01-01', '02-16', '04-03', '05-18', '07-01', '09-07', '10-12', '12-25', '12-26'],
    2027: ['01-01', '02-15', '03-26', '05-24', '07-01', '09-06', '10-11', '12-25', '12-26'],
  },
  'GB-SCT': {
    // Boxing Day 2026 is a Saturday: substitute Monday 28 December.
    2026: ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'],
    // 2 January 2027 is a Saturday (substitute 4 January); Christmas and Boxing Day fall on the
    // weekend (27 and 28 December).
    2027: ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
  },
  'GB-ENG': {
    2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  },
  US: {
    // Independence Day on Saturday 4 July: observed Friday 3 July.
    2026: ['01-01', '01-19', '02-16', '05-25', '06-19', '07-03', '09-07', '10-12', '11-11', '11-26', '12-25'],
    // Juneteenth on a Saturday (18 June), 4 July on a Sunday (5 July), Christmas on a Saturday
    // (24 December), New Year's Day 2028 on a Saturday (Friday 31 December 2027).
    2027: ['01-01', '01-18', '02-15', '05-31', '06-18', '07-05', '09-06', '10-11', '11-11', '11-25', '12-24', '12-31'],
  },
};

describe('holiday calendars against the official lists', () => {
  for (const [calendar, years] of Object.entries(OFFICIAL)) {
    for (const [year, dates] of Object.entries(years)) {
      it(`${calendar} ${year}`, () => {
        expect(holidaysOf(calendar, Number(year)).map((h) => h.date)).toEqual(dates.map((d) => `${year}-${d}`));
      });
    }
  }
});

describe('holiday names and keys', () => {
  it('names each holiday in French and English', () => {
    const goodFriday = holidayOn('FR-ALSACE-MOSELLE', '2026-04-03');
    expect(goodFriday).toMatchObject({ key: 'easter -2', name: { fr: 'Vendredi saint', en: 'Good Friday' } });
    expect(holidayOn('FR', '2026-07-14')?.name.fr).toBe('Fête Nationale de la France');
  });

  it('gives a substitute day the key of the day it replaces, so one switch turns both off', () => {
    const [boxing2026] = holidaysOf('GB-ENG', 2026).filter((h) => h.date === '2026-12-28');
    const [boxing2027] = holidaysOf('GB-ENG', 2027).filter((h) => h.date === '2027-12-28');
    expect(boxing2026.key).toBe('12-26');
    expect(boxing2027).toMatchObject({ key: '12-26', substitute: true });
    expect(isHoliday('GB-ENG', '2027-12-28', ['12-26'])).toBe(false);
    expect(isHoliday('GB-ENG', '2027-12-27', ['12-26'])).toBe(true);
  });

  it('keeps the same key for 1 August in Zurich every year', () => {
    const keys = [2026, 2027, 2028].map((y) => holidayOn('CH-ZH', `${y}-08-01`)?.key);
    expect(keys).toEqual(['08-01', '08-01', '08-01']);
  });
});

describe('isHoliday', () => {
  it('is true on an enabled holiday, false on an ordinary day and on a switched-off holiday', () => {
    expect(isHoliday('FR', '2026-05-25')).toBe(true);
    expect(isHoliday('FR', '2026-05-26')).toBe(false);
    // The "journée de solidarité": a company working on Whit Monday switches it off.
    expect(isHoliday('FR', '2026-05-25', ['easter 50'])).toBe(false);
    expect(isHoliday('FR', '2026-05-25', ['easter 1'])).toBe(true);
  });

  it('does not count Good Friday outside Alsace-Moselle', () => {
    expect(isHoliday('FR', '2026-04-03')).toBe(false);
    expect(isHoliday('FR-ALSACE-MOSELLE', '2026-04-03')).toBe(true);
  });

  it('starts the half-day holidays of Valais at noon', () => {
    expect(isHoliday('CH-VS', '2026-12-24', [], 11 * 60 + 59)).toBe(false);
    expect(isHoliday('CH-VS', '2026-12-24', [], 12 * 60)).toBe(true);
  });
});

describe('listCalendars', () => {
  it('offers the 26 cantons for Switzerland, with French and English names', () => {
    const ch = listCalendars('CH', 'fr');
    expect(ch).toHaveLength(26);
    expect(ch.find((c) => c.id === 'CH-GE')?.name).toEqual({ fr: 'Genève', en: 'Geneva' });
    expect(ch.map((c) => c.name.fr)).toContain('Appenzell Rhodes-Intérieures');
  });

  it('puts the national list first, then the regions', () => {
    expect(listCalendars('FR').map((c) => c.id)).toEqual(['FR', 'FR-ALSACE-MOSELLE']);
    expect(listCalendars('BE').map((c) => c.id)).toEqual(['BE']);
    expect(listCalendars('US').map((c) => c.id)).toEqual(['US']);
    expect(listCalendars('GB', 'en').map((c) => c.id)).toEqual(['GB-ENG', 'GB-NIR', 'GB-SCT', 'GB-WLS']);
    expect(listCalendars('CA')).toHaveLength(13);
    expect(listCalendars('CA', 'fr').find((c) => c.id === 'CA-QC')?.name.fr).toBe('Québec');
  });

  it('computes a non-empty list for every calendar in 2026', () => {
    for (const id of CALENDAR_IDS) {
      expect(holidaysOf(id, 2026).length, id).toBeGreaterThanOrEqual(5);
      expect(countryOfCalendar(id)).toBe(id.slice(0, 2));
    }
  });
});
