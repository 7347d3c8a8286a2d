import 'server-only';
import { cookies } from 'next/headers';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';

/** The interface language, kept a year in a cookie; open to everyone, signed in or not. */
export const setLocale = defineAction({
  role: 'public',
  schema: z.object({ locale: z.enum(LOCALES, { error: 'errors.invalid' }) }),
  async handler(input) {
    return input.locale;
  },
  async afterCommit(locale) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  },
});
