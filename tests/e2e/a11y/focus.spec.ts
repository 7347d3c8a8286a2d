import { ADMIN_STATE, expect, test } from '../fixtures';
import { signUpNewCompany } from '../helpers';
import { tabThrough } from './focus-probe';
import { ADMIN_PAGES, LOCALES, useLocale } from './pages';

const CONTROLS = 15;

test.describe('signed in as admin', () => {
  test.use({ storageState: ADMIN_STATE });

  for (const locale of LOCALES) {
    test(`${locale}: the first ${CONTROLS} controls of every page show a visible, uncovered focus indicator in both themes`, async ({
      page,
    }) => {
      await useLocale(page, locale);
      const problems: string[] = [];
      for (const path of ADMIN_PAGES) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        const light = await tabThrough(page, CONTROLS);
        expect(light.length, `${path}: controls reached`).toBeGreaterThanOrEqual(Math.min(CONTROLS, 5));
        // The dark palette (the `.dark` class of globals.css) on the way back up.
        await page.evaluate(() => document.documentElement.classList.add('dark'));
        const dark = await tabThrough(page, CONTROLS, 'Shift+Tab');
        for (const [theme, reports] of [['light', light], ['dark', dark]] as const) {
          for (const r of reports) if (r.problem) problems.push(`${path} (${theme}) ${r.what}: ${r.problem}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  test('the toaster region is labelled in the page language, and the favicon exists', async ({ page, request }) => {
    await useLocale(page, 'fr');
    await page.goto('/setup');
    await expect(page.getByRole('region', { name: 'Notifications (Alt+T pour y accéder)' })).toBeAttached();
    await useLocale(page, 'en');
    await page.reload();
    await expect(page.getByRole('region', { name: 'Notifications (Alt+T to reach them)' })).toBeAttached();

    const favicon = await request.get('/favicon.ico');
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/^image\//);
    const icon = page.locator('head link[rel="icon"][type="image/svg+xml"]');
    const href = await icon.getAttribute('href');
    expect((await request.get(href!)).status()).toBe(200);
  });
});

test('focus goes back to what opened a dialog or a confirmation, and to a control, never <body>, after the change', async ({
  page,
}) => {
  await signUpNewCompany(page);
  await page.goto('/setup/team');
  const toaster = page.getByRole('region', { name: 'Notifications (Alt+T to reach them)' });
  const dialog = page.getByRole('dialog');

  // Escape: back on the button that opened it.
  const addUser = page.getByRole('button', { name: 'Add user' });
  await addUser.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(addUser).toBeFocused();

  // Save: announced by the live region, focus back on Add user (the new row is there).
  await page.keyboard.press('Enter');
  await dialog.getByLabel('First name').fill('Léa');
  await dialog.getByLabel('Last name').fill('Focus');
  await dialog.getByLabel('E-mail').fill(`lea-${Date.now()}@example.com`);
  await dialog.getByRole('button', { name: 'Save', exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toaster).toContainText('User added.');
  await expect(page.getByRole('row', { name: /Léa Focus/ })).toBeVisible();
  await expect(addUser).toBeFocused();

  // A row's pencil: Escape brings focus back to that pencil.
  const edit = page.getByRole('button', { name: 'Edit Léa Focus' });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Last name')).toHaveValue('Focus');
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();

  // A confirmation cancelled with Escape: back on its trigger.
  const remove = page.getByRole('button', { name: 'Remove Léa Focus' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(remove).toBeFocused();

  // Confirmed: the row and its button are gone; focus lands on a control of the table, not <body>.
  await page.keyboard.press('Enter');
  // Remove waits for what the removal affects to load.
  const confirmRemove = confirm.getByRole('button', { name: 'Remove', exact: true });
  await expect(confirmRemove).toBeEnabled();
  await confirmRemove.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(toaster).toContainText('Léa Focus was removed.');
  await expect(page.getByRole('row', { name: /Léa Focus/ })).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('table') !== null && document.activeElement !== document.body))
    .toBe(true);
  // ...and it is still there once the refreshed page has settled.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.activeElement?.closest('table') !== null)).toBe(true);
});
