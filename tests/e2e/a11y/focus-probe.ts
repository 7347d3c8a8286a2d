import type { Page } from '@playwright/test';

export type FocusReport = { what: string; problem: string | null };

/**
 * Runs in the page after each Tab: judges the focused control as a sighted keyboard user would.
 * Its focused look must differ from its look once focus has moved on (outline or box-shadow),
 * an outline must reach 3:1 against what is behind it (WCAG 1.4.11), and the control must not be
 * covered (WCAG 2.4.11): the topmost element at its centre is the control, inside it, or its label.
 * The unfocused look of the previous control is read at the next step, once focus has left it.
 */
function probe(): FocusReport | null {
  type Look = { outline: string; shadow: string };
  type Seen = { el: Element; focused: Look; problem: string | null; what: string };
  const w = window as unknown as { __focusSeen?: Seen[] };
  const seen = (w.__focusSeen ??= []);

  const look = (el: Element): Look => {
    const s = getComputedStyle(el);
    const outline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
    return { outline, shadow: s.boxShadow };
  };
  const rgb = (color: string) => {
    const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d')!;
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return { r: r!, g: g!, b: b!, a: a! };
  };
  const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const backdrop = (el: Element) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = rgb(getComputedStyle(p).backgroundColor);
      if (c.a === 255) return c;
    }
    return rgb(getComputedStyle(document.documentElement).backgroundColor || '#fff');
  };

  const last = seen.at(-1);
  // Tab moved within the same control (a time or date input's hour and minute fields): it has
  // not lost focus yet, so its baseline is read when it does.
  if (last && document.activeElement === last.el) return null;
  // The previous control has lost focus: its own look is the baseline.
  let done: FocusReport | null = null;
  if (last) {
    const now = look(last.el);
    const differs = now.outline !== last.focused.outline || now.shadow !== last.focused.shadow;
    done = { what: last.what, problem: last.problem ?? (differs ? null : 'looks the same focused and unfocused') };
  }

  const el = document.activeElement;
  if (!el || el === document.body) {
    if (last) seen.length = 0;
    return done;
  }
  const what = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().slice(0, 40)}"`;
  const focused = look(el);
  let problem: string | null = null;
  if (focused.outline !== 'none') {
    const s = getComputedStyle(el);
    const L1 = luminance(rgb(s.outlineColor));
    const L2 = luminance(backdrop(el));
    const ratio = (Math.max(L1, L2) + 0.05) / (Math.min(L1, L2) + 0.05);
    if (ratio < 3) problem = `outline contrast ${ratio.toFixed(2)}:1`;
  } else if (focused.shadow === 'none') problem = 'no outline and no box-shadow';
  const box = el.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const labels = (el as HTMLInputElement).labels ? [...(el as HTMLInputElement).labels!] : [];
  if (!hit || !(hit === el || el.contains(hit) || labels.some((l) => l.contains(hit)))) {
    problem ??= `covered by ${hit ? hit.tagName.toLowerCase() + '.' + String((hit as HTMLElement).className).slice(0, 40) : 'nothing (off screen)'}`;
  }
  seen.push({ el, focused, problem, what });
  return done;
}

/**
 * Presses `key` `count` times and returns, for each control reached, what is wrong with its focus
 * indicator (null: nothing). One extra press moves focus off the last one to read its baseline.
 */
export async function tabThrough(page: Page, count: number, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<FocusReport[]> {
  await page.evaluate(() => delete (window as unknown as { __focusSeen?: unknown }).__focusSeen);
  const reports: FocusReport[] = [];
  for (let i = 0; i <= count; i++) {
    await page.keyboard.press(key);
    const report = await page.evaluate(probe);
    if (report) reports.push(report);
  }
  return reports;
}

/**
 * A keyboard walk of any keys (Tab, arrows, Space, Enter, typing), each press judged like
 * tabThrough's: `problems` lists every control left so far whose focus was not visible, and
 * `lost` every key after which focus was on nothing (<body>) though it had been on a control.
 */
export function focusWalk(page: Page) {
  const problems: string[] = [];
  const lost: string[] = [];
  let onControl = false;
  const judge = async (what: string) => {
    const report = await page.evaluate(probe);
    if (report?.problem) problems.push(`${report.what}: ${report.problem}`);
    const now = await page.evaluate(() => Boolean(document.activeElement && document.activeElement !== document.body));
    if (onControl && !now) lost.push(what);
    onControl = now;
  };
  return {
    problems,
    lost,
    async press(key: string) {
      await page.keyboard.press(key);
      await judge(key);
    },
    async type(text: string) {
      await page.keyboard.type(text);
      await judge(`typing "${text}"`);
    },
    /** A new page: focus starts on nothing again. */
    restart() {
      onControl = false;
    },
  };
}
