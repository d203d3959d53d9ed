import { defineConfig } from 'vitest/config';

// Tests live beside the code they prove; the web app's tests are under web/test (browser tests build
// the app, start the real server and drive Debian chromium through playwright-core).
export default defineConfig({
  test: {
    include: [
      'semantic-layer/**/*.test.ts',
      'server/**/*.test.ts',
      'evals/**/*.test.ts',
      'web/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'web/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
