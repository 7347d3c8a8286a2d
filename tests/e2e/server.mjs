// The browser tests' server: a fresh PGlite database in .data/e2e, the fixture company, then `npm start`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
process.chdir(root);
const dataDir = process.env.E2E_DATA_DIR ?? '.data/e2e';
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.DATABASE_URL = `pglite:${dataDir}/db`;
delete process.env.TEST_DATABASE_URL;
// The browser suite signs up a company per test from one address; the limit itself has its own tests.
process.env.SIGN_UPS_PER_HOUR ??= '500';

for (const script of ['scripts/migrate.ts', 'tests/e2e/seed.ts']) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('../../scripts/start.mjs');
