import { ADMIN_STATE, expect, test } from '../fixtures';
import { FIXTURE } from '../fixture-accounts';

test('a member who is not an admin gets a 403 page on /setup, never the data', async ({ page, axe }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(FIXTURE.member.email);
  await page.getByLabel('Password').fill(FIXTURE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/me$/);

  for (const path of ['/setup', '/setup/company', '/setup/team']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Access denied (403)' })).toBeVisible();
    await expect(page.getByText(FIXTURE.company)).toHaveCount(0);
  }
  await axe();
});

test('a wrong password and an unknown e-mail get the same message', async ({ page, axe }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(FIXTURE.admin.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('E-mail or password is incorrect.')).toBeVisible();
  await axe();
  await page.getByLabel('E-mail').fill('nobody@fixture.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('E-mail or password is incorrect.')).toBeVisible();
});

test.describe('signed in as admin', () => {
  test.use({ storageState: ADMIN_STATE });

  test('the language switch shows French labels', async ({ page, axe }) => {
    await page.goto('/setup');
    await expect(page.getByRole('heading', { level: 1, name: 'Company setup' })).toBeVisible();
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Configuration de l’entreprise' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    await axe();
    await page.goto('/setup/company');
    await expect(page.getByLabel('Code postal')).toBeVisible();
    await axe();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Company setup' })).toHaveCount(0);
    await expect(page.getByLabel('Postal code')).toBeVisible();
  });

  test('every setup card page exists, is gated and has Back / Next', async ({ page, axe }) => {
    await page.goto('/setup/team');
    await expect(page.getByRole('heading', { level: 1, name: /Team members/ })).toBeVisible();
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\/setup\/licences$/);
    await page.getByRole('link', { name: 'Back' }).click();
    await expect(page).toHaveURL(/\/setup\/team$/);
    await axe();
  });
});

test('every response carries the security headers, with no eval in production', async ({ request }) => {
  for (const path of ['/sign-in', '/setup', '/api/auth/session']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
  }
});
