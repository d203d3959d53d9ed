/**
 * The analytics engine a test runs on: DuckDB over the test's own copy of a database file, or, when
 * `ANALYTICS_DATABASE_URL` is set (the `postgres-analytics` vitest project), PostgreSQL in a schema
 * unique to this test (`<ANALYTICS_SCHEMA_PREFIX>test_<label>_<pid>_<random>`) loaded from that file
 * and dropped on close, so parallel tests and other instances on the shared server never collide.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
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

/**
 * A PostgreSQL store shared by every test file reading the same (cached, never changing) DuckDB file:
 * schema `<prefix>shared_<key>` is loaded from `path` and prepared once (under an advisory lock, so
 * parallel test files wait for the first), then each file opens it read-only in spirit (analyses never
 * write; `prepare` finds every derived table up to date). Keyed by content, it is reused by later runs
 * and left on the server (one per cache key, under the test prefix). Null without `ANALYTICS_DATABASE_URL`.
 */
export async function sharedPostgresEngine(
  path: string,
  key: string,
  prepare: (engine: AnalyticsEngine) => Promise<unknown>,
): Promise<PostgresEngine | null> {
  const url = analyticsDatabaseUrl();
  if (!url) return null;
  const schema = analyticsSchema(`shared_${key}`);
  const lock = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lock`SELECT pg_advisory_lock(hashtext(${schema}))`;
    const engine = (await openAnalyticsStore({
      name: key,
      duckdbPath: path,
      connections: 2,
      schema,
      duckdbReadOnly: true,
    })) as PostgresEngine;
    await prepare(engine);
    return engine;
  } finally {
    await lock`SELECT pg_advisory_unlock(hashtext(${schema}))`;
    await lock.end();
  }
}

/** Closes a test engine; a PostgreSQL test schema is dropped (a shared one is kept). */
export async function closeTestEngine(engine: AnalyticsEngine): Promise<void> {
  if (engine instanceof PostgresEngine && !engine.schema.includes('shared_')) await engine.drop();
  else await engine.close();
}
