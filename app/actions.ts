'use server';

import { cookies } from 'next/headers';
import { signOut } from '@/lib/auth';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';

export async function setLocaleAction(formData: FormData) {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}

export async function signOutAction() {
  await signOut({ redirectTo: '/sign-in' });
}
