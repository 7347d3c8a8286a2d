import '@/lib/zod-jitless';
import { z } from 'zod';
import { NUMBER_TYPES } from '@/db/enums';
import { countryField, keyedError, textField, uuidField } from '@/lib/forms/fields';
import { AREA_MAX } from './areas';
import { MAX_HELD } from './carrier';

// Shared by the buy form, the tab's controls and the server actions; messages are i18n keys.

export { AREA_MAX, NUMBER_TYPES };

const ids = () => z.array(uuidField(), keyedError('errors.nothingSelected')).min(1, { error: 'errors.nothingSelected' });

/** The search form (GET parameters of /setup/numbers/buy). Spaces in the digits are ignored. */
export const numberSearchSchema = z.object({
  country: countryField(),
  type: z.enum(NUMBER_TYPES, keyedError()).default('local'),
  area: textField().max(AREA_MAX, { error: 'errors.tooLong' }).optional().default(''),
  digits: z
    .string(keyedError())
    .transform((v) => v.replace(/[\s.-]/g, ''))
    .refine((v) => v === '' || /^\d{2,10}$/.test(v), { error: 'errors.digitsInvalid' })
    .optional()
    .default(''),
  page: z.coerce.number<string | number>().int().min(1).max(1_000).catch(1).default(1),
});
export type NumberSearchInput = z.input<typeof numberSearchSchema>;
export type NumberSearchForm = z.output<typeof numberSearchSchema>;

export const holdSchema = z.object({ ids: ids().max(MAX_HELD, { error: 'errors.holdLimit' }) });
export const releaseHoldSchema = z.object({ ids: z.array(uuidField()).max(MAX_HELD).optional() });

/** Buy: the held numbers the page showed, and the form's key (one order per key). */
export const purchaseSchema = z.object({
  idempotencyKey: uuidField(),
  ids: ids().max(MAX_HELD, { error: 'errors.holdLimit' }),
  /** What the bought numbers ring ('' : nothing yet, map them later). */
  extensionId: z.union([uuidField(), z.literal('')], keyedError()).default(''),
  /** One of `ids` to become the main number ('' : the main number stays). */
  mainId: z.union([uuidField(), z.literal('')], keyedError()).default(''),
});

export const numberIdSchema = z.object({ id: uuidField() });

/** Remap: an extension of the company, or '' to unassign. */
export const mapNumberSchema = z.object({
  id: uuidField(),
  extensionId: z.union([uuidField(), z.literal('')], keyedError()).default(''),
});
