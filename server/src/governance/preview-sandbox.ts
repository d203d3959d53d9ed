/**
 * A place to build a draft's derived tables without touching the live ones: an in-memory database
 * ATTACHed to the live DuckDB instance under a unique name, used by one extra connection whose
 * `search_path` puts it first. The materialisation SQL is unqualified, so its `CREATE OR REPLACE TABLE`s
 * land in the sandbox while reads of the canonical tables (orders, customers, …) fall through to the
 * live database; the live pool's connections keep their own search path and never see the sandbox tables.
 * Nothing is written to the live file; DETACH frees the memory.
 */
import { randomBytes } from 'node:crypto';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { AnalyticsEngine } from '../data/duckdb-engine.ts';
import type { MaterializationSpec } from '../data/materialization-spec.ts';

// The engine's constructor is private (the pool is its business); a sandbox is a one-connection engine
// over the live instance, so it shares the row conversion and timeouts of `AnalyticsEngine.query`.
type EngineConstructor = new (
  instance: DuckDBInstance,
  connections: DuckDBConnection[],
  timeouts: { read?: number; write?: number },
) => AnalyticsEngine;

/**
 * Runs `work` with an engine whose derived tables are built from `spec` in a sandbox, then drops them.
 * Steps whose key equals the live one's are not rebuilt: the sandbox reads the live table.
 * @example await withSandbox(live, spec, liveSpec, (sandbox) => sandbox.query(compiledSql, params));
 */
export async function withSandbox<T>(
  live: AnalyticsEngine,
  spec: MaterializationSpec,
  liveSpec: MaterializationSpec,
  work: (sandbox: AnalyticsEngine) => Promise<T>,
  /** Each materialisation step and each query is interrupted after these (a runaway draft stops). */
  timeouts: { read?: number; write?: number } = {},
): Promise<T> {
  const liveKeys = new Set(liveSpec.steps.map((s) => s.key));
  const connection = await live.instance.connect();
  const alias = `draft_preview_${randomBytes(6).toString('hex')}`;
  const catalog = String(
    (await connection.runAndReadAll('SELECT current_database() AS db')).getRowsJson()[0]![0],
  );
  let attached = false;
  try {
    await connection.run(`ATTACH ':memory:' AS ${alias}`);
    attached = true;
    await connection.run(`SET search_path = '${alias}.main,${catalog.replaceAll("'", "''")}.main'`);
    const sandbox = new (AnalyticsEngine as unknown as EngineConstructor)(
      live.instance,
      [connection],
      timeouts,
    );
    for (const step of spec.steps) if (!liveKeys.has(step.key)) await sandbox.exec(step.statements);
    return await work(sandbox);
  } finally {
    try {
      await connection.run('RESET search_path');
      if (attached) await connection.run(`DETACH ${alias}`);
    } finally {
      connection.closeSync();
    }
  }
}
