import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signUpNewCompany } from '../helpers';
import { pick } from '../combobox';

const row = (page: Page, national: string) => page.locator(`tr[data-number="${national}"]`);

/** Issue 10 item 3 on the Phone numbers tab: Unassign and Release say what they change and cost first. */
test('unassigning or releasing a number says what it rang, that it is the main number and what the bill does', async ({ page, axe }) => {
  await signUpNewCompany(page);
  await page.goto('/setup/numbers');
  const own = (await page.locator('tr[data-number]').first().getAttribute('data-number'))!;

  // A second number, mapped to Claire too: an extra.
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
  await pick(row(page, fresh).getByLabel(`Extension that ${fresh} rings`), 'Claire', '101 · Claire Dupont');
  await row(page, fresh).getByRole('button', { name: `Apply ${fresh}` }).click();
  await expect(page.getByText(`${fresh} now rings 101 · Claire Dupont.`)).toBeVisible();
  await expect(row(page, own)).toContainText('Included with Claire Dupont');
  await expect(row(page, fresh)).toContainText('Extra, €9.95 / month');

  // Unassigning her included main number: said first, and Cancel changes nothing.
  const select = row(page, own).getByLabel(`Extension that ${own} rings`);
  await pick(select, '', 'Unassigned');
  await row(page, own).getByRole('button', { name: `Apply ${own}` }).click();
  const alert = page.getByRole('alertdialog');
  await expect(alert.getByRole('heading')).toHaveText(`Unassign ${own}`);
  await expect(alert).toContainText('It rings 101 · Claire Dupont.');
  await expect(alert).toContainText('It is your main number');
  await expect(alert).toContainText('This number’s monthly cost: Included with Claire Dupont → Extra, €9.95 / month.');
  await expect(alert).toContainText('Your monthly bill does not change.');
  await axe();
  await alert.getByRole('button', { name: 'Cancel' }).click();
  await expect(alert).toBeHidden();
  await expect(select).toHaveText('101 · Claire Dupont');
  await page.reload();
  await expect(select).toHaveText('101 · Claire Dupont');

  // Confirmed, it is done, and the tab's price follows.
  await pick(select, '', 'Unassigned');
  await row(page, own).getByRole('button', { name: `Apply ${own}` }).click();
  await alert.getByRole('button', { name: 'Unassign', exact: true }).click();
  await expect(alert).toBeHidden();
  await expect(select).toHaveText('Unassigned');
  await expect(row(page, own)).toContainText('Extra, €9.95 / month');
  await expect(row(page, fresh)).toContainText('Included with Claire Dupont');

  // Releasing the included one: the other takes its place, the bill goes down by one number.
  await row(page, fresh).getByRole('button', { name: `Release ${fresh}` }).click();
  await expect(alert).toContainText(`${fresh} goes back to the inventory`);
  await expect(alert).toContainText('It rings 101 · Claire Dupont.');
  await expect(alert).toContainText('Your monthly bill goes down by €9.95.');
  await axe();
  await alert.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(row(page, fresh)).toHaveCount(0);
  await expect(row(page, own)).toContainText('Included with Claire Dupont');
});
