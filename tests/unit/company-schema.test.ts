import { describe, expect, it } from 'vitest';
import { companyDetailsSchema, type CompanyDetailsInput } from '@/lib/company/schema';
import { signInSchema, signUpSchema } from '@/lib/auth/schema';
import { buySeatsSchema, SEATS_AT_SIGN_UP_MAX } from '@/lib/licences/schema';

const fr: CompanyDetailsInput = {
  name: '  Acme SAS ',
  country: 'FR',
  timeZone: 'Europe/Paris',
  locale: 'fr',
  extensionLength: '3',
  street: '12 rue de la Boétie',
  city: 'Paris',
  postalCode: '75 008',
  region: '',
  addressCountry: 'FR',
};
const us: CompanyDetailsInput = {
  ...fr,
  country: 'US',
  addressCountry: 'US',
  timeZone: 'America/Los_Angeles',
  locale: 'en',
  street: '1 Market St',
  city: 'San Francisco',
  postalCode: '94105',
  region: 'CA',
};
const ca: CompanyDetailsInput = {
  ...us,
  country: 'CA',
  addressCountry: 'CA',
  timeZone: 'America/Toronto',
  postalCode: 'm5v3l9',
  region: 'ON',
};

/** Issues as { "path": ["errors.x", ...] }. */
function errorsOf(schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) {
  const out: Record<string, string[]> = {};
  for (const i of schema.safeParse(input).error?.issues ?? []) (out[i.path.join('.')] ??= []).push(i.message);
  return out;
}

describe('companyDetailsSchema', () => {
  it('parses and normalises a valid French company', () => {
    expect(companyDetailsSchema.parse(fr)).toEqual({
      ...fr, name: 'Acme SAS', extensionLength: 3, postalCode: '75008', region: undefined,
    });
  });

  it('normalises CA postal code and region case', () => {
    const out = companyDetailsSchema.parse({ ...ca, region: 'on' });
    expect(out).toMatchObject({ postalCode: 'M5V 3L9', region: 'ON' });
  });

  it.each([['3', 3], ['4', 4], [3, 3], [4, 4]] as const)('accepts extension length %j', (value, expected) => {
    expect(companyDetailsSchema.parse({ ...fr, extensionLength: value }).extensionLength).toBe(expected);
  });

  it.each(['5', 5, '34', 'abc'])('refuses extension length %j', (value) => {
    expect(errorsOf(companyDetailsSchema, { ...fr, extensionLength: value })).toEqual({
      extensionLength: ['errors.extensionLengthInvalid'],
    });
  });

  it('reports missing fields as errors.required, never zod prose', () => {
    const errors = errorsOf(companyDetailsSchema, {});
    for (const field of ['name', 'country', 'timeZone', 'locale', 'extensionLength', 'street', 'city', 'postalCode', 'addressCountry']) {
      expect(errors[field], field).toEqual(['errors.required']);
    }
    expect(errors.region).toBeUndefined();
    expect(errorsOf(companyDetailsSchema, { ...fr, name: '   ', country: '', extensionLength: '' })).toEqual({
      name: ['errors.required'], country: ['errors.required'], extensionLength: ['errors.required'],
    });
  });

  it('reports wrong types and unknown enum values with keys', () => {
    expect(errorsOf(companyDetailsSchema, { ...fr, name: 42, country: 'DE', locale: 'de' })).toEqual({
      name: ['errors.invalid'], country: ['errors.countryInvalid'], locale: ['errors.localeInvalid'],
    });
  });

  it('enforces lengths', () => {
    expect(errorsOf(companyDetailsSchema, { ...fr, name: 'x'.repeat(121), street: 'x'.repeat(201), city: 'x'.repeat(101), region: 'x'.repeat(101) })).toEqual({
      name: ['errors.tooLong'], street: ['errors.tooLong'], city: ['errors.tooLong'], region: ['errors.tooLong'],
    });
    expect(companyDetailsSchema.safeParse({ ...fr, name: 'x'.repeat(120), region: 'Île-de-France' }).success).toBe(true);
  });

  it('requires the time zone to belong to the country', () => {
    expect(errorsOf(companyDetailsSchema, { ...fr, timeZone: 'America/New_York' })).toEqual({ timeZone: ['errors.timeZoneInvalid'] });
    expect(errorsOf(companyDetailsSchema, { ...ca, timeZone: 'America/Chicago' })).toEqual({ timeZone: ['errors.timeZoneInvalid'] });
    expect(companyDetailsSchema.safeParse({ ...us, timeZone: 'Pacific/Honolulu' }).success).toBe(true);
  });

  it('validates the postal code against the company country', () => {
    expect(errorsOf(companyDetailsSchema, { ...fr, postalCode: '1000' })).toEqual({ postalCode: ['errors.postalCodeInvalid'] });
    expect(errorsOf(companyDetailsSchema, { ...us, postalCode: 'M5V 3L9' })).toEqual({ postalCode: ['errors.postalCodeInvalid'] });
    expect(companyDetailsSchema.parse({ ...fr, country: 'GB', addressCountry: 'GB', timeZone: 'Europe/London', postalCode: 'sw1a1aa' }).postalCode).toBe('SW1A 1AA');
  });

  it('refuses PO boxes', () => {
    expect(errorsOf(companyDetailsSchema, { ...fr, street: 'BP 123' })).toEqual({ street: ['errors.poBox'] });
    expect(errorsOf(companyDetailsSchema, { ...us, street: 'P.O. Box 42' })).toEqual({ street: ['errors.poBox'] });
  });

  it('requires a valid US state / CA province', () => {
    for (const base of [us, ca]) {
      expect(errorsOf(companyDetailsSchema, { ...base, region: '' })).toEqual({ region: ['errors.regionRequired'] });
      expect(errorsOf(companyDetailsSchema, { ...base, region: undefined })).toEqual({ region: ['errors.regionRequired'] });
      expect(errorsOf(companyDetailsSchema, { ...base, region: 'ZZ' })).toEqual({ region: ['errors.regionInvalid'] });
    }
    expect(errorsOf(companyDetailsSchema, { ...us, region: 'QC' })).toEqual({ region: ['errors.regionInvalid'] });
    expect(errorsOf(companyDetailsSchema, { ...ca, region: 'NY' })).toEqual({ region: ['errors.regionInvalid'] });
    expect(companyDetailsSchema.safeParse({ ...us, region: 'DC' }).success).toBe(true);
  });

  it('keeps region optional elsewhere', () => {
    for (const region of [undefined, null, '', '  ']) {
      expect(companyDetailsSchema.parse({ ...fr, region }).region).toBeUndefined();
    }
  });

  it('requires the emergency address to be in the company country', () => {
    expect(errorsOf(companyDetailsSchema, { ...fr, addressCountry: 'BE' })).toEqual({ addressCountry: ['errors.countryMismatch'] });
  });

  it('reports cross-field errors even when another field is missing', () => {
    expect(errorsOf(companyDetailsSchema, { ...fr, name: undefined, postalCode: '123', street: 'Postfach 12' })).toEqual({
      name: ['errors.required'], postalCode: ['errors.postalCodeInvalid'], street: ['errors.poBox'],
    });
  });
});

