import { defineConfig } from 'vitest/config';

/** The patient-id key ring of the tests (never the development key): a fixed test key. */
const TEST_ENV = { PATIENT_ID_KEYS: 'test:dGVzdC1rZXktZm9yLXZpdGVzdC1vbmx5LTAwMDAwMDA=' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          env: TEST_ENV,
          include: ['app/**/*.test.ts', 'server/**/*.test.ts', 'vite/**/*.test.ts'],
          exclude: ['**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'int',
          env: TEST_ENV,
          include: ['app/**/*.int.test.ts', 'bench/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // A page's update after a click can take seconds while the whole suite loads both
          // cores: `expect.poll` waits up to 10 s (its default of 1 s failed only under that load).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
