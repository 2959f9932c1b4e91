import { defineConfig } from 'vitest/config';

// Integration and e2e tests run against a real broker, registry and browser on a shared machine, where
// a broker answer can be slow once. A failed test runs once more; one that passes only on its second
// try is still named (with its first error) by scripts/test-summary.mjs, so a flake is seen, not hidden.
const realStack = { testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false, retry: 1 } as const;

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/renderer/**'], environment: 'node' } },
      // The renderer's hooks, transports, router and dialogs, in a DOM (happy-dom) with a fake transport.
      { test: { name: 'renderer', include: ['test/unit/renderer/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['test/unit/renderer/support/setup.ts'] } },
      {
        test: {
          name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node',
          globalSetup: ['test/support/global-sandbox.ts'],
          ...realStack,
        },
      },
      {
        test: {
          name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node',
          globalSetup: ['test/support/global-sandbox.ts'],
          ...realStack,
        },
      },
    ],
  },
});
