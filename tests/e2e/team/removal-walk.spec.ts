import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { signUpNewCompany, switchLanguage } from '../helpers';
import { pick } from '../combobox';

// Issue 10 item 3 in the browser: removing someone says first what it breaks and lets the admin
// decide in the same dialog; afterwards nothing dangles and each card's history tells its part.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function openHistory(page: Page) {
  await page.getByText(/^Show the history/).click();
  const history = page.locator('#history');
  await expect(history.locator('[data-history-entry]').first()).toBeVisible();
  return history;
}

test('remove a user who is a no-answer target and rings on the main number: move it to the ring group, nothing dangles', async ({
  page,
  axe,
}) => {
  await signUpNewCompany(page, { seats: 3 });

  // Bob Martin (102, Office) gets his direct number when added.
  await page.goto('/setup/team');
  await page.getByRole('button', { name: 'Add user' }).click();
  const userDialog = page.getByRole('dialog');
  await expect(userDialog.getByLabel('Extension')).toHaveValue('102');
  await userDialog.getByLabel('First name').fill('Bob');
  await userDialog.getByLabel('Last name').fill('Martin');
  await userDialog.getByLabel('E-mail').fill(`bob.martin-${Date.now()}@example.com`);
  await userDialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(userDialog).toBeHidden();

  // His number becomes the company's main number.
  await page.goto('/setup/numbers');
  const bobRow = page.locator('tr[data-number]').filter({ has: page.getByRole('combobox').filter({ hasText: '102 · Bob Martin' }) });
  await expect(bobRow).toHaveCount(1);
  const bobNumber = (await bobRow.getAttribute('data-number'))!;
  await bobRow.getByRole('button', { name: `Make main ${bobNumber}` }).click();
  await expect(page.locator(`tr[data-number="${bobNumber}"]`)).toContainText('Main number');

  // Sales (500): Bob and Claire; unanswered calls go to Bob's voicemail.
  await page.goto('/setup/extensions');
  await page.getByRole('button', { name: 'Add ring group' }).click();
  const group = page.getByRole('dialog');
  await group.getByRole('textbox', { name: 'Name', exact: true }).fill('Sales');
  const members = group.getByRole('combobox', { name: 'Who rings: add each member' });
  for (const member of ['Bob Martin (102)', 'Claire Dupont (101)']) await pick(members, member.split(' ')[0]!, member, { stayOpen: true });
  await group.getByLabel('Voicemail of a member').check();
  await group.getByLabel('Whose voicemail').selectOption({ label: 'Bob Martin' });
  await group.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(group).toBeHidden();
  await expect(page.locator('tr[data-extension="500"]')).toContainText('Bob Martin');

  // Remove Bob: the dialog lists the ring group, the broken target, the main number.
  await page.goto('/setup/team');
  await page.getByRole('row', { name: /Bob Martin/ }).hover();
  await page.getByRole('button', { name: 'Remove Bob Martin' }).click();
  const confirm = page.getByRole('alertdialog');
  const panel = confirm.locator('[data-consequences]');
  await expect(panel).toContainText('Member of 1 ring group: Sales (500)');
  await expect(panel).toContainText('Ring groups whose unanswered calls go to Bob Martin');
  await expect(panel).toContainText('1 number rings Bob Martin');
  const numberChoice = panel.locator(`[data-affected-number="${bobNumber}"]`);
  await expect(numberChoice).toContainText('main number');
  // The main number cannot be released, and keeping it unassigned says what it costs.
  const what = numberChoice.getByLabel(`What happens to ${bobNumber}`);
  await expect(what.locator('option[value="release"]')).toHaveCount(0);
  await expect(what.locator('option:checked')).toHaveText(/^Keep unassigned \(/);
  await axe();

  // Cancel changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /Bob Martin/ })).toBeVisible();

  await page.getByRole('row', { name: /Bob Martin/ }).hover();
  await page.getByRole('button', { name: 'Remove Bob Martin' }).click();
  await what.selectOption({ label: 'Move to 500 · Sales' });
  await panel.getByLabel('New no-answer target for Sales (500)').selectOption({ label: 'Voicemail of Claire Dupont' });
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /Bob Martin/ })).toHaveCount(0);

  // Nothing dangles: the Review has no blocker or warning about the number or the target.
  await page.goto('/setup/review');
  for (const code of ['mainRingsNobody', 'noAnswerTargetGone', 'numbersUnassigned', 'ringGroupNoMember']) {
    await expect(page.locator(`[data-missing="${code}"]`), code).toHaveCount(0);
  }

  // Each card's history tells its part, in names.
  await page.goto('/setup/team');
  let history = await openHistory(page);
  await expect(history.locator('[data-history-entry]').filter({ hasText: 'User removed' })).toContainText('Bob Martin');
  await expect(history).not.toContainText(UUID);

  await page.goto('/setup/extensions');
  await expect(page.locator('tr[data-extension="500"]')).toContainText('Claire Dupont');
  history = await openHistory(page);
  const changed = history.locator('[data-history-entry]').filter({ hasText: 'Ring group changed' }).first();
  await expect(changed).toContainText('Sales');
  await expect(changed).toContainText('Claire Dupont');
  await expect(history).not.toContainText(UUID);

  await page.goto('/setup/numbers');
  await expect(page.locator(`tr[data-number="${bobNumber}"]`).getByRole('combobox')).toHaveText('500 · Sales');
  history = await openHistory(page);
  const remapped = history.locator('[data-history-entry]').filter({ hasText: 'Number remapped' }).first();
  await expect(remapped).toContainText(bobNumber);
  await expect(remapped).toContainText('102 · Bob Martin');
  await expect(remapped).toContainText('500 · Sales');
  await expect(history).not.toContainText(UUID);
});

