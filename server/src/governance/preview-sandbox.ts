/**
 * A place to build a draft's derived tables without touching the live ones: the engine's sandbox
 * (`AnalyticsEngine.sandbox`: an ATTACHed in-memory database on DuckDB, a private schema on
 * PostgreSQL). The materialisation SQL is unqualified, so its table builds land in the sandbox while
 * reads of the canonical tables (orders, customers, …) fall through to the live store.
 */
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import type { MaterializationSpec } from '../data/materialization-spec.ts';

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
  return live.sandbox(async (sandbox) => {
    // A preview answers from the base tables (no rollups passed to the compiler): rollups are not built.
    for (const step of spec.steps)
      if (!liveKeys.has(step.key) && !step.rollup) await sandbox.exec(step.statements);
    return work(sandbox);
  }, timeouts);
}
