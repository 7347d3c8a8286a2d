import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The browser suite's server log (tests/e2e/server.mjs writes it), read once the browser tests
// are over: `npx vitest run --config tests/logs/vitest.config.ts`, with the same E2E_DATA_DIR as
// the Playwright run. Not in the main config: without a browser run there is no log to read.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, '../..') } },
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    include: ['tests/logs/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
