import '@/lib/zod-jitless';
import { z } from 'zod';
import {
  emailField,
  extensionNumberField,
  keyedError,
  optionalUuidField,
  personNameField,
  requiredText,
  textField,
  uuidField,
  withId,
} from '@/lib/forms/fields';
import { pageParam, searchTextParam } from '@/lib/format/pages';
import { userSiteFields } from '@/lib/sites/schema';

import { APP_ONLY, IMPORT_MAX_BYTES, IMPORT_MODES, LICENCES } from './choices';

export { APP_ONLY, IMPORT_MAX_BYTES, IMPORT_MODES, LICENCES };
export type { ImportMode, Licence } from './choices';

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
    phone: textField().optional().default(''),
    // Where they work: '' is the company's first site (the select shows only with several).
    ...userSiteFields,
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
  mac: textField()
    .transform((v) => v.replace(/[-:.\s]/g, '').toUpperCase())
    .refine((v) => /^[0-9A-F]{12}$/.test(v), { error: 'errors.macInvalid' })
    .transform((v) => v.match(/../g)!.join(':')),
  // Who it goes to (the Licences card's owner picker); '' or absent: nobody yet.
  userId: optionalUuidField(),
});

export const importSchema = z.object({
  // The uploaded file itself: CSV or .xlsx, told apart by its bytes (lib/team/import-file.ts).
  file: z
    .file(keyedError())
    .min(1, { error: 'errors.importEmpty' })
    .max(IMPORT_MAX_BYTES, { error: 'errors.importTooLarge' }),
  mode: z.enum(IMPORT_MODES, keyedError()).default('all_or_nothing'),
});

/** The Team page's query parameters (lib/format/pages.ts: bad values fall back to the defaults). */
export const teamSearchSchema = z.object({ q: searchTextParam(), page: pageParam() });

/** Editing needs the user's id; the same form and rules otherwise. */
export const userUpdateSchema = withId(userFormSchema);
