import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/db-template.ts'],
    // The Neon driver test needs the PostgreSQL server behind a WebSocket proxy: it belongs to the PostgreSQL run only.
    exclude: process.env.TEST_DB === 'pg' ? [] : ['tests/integration/neon-driver.test.ts'],
    // argon2 hashing and per-file migrations are real work, not mocks.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
