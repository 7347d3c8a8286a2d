import type { Page } from '@playwright/test';
import { ADMIN_STATE, expect, test } from '../fixtures';
import { ADMIN_PAGES, SIGNED_OUT_PAGES } from '../a11y/pages';

// Issue 15, best practices: no page logs a console error (a refused CSP probe such as zod's
// `new Function("")`, a missing /favicon.ico, a failed chunk, a hydration mismatch).
async function collectErrors(page: Page) {
  const errors: string[] = [];
  // A CSP violation is an event in the page, fired even when the code catches the throw.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.violatedDirective}: ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  // The app's own files only (the browser asks for /favicon.ico by itself).
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).hostname === 'localhost') errors.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return errors;
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

test.describe('signed in as admin', () => {
  test.use({ storageState: ADMIN_STATE });

  test('no card page logs a console error', async ({ page }) => {
    const errors = await collectErrors(page);
    for (const path of ADMIN_PAGES) await visit(page, path);
    expect(errors).toEqual([]);
  });
});

test('no signed-out page logs a console error, and /favicon.ico is there', async ({ page, request }) => {
  const errors = await collectErrors(page);
  // The not-a-real-token activation page answers 404 on purpose: its document status is not an error here.
  for (const path of SIGNED_OUT_PAGES.filter((p) => !p.startsWith('/activate'))) await visit(page, path);
  expect(errors).toEqual([]);
  expect((await request.get('/favicon.ico')).status()).toBe(200);
});
