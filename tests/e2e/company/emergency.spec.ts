import { expect, test } from '../fixtures';
import { signUpNewCompany } from '../helpers';

// Issue 14: the Company card's emergency section, and Review's blockers that link to it.

test('a US admin adds who is told of 911 calls; Review stops asking for it', async ({ page, axe }) => {
  await signUpNewCompany(page, { company: 'Main Street Inc', country: 'US' });
  await page.goto('/setup/review');
  const blocker = page.locator('[data-missing="emergencyRecipients"]');
  await expect(blocker).toContainText('Nobody is told when someone dials 911');
  await expect(blocker.getByRole('link')).toHaveAttribute('href', '/setup/company#emergency');

  await page.goto('/setup/company#emergency');
  const section = page.getByTestId('emergency-recipients');
  await expect(section.getByText('No address yet.')).toBeVisible();
  await expect(page.getByTestId('emergency-notice')).toHaveCount(0);
  await axe();
  const email = section.getByLabel('E-mail address');
  await email.fill('not-an-address');
  await section.getByRole('button', { name: 'Add' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText('No address yet.')).toBeVisible();

  await email.fill('Front.Desk@Example.com');
  await email.press('Enter');
  await expect(section.getByRole('listitem').filter({ hasText: 'front.desk@example.com' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Remove front.desk@example.com' })).toBeVisible();
  await axe();

  await page.goto('/setup/review');
  await expect(page.locator('[data-missing="emergencyAddress"]')).toBeVisible();
  await expect(page.locator('[data-missing="emergencyRecipients"]')).toHaveCount(0);
});

test('a Canadian admin reads the 9-1-1 notice and accepts it with the keyboard', async ({ page, axe }) => {
  await signUpNewCompany(page, { company: 'Érable Inc', country: 'CA' });
  await page.goto('/setup/company');
  const notice = page.getByTestId('emergency-notice');
  await expect(notice).toHaveAttribute('data-version', 'ca-2026-1');
  await expect(notice.getByRole('heading', { name: 'Limits of 9-1-1 calls over this phone service' })).toBeVisible();
  await expect(notice.getByText(/9-1-1 calls do not work during a power failure/)).toBeVisible();
  await axe();
  const accept = notice.getByRole('button', { name: 'I have read and accept' });
  await accept.focus();
  await page.keyboard.press('Enter');
  await expect(notice.getByTestId('emergency-notice-acknowledged')).toContainText(/Accepted by Claire Dupont on .+ \(English\), version ca-2026-1\./);
  await expect(notice.getByRole('button', { name: 'I have read and accept' })).toHaveCount(0);

  await page.goto('/setup/outbox');
  const reminder = page.locator('[data-kind="emergency_notice_reminder"]');
  await expect(reminder.getByRole('heading', { name: 'Yearly reminder: the limits of emergency calls at Érable Inc' })).toBeVisible();
  await expect(reminder.getByText('Not sent before')).toBeVisible();
});
