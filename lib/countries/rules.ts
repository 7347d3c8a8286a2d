import type { Locale } from '@/lib/i18n/locales';

export const COUNTRIES = ['FR', 'US', 'CA', 'GB', 'BE', 'CH'] as const;
export type CountryCode = (typeof COUNTRIES)[number];

export type Currency = 'EUR' | 'USD' | 'CAD' | 'GBP' | 'CHF';

/** Free-text regions (FR/GB/BE/CH) are capped so they fit the emergency-address record. */
export const REGION_MAX_LENGTH = 100;

export const US_STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California',
  CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia',
  FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
  ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
  NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia',
  WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
} as const satisfies Record<string, string>;

export const CA_PROVINCES = {
  AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador', NS: 'Nova Scotia', NT: 'Northwest Territories',
  NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island', QC: 'Quebec',
  SK: 'Saskatchewan', YT: 'Yukon',
} as const satisfies Record<string, string>;

export interface CountryRules {
  currency: Currency;
  defaultLocale: Locale;
  timeZones: readonly string[];
  defaultTimeZone: string;
  /** null = region is optional free text; otherwise a required code from this map. */
  regions: Readonly<Record<string, string>> | null;
}

export const COUNTRY_RULES: Readonly<Record<CountryCode, CountryRules>> = {
  FR: { currency: 'EUR', defaultLocale: 'fr', timeZones: ['Europe/Paris'], defaultTimeZone: 'Europe/Paris', regions: null },
  US: {
    currency: 'USD',
    defaultLocale: 'en',
    timeZones: [
      'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix',
      'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu',
    ],
    defaultTimeZone: 'America/New_York',
    regions: US_STATES,
  },
  CA: {
    currency: 'CAD',
    defaultLocale: 'en',
    timeZones: [
      'America/St_Johns', 'America/Halifax', 'America/Toronto', 'America/Winnipeg',
      'America/Regina', 'America/Edmonton', 'America/Vancouver',
    ],
    defaultTimeZone: 'America/Toronto',
    regions: CA_PROVINCES,
  },
  GB: { currency: 'GBP', defaultLocale: 'en', timeZones: ['Europe/London'], defaultTimeZone: 'Europe/London', regions: null },
  BE: { currency: 'EUR', defaultLocale: 'fr', timeZones: ['Europe/Brussels'], defaultTimeZone: 'Europe/Brussels', regions: null },
  CH: { currency: 'CHF', defaultLocale: 'fr', timeZones: ['Europe/Zurich'], defaultTimeZone: 'Europe/Zurich', regions: null },
};

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && (COUNTRIES as readonly string[]).includes(value);
}

export function isRegionRequired(country: CountryCode): boolean {
  return COUNTRY_RULES[country].regions !== null;
}

export function isValidTimeZone(country: CountryCode, timeZone: string): boolean {
  return COUNTRY_RULES[country].timeZones.includes(timeZone);
}

/** Only meaningful for countries with a region list; free-text regions are always "valid" here. */
export function isValidRegion(country: CountryCode, region: string): boolean {
  const regions = COUNTRY_RULES[country].regions;
  return regions === null || Object.hasOwn(regions, region);
}
