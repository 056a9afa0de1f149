import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // the end-to-end tests spawn bundles, flyctl stand-ins and tar: two cores are enough for two files at once
    maxWorkers: 2,
    reporters: ['default'],
  },
});
