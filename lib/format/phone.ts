import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** E.164 as the country's callers write it ("01 23 45 67 89", "(212) 555-0100"); raw if unparsable. */
export function formatNational(e164: string | null | undefined): string | null {
  if (!e164) return null;
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational() : e164;
}
