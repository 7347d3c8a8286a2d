import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signUpNewCompany, tabTo } from '../helpers';

/** 40 Free users through the Team card's import (the app's own code), so Licences has two pages. */
async function importFreeUsers(page: Page, count: number) {
  const stamp = Date.now();
  const rows = Array.from({ length: count }, (_, i) => `Prénom${i};Nom${String(i).padStart(2, '0')};p${i}-${stamp}@example.com;Gratuite;`);
  await page.goto('/setup/team/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file' }).click();
  await (await chooser).setFiles({
    name: 'team.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['Prénom;Nom;E-mail;Type de licence;Poste', ...rows].join('\r\n'), 'utf8'),
  });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: `Import ${count} users` }).click();
  await expect(page.getByTestId('import-status')).toContainText(String(count));
}

test('Licences: search, filter and page through the holders with the keyboard only', async ({ page, axe }) => {
  await signUpNewCompany(page);
  await importFreeUsers(page, 40);

  await page.goto('/setup/licences');
  const holders = page.getByRole('region', { name: 'Who holds which licence' });
  const pager = holders.getByRole('navigation', { name: 'Pages' });
  await expect(holders.getByTestId('holders-count')).toHaveText('41 users');
  // 25 a page, Office first: the admin, then the Free users by name.
  await expect(holders.locator('tbody tr')).toHaveCount(25);
  await expect(pager.getByRole('link', { name: 'Page 1 of 2' })).toHaveAttribute('aria-current', 'page');
  // The seats are the company's, not the page's: 40 Free users, some of them on page 2.
  await expect(page.locator('[data-licence="free"]')).toContainText('40');
  await axe();

  // Tab to "Next page", Enter: page 2 with the 16 others, marked current.
  await page.getByLabel('Search by name, e-mail or extension').focus();
  await tabTo(page, 'Next page');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(holders.locator('tbody tr')).toHaveCount(16);
  await expect(pager.getByRole('link', { name: 'Page 2 of 2' })).toHaveAttribute('aria-current', 'page');
  await axe();

  // Back to page 1 by its number.
  await page.getByLabel('Search by name, e-mail or extension').focus();
  await tabTo(page, 'Page 1 of 2');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]page=1/);
  await expect(holders.locator('tbody tr')).toHaveCount(25);

  // Search by typing and Enter: the URL keeps it, the server filters it, a new search is page 1.
  await page.getByLabel('Search by name, e-mail or extension').focus();
  await page.keyboard.type('nom0');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=nom0/);
  await expect(holders.getByTestId('holders-count')).toHaveText('10 users');
  await expect(holders.locator('tbody tr')).toHaveCount(10);
  await expect(pager).toHaveCount(0);
  await expect(page.getByLabel('Search by name, e-mail or extension')).toHaveValue('nom0');

  // The Office filter, chosen with the keyboard, with the search kept: nobody matches.
  await page.getByLabel('Licence', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByLabel('Licence', { exact: true }).selectOption('office');
  await page.getByRole('button', { name: 'Search', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/licence=office/);
  await expect(holders.getByText('Nothing matches “nom0”.')).toBeVisible();
  await axe();

  // Clearing the search shows the Office holder: the admin.
  await page.getByLabel('Search by name, e-mail or extension').fill('');
  await page.getByLabel('Search by name, e-mail or extension').press('Enter');
  await expect(holders.locator('tbody tr')).toHaveCount(1);
  await expect(holders.locator('tbody tr')).toContainText('Claire Dupont');
});
