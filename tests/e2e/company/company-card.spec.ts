import { randomUUID } from 'node:crypto';
import { expect, test } from '../fixtures';

test('a new admin signs up, fills company details, verifies the card and signs out', async ({ page, axe }) => {
  const email = `owner-${randomUUID()}@example.com`;
  await page.goto('/sign-up');
  await axe();
  await page.getByLabel('First name').fill('Claire');
  await page.getByLabel('Last name').fill('Dupont');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByLabel('Company name').fill('Dupont & Fils');
  await page.getByLabel('Country').selectOption('FR');
  await page.getByRole('button', { name: 'Sign up' }).click();

  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Company setup' })).toBeVisible();
  const companyCard = page.locator('[data-card="company"]');
  await expect(companyCard.getByText('In progress')).toBeVisible();
  await axe();

  await companyCard.getByRole('link', { name: /Verify/ }).click();
  await expect(page).toHaveURL(/\/setup\/company$/);
  await expect(page.getByLabel('Company name')).toHaveValue('Dupont & Fils');
  await page.getByLabel('Street address').fill('12 rue de la Paix');
  await page.getByLabel('City').fill('Paris');
  await page.getByLabel('Postal code').fill('7500');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Invalid postal code for this country.')).toBeVisible();
  await expect(page.getByLabel('Postal code')).toHaveAttribute('aria-invalid', 'true');
  await axe();

  // Nothing was saved: a reload shows the address empty.
  await page.reload();
  await expect(page.getByLabel('Street address')).toHaveValue('');

  await page.getByLabel('Street address').fill('12 rue de la Paix');
  await page.getByLabel('City').fill('Paris');
  await page.getByLabel('Postal code').fill('75002');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).getByText('In progress')).toBeVisible();
  // Save and continue: saves, verifies and opens the next card in one action.
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(/\/setup\/team$/);
  await page.goto('/setup/company');

  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).getByText('Verified')).toBeVisible();
  await expect(page.getByText('12 rue de la Paix, 75002 Paris, FR', { exact: true })).toBeVisible();
  // The address is the first site's: the Sites table shows it too.
  await expect(page.getByRole('cell', { name: '12 rue de la Paix, 75002 Paris', exact: true })).toBeVisible();
  await axe();

  await page.goto('/setup');
  await expect(companyCard.getByText('Verified')).toBeVisible();
  await expect(companyCard.getByRole('link', { name: /Edit/ })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await axe();
});
