// The pages part of `npm run bench` (issue 15): against a production server on a fresh PGlite
// database, the floor page (app/floor: one line after `select 1`) and every card, signed in as the
// admin of a company of 10, 1,000 and 5,000 users imported through the app. Requests are
// interleaved (floor, card, card, …, floor, …) one at a time, so each card's median reads as a
// ratio to the floor's measured in the same minutes. Also the HTML size per card and the
// first-load JavaScript per route from the build (scripts/bench/first-load.ts).
//   NEXT_DIST_DIR   the build to serve (built first when it has no BUILD_ID)
//   BENCH_PORT      the server's port (3216)
//   BENCH_USERS     company sizes (10,1000,5000)
//   BENCH_PAGE_SECONDS  time budget per card and company size (15): at least 3 timed requests each
//   BENCH_LIGHTHOUSE    0 leaves out the Lighthouse runs (scripts/bench/lighthouse.ts), which need
//                       Debian's Chromium and take about 20 s per card and preset
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { firstLoadJs, frameworkJs } from './first-load';
import type { BenchAccount } from './seed-pages';

const root = path.resolve(import.meta.dirname, '..', '..');
const DIST = process.env.NEXT_DIST_DIR || '.next';
const PORT = Number(process.env.BENCH_PORT ?? 3216);
const SIZES = (process.env.BENCH_USERS ?? '10,1000,5000').split(',').map(Number);
const PAGE_BUDGET_MS = Number(process.env.BENCH_PAGE_SECONDS ?? 15) * 1000;
const WARMUP = 3;
const FLOOR = '/floor';
export const CHROMIUM = '/usr/bin/chromium';
const CARDS = ['/setup/company', '/setup/team', '/setup/licences', '/setup/extensions', '/setup/numbers', '/setup/calls', '/setup/review'];

export const TARGETS = {
  floorJsKb: 100,
  routeJsKb: 130,
  htmlKb: 150,
  /** Median vs the floor at 1,000 users (one request at a time). */
  ratioAt1000: 2,
  /** The 5,000-user median vs the 1,000-user one: flat, not linear. */
  growth5000: 1.1,
};

const kb = (bytes: number) => bytes / 1000;
const fmtKb = (bytes: number) => `${kb(bytes).toFixed(1)} kB`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return ((s[Math.floor(mid)] ?? NaN) + (s[Math.ceil(mid)] ?? NaN)) / 2;
}

function ensureBuild() {
  if (fs.existsSync(path.join(root, DIST, 'BUILD_ID'))) return;
  console.log(`no production build in ${DIST}: building…`);
  const built = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { stdio: 'inherit', cwd: root, env: process.env });
  if (built.status !== 0) throw new Error('next build failed');
}

export function printFirstLoad(): boolean {
  const routes = firstLoadJs(path.join(root, DIST));
  const framework = frameworkJs(path.join(root, DIST));
  console.log(`first-load JavaScript per route (${DIST}, gzip; Next's and React's runtime alone: ${fmtKb(framework)} of each)`);
  let met = true;
  for (const r of routes) {
    const target = r.route === FLOOR ? TARGETS.floorJsKb : TARGETS.routeJsKb;
    const ok = kb(r.gzipBytes) <= target;
    met &&= ok;
    console.log(`  ${r.route.padEnd(22)} ${fmtKb(r.gzipBytes).padStart(9)}  (app ${fmtKb(r.gzipBytes - framework).padStart(8)})  target ≤ ${target} kB  ${mark(ok)}`);
  }
  return met;
}

export async function signIn(base: string, account: BenchAccount) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email: account.email, password: account.password, callbackUrl: '/setup' }),
  });
  await res.arrayBuffer();
  const session = res.headers.getSetCookie().find((c) => /authjs\.session-token=[^;]/.test(c));
  if (!session) throw new Error(`sign-in refused for the ${account.users}-user company`);
  return session.split(';')[0]!;
}

// BENCH_SAVE_HTML=dir keeps the last HTML of each page there, to see what makes a page heavy.
const SAVE_HTML = process.env.BENCH_SAVE_HTML;

async function timedGet(base: string, route: string, cookie: string, label = '') {
  const start = performance.now();
  const res = await fetch(`${base}${route}`, { headers: { cookie, 'accept-language': 'en' }, redirect: 'manual' });
  const body = await res.arrayBuffer();
  const ms = performance.now() - start;
  if (SAVE_HTML && label) {
    fs.mkdirSync(SAVE_HTML, { recursive: true });
    fs.writeFileSync(path.join(SAVE_HTML, `${label}${route.replaceAll('/', '_')}.html`), Buffer.from(body));
  }
  return { ms, bytes: body.byteLength, status: res.status };
}

type PageFigures = { route: string; median: number; runs: number; bytes: number; failed?: number };

