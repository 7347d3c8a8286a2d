import { describe, expect, it } from 'vitest';
import { isPoBox, isValidPostalCode, normalizePostalCode } from '@/lib/company/address';
import { COUNTRIES, COUNTRY_RULES, CA_PROVINCES, US_STATES, isValidRegion, isValidTimeZone } from '@/lib/countries/rules';
import type { CountryCode } from '@/lib/countries/rules';

const cases: Record<CountryCode, { valid: [string, string][]; invalid: string[] }> = {
  FR: {
    valid: [['75008', '75008'], ['01000', '01000'], [' 13 001 ', '13001'], ['98000', '98000']],
    invalid: ['00123', '99000', '7500', '750080', '75OO8', ''],
  },
  US: {
    valid: [['94105', '94105'], ['94105-1234', '94105-1234'], ['941051234', '94105-1234'], ['94105 1234', '94105-1234']],
    invalid: ['9410', '94105-', '94105-123', 'ABCDE', '941056'],
  },
  CA: {
    valid: [['H2X 1Y4', 'H2X 1Y4'], ['h2x1y4', 'H2X 1Y4'], ['k1a 0b1', 'K1A 0B1'], ['T2W 1Z9', 'T2W 1Z9']],
    invalid: ['D2X 1Y4', 'W2X 1Y4', 'Z2X 1Y4', 'H2O 1Y4', 'H2X 1U4', 'H2X1Y', '12345'],
  },
  GB: {
    valid: [
      ['SW1A 1AA', 'SW1A 1AA'], ['sw1a1aa', 'SW1A 1AA'], ['M1 1AE', 'M1 1AE'], ['B33 8TH', 'B33 8TH'],
      ['CR2 6XH', 'CR2 6XH'], ['DN55 1PT', 'DN55 1PT'], ['W1A 0AX', 'W1A 0AX'], ['EC1A 1BB', 'EC1A 1BB'],
      ['gir 0aa', 'GIR 0AA'], ['  ec1a   1bb ', 'EC1A 1BB'],
    ],
    invalid: ['QC1A 1BB', 'SW1A 1CA', 'SW1A', '12345', 'SW1A 1AAA', 'V1A 1AA'],
  },
  BE: { valid: [['1000', '1000'], ['9999', '9999'], [' 4000 ', '4000']], invalid: ['0999', '999', '10000', 'B-1000'] },
  CH: { valid: [['1201', '1201'], ['8001', '8001']], invalid: ['0800', '12011', '120', 'CH'] },
};

describe('postal codes', () => {
  for (const country of COUNTRIES) {
    const { valid, invalid } = cases[country];
    it.each(valid)(`${country}: accepts %j and normalises to %j`, (raw, expected) => {
      expect(normalizePostalCode(country, raw)).toBe(expected);
      expect(isValidPostalCode(country, raw)).toBe(true);
    });
    it.each(invalid)(`${country}: refuses %j`, (raw) => {
      expect(normalizePostalCode(country, raw)).toBeNull();
      expect(isValidPostalCode(country, raw)).toBe(false);
    });
  }

  it('is country specific', () => {
    expect(isValidPostalCode('BE', '75008')).toBe(false);
    expect(isValidPostalCode('FR', '1000')).toBe(false);
  });
});

describe('isPoBox', () => {
  it.each([
    'PO Box 123', 'P.O. Box 45', 'P O Box 9', 'p.o.box 7', 'POBox 12', 'Post Office Box 8',
    'BP 123', 'B.P. 12', 'bp12', 'BP n° 4', '3 avenue Foch, BP 210',
    'Boîte postale 18', 'boite postale 3', 'Case postale 56', 'Postfach 1234', 'Casella postale 12',
  ])('flags %j', (street) => expect(isPoBox(street)).toBe(true));

  it.each([
    '12 rue de la Boétie', '1 Boxwood Lane', '5 Postal Road', 'CP 12', '10 Hippo Boxing Street',
    '221B Baker Street', 'Bahnhofstrasse 1', '8 rue du Port', '4 BP Street', 'Chemin de la Poste 3',
  ])('does not flag %j', (street) => expect(isPoBox(street)).toBe(false));
});

describe('country rules', () => {
  it('lists 50 states + DC and 13 provinces/territories', () => {
    expect(Object.keys(US_STATES)).toHaveLength(51);
    expect(Object.keys(CA_PROVINCES)).toHaveLength(13);
    expect(Object.keys(US_STATES).every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });

  it('has a default time zone within each country list, and real IANA zones', () => {
    for (const country of COUNTRIES) {
      const { timeZones, defaultTimeZone } = COUNTRY_RULES[country];
      expect(timeZones).toContain(defaultTimeZone);
      for (const tz of timeZones) expect(() => new Intl.DateTimeFormat('en', { timeZone: tz })).not.toThrow();
    }
  });

  it('checks time zones and regions per country', () => {
    expect(isValidTimeZone('US', 'America/Chicago')).toBe(true);
    expect(isValidTimeZone('CA', 'America/Chicago')).toBe(false);
    expect(isValidRegion('CA', 'QC')).toBe(true);
    expect(isValidRegion('US', 'QC')).toBe(false);
    expect(isValidRegion('US', 'toString')).toBe(false);
    expect(isValidRegion('FR', 'Île-de-France')).toBe(true);
  });

  it('maps currency and locale', () => {
    expect(COUNTRIES.map((c) => COUNTRY_RULES[c].currency)).toEqual(['EUR', 'USD', 'CAD', 'GBP', 'EUR', 'CHF']);
    expect(COUNTRIES.map((c) => COUNTRY_RULES[c].defaultLocale)).toEqual(['fr', 'en', 'en', 'en', 'fr', 'fr']);
  });
});
