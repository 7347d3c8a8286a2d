// `npm test`: typecheck, lint, unit + integration on PGlite, integration on PostgreSQL when
// TEST_DATABASE_URL is set, the SIP suite (a real Kamailio driven by SIPp) when kamailio and sipp
// are installed too, then the browser tests against the production build and a check of their server's log.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

process.chdir(path.resolve(import.meta.dirname, '..'));
const bin = (name) => path.join('node_modules', '.bin', name);

const steps = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  // The tests' own config: the app's, without noUncheckedIndexedAccess (a test indexes what it just made).
  ['typecheck (tests)', bin('tsc'), ['--noEmit', '-p', 'tests']],
  ['lint', bin('eslint'), ['.']],
  ['unit + integration (PGlite)', bin('vitest'), ['run'], { TEST_DB: 'pglite' }],
];
if (process.env.TEST_DATABASE_URL) {
  steps.push(['integration (PostgreSQL)', bin('vitest'), ['run', 'tests/integration'], { TEST_DB: 'pg' }]);
} else {
  console.log('TEST_DATABASE_URL is not set: the PostgreSQL run of the integration tests is left out.');
}
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
if (process.env.TEST_DATABASE_URL && has('kamailio') && has('sipp')) {
  steps.push(['SIP (Kamailio + SIPp)', bin('vitest'), ['run', '--config', 'tests/sip/vitest.config.ts']]);
} else {
  console.log('The SIP suite needs TEST_DATABASE_URL, kamailio and sipp (see telephony/README.md): left out.');
}
steps.push(['browser (Playwright, Chromium)', bin('playwright'), ['test']]);
// The browser suite's server log (tests/e2e/server.mjs wrote it): no secret in any line, failed sign-ins one line each.
steps.push(['server log of the browser tests', bin('vitest'), ['run', '--config', 'tests/logs/vitest.config.ts']]);

const timings = [];
for (const [label, cmd, args, env] of steps) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✔ all steps passed\n  ${timings.join('\n  ')}`);
