import { z } from 'zod';
import { COUNTRIES } from '@/lib/company/countries';
import { keyedError, requiredText } from '@/lib/company/schema';

// Error messages are i18n keys ("errors.*"), see messages/errors.*.json.

export const emailField = z
  .string(keyedError())
  .trim()
  .toLowerCase()
  .min(1, { error: 'errors.required' })
  // RFC 5321 caps a forward path at 254 characters.
  .max(254, { error: 'errors.emailInvalid' })
  .pipe(z.email({ error: 'errors.emailInvalid' }));

// Passwords are never trimmed: leading/trailing spaces are legitimate characters.
const requiredPassword = () => z.string(keyedError()).min(1, { error: 'errors.required', abort: true });

export const signUpSchema = z.object({
  firstName: requiredText(80),
  lastName: requiredText(80),
  email: emailField,
  password: requiredPassword()
    .min(10, { error: 'errors.passwordTooShort' })
    // Upper bound keeps argon2 hashing cost bounded.
    .max(200, { error: 'errors.tooLong' }),
  companyName: requiredText(120),
  country: z.enum(COUNTRIES, keyedError('errors.countryInvalid')),
  officeSeats: z.coerce
    .number<string | number>({ error: 'errors.seatsInvalid' })
    .int({ error: 'errors.seatsInvalid' })
    .min(1, { error: 'errors.seatsInvalid' })
    .max(1000, { error: 'errors.seatsInvalid' })
    .default(5),
});

export const signInSchema = z.object({ email: emailField, password: requiredPassword() });

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUp = z.output<typeof signUpSchema>;
export type SignInInput = z.input<typeof signInSchema>;
export type SignIn = z.output<typeof signInSchema>;
