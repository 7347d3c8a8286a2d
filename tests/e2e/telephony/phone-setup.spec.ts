import { ADMIN_STATE, expect, test } from '../fixtures';
import { FIXTURE } from '../fixture-accounts';

// "Set up your phone" on /me: what a member types into their phone, and a new SIP password
// shown once. The Company card shows the company's SIP domain.

test('a member sets up their phone: server, domain, username, then a new password shown once', async ({ page, axe }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(FIXTURE.member.email);
  await page.getByLabel('Password').fill(FIXTURE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/me$/);

  const setup = page.getByTestId('phone-setup');
  await expect(setup.getByRole('heading', { name: 'Set up your phone' })).toBeVisible();
  const domain = (await setup.locator('[data-sip="domain"]').textContent())?.trim() ?? '';
  expect(domain).toMatch(/^fixture-sarl(-\d+)?\.sip\./);
  await expect(setup.locator('[data-sip="server"]')).toHaveText(domain);
  await expect(setup.locator('[data-sip="username"]')).toHaveText(/^u[0-9a-f]{12}$/);
  await expect(setup.locator('[data-sip="registration"]')).toHaveText('No phone registered');
  await axe();

  await setup.getByRole('button', { name: 'New SIP password' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Phones that use the current password stop registering');
  await dialog.getByRole('button', { name: 'New SIP password' }).click();
  const password = dialog.locator('[data-sip="password"]');
  await expect(password).toHaveText(/^[A-Za-z0-9]{16}$/);
  await expect(dialog.locator('[data-sip="domain"]')).toHaveText(domain);
  await expect(dialog.locator('[data-sip-credentials]')).toBeFocused();
  await axe();
  const first = await password.textContent();
  await dialog.getByRole('button', { name: 'I have noted it' }).click();
  await expect(dialog).toHaveCount(0);

  // Not shown again: a second one is a different password.
  await setup.getByRole('button', { name: 'New SIP password' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'New SIP password' }).click();
  await expect(page.getByRole('alertdialog').locator('[data-sip="password"]')).not.toHaveText(first ?? '');
});

test.describe('signed in as admin', () => {
  test.use({ storageState: ADMIN_STATE });

  test("the Company card shows the company's SIP domain", async ({ page }) => {
    await page.goto('/setup/company');
    await expect(page.getByTestId('sip-domain')).toContainText(/fixture-sarl(-\d+)?\.sip\./);
  });
});
