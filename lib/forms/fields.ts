import '@/lib/zod-jitless';
import { z } from 'zod';
import { COUNTRIES } from '@/lib/countries/rules';
import { hasControlCharacters } from '@/lib/format/text';

/*
 * The zod field pieces several domains' schemas are built from. Every message is an i18n key
 * ("errors.*", see messages/errors.*.json), resolved by the UI, so a client form and the server
 * action that parses the same schema never disagree. Imported by both: no client-only or
 * server-only import here.
 */

/** Missing/blank input reads as "required"; anything else present-but-wrong gets `invalidKey`. */
export const keyedError = (invalidKey = 'errors.invalid') => ({
  error: (iss: { input?: unknown }) =>
    iss.input === undefined || iss.input === null || iss.input === '' ? 'errors.required' : invalidKey,
});

/**
 * Every text field starts here: a NUL byte or another control character (pasted, or sent by a
 * script) gets its own message on its field instead of reaching the database.
 */
const noControlCharacters = { error: 'errors.controlCharacters', abort: true } as const;

/** Trimmed text with no control characters; `invalidKey` for a value that is not text at all. */
export const textField = (invalidKey?: string) =>
  z
    .string(keyedError(invalidKey))
    .trim()
    .refine((v) => !hasControlCharacters(v), noControlCharacters);

/** Text taken as typed (a password): not trimmed, no control characters. */
export const untrimmedTextField = () => z.string(keyedError()).refine((v) => !hasControlCharacters(v), noControlCharacters);

/** Trimmed, non-empty, at most `max` characters. */
export const requiredText = (max: number) =>
  textField().min(1, { error: 'errors.required' }).max(max, { error: 'errors.tooLong' });

/** A person's first or last name (sign-up, the Add user form, the CSV import). */
export const PERSON_NAME_MAX = 80;
export const personNameField = () => requiredText(PERSON_NAME_MAX);

/** Trimmed and lower-cased. */
export const emailField = textField()
  .toLowerCase()
  .min(1, { error: 'errors.required' })
  // RFC 5321 caps a forward path at 254 characters.
  .max(254, { error: 'errors.emailInvalid' })
  .pipe(z.email({ error: 'errors.emailInvalid' }));

export const countryField = () => z.enum(COUNTRIES, keyedError('errors.countryInvalid'));

/** A record's id (or an idempotency key). */
export const uuidField = (error = 'errors.invalid') => z.uuid({ error });

/** The id of the record a dialog edits; absent or '' when it creates one. */
export const optionalUuidField = () =>
  uuidField()
    .optional()
    .or(z.literal('').transform(() => undefined));

/** Dialled digits; the company's rules (length, reserved codes, uniqueness) are the action's. */
export const extensionNumberField = () =>
  textField()
    .min(1, { error: 'errors.required' })
    .regex(/^\d+$/, { error: 'errors.extensionDigits' });

/** Office seats asked for at once: a whole number from 1 to 1,000 (or `max`, with its own message). */
export const seatCountField = (max?: { value: number; error: string }) =>
  z.coerce
    .number<string | number>({ error: 'errors.seatsInvalid' })
    .int({ error: 'errors.seatsInvalid' })
    .min(1, { error: 'errors.seatsInvalid' })
    .max(max?.value ?? 1000, { error: max?.error ?? 'errors.seatsInvalid' });

/** An edit form's schema: the create form's, with the record's id required. */
export const withId = <S extends z.ZodType<{ id?: string }>>(schema: S) =>
  schema
    .refine((v) => v.id !== undefined, { path: ['id'], error: 'errors.notFound' })
    .transform((v) => ({ ...v, id: v.id! }));

/** An action that takes no input. */
export const emptySchema = z.object({});
