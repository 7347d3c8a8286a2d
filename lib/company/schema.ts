import '@/lib/zod-jitless';
import { z } from 'zod';
import { isCountryCode } from '@/lib/countries/rules';
import { ADDRESS_LIMITS, checkAddress, normalizeAddress } from '@/lib/sites/address-check';
import { countryField, keyedError, requiredText, textField } from '@/lib/forms/fields';
import { LOCALES } from '@/lib/i18n/locales';

// Every message is an i18n key ("errors.*"), resolved by the UI, so client and server share one schema.

export const FIELD_LIMITS = { name: 120, street: ADDRESS_LIMITS.street, city: ADDRESS_LIMITS.city, region: ADDRESS_LIMITS.region } as const;

export const companyDetailsSchema = z
  .object({
    name: requiredText(FIELD_LIMITS.name),
    country: countryField(),
    timeZone: textField().min(1, { error: 'errors.required' }),
    locale: z.enum(LOCALES, keyedError('errors.localeInvalid')),
    // A <select> yields strings, the server action may pass numbers: accept both, output a number.
    extensionLength: z
      .union([z.literal(3), z.literal(4), z.literal('3'), z.literal('4')], keyedError('errors.extensionLengthInvalid'))
      .transform((v) => Number(v) as 3 | 4),
    // Emergency (E911 / 112) address.
    street: requiredText(FIELD_LIMITS.street),
    city: requiredText(FIELD_LIMITS.city),
    postalCode: requiredText(ADDRESS_LIMITS.postalCode),
    region: textField().max(FIELD_LIMITS.region, { error: 'errors.tooLong' }).nullish(),
    addressCountry: countryField(),
  })
  .superRefine(
    (value, ctx) => {
      // Runs even when unrelated fields failed (see `when`), so fields are read defensively.
      const v = value as { [K in keyof typeof value]?: unknown };
      const country = value.country;
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });

      checkAddress(country, v, issue);
      // Numbers are activated in the company's country, so the emergency address must be there too.
      if (isCountryCode(v.addressCountry) && v.addressCountry !== country) {
        issue('addressCountry', 'errors.countryMismatch');
      }
    },
    // Default would skip this whenever any field is missing; we want postal/region errors shown at once.
    { when: (payload) => isCountryCode((payload.value as { country?: unknown } | undefined)?.country) },
  )
  .transform((v) => normalizeAddress(v.country, v));

export type CompanyDetailsInput = z.input<typeof companyDetailsSchema>;
export type CompanyDetails = z.output<typeof companyDetailsSchema>;
