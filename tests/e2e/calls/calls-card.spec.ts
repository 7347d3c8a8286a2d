import { expect, test } from '../fixtures';
import { signUpNewCompany } from '../helpers';
import { pick } from '../combobox';

// The Call handling card with the keyboard: the suggested week shown before anything is saved,
// an overlapping interval refused next to its field, Saturday morning added, the Vaud calendar
// picked, its holidays listed with a switch each, what rings saved, then Done.

test('business hours by keyboard, the CH-VD calendar and its holidays, what rings, Done', async ({ page, axe }) => {
  await signUpNewCompany(page, { country: 'CH' });
  await page.goto('/setup/calls');
  await expect(page.locator('[data-banner="calls-not-saved"]')).toBeVisible();
  // The suggestion is on screen: Monday 09:00-18:00, Saturday closed.
  await expect(page.getByLabel('Monday, interval 1: opens at')).toHaveValue('09:00');
  await expect(page.getByLabel('Monday, interval 1: closes at')).toHaveValue('18:00');
  await expect(page.locator('[data-day="sat"]')).toContainText('Closed');
  await axe();

  // Monday gets a second interval that overlaps the first: refused on its field, nothing saved.
  await page.getByRole('button', { name: 'Add hours on Monday' }).focus();
  await page.keyboard.press('Enter');
  const second = page.getByLabel('Monday, interval 2: opens at');
  await second.fill('12:00');
  await page.getByRole('button', { name: 'Save business hours' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-day="mon"]').getByRole('alert')).toHaveText('This interval overlaps another one on the same day.');
  await expect(second).toBeFocused();
  await page.getByRole('button', { name: 'Remove 12:00–24:00 on Monday' }).focus();
  await page.keyboard.press('Enter');

  // Saturday morning, typed.
  await page.getByRole('button', { name: 'Add hours on Saturday' }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Saturday, interval 1: closes at').fill('12:00');
  await page.getByRole('button', { name: 'Save business hours' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Business hours saved.')).toBeVisible();
  await expect(page.locator('[data-banner="calls-not-saved"]')).toBeHidden();

  // Switzerland has no national list: no calendar until one is picked. Vaud, then its holidays.
  await page.getByLabel('Holiday calendar').selectOption('CH-VD');
  await page.getByRole('button', { name: 'Use this calendar' }).click();
  await expect(page.getByText('Holiday calendar saved.')).toBeVisible();
  const year = page.getByRole('region', { name: 'Holidays in 2026' });
  await expect(year.locator('[data-holiday="01-02"]')).toContainText('2 Janvier');
  await expect(year.locator('[data-holiday="monday after 3rd sunday in September"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Holidays in 2027' })).toBeVisible();
  // 2 January switched off with the keyboard: a working day; still off after a reload.
  const berchtold = year.locator('[data-holiday="01-02"]').getByRole('switch');
  await expect(berchtold).toBeChecked();
  await berchtold.focus();
  await page.keyboard.press('Space');
  await expect(berchtold).not.toBeChecked();
  await page.waitForLoadState('networkidle');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Holidays in 2026' }).locator('[data-holiday="01-02"]').getByRole('switch')).not.toBeChecked();
  await axe();

  // Another number when closed: a wrong one is refused next to its field.
  const closed = page.getByRole('combobox', { name: 'Closed', exact: true });
  await expect(closed).toHaveText('Voicemail · Claire Dupont');
  await pick(closed, '', 'Another number');
  const number = page.getByLabel('Number to ring when “Closed”');
  await number.fill('12');
  await page.getByRole('button', { name: 'Save what rings' }).click();
  await expect(page.locator('#target-closed-number-error')).toContainText('This is not a valid phone number.');
  await number.fill('021 555 01 00');
  await page.getByRole('button', { name: 'Save what rings' }).click();
  await expect(page.getByText('What rings in each state is saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page).toHaveURL(/\/setup\/review$/);
  await page.goto('/setup/calls');
  await expect(page.getByRole('heading', { level: 1 }).getByText('Verified')).toBeVisible();
  // The history names what changed.
  await page.getByText(/Show the history/).click();
  await expect(page.getByText('Holiday switched').first()).toBeVisible();
});
