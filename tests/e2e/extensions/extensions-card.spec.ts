import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { pick } from '../combobox';
import { signUpNewCompany, switchLanguage, tabTo } from '../helpers';

const PEOPLE = [
  ['Jean', 'Martin', '102'],
  ['Inès', 'Bernard', '103'],
  ['Paul', 'Durand', '104'],
] as const;

/** Adds users with the Extensions card's own Add user button (the Team card's dialog). */
async function addUsers(page: Page, people: readonly (readonly [string, string, string])[]) {
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog');
  for (const [i, [first, last, ext]] of people.entries()) {
    await expect(dialog.getByLabel('Extension')).toHaveValue(ext);
    await dialog.getByLabel('First name').fill(first);
    await dialog.getByLabel('Last name').fill(last);
    const ascii = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    await dialog.getByLabel('E-mail').fill(`${ascii}-${Date.now()}@example.com`);
    const last_ = i === people.length - 1;
    await dialog.getByRole('button', { name: last_ ? 'Save' : 'Save and add another', exact: true }).click();
    if (!last_) await expect(dialog.getByLabel('First name')).toHaveValue('');
  }
  await expect(dialog).toBeHidden();
  for (const [, , ext] of people) await expect(page.locator(`tr[data-extension="${ext}"]`)).toBeVisible();
}

/** Adds the person with the ring group's "Add a member" picker (searched on the server). */
async function addMember(dialog: Locator, name: string) {
  await pick(dialog.getByRole('combobox', { name: 'Who rings: add each member' }), name.split(' ')[0]!, name, { stayOpen: true });
}

const memberOrder = (dialog: Locator) =>
  dialog.locator('li[data-member]').evaluateAll((items) => items.map((li) => li.getAttribute('data-member')));

