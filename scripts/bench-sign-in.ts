// `npm run bench:sign-in`: a normal user's sign-in while an attacker guesses another account's
// password (issue 12). The normal user signs in BENCH_SIGN_INS times (20) with no attack, then
// again while BENCH_ATTEMPTS wrong passwords (200) for the victim are sent BENCH_PARALLEL at a
// time (8) from another client address; the medians are printed beside the target.
//   default            starts the production build (tests/e2e/server.mjs: a fresh PGlite in
//                      .data/bench-sign-in, the fixture accounts) on BENCH_PORT (3411) with TRUST_PROXY
//   BASE_URL=http://…  a server already running with the fixture accounts of tests/e2e/seed.ts and
//                      TRUST_PROXY=true (so X-Forwarded-For names the client); BENCH_SERVER_LOG: its
//                      log, for the count of attempts that reached argon2
// Each sign-in is what Auth.js's Credentials flow takes over HTTP: GET /api/auth/csrf, then the
// form POST to /api/auth/callback/credentials, timed together.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { THROTTLE } from '../lib/auth/throttle';
import { FIXTURE } from '../tests/e2e/fixture-accounts';

const SIGN_INS = Number(process.env.BENCH_SIGN_INS ?? 20);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 200);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3411);
const DATA_DIR = '.data/bench-sign-in';
// The target is what throttling promises: guesses past the free ones never reach argon2 (one more
// each time a lock lapses). The latencies are figures, not targets: an attacker keeping 8
// requests in flight keeps the server's queue 8 deep whatever it answers, so what protects
// everyone else's sign-in from that is a per-address request limit in front of the app.
// Attacks repeat until the normal user has this many sign-ins during one (or MAX_ROUNDS are over).
const MAX_ROUNDS = 20;

const USER = { email: FIXTURE.admin.email, password: FIXTURE.password, address: '198.51.100.10' };
const VICTIM = { email: FIXTURE.member.email, address: '203.0.113.66' };

type Outcome = 'signed-in' | 'invalid' | 'throttled';

async function signIn(base: string, email: string, password: string, address: string): Promise<Outcome> {
  const headers = { 'x-forwarded-for': address };
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/setup' }),
  });
  await response.arrayBuffer();
  if (response.headers.getSetCookie().some((c) => /authjs\.session-token=[^;]/.test(c))) return 'signed-in';
  const location = new URL(response.headers.get('location') ?? '/', base);
  return location.searchParams.get('code') === 'throttled' ? 'throttled' : 'invalid';
}

async function timedSignIn(base: string) {
  const start = performance.now();
  const outcome = await signIn(base, USER.email, USER.password, USER.address);
  if (outcome !== 'signed-in') throw new Error(`the normal user's sign-in was refused (${outcome})`);
  return performance.now() - start;
}

/** ATTEMPTS wrong passwords for the victim, PARALLEL at a time; what the server answered. */
async function attack(base: string, round: number) {
  const answers: Record<Outcome, number> = { 'signed-in': 0, invalid: 0, throttled: 0 };
  let next = 0;
  const worker = async () => {
    while (next < ATTEMPTS) {
      const i = next++;
      answers[await signIn(base, VICTIM.email, `wrong guess ${round}-${i}`, VICTIM.address)]++;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return answers;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] ?? NaN) + (sorted[Math.ceil(mid)] ?? NaN)) / 2;
};
const ms = (v: number) => `${v.toFixed(0)} ms`;

/** pino's lines (lib/auth/credentials.ts): a failure ran argon2, a throttled attempt did not. */
function countLogged(logFile: string | undefined) {
  if (!logFile || !fs.existsSync(logFile)) return undefined;
  const events = fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .flatMap((line) => /"event":"(sign-in\.failed|sign-in\.throttled)"/.exec(line)?.[1] ?? []);
  return { argon2: events.filter((e) => e === 'sign-in.failed').length, throttled: events.filter((e) => e === 'sign-in.throttled').length };
}

async function startServer(): Promise<{ base: string; server: ChildProcess; logFile: string }> {
  const base = `http://localhost:${PORT}`;
  const server = spawn(process.execPath, ['tests/e2e/server.mjs'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(PORT), E2E_DATA_DIR: DATA_DIR, TRUST_PROXY: 'true', LOG_LEVEL: 'info' },
  });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    const up = await fetch(`${base}/sign-in`).then((r) => r.ok, () => false);
    if (up) return { base, server, logFile: path.join(DATA_DIR, 'server.log') };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${base} within 5 minutes`);
}

async function main() {
  process.chdir(path.resolve(import.meta.dirname, '..'));
  const own = process.env.BASE_URL ? undefined : await startServer();
  const base = process.env.BASE_URL?.replace(/\/$/, '') ?? own!.base;
  const logFile = own?.logFile ?? process.env.BENCH_SERVER_LOG;
  console.log(`server: ${base}${own ? ` (production build, fresh PGlite in ${DATA_DIR})` : ''}\n`);
  try {
    // Warm-up: the first requests compile nothing but load routes and argon2.
    for (let i = 0; i < 3; i++) await timedSignIn(base);
    const baseline: number[] = [];
    for (let i = 0; i < SIGN_INS; i++) baseline.push(await timedSignIn(base));

    const loggedBefore = countLogged(logFile);
    const underAttack: number[] = [];
    const answers: Record<Outcome, number> = { 'signed-in': 0, invalid: 0, throttled: 0 };
    let rounds = 0;
    let attackMs = 0;
    while (underAttack.length < SIGN_INS && rounds < MAX_ROUNDS) {
      const started = performance.now();
      let over = false;
      const round = attack(base, rounds++).finally(() => {
        over = true;
        attackMs += performance.now() - started;
      });
      // Only sign-ins started while the guesses are still being sent count.
      while (!over && underAttack.length < SIGN_INS) underAttack.push(await timedSignIn(base));
      for (const [k, v] of Object.entries(await round)) answers[k as Outcome] += v;
    }
    await new Promise((r) => setTimeout(r, 500));
    const loggedAfter = countLogged(logFile);

    const before = median(baseline);
    const during = median(underAttack);
    const sent = rounds * ATTEMPTS;
    const allowed = THROTTLE.signInAccount.free + rounds;
    let met = true;
    console.log(`normal user's sign-in (GET /api/auth/csrf + POST /api/auth/callback/credentials)`);
    console.log(`  baseline:     median ${ms(before)} over ${baseline.length} sign-ins`);
    console.log(`  under attack: median ${ms(during)} over ${underAttack.length} sign-ins (${(during / before).toFixed(1)}x the baseline)`);
    console.log(
      `attack: ${rounds} round(s) of ${ATTEMPTS} wrong passwords, ${PARALLEL} in parallel, ${ms(attackMs / rounds)} per round;` +
        ` answers: ${answers.invalid} wrong password, ${answers.throttled} throttled, ${answers['signed-in']} signed in`,
    );
    if (loggedBefore && loggedAfter) {
      const argon2 = loggedAfter.argon2 - loggedBefore.argon2;
      const throttled = loggedAfter.throttled - loggedBefore.throttled;
      met = argon2 <= allowed;
      console.log(
        `  server log: ${argon2} of ${sent} reached argon2, ${throttled} throttled before any hashing  ${met ? 'ok' : 'MISSED'} (target ≤ ${allowed})`,
      );
    } else {
      console.log(`  no server log to read (BENCH_SERVER_LOG): a "wrong password" answer reached argon2, a "throttled" one may not have`);
    }
    if (!met) process.exitCode = 1;
  } finally {
    if (own?.server.pid) process.kill(-own.server.pid, 'SIGTERM');
  }
}

await main();
