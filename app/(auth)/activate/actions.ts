'use server';

import { formDataToObject, zodFieldErrors, type ActionState } from '@/lib/actions/run-action';
import { signIn } from '@/lib/auth';
import { activateAccount, activationSchema } from '@/lib/auth/activation';
import { hashPassword } from '@/lib/auth/password';
import { translator } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/request';

const refusal = { used: 'errors.activationUsed', expired: 'errors.activationExpired', unknown: 'errors.activationInvalid' } as const;

/** Sets the password from an activation link, then signs in: members land on /me, admins on /setup. */
export async function activateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = translator(await requestLocale());
  const parsed = activationSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error, t);
    if (fieldErrors.token) return { formError: fieldErrors.token };
    return { fieldErrors };
  }
  // Hashing is slow on purpose: done before the transaction, which only consumes and stores.
  const passwordHash = await hashPassword(parsed.data.password);
  const result = await activateAccount(parsed.data.token, passwordHash);
  if (!result.ok) return { formError: t(refusal[result.reason]) };
  await signIn('credentials', {
    email: result.email,
    password: parsed.data.password,
    redirectTo: result.role === 'admin' ? '/setup' : '/me',
  });
  return { ok: true };
}