test('switching a user to Free lists their number with its cost, and releasing it from the dialog is in the Phone numbers history', async ({
  page,
  axe,
}) => {
  await signUpNewCompany(page, { seats: 3 });
  await page.goto('/setup/team');
  await page.getByRole('button', { name: 'Add user' }).click();
  const userDialog = page.getByRole('dialog');
  await userDialog.getByLabel('First name').fill('Eve');
  await userDialog.getByLabel('Last name').fill('Laurent');
  await userDialog.getByLabel('E-mail').fill(`eve.laurent-${Date.now()}@example.com`);
  await userDialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(userDialog).toBeHidden();
  await page.goto('/setup/numbers');
  const eveRow = page.locator('tr[data-number]').filter({ has: page.getByRole('combobox').filter({ hasText: '102 · Eve Laurent' }) });
  const eveNumber = (await eveRow.getAttribute('data-number'))!;

  // The Team card's edit form says the same before Save, and points to the dialog that decides.
  await page.goto('/setup/team');
  await page.getByRole('button', { name: 'Edit Eve Laurent' }).click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('Licence').selectOption('free');
  await expect(edit.locator('[data-free-switch]')).toContainText(`${eveNumber} will stop ringing Eve Laurent and stays the company's, unassigned: extra, €9.95 / month.`);
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  await page.goto('/setup/licences');
  const row = page.getByRole('row', { name: /Eve Laurent/ });
  await row.getByRole('button', { name: 'Switch Eve Laurent to Free' }).click();
  const confirm = page.getByRole('alertdialog');
  const choice = confirm.locator(`[data-affected-number="${eveNumber}"]`);
  await expect(confirm.locator('[data-consequences]')).toContainText('1 number rings Eve Laurent');
  await expect(choice).toContainText('direct number');
  // Once she is Free her number is no longer included: kept, it is an extra.
  await expect(choice.locator('option:checked')).toHaveText('Keep unassigned (€9.95 / month)');
  await axe();
  await choice.getByLabel(`What happens to ${eveNumber}`).selectOption({ label: 'Release' });
  await confirm.getByRole('button', { name: 'Switch to Free' }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByRole('button', { name: 'Switch Eve Laurent to Office' })).toBeVisible();

  await page.goto('/setup/numbers');
  await expect(page.locator(`tr[data-number="${eveNumber}"]`)).toHaveCount(0);
  const history = await openHistory(page);
  await expect(history.locator('[data-history-entry]').filter({ hasText: 'Number released' }).first()).toContainText(eveNumber);
  await expect(history.locator('[data-history-entry]').filter({ hasText: 'Number released' }).first()).toContainText('102 · Eve Laurent');
});

test('French plurals: one verified card on /setup, one Office licence used on /setup/team', async ({ page }) => {
  await signUpNewCompany(page, { seats: 4 });
  await page.goto('/setup/team');
  // Done verifies the Team card and opens the next one.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/\/setup\/licences$/);

  await page.goto('/setup');
  await switchLanguage(page, 'Français');
  await expect(page.locator('#setup-progress')).toHaveText(/^1 carte vérifiée sur \d+$/);
  await page.goto('/setup/team');
  await expect(page.getByText(/(^| )1 licence Office utilisée sur 4$/)).toBeVisible();
  await switchLanguage(page, 'English');
});
