import { defineConfig } from 'vitest/config';

// Browser journeys (playwright-core + the system Chromium) against a real server on a fresh database.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
