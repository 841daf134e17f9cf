import { defineConfig } from 'vitest/config';

// All three projects share the two workers: test files of any project run side by side. Astro
// builds may overlap: each runs in a working folder of its own (tests/helpers/build.ts, and
// scripts/build.ts for each site it builds), where Astro stages its page code.
export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    maxWorkers: 2,
    setupFiles: ['tests/helpers/cleanup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000, globalSetup: ['tests/helpers/sites.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          globalSetup: ['tests/helpers/sites.ts', 'tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
