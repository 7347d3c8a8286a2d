import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

// One per E2E data dir, so parallel runs (each with its own E2E_PORT and E2E_DATA_DIR) keep their own sign-in.
export const ADMIN_STATE = `tests/.auth/${(process.env.E2E_DATA_DIR ?? '.data/e2e').replace(/[^\w-]+/g, '_')}-admin.json`;

/** WCAG 2.2 AA: every page a test visits is checked with axe. */
async function expectAccessible(page: Page) {
  // Colours are judged as the user ends up seeing them, not halfway through a fade or slide.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    // Toasts fade in and out on their own timers, so a scan can catch one half-transparent.
    // They use the popover colours that every dialog scan already checks.
    .exclude('[data-sonner-toaster]')
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, 'axe violations').toEqual([]);
}

export const test = base.extend<{ axe: () => Promise<void> }>({
  // Console errors a user's browser would log on any page fail the test: a message left out of the
  // page's scope of the catalogue (lib/i18n/client-messages.ts; next-intl names it and shows the raw
  // key), and anything the CSP refuses (zod's eval probe did, before lib/zod.ts).
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /MISSING_MESSAGE|Content Security Policy|unsafe-eval/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
    });
    await use(page);
    expect(errors, 'console errors: missing messages or CSP refusals').toEqual([]);
  },
  axe: async ({ page }, use) => {
    await use(() => expectAccessible(page));
  },
});

export { expect };
