// Lighthouse on every card (issue 15 item 4), from `npm run bench`'s pages part: Debian's Chromium,
// the mobile default and the desktop preset, signed in (the session cookie as a request header),
// on the production server the page timings just used. Printed beside the targets: performance
// ≥ 95 on mobile and 100 on desktop, accessibility and best practices 100, no console error.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import { CHROMIUM } from './pages';

export const LIGHTHOUSE_TARGETS = { mobilePerformance: 95, desktopPerformance: 100, accessibility: 100, bestPractices: 100 };

type Scores = { performance: number; accessibility: number; bestPractices: number; consoleErrors: number; tbtMs: number };

async function audit(url: string, port: number, cookie: string, desktop: boolean): Promise<Scores> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    extraHeaders: { cookie, 'accept-language': 'en' },
  };
  const result = await lighthouse(url, flags, desktop ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const details = audits['errors-in-console']?.details as { items?: unknown[] } | undefined;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    consoleErrors: details?.items?.length ?? 0,
    tbtMs: audits['total-blocking-time']?.numericValue ?? NaN,
  };
}

/** Every route under both presets; true when every figure is within its target. */
export async function printLighthouse(base: string, cookie: string, routes: string[], users: number): Promise<boolean> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  let met = true;
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const t = LIGHTHOUSE_TARGETS;
  console.log(`\nLighthouse (${users.toLocaleString('en')} users, signed in; targets: performance ≥ ${t.mobilePerformance} mobile, ${t.desktopPerformance} desktop; accessibility ${t.accessibility}; best practices ${t.bestPractices}; no console error)`);
  try {
    for (const route of routes) {
      const mobile = await audit(`${base}${route}`, chrome.port, cookie, false);
      const desktop = await audit(`${base}${route}`, chrome.port, cookie, true);
      const checks = [
        mobile.performance >= t.mobilePerformance,
        desktop.performance >= t.desktopPerformance,
        Math.min(mobile.accessibility, desktop.accessibility) >= t.accessibility,
        Math.min(mobile.bestPractices, desktop.bestPractices) >= t.bestPractices,
        mobile.consoleErrors + desktop.consoleErrors === 0,
      ];
      met &&= checks.every(Boolean);
      console.log(
        `  ${route.padEnd(18)} performance ${mobile.performance} mobile (TBT ${mobile.tbtMs.toFixed(0)} ms) ${mark(checks[0]!)}, ${desktop.performance} desktop ${mark(checks[1]!)};` +
          ` accessibility ${mobile.accessibility}/${desktop.accessibility} ${mark(checks[2]!)}; best practices ${mobile.bestPractices}/${desktop.bestPractices} ${mark(checks[3]!)};` +
          ` console errors ${mobile.consoleErrors + desktop.consoleErrors} ${mark(checks[4]!)}`,
      );
    }
  } finally {
    await chrome.kill();
  }
  return met;
}
