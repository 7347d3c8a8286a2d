import { expect, test } from '../fixtures';
import { signUpNewCompany } from '../helpers';

// The call-flow preview (issue 14): the Phone numbers card's flow of the number chosen, with its
// steps and a simulated call, and the Extensions card's "Reached by".

test('the main number rings the admin at any hour; a simulated Saturday call names who rings; the extension is reached by it', async ({ page, axe }) => {
  await signUpNewCompany(page);
  await page.goto('/setup/numbers');
  const national = (await page.locator('tbody tr').first().getAttribute('data-number'))!;
  // One number's flow at a time: none is in the page until it is chosen.
  const flow = page.locator(`details[data-call-flow="${national}"]`);
  await expect(page.locator('details[data-call-flow]')).toHaveCount(0);
  await page.getByRole('link', { name: `Call flow of ${national}` }).click();
  await expect(page).toHaveURL(/flow=/);
  await expect(flow).toHaveAttribute('open', '');
  await expect(flow).toContainText('No business hours in effect: the number rings at any hour.');
  const steps = flow.getByRole('list', { name: `Steps of a call to ${national}, at any hour` });
  // The arrows between steps are decoration, hidden from screen readers: the list is the diagram.
  await expect(steps.getByRole('listitem')).toHaveCount(2);
  await expect(steps.locator('[data-step]')).toHaveText(['Claire Dupont (101) rings for 60 seconds', 'If nobody answers, the call ends.']);
  await axe();

  await flow.getByLabel('Simulate a call at (date and time in Europe/Paris)').fill('2027-01-09T10:00');
  await flow.getByRole('button', { name: 'Simulate' }).click();
  await expect(page).toHaveURL(/simulate=.*&at=2027-01-09T10%3A00/);
  const result = page.locator(`details[data-call-flow="${national}"] [data-simulation]`);
  await expect(result).toContainText('A call on January 9, 2027 at 10:00 AM');
  await expect(result).toContainText('1. Claire Dupont (101) rings for 60 seconds');
  await expect(result).toContainText('If nobody answers, the call ends.');
  await axe();

  await page.goto('/setup/extensions');
  await expect(page.locator('li[data-reached-by="101"]')).toContainText(`${national} (at any hour)`);
  await axe();
});
