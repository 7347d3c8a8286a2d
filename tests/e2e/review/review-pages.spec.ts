import type { Page } from '@playwright/test';
import { ADMIN_STATE, expect, test } from '../fixtures';
import { FIXTURE } from '../fixture-accounts';
import { switchLanguage } from '../helpers';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(FIXTURE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a member sees their own line on /me and is refused Review, the outbox and every card', async ({ page, axe }) => {
  await signIn(page, FIXTURE.member.email);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My line' })).toBeVisible();
  const line = page.getByTestId('my-line');
  await expect(line).toContainText(`${FIXTURE.member.firstName} ${FIXTURE.member.lastName}`);
  await expect(line.locator('[data-field="licence"]')).toHaveText('Free');
  // Where they work: the company's first site, named in the company's language at sign-up.
  await expect(line.locator('[data-field="site"]')).toHaveText(/^(Siège|Head office)$/);
  await expect(line.locator('[data-field="ringGroups"]')).toHaveText('You are not in any ring group.');
  // Nothing about anyone else.
  await expect(page.getByText(FIXTURE.admin.lastName)).toHaveCount(0);
  await axe();
  await switchLanguage(page, 'Français');
  await expect(page.getByRole('heading', { level: 1, name: 'Ma ligne' })).toBeVisible();
  await axe();
  await switchLanguage(page, 'English');

  for (const path of ['/setup/review', '/setup/outbox', '/setup/numbers', '/setup/extensions', '/setup/licences']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Access denied (403)' })).toBeVisible();
    await expect(page.getByText(FIXTURE.company)).toHaveCount(0);
  }
});

test('an unknown activation link gets a clear page, in English and French', async ({ page, axe }) => {
  await page.goto('/activate/not-a-real-token-at-all');
  await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
  await expect(page.getByText('ask your administrator for a new link')).toBeVisible();
  await axe();
  await switchLanguage(page, 'Français');
  await expect(page.getByRole('heading', { level: 1, name: 'Ce lien n’est pas valide' })).toBeVisible();
  await axe();
  await switchLanguage(page, 'English');
});

test.describe('signed in as admin', () => {
  test.use({ storageState: ADMIN_STATE });

  test('Review lists what is missing with links, Finish is disabled; every card has its History', async ({ page, axe }) => {
    await page.goto('/setup/review');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Review and finish');
    const total = page.getByTestId('monthly-cost').locator('tr[data-line="total"]');
    await expect(total).toContainText('€');
    const blockers = page.locator('#review-blockers');
    await expect(blockers.locator('[data-missing="emergencyAddress"]')).toContainText('No emergency address is on file.');
    await expect(blockers.locator('[data-missing="cardNotVerified"]').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Finish setup' })).toBeDisabled();
    await axe();
    await blockers.locator('[data-missing="emergencyAddress"]').getByRole('link').click();
    await expect(page).toHaveURL(/\/setup\/company$/);

    // History: the company card's creation, in the user's language.
    await page.getByText(/Show the history/).click();
    await expect(page.locator('[data-history-entry]').first()).toBeVisible();
    await expect(page.locator('#history')).toContainText('Company created');
    await axe();
    await switchLanguage(page, 'Français');
    await page.getByText(/Afficher l’historique/).click();
    await expect(page.locator('#history')).toContainText('Entreprise créée');
    await axe();
    await page.goto('/setup/review');
    await axe();
    await page.goto('/setup/outbox');
    await expect(page.getByRole('heading', { level: 1, name: 'E-mails envoyés à votre équipe' })).toBeVisible();
    await axe();
    await switchLanguage(page, 'English');
    await axe();
  });
});
