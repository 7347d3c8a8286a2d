import '@/lib/zod-jitless';
import { z } from 'zod';
import { signUpSchema } from './schema';

/** The set-password form of an activation link: the same password rules as sign-up (the same zod piece). */
export const activationSchema = z.object({
  // A link's token is base64url: anything else (a control character, a cut link) is not a valid link.
  token: z
    .string({ error: 'errors.activationInvalid' })
    .trim()
    .regex(/^[\w-]{1,200}$/, { error: 'errors.activationInvalid' }),
  password: signUpSchema.shape.password,
});
export type ActivationInput = z.input<typeof activationSchema>;