describe('signUpSchema', () => {
  const valid = {
    firstName: ' Marie ', lastName: 'Curie', email: '  Marie.Curie@Example.FR ', password: 'correct horse',
    companyName: 'Acme', country: 'FR',
  };

  it('trims, lowercases and defaults seats to 5', () => {
    expect(signUpSchema.parse(valid)).toEqual({
      ...valid, firstName: 'Marie', email: 'marie.curie@example.fr', officeSeats: 5,
    });
  });

  it('coerces seats from form strings', () => {
    expect(signUpSchema.parse({ ...valid, officeSeats: '7' }).officeSeats).toBe(7);
    expect(signUpSchema.parse({ ...valid, officeSeats: String(SEATS_AT_SIGN_UP_MAX) }).officeSeats).toBe(SEATS_AT_SIGN_UP_MAX);
  });

  it.each(['0', '2.5', 'abc', ''])('refuses seats %j', (officeSeats) => {
    expect(errorsOf(signUpSchema, { ...valid, officeSeats })).toEqual({ officeSeats: ['errors.seatsInvalid'] });
  });

  // Issue 12: a sign-up costs nothing, so it grants a few seats; the Licences card orders more.
  it.each(['11', '12', '1000', '1001'])('refuses %j seats at sign-up, saying where to get more', (officeSeats) => {
    expect(errorsOf(signUpSchema, { ...valid, officeSeats })).toEqual({ officeSeats: ['errors.signUpSeatsMax'] });
  });

  it('the Licences card still orders up to 1,000 seats at once', () => {
    expect(buySeatsSchema.shape.quantity.parse('1000')).toBe(1000);
    expect(buySeatsSchema.shape.quantity.safeParse('1001').success).toBe(false);
  });

  it('returns keyed errors', () => {
    expect(errorsOf(signUpSchema, { ...valid, email: 'nope', password: 'short', lastName: '', country: 'DE' })).toEqual({
      email: ['errors.emailInvalid'], password: ['errors.passwordTooShort'], lastName: ['errors.required'], country: ['errors.countryInvalid'],
    });
    expect(errorsOf(signUpSchema, { ...valid, email: `${'a'.repeat(250)}@x.fr`, password: '' })).toEqual({
      email: ['errors.emailInvalid'], password: ['errors.required'],
    });
    expect(errorsOf(signUpSchema, { ...valid, firstName: 'x'.repeat(81) })).toEqual({ firstName: ['errors.tooLong'] });
  });
});

describe('signInSchema', () => {
  it('requires email and password', () => {
    expect(errorsOf(signInSchema, {})).toEqual({ email: ['errors.required'], password: ['errors.required'] });
    expect(signInSchema.parse({ email: ' A@B.CO ', password: 'x' })).toEqual({ email: 'a@b.co', password: 'x' });
  });
});
