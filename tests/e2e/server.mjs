// The browser tests' server: a fresh PGlite database in .data/e2e, the fixture company, then `npm start`.
// Everything it prints also goes to <data dir>/server.log, which tests/logs/server-log.test.ts
// reads after the browser tests: no secret may reach a log line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
process.chdir(root);
const dataDir = process.env.E2E_DATA_DIR ?? '.data/e2e';
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
process.env.DATABASE_URL = `pglite:${dataDir}/db`;
delete process.env.TEST_DATABASE_URL;
// The browser suite signs up a company per test from one address; the limit itself has its own tests.
process.env.SIGN_UPS_PER_HOUR ??= '500';

// Written synchronously, chunk by chunk: Playwright ends the server with SIGKILL, and what was
// written before that must already be in the file.
const logFd = fs.openSync(path.join(dataDir, 'server.log'), 'a');
const tee = (stream) => (chunk) => {
  stream.write(chunk);
  fs.writeSync(logFd, chunk);
};

for (const script of ['scripts/migrate.ts', 'tests/e2e/seed.ts']) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: ['inherit', 'pipe', 'pipe'] });
  tee(process.stdout)(result.stdout);
  tee(process.stderr)(result.stderr);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, ['scripts/start.mjs'], { stdio: ['inherit', 'pipe', 'pipe'] });
server.stdout.on('data', tee(process.stdout));
server.stderr.on('data', tee(process.stderr));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
