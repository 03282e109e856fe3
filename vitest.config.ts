import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/**/*.test.ts includes the dashboard's browser tests (test/browser/*.browser.test.ts).
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    globalSetup: ['test/browser/support/global-setup.ts', 'test/support/postgres-global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Two test files at a time: most of a file's time is waiting on PostgreSQL, DuckDB or Chromium, so two
    // overlap well on the 2-core CI machine (vitest's default there is one). Files are isolated: every engine gets
    // its own DuckDB file or PostgreSQL schema, every bus its own stream, the browser demo is built once.
    maxWorkers: 2,
  },
});
