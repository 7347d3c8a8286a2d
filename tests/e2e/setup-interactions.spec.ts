import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signUpNewCompany } from './helpers';

// Issue 11's target: the first-time setup of a 5-user company (the admin who signed up and 4
// people added with Add user) in at most 55 interactions. Every click, fill, select, check and
// key press goes through `act`, which counts it; the count is printed. Sign-up is not counted
// (the setup starts on /setup). Measured with the flow before issue 11: 57.

test.setTimeout(240_000);
test.use({ actionTimeout: 15_000 });

class Interactions {
  count = 0;
  async click(target: Locator) {
    this.count++;
    await target.click();
  }
  async fill(target: Locator, value: string) {
    this.count++;
    await target.fill(value);
  }
  async select(target: Locator, option: string | { label: string }) {
    this.count++;
    await target.selectOption(option);
  }
  async check(target: Locator) {
    this.count++;
    await target.check();
  }
  /** A server-searched picker: open it, click each option (a member picker stays open: Escape). */
  async pick(trigger: Locator, options: string[], { stayOpen = false } = {}) {
    const page = trigger.page();
    await this.click(trigger);
    for (const option of options) await this.click(page.getByRole('listbox').getByRole('option', { name: option }).first());
    if (stayOpen) await this.press(page, 'Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
  }
  async press(target: Locator | Page, key: string) {
    this.count++;
    await ('keyboard' in target ? target.keyboard.press(key) : target.press(key));
  }
}

const stamp = randomUUID().slice(0, 8);
const PEOPLE = [
  { first: 'Jean', last: 'Martin', licence: 'office' },
  { first: 'Inès', last: 'Bernard', licence: 'office' },
  { first: 'Léa', last: 'Petit', licence: 'free' },
  { first: 'Hugo', last: 'Moreau', licence: 'free' },
] as const;

test('first-time setup of a 5-user company in at most 55 interactions', async ({ page }) => {
  await signUpNewCompany(page, { company: `Interactions ${stamp}`, country: 'FR', seats: 3 });
  const act = new Interactions();
  const dialog = page.getByRole('dialog');
  const verified = (title: string) => expect(page.getByRole('navigation', { name: 'Setup progress' }).getByRole('link', { name: new RegExp(`${title} \\(Verified\\)`) })).toBeVisible();

  // Company: the emergency address, then one "Save and continue" saves, verifies and moves on.
  await act.click(page.getByRole('link', { name: 'Verify: Company details' }));
  await act.fill(page.getByLabel('Street address'), '12 rue de la Paix');
  await act.fill(page.getByLabel('City'), 'Paris');
  await act.fill(page.getByLabel('Postal code'), '75002');
  await act.click(page.getByRole('button', { name: 'Save and continue' }));
  await expect(page).toHaveURL(/\/setup\/team$/);
  await verified('Company details');

  // Team: "Save and add another" keeps the licence, so the second Free user needs no select.
  await act.click(page.getByRole('button', { name: 'Add user' }));
  for (const [i, p] of PEOPLE.entries()) {
    await act.fill(dialog.getByLabel('First name'), p.first);
    await act.fill(dialog.getByLabel('Last name'), p.last);
    await act.fill(dialog.getByLabel('E-mail'), `${p.first.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase()}-${stamp}@example.com`);
    if ((await dialog.getByLabel('Licence type').inputValue()) !== p.licence) {
      await act.select(dialog.getByLabel('Licence type'), p.licence);
    }
    const last = i === PEOPLE.length - 1;
    await act.click(dialog.getByRole('button', { name: last ? 'Save' : 'Save and add another', exact: true }));
    if (!last) {
      await expect(dialog.getByLabel('First name')).toHaveValue('');
      await expect(dialog.getByLabel('Licence type')).toHaveValue(p.licence);
    }
  }
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Hugo Moreau/ })).toContainText('Free');
  await act.click(page.getByRole('button', { name: 'Done', exact: true }));
  await expect(page).toHaveURL(/\/setup\/licences$/);
  await verified('Team members');

  // Licences: 3 Office seats, 3 in use: one click.
  await act.click(page.getByRole('button', { name: 'Confirm licences' }));
  await expect(page).toHaveURL(/\/setup\/extensions$/);
  await verified('Licences');

  // Extensions: the ring group's members added with one picker that stays open; a conference bridge.
  await act.click(page.getByRole('button', { name: 'Add ring group' }));
  await act.fill(dialog.getByRole('textbox', { name: 'Name', exact: true }), 'Sales');
  await act.pick(
    dialog.getByRole('combobox', { name: 'Who rings: add each member' }),
    PEOPLE.slice(0, 3).map((p, i) => `${p.first} ${p.last} (${102 + i})`),
    { stayOpen: true },
  );
  await expect(dialog.getByRole('list', { name: 'Ringing order' }).getByRole('listitem')).toHaveCount(3);
  await act.click(dialog.getByRole('button', { name: 'Save', exact: true }));
  await expect(dialog).toBeHidden();
  await act.click(page.getByRole('button', { name: 'Set up conference bridge' }));
  await act.fill(dialog.getByRole('textbox', { name: 'Name', exact: true }), 'Board');
  await act.click(dialog.getByRole('button', { name: 'Save', exact: true }));
  await act.click(dialog.getByRole('button', { name: 'I have noted the PINs' }));
  await expect(dialog).toBeHidden();
  await act.click(page.getByRole('button', { name: 'Done', exact: true }));
  await expect(page).toHaveURL(/\/setup\/numbers$/);
  await verified('Extensions');

  // Numbers: one extra number, routed to Sales and made main before Buy; focus follows each step.
  const missing = page.locator('[data-banner="missing-direct-numbers"]');
  if (await missing.isVisible()) await act.click(missing.getByRole('button', { name: 'Give them direct numbers' }));
  await act.click(page.getByRole('link', { name: 'Buy numbers' }));
  await act.fill(page.getByLabel('Area code or region'), 'Paris');
  await act.click(page.getByRole('button', { name: 'Search', exact: true }));
  await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
  await expect(page.getByText(/^\d+ numbers found\.$/).first()).toBeVisible();
  const firstResult = page.getByRole('table', { name: 'Numbers found, page 1' }).getByRole('row').nth(1);
  const chosen = ((await firstResult.getByRole('rowheader').textContent()) ?? '').trim();
  await act.click(firstResult.getByRole('button', { name: `Select ${chosen}` }));
  await expect(page.getByRole('heading', { name: 'Your selection' })).toBeFocused();
  const basket = page.locator('[data-selection]');
  await expect(basket.locator(`[data-held-number="${chosen}"]`)).toBeVisible();
  await act.pick(basket.getByLabel('What the number rings'), ['500 · Sales']);
  await act.select(basket.getByLabel('Main number'), { label: chosen });
  await act.click(basket.getByRole('button', { name: 'Buy 1 number' }));
  await expect(basket.locator('[data-order]')).toBeFocused();
  await act.click(basket.getByRole('link', { name: 'See them in Phone numbers' }));
  const row = page.locator(`tr[data-number="${chosen}"]`);
  await expect(row.getByLabel(`Extension that ${chosen} rings`)).toHaveText('500 · Sales');
  await expect(row.getByText('Main number', { exact: true })).toBeVisible();
  await act.click(page.getByRole('button', { name: 'Done', exact: true }));
  await expect(page).toHaveURL(/\/setup\/calls$/);

  // Call handling: the suggested hours and targets as shown, saved.
  await act.click(page.getByRole('button', { name: 'Save business hours' }));
  await expect(page.getByText('Business hours saved.')).toBeVisible();
  await act.click(page.getByRole('button', { name: 'Save what rings' }));
  await expect(page.getByText('What rings in each state is saved.')).toBeVisible();
  await act.click(page.getByRole('button', { name: 'Done', exact: true }));
  await expect(page).toHaveURL(/\/setup\/review$/);

  // Review and Finish.
  await expect(page.getByText('Nothing is missing: you can finish setup.')).toBeVisible();
  await act.click(page.getByRole('button', { name: 'Finish setup' }));
  await expect(page.getByTestId('setup-complete')).toContainText('Setup complete');

  console.log(`setup interactions: ${act.count}`);
  expect(act.count).toBeLessThanOrEqual(55);
});
