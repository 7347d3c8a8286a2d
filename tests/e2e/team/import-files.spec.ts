import fs from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import type { Download, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { FIXTURE } from '../fixture-accounts';
import { signUpNewCompany, switchLanguage } from '../helpers';

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Picks the file the way a person does: through the styled button and the browser's file chooser. */
async function chooseFile(page: Page, file: Upload, button = 'Choose a file') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('import-file-name')).toHaveText(file.name);
}

async function downloaded(page: Page, link: string): Promise<{ download: Download; bytes: Buffer }> {
  const event = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  const download = await event;
  return { download, bytes: fs.readFileSync((await download.path())!) };
}

const status = (page: Page) => page.getByTestId('import-status');

test('upload through the styled control, preview, import the valid rows only: focus lands on each result', async ({ page, axe }) => {
  await signUpNewCompany(page);
  await page.goto('/setup/team/import');
  await expect(page.getByRole('group', { name: 'File to import (CSV or Excel)' })).toBeVisible();
  await expect(page.getByTestId('import-file-name')).toHaveText('No file chosen');
  await axe();

  // Windows-1252, as Excel saves "CSV (separated by semicolons)" on French Windows: é is 0xE9.
  const stamp = Date.now();
  const text =
    'Prénom;Nom;E-mail;Type de licence;Poste\r\n' +
    `Léa;Noël;lea-${stamp}@example.com;Gratuite;\r\n` +
    `Zoé;Lefèvre;pas-une-adresse;Gratuite;\r\n` +
    `Anaïs;Müller;anais-${stamp}@example.com;Gratuite;\r\n`;
  // The keyboard opens the chooser too: the button is a real, focusable button.
  await page.getByRole('button', { name: 'Choose a file' }).focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'équipe.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') });
  await expect(page.getByTestId('import-file-name')).toHaveText('équipe.csv');

  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(status(page)).toHaveText('2 valid rows, 1 row with errors.');
  await expect(status(page)).toBeFocused();
  await expect(page.locator('[data-line="2"]')).toContainText('Léa Noël');
  await expect(page.locator('[data-line="4"]')).toContainText('Anaïs Müller');

  // The whole file cannot go in, and the page says why and what the other button imports.
  await expect(page.getByRole('button', { name: 'Import all 3 rows' })).toBeDisabled();
  await expect(page.getByText('The whole file cannot be imported: 1 row has errors.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import all 3 rows' })).toHaveAccessibleDescription(/1 row has errors/);
  await axe();
  await page.getByRole('button', { name: 'Import the 2 valid rows only' }).click();
  await expect(status(page)).toContainText('2 users imported, 1 row with errors skipped.');
  await expect(status(page)).toBeFocused();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  await page.goto('/setup/team');
  await expect(page.getByRole('row', { name: /Léa Noël/ })).toBeVisible();
});

