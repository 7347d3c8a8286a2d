import { isPoBox, normalizePostalCode } from './address';
import { COUNTRY_RULES, REGION_MAX_LENGTH, isValidRegion, isValidTimeZone, type CountryCode } from '@/lib/countries/rules';

// The checks every site's address and time zone get, the Company card's first site and the
// Sites section's others alike: one function, so the two forms can never disagree.

export const ADDRESS_LIMITS = { street: 200, city: 100, postalCode: 20, region: REGION_MAX_LENGTH } as const;

type Fields = { timeZone?: unknown; street?: unknown; postalCode?: unknown; region?: unknown };

/** Adds an i18n-keyed issue per bad field; fields are read defensively (others may have failed). */
export function checkAddress(country: CountryCode, v: Fields, issue: (path: string, message: string) => void) {
  if (typeof v.timeZone === 'string' && v.timeZone && !isValidTimeZone(country, v.timeZone)) issue('timeZone', 'errors.timeZoneInvalid');
  if (typeof v.street === 'string' && isPoBox(v.street)) issue('street', 'errors.poBox');
  if (typeof v.postalCode === 'string' && v.postalCode && !normalizePostalCode(country, v.postalCode)) {
    issue('postalCode', 'errors.postalCodeInvalid');
  }
  if (COUNTRY_RULES[country].regions) {
    const region = typeof v.region === 'string' ? v.region.toUpperCase() : '';
    if (!region) issue('region', 'errors.regionRequired');
    else if (!isValidRegion(country, region)) issue('region', 'errors.regionInvalid');
  }
}

/** The stored form: canonical postal code, upper-cased region code where the country lists them. */
export function normalizeAddress<T extends { postalCode: string; region?: string | null }>(country: CountryCode, v: T) {
  return {
    ...v,
    postalCode: normalizePostalCode(country, v.postalCode) ?? v.postalCode,
    region: COUNTRY_RULES[country].regions ? v.region?.toUpperCase() : v.region || undefined,
  };
}
