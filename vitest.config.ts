import { defineConfig } from 'vitest/config';

// Node tests run against real SQLite files in temp folders; renderer component tests (.tsx)
// run in jsdom. Playwright end-to-end tests live in tests/e2e and are run by `playwright test`.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/crash/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/fixtures/global-setup.ts'],
    allowOnly: false,
  },
});
