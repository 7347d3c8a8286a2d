import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/*
 * Numbers are stored in E.164 and shown in their country's national format, both through
 * libphonenumber-js with its full ("max") metadata: the metadata the inventory is generated and
 * checked with (lib/numbers/inventory-seed.ts). Client-safe.
 */

/** E.164 as the country's callers write it: "+33142685300" -> "01 42 68 53 00"; "+12125550100" -> "(212) 555-0100"; raw if unparsable. */
export function formatNational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}

/** "+33 1 42 68 53 00": for screen readers and the history, where the country matters. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** The digits a caller dials in the country: trunk prefix included ("0142685300", "2125550100"). */
export function nationalDigits(e164: string): string {
  return formatNational(e164).replace(/\D/g, '');
}
