import { defineConfig } from 'vitest/config';

// Tests live beside the code they prove; the web app's tests are under web/test (browser tests build
// the app, start the real server and drive Debian chromium through playwright-core).
//
// Two projects: `duckdb` runs everything on the default analytics engine; `postgres-analytics` re-runs
// the analysis suite, the conformance suite (plus the analysis shapes) and the eval floor with
// PostgreSQL as the analytics engine (ANALYTICS_DATABASE_URL). It runs when a PostgreSQL is given
// (ANALYTICS_TEST_DATABASE_URL, else DATABASE_URL as in CI); each test file gets its own schema.
const analyticsUrl = process.env.ANALYTICS_TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/** What `postgres-analytics` re-runs: only what issue 20's Done-when names (and issue 21's rollups), to keep CI lean. */
export const POSTGRES_ANALYTICS_TESTS = [
  'server/src/analysis/**/*.test.ts',
  'semantic-layer/test/conformance.test.ts',
  'semantic-layer/test/analysis-shapes.test.ts',
  'semantic-layer/test/rollups.test.ts',
  'evals/interpretation-floor.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'web/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'duckdb',
          include: [
            'semantic-layer/**/*.test.ts',
            'server/**/*.test.ts',
            'evals/**/*.test.ts',
            'web/test/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      ...(analyticsUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres-analytics',
                include: POSTGRES_ANALYTICS_TESTS,
                // Pure statistics need no engine.
                exclude: ['**/node_modules/**', 'server/src/analysis/stats/**'],
                env: {
                  ANALYTICS_DATABASE_URL: analyticsUrl,
                  ANALYTICS_SCHEMA_PREFIX: process.env.ANALYTICS_SCHEMA_PREFIX ?? 'ci_',
                },
              },
            },
          ]
        : []),
    ],
  },
});