/** Rounds of floor + every card still within its budget, until every card has its runs. */
async function measureCompany(base: string, cookie: string, users: number) {
  const times = new Map<string, number[]>([[FLOOR, []], ...CARDS.map((c) => [c, []] as [string, number[]])]);
  const spent = new Map<string, number>();
  const bytes = new Map<string, number>();
  const failed = new Map<string, number>();
  // Warm-up: each route WARMUP times (the first renders load server chunks and warm the JIT and
  // the database's caches). A page that does not answer 200 is reported as such and left out, so
  // one broken card does not hide the others.
  for (let i = 0; i < WARMUP; i++) {
    for (const route of [FLOOR, ...CARDS]) {
      if (failed.has(route)) continue;
      const { bytes: size, status } = await timedGet(base, route, cookie, i === 0 ? String(users) : '');
      bytes.set(route, size);
      if (status !== 200) failed.set(route, status);
    }
  }
  if (failed.has(FLOOR)) throw new Error(`${FLOOR}: HTTP ${failed.get(FLOOR)}`);
  const measured = CARDS.filter((c) => !failed.has(c));
  for (let round = 0; ; round++) {
    const active = measured.filter((c) => (times.get(c)!.length < 3 || (spent.get(c) ?? 0) < PAGE_BUDGET_MS) && times.get(c)!.length < 30);
    if (active.length === 0) break;
    for (const route of [FLOOR, ...active]) {
      const { ms } = await timedGet(base, route, cookie);
      times.get(route)!.push(ms);
      spent.set(route, (spent.get(route) ?? 0) + ms);
    }
  }
  const figures = (route: string): PageFigures => ({
    route,
    median: median(times.get(route)!),
    runs: times.get(route)!.length,
    bytes: bytes.get(route)!,
    failed: failed.get(route),
  });
  return { floor: figures(FLOOR), cards: CARDS.map(figures) };
}

async function startServer(dataDir: string) {
  const base = `http://localhost:${PORT}`;
  const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(PORT)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: `pglite:${dataDir}/db`, AUTH_SECRET: crypto.randomBytes(32).toString('base64'), NEXT_DIST_DIR: DIST, LOG_LEVEL: 'warn' },
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    if (await fetch(`${base}${FLOOR}`).then((r) => r.ok, () => false)) return { base, stop: () => server.pid && process.kill(-server.pid, 'SIGTERM') };
    await new Promise((r) => setTimeout(r, 300));
  }
  server.kill();
  throw new Error(`no answer from ${base} within 2 minutes`);
}

export async function runPageBench(): Promise<boolean> {
  ensureBuild();
  let met = printFirstLoad();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-pages-'));
  console.log(`\nseeding companies of ${SIZES.join(', ')} users through the import…`);
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/seed-pages.ts', ...SIZES.map(String)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `pglite:${dataDir}/db` },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);
  const accounts = JSON.parse(seeded.stdout.trim().split('\n').at(-1)!) as BenchAccount[];
  for (const a of accounts) console.log(`  ${a.users.toLocaleString('en')} users imported in ${(a.importMs / 1000).toFixed(2)} s`);
  const server = await startServer(dataDir);
  const results = new Map<number, Awaited<ReturnType<typeof measureCompany>>>();
  let lighthouseMet = true;
  try {
    const cookies = new Map<number, string>();
    for (const account of accounts) {
      process.stdout.write(`running: pages at ${account.users.toLocaleString('en')} users…\n`);
      cookies.set(account.users, await signIn(server.base, account));
      results.set(account.users, await measureCompany(server.base, cookies.get(account.users)!, account.users));
    }
    met = printPages(results) && met;
    // The company the issue scores (1,000 users), else the largest seeded.
    const scored = cookies.has(1000) ? 1000 : Math.max(...cookies.keys());
    if (process.env.BENCH_LIGHTHOUSE === '0') console.log('\nLighthouse: left out (BENCH_LIGHTHOUSE=0)');
    else if (!fs.existsSync(CHROMIUM)) console.log(`\nLighthouse: not measured (no Chromium at ${CHROMIUM})`);
    else {
      // Loaded only here: Lighthouse is large, and the rest of the bench does not need it.
      const { printLighthouse } = await import('./lighthouse');
      lighthouseMet = await printLighthouse(server.base, cookies.get(scored)!, [FLOOR, ...CARDS], scored);
    }
  } finally {
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return met && lighthouseMet;
}

function printPages(results: Map<number, Awaited<ReturnType<typeof measureCompany>>>) {
  let met = true;
  console.log('\npages (production server, one request at a time, interleaved with the floor; HTML uncompressed)');
  for (const [users, { floor, cards }] of results) {
    console.log(`  ${users.toLocaleString('en')} users: floor ${floor.median.toFixed(1)} ms median over ${floor.runs}, HTML ${fmtKb(floor.bytes)}`);
    for (const c of cards) {
      if (c.failed) {
        met = false;
        console.log(`    ${c.route.padEnd(18)} HTTP ${c.failed}: not measured  MISSED`);
        continue;
      }
      const ratio = c.median / floor.median;
      const htmlOk = kb(c.bytes) <= TARGETS.htmlKb;
      let ratioNote = '';
      if (users === 1000) {
        const ok = ratio <= TARGETS.ratioAt1000;
        met &&= ok;
        ratioNote = `target ≤ ${TARGETS.ratioAt1000}x  ${mark(ok)}`;
      } else if (users === 5000 && results.get(1000)?.cards.some((x) => x.route === c.route && !x.failed)) {
        const at1000 = results.get(1000)!;
        const before = at1000.cards.find((x) => x.route === c.route)!;
        const growth = ratio / (before.median / at1000.floor.median);
        const ok = growth <= TARGETS.growth5000;
        met &&= ok;
        ratioNote = `${growth.toFixed(2)}x the 1,000-user ratio, target ≤ ${TARGETS.growth5000}x  ${mark(ok)}`;
      }
      met &&= htmlOk;
      console.log(
        `    ${c.route.padEnd(18)} ${`${ratio.toFixed(1)}x`.padStart(6)} the floor (${c.median.toFixed(0)} ms, ${c.runs} runs) ${ratioNote.padEnd(50)}` +
          ` HTML ${fmtKb(c.bytes).padStart(10)}  target ≤ ${TARGETS.htmlKb} kB  ${mark(htmlOk)}`,
      );
    }
  }
  return met;
}
