import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { SIGN_UP_PASSWORD } from './fixture-accounts';

export const PASSWORD = SIGN_UP_PASSWORD;

/** Signs a brand-new company up through the form; the page ends signed in on /setup. */
export async function signUpNewCompany(page: Page, opts: { company?: string; country?: string; seats?: number } = {}) {
  const email = `owner-${randomUUID()}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('First name').fill('Claire');
  await page.getByLabel('Last name').fill('Dupont');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Company name').fill(opts.company ?? `Company ${randomUUID().slice(0, 8)}`);
  await page.getByLabel('Country').selectOption(opts.country ?? 'FR');
  if (opts.seats) await page.getByLabel('Office licences to start with').fill(String(opts.seats));
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/setup$/);
  return { email };
}

/** Presses Tab until the element with this accessible name has focus: keyboard-only navigation. */
export async function tabTo(page: Page, name: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
    );
    if (label.trim() === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

export async function switchLanguage(page: Page, to: 'Français' | 'English') {
  await page.getByRole('button', { name: to }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to === 'Français' ? 'fr' : 'en');
}
