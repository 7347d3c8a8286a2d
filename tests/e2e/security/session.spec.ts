import { expect, test } from '@playwright/test';
import { WRONG_PASSWORDS } from '../fixture-accounts';
import { PASSWORD, signUpNewCompany } from '../helpers';

const SESSION_COOKIE = /authjs\.session-token$/;

test.describe('sessions end and headers hold', () => {
  test('a copied session cookie dies with sign-out: pages send it to sign-in', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpNewCompany(page);
    const copied = (await context.cookies()).filter((c) => SESSION_COOKIE.test(c.name));
    expect(copied).toHaveLength(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    // The attacker's browser replays the cookie copied before the sign-out.
    const replay = await browser.newContext();
    await replay.addCookies(copied);
    const attacker = await replay.newPage();
    await attacker.goto('/setup/team');
    await expect(attacker).toHaveURL(/\/sign-in\?callbackUrl=%2Fsetup%2Fteam/);
    await expect(attacker.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await replay.close();
    await context.close();
  });

  test('pages carry a nonce CSP without unsafe-inline and render with no CSP error', async ({ page }) => {
    const cspErrors: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) cspErrors.push(msg.text());
    });
    const response = await page.goto('/sign-in');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const again = await page.request.get('/sign-in');
    expect(again.headers()['content-security-policy']).not.toBe(csp);

    // Hydrated: the client-side form validates without a round trip.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('This field is required.').first()).toBeVisible();
    await signUpNewCompany(page);
    await page.goto('/setup/team');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(cspErrors).toEqual([]);
  });

  test('a javascript: callbackUrl is ignored and sign-in still lands on /setup', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { email } = await signUpNewCompany(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    await page.goto('/sign-in?callbackUrl=javascript:alert(1)');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/setup$/);
    await context.close();
  });

  test('five wrong passwords lock the account with a message; the right one is refused meanwhile', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { email } = await signUpNewCompany(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const attempt = async (password: string) => {
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    for (const wrong of WRONG_PASSWORDS.slice(0, -1)) {
      await attempt(wrong);
      await expect(page.getByText('E-mail or password is incorrect.')).toBeVisible();
    }
    await attempt(WRONG_PASSWORDS.at(-1)!);
    await expect(page.getByText(/Too many attempts\. Try again in 1 minute\./)).toBeVisible();
    await attempt(PASSWORD);
    await expect(page.getByText(/Too many attempts/)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });
});
