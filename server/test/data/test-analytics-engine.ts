/**
 * The analytics engine a test runs on: DuckDB over the test's own copy of a database file, or, when
 * `ANALYTICS_DATABASE_URL` is set (the `postgres-analytics` vitest project), PostgreSQL in a schema
 * unique to this test (`<ANALYTICS_SCHEMA_PREFIX>test_<label>_<pid>_<random>`) loaded from that file
 * and dropped on close, so parallel tests and other instances on the shared server never collide.
 */
import { randomBytes } from 'node:crypto';
import type { AnalyticsEngine } from '../../src/data/analytics-engine.ts';
import { analyticsDatabaseUrl, analyticsSchema, openAnalyticsStore } from '../../src/data/analytics-store.ts';
import { PostgresEngine } from '../../src/data/postgres-engine.ts';

/** Opens the engine for a test over the DuckDB file at `path` (the test's own copy). */
export function testAnalyticsEngine(path: string, label: string): Promise<AnalyticsEngine> {
  const url = analyticsDatabaseUrl();
  return openAnalyticsStore({
    name: label,
    duckdbPath: path,
    connections: 2,
    duckdb: { threads: 2 },
    ...(url
      ? { schema: analyticsSchema(`test_${label}_${process.pid}_${randomBytes(3).toString('hex')}`) }
      : {}),
  });
}

/** Closes a test engine; a PostgreSQL test schema is dropped. */
export async function closeTestEngine(engine: AnalyticsEngine): Promise<void> {
  if (engine instanceof PostgresEngine) await engine.drop();
  else await engine.close();
}
