import '@/lib/zod-jitless';
import { z } from 'zod';
import { ADDRESS_LIMITS, checkAddress, normalizeAddress } from './address-check';
import { isCountryCode } from '@/lib/countries/rules';
import { countryField, optionalUuidField, requiredText, textField, uuidField } from '@/lib/forms/fields';

// The Sites section's forms (Company card) and the Team form's site fields, shared by the
// browser and the server actions. Every message is an i18n key.

export const SITE_NAME_MAX = 80;
/** "Floor 3, room 301": the users_floor_room_check limit (migration 0014). */
export const FLOOR_ROOM_MAX = 80;

/**
 * A site: name, address and time zone. `country` is the company's (a hidden field): a site's
 * address is in the company's country, where its numbers are activated; the action checks it
 * is the company's.
 */
export const siteSchema = z
  .object({
    id: optionalUuidField(),
    country: countryField(),
    name: requiredText(SITE_NAME_MAX),
    street: requiredText(ADDRESS_LIMITS.street),
    city: requiredText(ADDRESS_LIMITS.city),
    postalCode: requiredText(ADDRESS_LIMITS.postalCode),
    region: textField().max(ADDRESS_LIMITS.region, { error: 'errors.tooLong' }).nullish(),
    timeZone: textField().min(1, { error: 'errors.required' }),
  })
  .superRefine(
    (value, ctx) => {
      const v = value as { [K in keyof typeof value]?: unknown };
      checkAddress(value.country, v, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }));
    },
    { when: (payload) => isCountryCode((payload.value as { country?: unknown } | undefined)?.country) },
  )
  .transform((v) => normalizeAddress(v.country, v));

export type SiteInput = z.input<typeof siteSchema>;
export type SiteForm = z.output<typeof siteSchema>;

export const siteIdSchema = z.object({ id: uuidField() });

/** The Team form's part: '' (or absent) is the company's first site. */
export const userSiteFields = {
  siteId: z.union([z.literal(''), uuidField('errors.siteUnavailable')]).optional().default(''),
  floorRoom: textField().max(FLOOR_ROOM_MAX, { error: 'errors.tooLong' }).optional().default(''),
};
