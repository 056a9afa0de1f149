import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // the end-to-end tests spawn bundles, flyctl stand-ins and tar: two cores are enough for two files at once
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      // the engine over in-memory ports and pure rules: no Ceph, no bundles; runs in seconds
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], globalSetup: ['test/tmp-root.ts'] },
      },
      // against the real Ceph RGW that global-setup starts: integration tests of single modules,
      // end-to-end tests of the shipped bundles and CLI, and the fault and hostile-input suites
      {
        extends: true,
        test: {
          name: 'system',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/faults/**/*.test.ts'],
          globalSetup: ['test/tmp-root.ts', 'test/global-setup.ts'],
        },
      },
    ],
  },
});