test('an .xlsx workbook, a file with no valid row, a 5,000-row file over 2 MB and a file over 5 MB', async ({ page }) => {
  await signUpNewCompany(page);
  await page.goto('/setup/team/import');
  const stamp = Date.now();

  const workbook = await writeXlsxFile([
    ['First name', 'Last name', 'Email', 'License', 'Extension'],
    ['Éloïse', 'Gaëlle', `eloise-${stamp}@example.com`, 'Free', 210],
  ]).toBuffer();
  await chooseFile(page, { name: 'team.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(status(page)).toHaveText('1 valid row, 0 rows with errors.');
  await expect(page.locator('[data-line="2"]')).toContainText('210');
  await page.getByRole('button', { name: 'Import 1 user' }).click();
  await expect(status(page)).toContainText('1 user imported.');
  await expect(status(page)).toBeFocused();

  // No valid row: no import button, a sentence instead (never "Import 2").
  const bad = 'Prénom;Nom;E-mail\nA;;a@example.com\n;B;b@example.com\n';
  await chooseFile(page, { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(status(page)).toHaveText('0 valid rows, 2 rows with errors.');
  await expect(page.getByText('All 2 rows have errors: nothing can be imported.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  // Above Next's default 1 MB server-action limit and the former 2 MB rule: still the app's preview.
  const filler = 'Direction des systèmes d’information, site de Lyon'.padEnd(400, '.');
  const rows = Array.from({ length: 5_000 }, (_, i) => `Prénom${i};Nom${i};big-${stamp}-${i}@example.com;Gratuite;;${filler}`);
  const big = Buffer.from(['Prénom;Nom;E-mail;Type de licence;Poste;Service', ...rows].join('\n'));
  expect(big.length).toBeGreaterThan(2_000_000);
  await chooseFile(page, { name: 'big.csv', mimeType: 'text/csv', buffer: big });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(status(page)).toHaveText(/^[\d,]+ valid rows, [\d,]+ rows with errors\.$/, { timeout: 60_000 });
  await expect(page.locator('[data-line]')).toHaveCount(500);
  await expect(page.getByText(/^The first 500 of 5,?000 rows are shown\.$/)).toBeVisible();

  // Over 5 MB: the app's own message at once, nothing sent.
  await chooseFile(page, { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') });
  await expect(page.getByText('The file is too large (5 MB at most).')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preview' })).toBeDisabled();
});

test('templates download in both languages with the headers the import reads; the export re-imports', async ({ page, axe }) => {
  await signUpNewCompany(page);
  await page.goto('/setup/team/import');

  const frCsv = await downloaded(page, 'CSV template (French)');
  expect(frCsv.download.suggestedFilename()).toBe('switchboard-users-template-fr.csv');
  expect(frCsv.bytes.toString('utf8')).toBe('\uFEFFPrénom;Nom;E-mail;Type de licence;Poste\r\n');
  const enXlsx = await downloaded(page, 'Excel (.xlsx) template (English)');
  expect(enXlsx.download.suggestedFilename()).toBe('switchboard-users-template-en.xlsx');
  expect(await readSheet(enXlsx.bytes)).toEqual([['First name', 'Last name', 'Email', 'License', 'Extension']]);

  // The export holds the admin who signed up, in the current language's columns.
  const exported = await downloaded(page, 'Export as CSV');
  expect(exported.bytes.toString('utf8')).toMatch(/^\uFEFFFirst name,Last name,Email,License,Extension\r\nClaire,Dupont,owner-[^,]+,Office,101\r\n$/);
  // Re-imported as it is, it is read back: the only row is the admin, already there.
  await chooseFile(page, { name: 'export.csv', mimeType: 'text/csv', buffer: exported.bytes });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(status(page)).toHaveText('0 valid rows, 1 row with errors.');
  await expect(page.locator('[data-line="2"]')).toContainText('Claire Dupont');

  await switchLanguage(page, 'Français');
  await axe();
  const enCsv = await downloaded(page, 'Modèle CSV (anglais)');
  expect(enCsv.bytes.toString('utf8')).toBe('\uFEFFFirst name,Last name,Email,License,Extension\r\n');
  const frXlsx = await downloaded(page, 'Modèle Excel (.xlsx) (français)');
  expect(await readSheet(frXlsx.bytes)).toEqual([['Prénom', 'Nom', 'E-mail', 'Type de licence', 'Poste']]);
  await expect(page.getByRole('button', { name: 'Choisir un fichier' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Fichier à importer (CSV ou Excel)' })).toBeVisible();
});

test('the template and the export are for administrators only', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const signedOut = await page.request.get('/setup/team/export?format=csv', { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()['location']).toContain('/sign-in');

  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(FIXTURE.member.email);
  await page.getByLabel('Password').fill(FIXTURE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/me$/);
  for (const path of ['/setup/team/export?format=csv', '/setup/team/template?format=xlsx&lang=fr']) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
    expect(await response.text()).not.toContain('@fixture.test');
  }
  await context.close();
});
