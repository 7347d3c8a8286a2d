import '@/lib/zod-jitless';
import { z } from 'zod';
import { countryField, emailField, personNameField, requiredText, untrimmedTextField } from '@/lib/forms/fields';
import { signUpSeatsField } from '@/lib/licences/schema';
import { textParam } from '@/lib/format/pages';

// Error messages are i18n keys ("errors.*"), see messages/errors.*.json.

// Passwords are never trimmed: leading/trailing spaces are legitimate characters.
const requiredPassword = () => untrimmedTextField().min(1, { error: 'errors.required', abort: true });

export const signUpSchema = z.object({
  firstName: personNameField(),
  lastName: personNameField(),
  email: emailField,
  password: requiredPassword()
    .min(10, { error: 'errors.passwordTooShort' })
    // Upper bound keeps argon2 hashing cost bounded.
    .max(200, { error: 'errors.tooLong' }),
  companyName: requiredText(120),
  country: countryField(),
  officeSeats: signUpSeatsField().default(5),
});

export const signInSchema = z.object({ email: emailField, password: requiredPassword() });

/** The sign-in page's `?callbackUrl=` (the proxy sets it); safeCallback keeps it on this site. */
export const signInPageSchema = z.object({ callbackUrl: textParam(2_000) });

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUp = z.output<typeof signUpSchema>;
export type SignInInput = z.input<typeof signInSchema>;
export type SignIn = z.output<typeof signInSchema>;
