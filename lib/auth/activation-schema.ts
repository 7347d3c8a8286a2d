import { z } from 'zod';
import { signUpSchema } from './schema';

/** The set-password form of an activation link: the same password rules as sign-up (the same zod piece). */
export const activationSchema = z.object({
  token: z.string().trim().min(1, { error: 'errors.activationInvalid' }).max(200, { error: 'errors.activationInvalid' }),
  password: signUpSchema.shape.password,
});
export type ActivationInput = z.input<typeof activationSchema>;
