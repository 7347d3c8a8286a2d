'use server';

import { AuthError } from 'next-auth';
import { formDataToObject, zodFieldErrors, type ActionState } from '@/lib/actions/run-action';
import { constraintError } from '@/lib/actions/errors';
import { signIn } from '@/lib/auth';
import { signInSchema, signUpSchema } from '@/lib/auth/schema';
import { createCompanyWithAdmin } from '@/lib/auth/sign-up';
import { translator } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/request';

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeCallback(value: FormDataEntryValue | null) {
  if (typeof value !== 'string') return '/';
  try {
    // The proxy sends an absolute URL; keep only its path so it always stays on this site.
    const url = new URL(value, 'http://localhost');
    return url.pathname.startsWith('//') ? '/' : `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = translator(await requestLocale());
  const parsed = signInSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: zodFieldErrors(parsed.error, t) };
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeCallback(formData.get('callbackUrl')) });
  } catch (error) {
    // Unknown e-mail and wrong password read the same: no account enumeration.
    if (error instanceof AuthError) return { formError: t('errors.invalidCredentials') };
    throw error;
  }
  return { ok: true };
}

export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = translator(await requestLocale());
  const parsed = signUpSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: zodFieldErrors(parsed.error, t) };
  try {
    await createCompanyWithAdmin(parsed.data);
  } catch (error) {
    const refusal = constraintError(error);
    if (refusal?.options.field) return { fieldErrors: { [refusal.options.field]: t(refusal.key) } };
    console.error('sign-up failed', error);
    return { formError: t('errors.unexpected') };
  }
  await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: '/setup' });
  return { ok: true };
}
