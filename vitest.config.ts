import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/**/*.test.ts includes the dashboard's browser tests (test/browser/*.browser.test.ts).
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    globalSetup: ['test/browser/support/global-setup.ts', 'test/support/postgres-global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
