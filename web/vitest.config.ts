import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app's tests on their own (`npx vitest run --config web/vitest.config.ts`); `npm test` runs them
// through the root config once it includes web/test/**/*.test.ts.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['web/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
