import { z } from 'zod';
import {
  emailField,
  extensionNumberField,
  keyedError,
  optionalUuidField,
  personNameField,
  requiredText,
  uuidField,
  withId,
} from '@/lib/forms/fields';

export const LICENCES = ['free', 'office'] as const;
export type Licence = (typeof LICENCES)[number];

/** "app" = App only; otherwise the id of a desk phone from the company's inventory. */
export const APP_ONLY = 'app';

/**
 * The Add/Edit user form. Extension rules that depend on the company (length, country's
 * reserved codes, uniqueness) are checked by the action with lib/extensions/numbering.ts.
 */
export const userFormSchema = z
  .object({
    id: optionalUuidField(),
    firstName: personNameField(),
    lastName: personNameField(),
    email: emailField,
    licence: z.enum(LICENCES, keyedError('errors.licenceInvalid')),
    extension: extensionNumberField(),
    // Empty for Free users: a desk phone needs an Office licence.
    phone: z.string().trim().optional().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.licence === 'office' && !v.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'errors.phoneRequired' });
    }
  })
  .transform((v) => ({ ...v, phone: v.licence === 'office' ? v.phone : '' }));

export type UserFormInput = z.input<typeof userFormSchema>;
export type UserForm = z.output<typeof userFormSchema>;

export const userIdSchema = z.object({ id: uuidField() });
export const roleSchema = z.object({ id: uuidField(), role: z.enum(['admin', 'member'], keyedError()) });
export const licenceSchema = z.object({ id: uuidField(), licence: z.enum(LICENCES, keyedError('errors.licenceInvalid')) });


export const deviceSchema = z.object({
  model: requiredText(80),
  // Accepts AA:BB:CC:DD:EE:FF, AA-BB-..., or 12 hex digits; stored upper-case with colons.
  mac: z
    .string(keyedError())
    .trim()
    .transform((v) => v.replace(/[-:.\s]/g, '').toUpperCase())
    .refine((v) => /^[0-9A-F]{12}$/.test(v), { error: 'errors.macInvalid' })
    .transform((v) => v.match(/../g)!.join(':')),
});

export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export const importSchema = z.object({
  csv: z.string(keyedError()).min(1, { error: 'errors.importEmpty' }).max(2_000_000, { error: 'errors.importTooLarge' }),
  mode: z.enum(IMPORT_MODES, keyedError()).default('all_or_nothing'),
});

export const teamSearchSchema = z.object({
  q: z.string().trim().max(100).optional().default(''),
  page: z.coerce.number().int().min(1).optional().default(1),
});

/** Editing needs the user's id; the same form and rules otherwise. */
export const userUpdateSchema = withId(userFormSchema);
