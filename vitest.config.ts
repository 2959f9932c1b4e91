import { defineConfig } from 'vitest/config';

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
          testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node',
          globalSetup: ['test/support/global-sandbox.ts'],
          testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false,
        },
      },
    ],
  },
});
