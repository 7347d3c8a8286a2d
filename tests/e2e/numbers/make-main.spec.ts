import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signUpNewCompany } from '../helpers';
import { pick } from '../combobox';

const row = (page: Page, national: string) => page.locator(`tr[data-number="${national}"]`);

/** Issue 10 item 7: after "Make main" the row's select still shows what the number rings, without a reload. */
test('a number mapped to a ring group keeps showing it after Make main, and Apply keeps it mapped', async ({ page }) => {
  await signUpNewCompany(page);

  await page.goto('/setup/extensions');
  await page.getByRole('button', { name: 'Add ring group' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Sales');
  await pick(dialog.getByRole('combobox', { name: 'Who rings: add each member' }), 'Claire', 'Claire Dupont (101)', { stayOpen: true });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Buy one new number.
  await page.goto('/setup/numbers/buy');
  await page.getByLabel('Area code or region').fill('01');
  await page.getByRole('button', { name: 'Search' }).click();
  const offers = page.locator('tr[data-offer]');
  await expect(offers.first()).toBeVisible();
  const fresh = (await offers.first().getAttribute('data-offer'))!;
  await page.getByRole('button', { name: `Select ${fresh}` }).click();
  const selection = page.locator('[data-selection]');
  await selection.getByRole('button', { name: /^Buy 1 number/ }).click();
  await expect(selection.getByRole('status')).toContainText('Order placed');
  await page.goto('/setup/numbers');
  await expect(row(page, fresh)).toBeVisible();

  // Map it to the ring group, then make it the main number: no reload in between.
  const select = row(page, fresh).getByLabel(`Extension that ${fresh} rings`);
  await pick(select, 'Sales', '500 · Sales');
  await row(page, fresh).getByRole('button', { name: `Apply ${fresh}` }).click();
  await expect(page.getByText(`${fresh} now rings 500 · Sales.`)).toBeVisible();
  await row(page, fresh).getByRole('button', { name: `Make main ${fresh}` }).click();
  await expect(row(page, fresh)).toContainText('Main number');
  await expect(page.locator('tbody tr').first()).toHaveAttribute('data-number', fresh);
  await expect(row(page, fresh).getByRole('combobox')).toHaveText('500 · Sales');

  // Apply now keeps the mapping (it used to unassign the main number).
  await row(page, fresh).getByRole('button', { name: `Apply ${fresh}` }).click();
  await expect(page.getByText(`${fresh} now rings 500 · Sales.`).last()).toBeVisible();
  await page.reload();
  await expect(row(page, fresh).getByRole('combobox')).toHaveText('500 · Sales');
});
