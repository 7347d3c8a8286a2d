import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signUpNewCompany, switchLanguage } from '../helpers';
import { pick } from '../combobox';

/** A ring group through the Extensions card, ringing the admin (extension 101). */
async function addRingGroup(page: Page, name: string) {
  await page.goto('/setup/extensions');
  await page.getByRole('button', { name: 'Add ring group' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Extension', exact: true })).toHaveValue('500');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await pick(dialog.getByRole('combobox', { name: 'Who rings: add each member' }), 'Claire', 'Claire Dupont (101)', { stayOpen: true });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('tr[data-extension="500"]')).toContainText(name);
}

const row = (page: Page, national: string) => page.locator(`tr[data-number="${national}"]`);

test('search by area code, hold two numbers, buy them once, remap one to a ring group, set the main number', async ({
  page,
  axe,
}) => {
  await signUpNewCompany(page);
  await addRingGroup(page, 'Sales');

  // The admin got a direct number at sign-up, which is the main number.
  await page.goto('/setup/numbers');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Phone numbers');
  await expect(page.getByText('Your numbers are not live yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add the emergency address' })).toHaveAttribute('href', '/setup/company');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  const direct = (await page.locator('tbody tr').getAttribute('data-number'))!;
  await expect(row(page, direct)).toContainText('Main number');
  await expect(row(page, direct).getByRole('combobox')).toHaveText('101 · Claire Dupont');
  await axe();

  // Search by area code.
  await page.getByRole('link', { name: 'Buy numbers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buy numbers');
  await page.getByLabel('Area code or region').fill('01');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/area=01/);
  const offers = page.locator('tr[data-offer]');
  await expect(offers.first()).toBeVisible();
  const found = await offers.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-offer')!));
  expect(found.length).toBeGreaterThan(2);
  for (const n of found) expect(n).toMatch(/^01 \d\d \d\d \d\d \d\d$/);
  await expect(offers.first()).toContainText('Île-de-France');
  await expect(offers.first()).toContainText('€9.95 / month');
  await axe();

  // Hold two: each is held for this company, with one countdown.
  const [first, second] = found;
  await page.getByRole('button', { name: `Select ${first}` }).click();
  await expect(page.locator(`tr[data-offer="${first}"]`)).toContainText('Held for you');
  await page.getByRole('button', { name: `Select ${second}` }).click();
  const selection = page.locator('[data-selection]');
  await expect(selection.locator('[data-held-number]')).toHaveCount(2);
  await expect(selection.getByRole('timer')).toHaveText(/^1[45]:\d\d$/);
  await expect(selection).toContainText('€19.90 / month');
  await expect(selection.getByRole('button', { name: 'Buy 2 numbers' })).toBeVisible();
  await axe();

  // Buy, submitted twice with the same key (a double click that got through): one order.
  let buyRequests = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action'] && r.postData()?.includes('idempotencyKey')) buyRequests++;
  });
  await selection.locator('form[data-buy-form]').evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(selection.getByRole('status')).toContainText('Order placed: 2 numbers, €19.90 per month.');
  await expect(selection.locator('[data-held-number]')).toHaveCount(0);
  await expect.poll(() => buyRequests).toBe(2);
  await axe();

  await selection.getByRole('link', { name: 'See them in Phone numbers' }).click();
  await expect(page).toHaveURL(/\/setup\/numbers$/);
  await expect(page.locator('tbody tr')).toHaveCount(3);
  for (const n of [first, second]) await expect(row(page, n)).toBeVisible();
  // One purchase in the history, not two.
  await page.getByText(/^Show the history/).click();
  await expect(page.locator('[data-history-entry]').filter({ hasText: 'Numbers bought' })).toHaveCount(1);

  // Remap the first to the ring group.
  await pick(row(page, first).getByLabel(`Extension that ${first} rings`), '500', '500 · Sales');
  await row(page, first).getByRole('button', { name: `Apply ${first}` }).click();
  await expect(page.getByText(`${first} now rings 500 · Sales.`)).toBeVisible();
  await page.reload();
  await expect(row(page, first).getByRole('combobox')).toHaveText('500 · Sales');

  // The main number moves to the second one; the main one cannot be released.
  await row(page, second).getByRole('button', { name: `Make main ${second}` }).click();
  await expect(row(page, second)).toContainText('Main number');
  await expect(row(page, direct)).not.toContainText('Main number');
  await expect(row(page, second).getByRole('button', { name: `Release ${second}` })).toHaveCount(0);

  // Release the direct number back to the inventory, after confirming.
  await row(page, direct).getByRole('button', { name: `Release ${direct}` }).click();
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText('goes back to the inventory');
  await axe();
  await alert.getByRole('button', { name: 'Release' }).click();
  await expect(row(page, direct)).toHaveCount(0);
  await expect(page.locator('tbody tr')).toHaveCount(2);

  // Done verifies the card and opens the next one, Call handling.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/\/setup\/calls$/);
  await page.goto('/setup/numbers');
  await expect(page.getByRole('heading', { level: 1 }).getByText('Verified')).toBeVisible();
  await axe();

  // French.
  await switchLanguage(page, 'Français');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Numéros de téléphone');
  await expect(row(page, second)).toContainText('Numéro principal');
  await axe();
  await page.getByRole('link', { name: 'Acheter des numéros' }).click();
  await page.getByLabel('Indicatif ou région').fill('Lyon');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('tr[data-offer]').first()).toContainText('Sud-Est');
  await expect(page.locator('tr[data-offer]').first()).toContainText('9,95');
  await page.locator('tr[data-offer]').first().getByRole('button', { name: /^Sélectionner/ }).click();
  await expect(page.locator('[data-selection]').getByRole('timer')).toBeVisible();
  await axe();
});

test('an unknown area and too few digits are refused on the form', async ({ page, axe }) => {
  await signUpNewCompany(page, { country: 'US' });
  await page.goto('/setup/numbers/buy');
  await expect(page.getByLabel('Country')).toHaveValue('US');
  await page.getByLabel('Area code or region').fill('Atlantis');
  await page.getByLabel('Digits the number contains').fill('7');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No area code or region matches “Atlantis” for this country and type.')).toBeVisible();
  await expect(page.getByText('Enter 2 to 10 digits.')).toBeVisible();
  await axe();
  await page.getByLabel('Area code or region').fill('New York');
  await page.getByLabel('Digits the number contains').fill('');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('tr[data-offer]').first()).toContainText('New York, NY');
  await expect(page.locator('tr[data-offer]').first()).toContainText('$9.95 / month');
});
