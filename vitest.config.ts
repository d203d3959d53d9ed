import { defineConfig } from 'vitest/config';

// Tests live beside the code they prove, in every top-level folder but web/ (whose
// browser tests are under server/test/browser and drive the built app in chromium).
export default defineConfig({
  test: {
    include: ['semantic-layer/**/*.test.ts', 'server/**/*.test.ts', 'evals/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'web/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
