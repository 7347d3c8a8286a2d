import type { Page } from '@playwright/test';
import { ADMIN_STATE, expect, test } from '../fixtures';
import { ADMIN_PAGES, LOCALES, SIGNED_OUT_PAGES, useLocale } from './pages';

const WIDTH = 375;

test.use({ viewport: { width: WIDTH, height: 740 } });

/** How wide the document is, and the elements that stick out past the viewport's right edge. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && e.getBoundingClientRect().width > 0)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()} ${(e.textContent ?? '').trim().slice(0, 30)}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

/** Each control in a table row is shown (not transparent), inside the viewport and not covered. */
async function hiddenRowControls(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('table tbody tr :is(button, a[href], select, input:not([type=hidden]))')].flatMap((el) => {
      // Scrolled to vertically only: a control reachable only by scrolling its table sideways fails.
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - innerHeight / 2);
      const box = el.getBoundingClientRect();
      let opacity = 1;
      for (let p: Element | null = el; p; p = p.parentElement) opacity *= Number(getComputedStyle(p).opacity);
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const reachable = box.left >= 0 && box.right <= innerWidth && !!hit && (hit === el || el.contains(hit));
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
      return opacity < 1 || !reachable ? [`${name} (opacity ${opacity}, x ${Math.round(box.left)}-${Math.round(box.right)})`] : [];
    }),
  );
}

async function checkPages(page: Page, paths: string[], locale: string) {
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    const { scrollWidth, culprits } = await overflow(page);
    if (scrollWidth > WIDTH) problems.push(`${path}: ${scrollWidth} px wide (${culprits.join('; ')})`);
    for (const control of await hiddenRowControls(page)) problems.push(`${path}: row control ${control}`);
  }
  return problems;
}

for (const locale of LOCALES) {
  test(`${locale}: no signed-out page scrolls sideways at ${WIDTH} px`, async ({ page }) => {
    await useLocale(page, locale);
    expect(await checkPages(page, SIGNED_OUT_PAGES, locale)).toEqual([]);
  });

  test.describe('signed in as admin', () => {
    test.use({ storageState: ADMIN_STATE });

    test(`${locale}: no setup page scrolls sideways at ${WIDTH} px, and every row's controls are visible`, async ({ page }) => {
      await useLocale(page, locale);
      expect(await checkPages(page, ADMIN_PAGES, locale)).toEqual([]);

      // Tables read as stacked rows: each value under its column's name, the row's controls beside it.
      await page.goto('/setup/team');
      const row = page.locator('tr[data-user="member@fixture.test"]');
      const heading = locale === 'fr' ? 'Poste' : 'Extension';
      const extension = row.locator('td').nth(2);
      await expect(extension).toHaveAttribute('data-label', heading);
      expect(await extension.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(`"${heading}"`);
      const box = (await row.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(WIDTH);
      const edit = row.getByRole('button', { name: /Marc Member/ }).first();
      await edit.scrollIntoViewIfNeeded();
      await expect(edit).toBeInViewport();
    });
  });
}
