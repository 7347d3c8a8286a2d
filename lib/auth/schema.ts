import { z } from 'zod';
import { countryField, emailField, keyedError, personNameField, requiredText, seatCountField } from '@/lib/forms/fields';

// Error messages are i18n keys ("errors.*"), see messages/errors.*.json.

// Passwords are never trimmed: leading/trailing spaces are legitimate characters.
const requiredPassword = () => z.string(keyedError()).min(1, { error: 'errors.required', abort: true });

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
  officeSeats: seatCountField().default(5),
});

export const signInSchema = z.object({ email: emailField, password: requiredPassword() });

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUp = z.output<typeof signUpSchema>;
export type SignInInput = z.input<typeof signInSchema>;
export type SignIn = z.output<typeof signInSchema>;
