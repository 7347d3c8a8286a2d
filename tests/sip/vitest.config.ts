import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The SIP suite (telephony/README.md): `npx vitest run --config tests/sip/vitest.config.ts`.
// Needs kamailio, sipp and TEST_DATABASE_URL; one file, one database, one Kamailio at a time.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, '../..') } },
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    include: ['tests/sip/**/*.test.ts'],
    environment: 'node',
    // createTestDatabase() reads TEST_DB when tests/helpers/db.ts loads: always PostgreSQL here.
    env: { TEST_DB: 'pg', TZ: 'UTC' },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
