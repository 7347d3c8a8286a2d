import { expect, test } from '../fixtures';
import { signUpNewCompany, switchLanguage, tabTo } from '../helpers';

test('add three users with Save and add another, edit one by keyboard, refuse a taken extension, Done', async ({
  page,
  axe,
}) => {
  await signUpNewCompany(page);
  await page.goto('/setup/team');
  await axe();

  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog');
  const people = [
    ['Jean', 'Martin', '102'],
    ['Inès', 'Bernard', '103'],
    ['Paul', 'Durand', '104'],
  ];
  for (const [i, [first, last, ext]] of people.entries()) {
    await expect(dialog.getByLabel('Extension')).toHaveValue(ext);
    await dialog.getByLabel('First name').fill(first);
    await dialog.getByLabel('Last name').fill(last);
    const ascii = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    await dialog.getByLabel('E-mail').fill(`${ascii}-${Date.now()}@example.com`);
    if (i < 2) {
      await dialog.getByRole('button', { name: 'Save and add another' }).click();
      await expect(dialog.getByLabel('First name')).toHaveValue('');
      await expect(dialog.getByLabel('First name')).toBeFocused();
    } else {
      await axe();
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    }
  }
  await expect(dialog).toBeHidden();
  for (const [first, last, ext] of people) {
    await expect(page.getByRole('row', { name: new RegExp(`${first} ${last}.*${ext}`) })).toBeVisible();
  }

  // Keyboard only: Tab to the pencil of Inès Bernard, Enter, change, Enter.
  await page.getByLabel('Search by name, e-mail or extension').focus();
  await tabTo(page, 'Edit Inès Bernard');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Last name')).toHaveValue('Bernard');
  await dialog.getByLabel('Last name').fill('Bernard-Roy');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Inès Bernard-Roy/ })).toBeVisible();

  // A taken extension says by whom, and adds nobody.
  await page.getByRole('button', { name: 'Add user' }).click();
  await dialog.getByLabel('First name').fill('Zoé');
  await dialog.getByLabel('Last name').fill('Petit');
  await dialog.getByLabel('E-mail').fill(`zoe-${Date.now()}@example.com`);
  await dialog.getByLabel('Extension').fill('102');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText('Extension 102 is already used by Jean Martin.')).toBeVisible();
  await expect(dialog.getByLabel('Extension')).toHaveAttribute('aria-invalid', 'true');
  await axe();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: /Zoé Petit/ })).toHaveCount(0);

  // Done verifies the card and opens Licences.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/\/setup\/licences$/);
  await page.goto('/setup/team');
  await expect(page.getByRole('heading', { level: 1 }).getByText('Verified')).toBeVisible();

  await switchLanguage(page, 'Français');
  await expect(page.getByRole('button', { name: 'Ajouter un utilisateur' })).toBeVisible();
  await axe();
  await page.getByRole('button', { name: 'Ajouter un utilisateur' }).click();
  await expect(page.getByRole('dialog').getByLabel('Prénom')).toBeVisible();
  await axe();
});

test('import a semicolon CSV with accents, then switch a user to Free on the Licences card', async ({ page, axe }) => {
  await signUpNewCompany(page);
  await page.goto('/setup/team');
  await page.getByRole('link', { name: 'Import users' }).click();
  await expect(page).toHaveURL(/\/setup\/team\/import$/);
  const stamp = Date.now();
  const csv =
    '\uFEFFPrénom;Nom;E-mail;Type de licence;Poste\n' +
    `Éloïse;Gaëlle;eloise-${stamp}@example.com;Office;\n` +
    `"François";"Lefèvre; fils";francois-${stamp}@example.com;Gratuit;150\n` +
    `Anaïs;Müller;anais-${stamp}@example.com;Office;210\n`;
  await page.locator('input[type="file"]').setInputFiles({ name: 'équipe.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('2 valid rows, 1 row with errors.')).toBeVisible();
  await expect(page.locator('[data-line="3"]')).toContainText('15');
  await axe();
  await page.getByRole('button', { name: 'Import the 2 valid rows only' }).click();
  await expect(page.getByText('2 users imported, 1 row with errors skipped.')).toBeVisible();

  await page.goto('/setup/team');
  await expect(page.getByRole('row', { name: /Éloïse Gaëlle/ })).toContainText('102');
  await expect(page.getByRole('row', { name: /Anaïs Müller/ })).toContainText('210');

  await page.goto('/setup/licences');
  await axe();
  const row = page.getByRole('row', { name: /Anaïs Müller/ });
  await expect(row).toContainText('Office');
  await row.getByRole('button', { name: 'Switch Anaïs Müller to Free' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Switch to Free' }).click();
  await expect(row.getByRole('button', { name: 'Switch Anaïs Müller to Office' })).toBeVisible();
  await expect(row).toContainText('Free');
  await switchLanguage(page, 'Français');
  await axe();
});
