import type { Page } from '@playwright/test';

/** Every page a signed-in admin can open (the signed-out ones are in SIGNED_OUT_PAGES). */
export const ADMIN_PAGES = [
  '/setup',
  '/setup/company',
  '/setup/team',
  '/setup/team/import',
  '/setup/licences',
  '/setup/extensions',
  '/setup/numbers',
  '/setup/numbers/buy',
  '/setup/calls',
  '/setup/review',
  '/setup/outbox',
  '/me',
];

export const SIGNED_OUT_PAGES = ['/sign-in', '/sign-up', '/activate/not-a-real-token'];

export const LOCALES = ['fr', 'en'] as const;

/** The language the app keeps after a click on its switcher (the same cookie), without the extra page load. */
export async function useLocale(page: Page, locale: (typeof LOCALES)[number]) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, domain: 'localhost', path: '/' }]);
}
