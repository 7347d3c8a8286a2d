import type { CountryCode } from '@/lib/countries/rules';
import { firstValues, type SearchParams } from '@/lib/format/pages';
import { cutAt, wellFormed, withoutControlCharacters } from '@/lib/format/text';
import { errorKeyOf, type ErrorKey } from '@/lib/i18n/messages';
import { AREA_MAX, numberSearchSchema, type NumberSearchForm } from './schema';

export type NumberSearchQuery = {
  /** What the form shows and, when `valid`, what is searched. */
  values: NumberSearchForm;
  /** Message keys for the two typed fields; the others fall back to their defaults silently. */
  errors: { area?: ErrorKey; digits?: ErrorKey };
  valid: boolean;
};

/** What the form gives back of a typed value: printable, no longer than the field allows. */
const asTyped = (value: string | undefined, max: number) => cutAt(withoutControlCharacters(value ?? ''), max);

/**
 * The Buy page's query. Without parameters: the company's own country, local numbers; an
 * unknown country, type or page falls back to those defaults. Area and digits are typed by
 * the admin: in error, they keep what was typed and get their message. Never throws.
 */
export function parseNumberSearch(params: SearchParams, companyCountry: CountryCode): NumberSearchQuery {
  const typed = Object.fromEntries(Object.entries(firstValues(params)).map(([k, v]) => [k, wellFormed(v)]));
  const { shape } = numberSearchSchema;
  const raw = {
    ...typed,
    country: shape.country.safeParse(typed.country).success ? typed.country : companyCountry,
    type: shape.type.safeParse(typed.type).success ? typed.type : undefined,
  };
  const parsed = numberSearchSchema.safeParse(raw);
  if (parsed.success) return { values: parsed.data, errors: {}, valid: true };

  const errors: NumberSearchQuery['errors'] = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    if (field === 'area' || field === 'digits') errors[field] ??= errorKeyOf(issue.message);
  }
  const lenient = numberSearchSchema.safeParse({
    ...raw,
    ...(errors.area ? { area: '' } : {}),
    ...(errors.digits ? { digits: '' } : {}),
  });
  const fallback: NumberSearchForm = { country: companyCountry, type: 'local', area: '', digits: '', page: 1 };
  const values = { ...(lenient.data ?? fallback) };
  if (errors.area) values.area = asTyped(typed.area, AREA_MAX);
  if (errors.digits) values.digits = asTyped(typed.digits, 20);
  return { values, errors, valid: false };
}
