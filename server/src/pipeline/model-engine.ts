import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import { openAnalyticsStore } from '../data/analytics-store.ts';
import { QUERY_TIMEOUT_MS } from './run-query.ts';

/** Longest a materialisation (derived tables at start or after a publish) may run before it is interrupted. */
export const MATERIALIZE_TIMEOUT_MS = Number(process.env.CHATBI_MATERIALIZE_TIMEOUT_MS) || 30 * 60_000;

/**
 * DuckDB's memory for one served model (issue 21 §3): its buffer pool keeps table blocks it read up to this
 * limit and counts in the server's RSS, so the limit is most of the server's memory budget (< 1.2 GB at 1M
 * customers with PGlite). A statement that needs more (materialising at 1M) spills to disk rather than failing.
 * 1 GB while materialising at start: 512 MB was tried (evals/bench/RESULTS.md, perfmem) and made materialisation
 * ~4× slower at 100k under load. Once materialised (`startServing`), `SERVING_DUCKDB_MEMORY`.
 */
export const SERVED_DUCKDB_MEMORY = process.env.CHATBI_DUCKDB_MEMORY ?? '1GB';

/**
 * DuckDB's memory while answering questions (issue 21 §3): the buffer pool grows to its limit under many askers
 * and the whole server must stay under 1.2 GB at 1M customers; a statement needing more spills. A publish's
 * re-materialisation while serving runs under this limit too.
 */
export const SERVING_DUCKDB_MEMORY = process.env.CHATBI_DUCKDB_SERVING_MEMORY ?? '512MB';

/**
 * The spill directory of one engine: a fresh path in the system's temporary folder that DuckDB creates on
 * its first spill and removes at close. Not the data folder: DuckDB lets queries read its spill directory
 * once external access is off, which must then hold nothing but this database's spill blocks.
 */
export function spillDirectory(id: string): string {
  return join(tmpdir(), `chatbi-spill-${id.replace(/[^\w-]/g, '_')}-${randomBytes(6).toString('hex')}`);
}

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
      memoryLimit: SERVED_DUCKDB_MEMORY,
      servingMemoryLimit: SERVING_DUCKDB_MEMORY,
      tempDirectory: spillDirectory(id),
      // Only the database file itself: not the data folder (truth files, exports) nor the app folder.
      lockdown: { allowedPaths: [duckdbPath] },
    },
    defaultTimeoutMs: QUERY_TIMEOUT_MS,
    writeTimeoutMs: MATERIALIZE_TIMEOUT_MS,
  });
}
