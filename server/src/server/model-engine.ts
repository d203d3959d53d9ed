import { join } from 'node:path';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import { openAnalyticsStore } from '../data/analytics-store.ts';
import { QUERY_TIMEOUT_MS } from '../pipeline/run-query.ts';

/** Longest a materialisation (derived tables at start or after a publish) may run before it is interrupted. */
export const MATERIALIZE_TIMEOUT_MS = Number(process.env.CHATBI_MATERIALIZE_TIMEOUT_MS) || 30 * 60_000;

/**
 * The analytic engine of model `id` over `<dataDir>/<id>.duckdb`: DuckDB by default (PostgreSQL, loaded from
 * that file, with ANALYTICS_DATABASE_URL). Its connections may read only that file. At start and when an
 * uploaded model is approved while the server runs.
 */
export function openModelEngine(dataDir: string, id: string): Promise<AnalyticsEngine> {
  const duckdbPath = join(dataDir, `${id}.duckdb`);
  return openAnalyticsStore({
    name: id,
    duckdbPath,
    connections: 4,
    duckdb: {
      threads: 2,
      memoryLimit: process.env.CHATBI_DUCKDB_MEMORY ?? '1GB',
      // Only the database file itself: not the data folder (truth files, exports) nor the app folder.
      lockdown: { allowedPaths: [duckdbPath] },
    },
    defaultTimeoutMs: QUERY_TIMEOUT_MS,
    writeTimeoutMs: MATERIALIZE_TIMEOUT_MS,
  });
}
