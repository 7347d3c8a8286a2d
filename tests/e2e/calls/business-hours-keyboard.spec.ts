import type { Page } from '@playwright/test';
import { focusWalk } from '../a11y/focus-probe';
import { expect, test } from '../fixtures';
import { signUpNewCompany } from '../helpers';

// Issue 14's browser test, with the keyboard only from the Call handling card on: a company in
// Lausanne (Vaud) sets Monday to Friday by typing the times (and stepping one with an arrow key),
// picks the CH-VD calendar, sends closed calls to another number (the target picker), saves; then on the Phone
// numbers card simulates a call on a Saturday to the main number and reads that number in the
// result. Every key press is judged by the focus probe: the focused control is always visible.

type Walk = ReturnType<typeof focusWalk>;

/** The focused control's accessible name as a sighted user reads it: aria-label, its label, or its text. */
async function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return '';
    const label = el.labels?.[0] as HTMLElement | undefined;
    return (el.getAttribute('aria-label') ?? label?.innerText ?? el.innerText ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Tab (or Shift+Tab) until the control named `name` has focus; a time input's own fields do not count. */
async function tabTo(page: Page, walk: Walk, name: string | RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 120) {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let i = 0; i < max; i++) {
    await walk.press(key);
    if (matches(await focusedName(page))) return;
  }
  throw new Error(`${key} never reached "${String(name)}" (last: "${await focusedName(page)}")`);
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/**
 * The confirmation toast, then its leaving. Known problem, left to the shell: a toast sits over
 * the bottom-right of the page and covers the controls Tab brings into view there (the focus
 * probe reports them), so the walk goes on once it has gone.
 */
async function saved(page: Page, text: string) {
  const toast = page.locator('[data-sonner-toast]').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await expect(toast).toHaveCount(0, { timeout: 15_000 });
}

test('business hours with the keyboard, the CH-VD calendar, a simulated Saturday call reaches the closed target', async ({ page, axe }) => {
  await signUpNewCompany(page, { country: 'CH' });
  // The Vaud address (not the keyboard part): the card then suggests the canton's calendar.
  await page.goto('/setup/company');
  const address = page.getByRole('group', { name: 'Emergency address' });
  await address.getByLabel('Street address').fill('Avenue de la Gare 10');
  await address.getByLabel('City').fill('Lausanne');
  await address.getByLabel('Postal code').fill('1003');
  await address.getByLabel('Region').fill('Vaud');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.goto('/setup/calls');
  await expect(page.locator('[data-banner="calls-not-saved"]')).toBeVisible();
  const walk = focusWalk(page);

  // Monday to Friday 08:00-17:30, typed into the hour, minute and AM/PM fields (en-US shows 12 h).
  for (const day of WEEKDAYS) {
    await tabTo(page, walk, `${day}, interval 1: opens at`);
    await walk.type('0800A');
    await tabTo(page, walk, `${day}, interval 1: closes at`);
    if (day === 'Friday') {
      // Friday ends at 16:00: the suggested 18:00 stepped down two hours with the arrow key.
      await walk.press('ArrowDown');
      await walk.press('ArrowDown');
    } else {
      await walk.type('0530P');
    }
  }
  for (const day of WEEKDAYS.slice(0, 4)) await expect(page.getByLabel(`${day}, interval 1: closes at`)).toHaveValue('17:30');
  await expect(page.getByLabel('Monday, interval 1: opens at')).toHaveValue('08:00');
  await expect(page.getByLabel('Friday, interval 1: closes at')).toHaveValue('16:00');
  await expect(page.locator('[data-day="sat"]')).toContainText('Closed');
  await expect(page.locator('[data-day="sun"]')).toContainText('Closed');

  await tabTo(page, walk, 'Save business hours');
  await walk.press('Enter');
  await saved(page, 'Business hours saved.');
  // Focus stays on the button, so the keyboard user goes on from where they were.
  await expect(page.getByRole('button', { name: 'Save business hours' })).toBeFocused();
  await expect(page.locator('[data-banner="calls-not-saved"]')).toBeHidden();
  await axe();

  // The calendar: the address's canton is proposed; picked again by keyboard (Home: none, then
  // type-ahead on "Vaud"), then used.
  await tabTo(page, walk, /^Holiday calendar/);
  await expect(page.getByLabel('Holiday calendar')).toHaveValue('CH-VD');
  await walk.press('Home');
  await expect(page.getByLabel('Holiday calendar')).toHaveValue('');
  await walk.type('Vaud');
  await expect(page.getByLabel('Holiday calendar')).toHaveValue('CH-VD');
  await tabTo(page, walk, 'Use this calendar');
  await walk.press('Enter');
  await saved(page, 'Holiday calendar saved.');
  await expect(page.getByRole('button', { name: 'Use this calendar' })).toBeFocused();
  // Vaud's own holiday, the Monday after the federal fast (Lundi du Jeûne fédéral).
  await expect(
    page.getByRole('region', { name: 'Holidays in 2026' }).locator('[data-holiday="monday after 3rd sunday in September"]'),
  ).toBeVisible();

  // When closed: another number. The picker opens with Enter (focus in its search box); the
  // fixed choice is offered first, whatever the search; arrows move, Enter picks, focus comes back.
  await tabTo(page, walk, /^Closed\b/);
  const closed = page.getByRole('combobox', { name: 'Closed', exact: true });
  await expect(closed).toBeFocused();
  await walk.press('Enter');
  const another = page.getByRole('option', { name: 'Another number' });
  await expect(another).toBeVisible();
  for (let i = 0; i < 10 && (await another.getAttribute('aria-selected')) !== 'true'; i++) await walk.press('ArrowDown');
  await expect(another).toHaveAttribute('aria-selected', 'true');
  await walk.press('Enter');
  await expect(closed).toHaveText('Another number');
  await expect(closed).toBeFocused();
  await tabTo(page, walk, /^Number to ring when “Closed”/);
  await walk.type('021 555 01 00');
  await tabTo(page, walk, 'Save what rings');
  await walk.press('Enter');
  await saved(page, 'What rings in each state is saved.');
  await expect(page.getByRole('button', { name: 'Save what rings' })).toBeFocused();
  await axe();
  expect(walk.problems, 'focus not visible on the Call handling card').toEqual([]);

  // The Phone numbers card: the main number's call flow, opened and simulated by keyboard.
  await page.goto('/setup/numbers');
  walk.restart();
  const main = (await page.locator('tbody tr').first().getAttribute('data-number'))!;
  const flow = page.locator(`details[data-call-flow="${main}"]`);
  await tabTo(page, walk, new RegExp(`^Call flow of ${main}`));
  // A link: a new page showing that number's flow, whose focus starts on nothing.
  await page.keyboard.press('Enter');
  walk.restart();
  await expect(flow).toHaveAttribute('open', '');
  await expect(flow).toContainText("Follows the company's business hours (Europe/Zurich).");
  await expect(flow.locator('[data-branch="closed"] [data-step]')).toHaveText(['Forwarded to 021 555 01 00']);

  // Saturday 9 January 2027, 10:00 in Zurich: month, day and year typed, Tab, then the time.
  await tabTo(page, walk, 'Simulate a call at (date and time in Europe/Zurich)');
  await walk.type('01092027');
  await walk.press('Tab');
  await walk.type('1000A');
  await expect(flow.getByLabel('Simulate a call at (date and time in Europe/Zurich)')).toHaveValue('2027-01-09T10:00');
  await tabTo(page, walk, 'Simulate');
  // A GET form: a new page, whose focus starts on nothing.
  await page.keyboard.press('Enter');
  walk.restart();
  await expect(page).toHaveURL(/simulate=.*&at=2027-01-09T10%3A00/);
  const result = page.locator(`details[data-call-flow="${main}"] [data-simulation]`);
  await expect(result).toContainText('A call on January 9, 2027 at 10:00 AM');
  await expect(result).toContainText('The company is closed.');
  await expect(result).toContainText('No phone rings.');
  await expect(result).toContainText('The call is forwarded to 021 555 01 00.');
  await axe();
  expect(walk.problems, 'focus not visible on the Phone numbers card').toEqual([]);
  expect(walk.lost, 'keys after which focus was on nothing').toEqual([]);
});