test('ring group with three members reordered by keyboard, a conference bridge, renumbering, a delete that asks first, Done', async ({
  page,
  axe,
}) => {
  await signUpNewCompany(page);
  await page.goto('/setup/extensions');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Extensions');
  await axe();
  await addUsers(page, PEOPLE);

  // Add ring group: number pre-filled from the ring-group block.
  await page.getByRole('button', { name: 'Add ring group' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Extension', exact: true })).toHaveValue('500');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Sales');
  await addMember(dialog, 'Jean Martin (102)');
  await addMember(dialog, 'Inès Bernard (103)');
  // The picker works from the keyboard: typing opens it and searches the server, the count is
  // announced, Enter adds; nothing matching says so, Escape closes it and focus comes back.
  const picker = dialog.getByRole('combobox', { name: 'Who rings: add each member' });
  const search = page.locator('[cmdk-input]');
  await picker.focus();
  await page.keyboard.press('z');
  await expect(search).toBeFocused();
  await page.keyboard.type('zz');
  await expect(page.getByRole('listbox')).toContainText('Nothing matches “zzz”.');
  await expect(dialog.locator('[data-combobox-status]')).toHaveText('Nothing matches “zzz”.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(picker).toBeFocused();
  await page.keyboard.press('P');
  await expect(search).toBeFocused();
  await page.keyboard.type('aul');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /^Paul Durand \(104\)/ })).toBeVisible();
  await expect(dialog.locator('[data-combobox-status]')).toHaveText('1 match');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: /^Paul Durand/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog.locator('p[role="status"]')).toHaveText('Paul Durand added at position 3 of 3.');
  // It stays open for the next one; Escape closes it, back on the picker.
  await expect(page.getByRole('listbox')).toContainText('Nothing matches “Paul”.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(picker).toBeFocused();
  await expect.poll(() => memberOrder(dialog)).toEqual(['Jean Martin', 'Inès Bernard', 'Paul Durand']);
  await axe();

  // Keyboard only: Tab to Paul's "Move up", Enter twice; focus follows him, each move is announced.
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).focus();
  await tabTo(page, 'Move Paul Durand up');
  await page.keyboard.press('Enter');
  await expect(dialog.locator('p[role="status"]')).toHaveText('Paul Durand moved to position 2 of 3.');
  await expect(dialog.getByRole('button', { name: 'Move Paul Durand up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.locator('p[role="status"]')).toHaveText('Paul Durand moved to position 1 of 3.');
  // At the top "Move up" is disabled: focus went to his "Move down".
  await expect(dialog.getByRole('button', { name: 'Move Paul Durand down' })).toBeFocused();
  await expect.poll(() => memberOrder(dialog)).toEqual(['Paul Durand', 'Jean Martin', 'Inès Bernard']);
  // Space works too, and so does the mouse.
  await tabTo(page, 'Move Inès Bernard up');
  await page.keyboard.press('Space');
  await expect.poll(() => memberOrder(dialog)).toEqual(['Paul Durand', 'Inès Bernard', 'Jean Martin']);
  await dialog.getByRole('button', { name: 'Move Jean Martin up' }).click();
  await expect.poll(() => memberOrder(dialog)).toEqual(['Paul Durand', 'Jean Martin', 'Inès Bernard']);

  await dialog.getByLabel('Ring time (seconds) for Paul Durand').fill('30');
  await dialog.getByLabel('Sequential ringing').check();
  await expect(dialog.getByLabel('Whose voicemail')).toHaveValue(/.+/);
  await dialog.getByLabel('Whose voicemail').selectOption({ label: 'Inès Bernard' });
  await axe();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  const sales = page.locator('tr[data-extension="500"]');
  await expect(sales).toContainText('Sales');
  await expect(sales).toContainText('Sequential ringing');
  await expect(sales).toContainText('Voicemail of Inès Bernard');
  await expect(sales.getByRole('list', { name: 'Members of Sales, in ringing order' }).getByRole('listitem')).toHaveText([
    'Paul Durand (104)',
    'Jean Martin (102)',
    'Inès Bernard (103)',
  ]);

  // A second ring group whose unanswered calls go to Sales.
  await page.getByRole('button', { name: 'Add ring group' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Extension', exact: true })).toHaveValue('501');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Support');
  await addMember(dialog, 'Jean Martin (102)');
  await dialog.getByLabel('Forward to another extension').check();
  await pick(dialog.getByLabel('Extension to forward to'), 'Sales', '500 · Sales');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('tr[data-extension="501"]')).toContainText('Extension 500 (Sales)');

  // Editing Sales: forwarding its unanswered calls to Support would loop.
  await page.getByRole('button', { name: 'Edit Sales' }).click();
  await expect.poll(() => memberOrder(dialog)).toEqual(['Paul Durand', 'Jean Martin', 'Inès Bernard']);
  await dialog.getByLabel('Forward to another extension').check();
  await pick(dialog.getByLabel('Extension to forward to'), 'Supp', '501 · Support');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    dialog.getByText('Unanswered calls would go round in a loop: Sales (500) → Support (501) → Sales (500). Choose another extension.'),
  ).toBeVisible();
  await axe();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Conference bridge: the PINs are shown once.
  await page.getByRole('button', { name: 'Set up conference bridge' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Extension', exact: true })).toHaveValue('800');
  await expect(dialog.getByLabel('Maximum participants')).toHaveValue('10');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Board');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText(/shown only this once/)).toBeVisible();
  const host = (await dialog.locator('[data-pin="host"]').textContent()) ?? '';
  const participant = (await dialog.locator('[data-pin="participant"]').textContent()) ?? '';
  expect(host).toMatch(/^\d{6}$/);
  expect(participant).toMatch(/^\d{6}$/);
  expect(participant).not.toBe(host);
  await axe();
  await dialog.getByRole('button', { name: 'I have noted the PINs' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('tr[data-extension="800"]')).toContainText('Up to 10 participants');
  // Never shown again: not in the page, not in the edit dialog.
  await expect(page.getByText(host)).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit Board' }).click();
  await expect(dialog.locator('[data-pin]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  // Regenerate PINs: confirmed, then the new ones once.
  await page.getByRole('button', { name: 'Regenerate the PINs of Board' }).click();
  const alert = page.getByRole('alertdialog');
  await alert.getByRole('button', { name: 'Regenerate PINs' }).click();
  await expect(alert.locator('[data-pin="host"]')).toHaveText(/^\d{6}$/);
  await alert.getByRole('button', { name: 'I have noted the PINs' }).click();
  await expect(alert).toBeHidden();

  // Renumber Jean: the ring groups still list him, with his new number.
  await page.getByRole('button', { name: 'Change the extension of Jean Martin' }).click();
  await dialog.getByLabel('New extension').fill('110');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('tr[data-extension="110"]')).toContainText('Jean Martin');
  await expect(sales.getByRole('listitem')).toHaveText(['Paul Durand (104)', 'Jean Martin (110)', 'Inès Bernard (103)']);
  await expect(page.locator('tr[data-extension="501"]').getByRole('listitem')).toHaveText(['Jean Martin (110)']);

  // Sales is Support's no-answer target: the delete dialog says so and asks for Support's new
  // target before anything changes (issue 10); Cancel keeps everything.
  await page.getByRole('button', { name: 'Delete Sales' }).click();
  await expect(alert).toContainText('Ring groups whose unanswered calls go to Sales');
  await expect(alert.getByLabel('New no-answer target for Support (501)')).toHaveValue('');
  await expect(alert.getByLabel('New no-answer target for Support (501)').locator('option')).toContainText([
    'None',
    'Voicemail of Jean Martin',
  ]);
  await axe();
  await alert.getByRole('button', { name: 'Cancel' }).click();
  await expect(sales).toBeVisible();

  // Filter by type, server-side.
  await page.getByRole('link', { name: /^Ring groups/ }).click();
  await expect(page).toHaveURL(/type=ring_group/);
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByRole('link', { name: /^Ring groups/ })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: /^All/ }).click();
  await expect(page.locator('tbody tr')).toHaveCount(7);

  // Done verifies the card and opens the next one (Phone numbers).
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/\/setup\/numbers$/);
  await page.goto('/setup/extensions');
  await expect(page.getByRole('heading', { level: 1 }).getByText('Verified')).toBeVisible();
  await axe();

  await switchLanguage(page, 'Français');
  await expect(page.getByRole('button', { name: 'Ajouter un groupe d’appels' })).toBeVisible();
  await expect(sales).toContainText('Sonnerie séquentielle');
  await axe();
  await page.getByRole('button', { name: 'Modifier Sales' }).click();
  await expect(dialog.getByRole('button', { name: 'Monter Jean Martin' })).toBeVisible();
  await axe();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Configurer le serveur de conférences' }).click();
  await expect(dialog.getByLabel('Nombre maximal de participants')).toHaveValue('10');
  await axe();
});

test('a ring group left without members by the Team card is flagged on the setup page and blocks Done', async ({
  page,
  axe,
}) => {
  await signUpNewCompany(page);
  await page.goto('/setup/extensions');
  await addUsers(page, [['Paul', 'Durand', '102']]);
  await page.getByRole('button', { name: 'Add ring group' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Tiny');
  // Saving with no member says so on the member list.
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText('Add at least one member.')).toBeVisible();
  await addMember(dialog, 'Paul Durand (102)');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/setup/team');
  await page.getByRole('row', { name: /Paul Durand/ }).hover();
  await page.getByRole('button', { name: 'Remove Paul Durand' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('row', { name: /Paul Durand/ })).toHaveCount(0);

  await page.goto('/setup');
  const warning = page.getByRole('link', { name: 'Tiny ring group has no members' });
  await expect(warning).toBeVisible();
  await axe();
  await warning.click();
  await expect(page).toHaveURL(/\/setup\/extensions$/);
  const tiny = page.locator('tr[data-extension="500"]');
  await expect(tiny).toContainText('No members');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('The ring group Tiny (500) has no members. Add one or delete the group.')).toBeVisible();
  await axe();

  await switchLanguage(page, 'Français');
  await page.goto('/setup');
  await expect(page.getByRole('link', { name: 'Le groupe d’appels Tiny n’a aucun membre' })).toBeVisible();
  await axe();
});
