import { randomBytes } from 'node:crypto';
import { expect, test } from '../fixtures';
import { pick } from '../combobox';
import { signUpNewCompany } from '../helpers';

const mac = () => randomBytes(6).toString('hex').toUpperCase().match(/../g)!.join(':');

/** Issue 15: the desk phone's owner is found by search (Office users only), never a list of everyone. */
test('a desk phone added on the Licences card goes to the Office user picked by search; a second one for her is refused', async ({ page, axe }) => {
  await signUpNewCompany(page);
  await page.goto('/setup/licences');
  const owner = page.getByRole('combobox', { name: 'Assign to (optional)' });
  await expect(owner).toHaveText('Nobody for now');

  await page.getByLabel('Model').fill('Yealink T46U');
  const first = mac();
  await page.getByLabel('MAC address').fill(first);
  await pick(owner, 'Clai', /^Claire Dupont \(101\)/);
  await expect(owner).toHaveText('Claire Dupont (101)');
  await axe();
  await page.getByRole('button', { name: 'Add desk phone' }).click();
  await expect(page.getByText('Desk phone added.')).toBeVisible();
  await expect(owner).toHaveText('Nobody for now');
  await expect(page.getByRole('row').filter({ hasText: first })).toContainText('Claire Dupont');

  // She holds one now: the picker says so, and the server refuses a second one next to the field.
  await page.getByLabel('Model').fill('Yealink T54W');
  const second = mac();
  await page.getByLabel('MAC address').fill(second);
  await pick(owner, 'Clai', /Desk phone: Yealink T46U/);
  await page.getByRole('button', { name: 'Add desk phone' }).click();
  await expect(page.getByText('Claire Dupont already has a desk phone (Yealink T46U): change it from their row on the Team card.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: second })).toHaveCount(0);
});
