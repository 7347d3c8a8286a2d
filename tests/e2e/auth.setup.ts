import { test as setup, expect } from '@playwright/test';
import { ADMIN_STATE } from './fixtures';
import { FIXTURE } from './fixture-accounts';

setup('sign in as the fixture admin', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(FIXTURE.admin.email);
  await page.getByLabel('Password').fill(FIXTURE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/setup$/);
  await page.context().storageState({ path: ADMIN_STATE });
});
