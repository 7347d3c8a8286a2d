import { expect, type Locator } from '@playwright/test';

/**
 * Chooses in a server-searched combobox (components/forms/server-combobox.tsx) as a keyboard
 * user would: focus the trigger, type (which opens it with what was typed), wait for the
 * option, Enter. The list is portaled, so it is looked up on the page.
 */
export async function pick(trigger: Locator, search: string, option: string | RegExp, { stayOpen = false } = {}) {
  const page = trigger.page();
  await trigger.focus();
  await trigger.press(search ? search[0]! : 'Enter');
  const input = page.locator('[cmdk-input]');
  await expect(input).toBeFocused();
  await page.keyboard.type(search.slice(1));
  await expect(input).toHaveValue(search);
  const listbox = page.getByRole('listbox');
  const choice = listbox.getByRole('option', { name: option }).first();
  await expect(choice).toBeVisible();
  // cmdk moves its active option with the pointer or arrows: hovering makes ours the active one.
  await choice.hover();
  await expect(choice).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  // A picker that adds several in a row stays open: Escape closes it.
  if (stayOpen) await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(trigger).toBeFocused();
}
