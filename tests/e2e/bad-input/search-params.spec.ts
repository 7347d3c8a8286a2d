import type { APIRequestContext } from '@playwright/test';
import en from '../../../messages/en.json' with { type: 'json' };
import fr from '../../../messages/fr.json' with { type: 'json' };
import { BAD_VALUES } from '../../helpers/bad-input';
import { baseURL } from '../../../playwright.config';
import { expect, test, ADMIN_STATE } from '../fixtures';

// Every page that reads its URL, hit with every bad value of every parameter it reads: never a
// 5xx, always the page itself (200, with its own text), in the language asked for.

const LOCALES = ['fr', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const SIGN_OUT = { fr: fr.app.signOut, en: en.app.signOut };

const ADMIN_PAGES: { path: string; params: string[] }[] = [
  { path: '/setup/team', params: ['q', 'page'] },
  { path: '/setup/outbox', params: ['page'] },
  { path: '/setup/numbers', params: ['q', 'mapping', 'page'] },
  { path: '/setup/extensions', params: ['type', 'q', 'page'] },
  { path: '/setup/licences', params: ['q', 'licence', 'page'] },
  { path: '/setup/numbers/buy', params: ['country', 'type', 'area', 'digits', 'page'] },
];
// Pages without parameters of their own still get some.
const OTHER_PAGES = ['/setup', '/setup/company', '/setup/review', '/setup/team/import'];
// Encodings URLSearchParams would never produce: malformed percent escapes, a raw NUL escape.
const RAW_QUERIES = ['%E0%A4%A', '%', '%ZZ', '%00', '%C0%80', '%ED%A0%80', '1e20', '-1', '0', 'abc'];

function urlsFor(path: string, params: string[]): string[] {
  const urls: string[] = [];
  for (const name of params) {
    for (const value of BAD_VALUES) {
      const query = new URLSearchParams();
      for (const v of Array.isArray(value) ? value : [value]) query.append(name, v);
      urls.push(`${path}?${query}`);
    }
    for (const raw of RAW_QUERIES) urls.push(`${path}?${name}=${raw}`);
    urls.push(`${path}?${name}=a&${name}=b&${name}=`);
  }
  return urls;
}

type Playwright = { request: { newContext: (o: object) => Promise<APIRequestContext> } };

/** Redirects are followed only where a page sends one on purpose (a malformed link, see proxy.ts). */
async function context(playwright: Playwright, locale: Locale, signedIn: boolean, followRedirects = false) {
  return playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'accept-language': locale === 'fr' ? 'fr-FR,fr;q=0.9' : 'en-US,en;q=0.9' },
    ...(signedIn ? { storageState: ADMIN_STATE } : {}),
    maxRedirects: followRedirects ? 2 : 0,
  });
}

/** Hits the URLs a few at a time, alternating languages; returns what went wrong. */
async function check(requests: Record<Locale, APIRequestContext>, urls: string[], expectText?: Record<Locale, string>) {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      const url = urls[i]!;
      const locale = LOCALES[i % 2]!;
      const response = await requests[locale].get(url);
      const body = await response.text();
      const problems = [
        response.status() >= 500 && `status ${response.status()}`,
        response.status() !== 200 && `status ${response.status()} (the page itself expected)`,
        !body.includes(`<html lang="${locale}"`) && `not in ${locale}`,
        expectText && !body.includes(expectText[locale]) && `no “${expectText[locale]}”`,
      ].filter(Boolean);
      if (problems.length) failures.push(`${url} [${locale}]: ${problems.join(', ')}`);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return failures;
}

test.describe('bad search params never give a 500', () => {
  test.describe.configure({ timeout: 240_000 });

  test('admin pages, every parameter they read, in French and English', async ({ playwright }) => {
    const requests = { fr: await context(playwright, 'fr', true), en: await context(playwright, 'en', true) };
    const urls = [
      ...ADMIN_PAGES.flatMap((p) => urlsFor(p.path, p.params)),
      ...OTHER_PAGES.flatMap((path) => RAW_QUERIES.map((raw) => `${path}?page=${raw}&q=${raw}`)),
    ];
    for (const page of ADMIN_PAGES) expect(urls.filter((u) => u.startsWith(`${page.path}?`)).length).toBeGreaterThanOrEqual(30);
    expect(await check(requests, urls, SIGN_OUT)).toEqual([]);
  });

  test('sign-in with a bad callbackUrl, signed out', async ({ playwright }) => {
    const requests = { fr: await context(playwright, 'fr', false), en: await context(playwright, 'en', false) };
    expect(await check(requests, urlsFor('/sign-in', ['callbackUrl']), { fr: fr.auth.signInTitle, en: en.auth.signInTitle })).toEqual([]);
  });

  test('a malformed or made-up activation link gets the invalid-link page', async ({ playwright }) => {
    const requests = { fr: await context(playwright, 'fr', false, true), en: await context(playwright, 'en', false, true) };
    const segments = ['%E0%A4%A', '%', '%ZZ', '%00', '%C0%80', 'abc', 'x'.repeat(300), '%2F..%2F', encodeURIComponent('é😀'), '..%00', '%25', '-_-'];
    const urls = segments.map((s) => `/activate/${s}`);
    expect(await check(requests, urls, { fr: fr.activate.unknownTitle, en: en.activate.unknownTitle })).toEqual([]);
  });
});

test.describe('the error pages speak the user’s language', () => {
  test('an unknown address is a 404 page in French or English', async ({ playwright }) => {
    for (const locale of LOCALES) {
      const request = await context(playwright, locale, false, true);
      for (const path of ['/no-such-page', '/setup-x', '/%E0%A4%A', '/sign-in/%']) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(404);
        const body = await response.text();
        expect(body).toContain(`<html lang="${locale}"`);
        expect(body).toContain({ fr, en }[locale].errorPage.notFoundTitle);
      }
    }
  });

  test('the 404 page is accessible', async ({ page, axe }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: en.errorPage.notFoundTitle })).toBeVisible();
    await axe();
  });
});
