import { defineConfig } from 'vitest/config';

// Unit, service and HTTP tests. Each file copies a seeded database (test/global-setup.ts); PGlite takes
// about 350 MB per instance, so files run two at a time on this 2-core machine.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
