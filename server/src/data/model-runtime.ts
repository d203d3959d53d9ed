import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { buildCatalog, type ValueIndex, valueIndexSql } from '../../../semantic-layer/src/catalog-build.ts';
import { dialectFor } from '../../../semantic-layer/src/dialect/index.ts';
import type { MaterializedRollup } from '../../../semantic-layer/src/index.ts';
import { plannedRollups } from '../../../semantic-layer/src/materialize/plan.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import type { AnalyticsEngine } from './analytics-engine.ts';
import { materializationSpec } from './materialization-spec.ts';

/** A model ready to answer: its engine, its as-of date and its catalog (with indexed values). */
export interface ModelRuntime {
  model: SemanticModel;
  engine: AnalyticsEngine;
  asOf: string;
  catalog: Catalog;
  /** Rollups built with the derived tables: questions they cover are answered from them. */
  rollups?: MaterializedRollup[];
}

export type MaterializeProgress = (table: string, seconds: number) => void;

/** Which key each derived table was last built with; ingest drops it, so new data rebuilds everything. */
export const MATERIALIZED_TABLE = '_materialized';

/** The key each derived table was last built with (none from a database built before keys existed). */
async function builtKeys(engine: AnalyticsEngine): Promise<Map<string, string>> {
  const tables = await engine.tables();
  if (!tables.has(MATERIALIZED_TABLE)) return new Map();
  if (!(await engine.columns(MATERIALIZED_TABLE)).includes('step_key')) {
    await engine.exec(`DROP TABLE ${MATERIALIZED_TABLE}`);
    return new Map();
  }
  const r = await engine.query(`SELECT table_name, step_key FROM ${MATERIALIZED_TABLE}`);
  return new Map(
    r.rows
      .filter((x) => tables.has(String(x.table_name)))
      .map((x) => [String(x.table_name), String(x.step_key)]),
  );
}

/**
 * Brings the derived tables of `model` (spells, churn events, the customer snapshot, the
 * point-in-time history, then its rollups) up to date with its governed definitions: a table is rebuilt only when
 * its SQL or a table it reads changed since it was last built (or `force`). All rebuilds run in one
 * transaction, so queries on other connections see the old tables until every new one is ready,
 * and a failure leaves the old ones in place. Returns the seconds each rebuilt table took.
 */
export async function materialize(
  engine: AnalyticsEngine,
  model: SemanticModel,
  onProgress?: MaterializeProgress,
  force = false,
): Promise<{ asOf: string; seconds: Record<string, number>; rollups: MaterializedRollup[] }> {
  const spec = await materializationSpec(engine, model);
  const rollups = plannedRollups(spec.steps);
  const built = force ? new Map<string, string>() : await builtKeys(engine);
  const stale = spec.steps.filter((step) => built.get(step.table) !== step.key);
  const seconds: Record<string, number> = {};
  if (!stale.length) return { asOf: spec.asOf, seconds, rollups };
  await engine.transaction(async (run) => {
    for (const step of stale) {
      const t0 = performance.now();
      for (const statement of step.statements) await run(statement);
      seconds[step.table] = (performance.now() - t0) / 1000;
      onProgress?.(step.table, seconds[step.table]!);
    }
    await run(
      `CREATE TABLE IF NOT EXISTS ${MATERIALIZED_TABLE} (table_name VARCHAR PRIMARY KEY, step_key VARCHAR, model_version VARCHAR, as_of DATE, built_at TIMESTAMP)`,
    );
    for (const step of stale) {
      await run(`DELETE FROM ${MATERIALIZED_TABLE} WHERE table_name = '${step.table}'`);
      await run(
        `INSERT INTO ${MATERIALIZED_TABLE} VALUES ('${step.table}', '${step.key}', '${model.version.replaceAll("'", "''")}', DATE '${spec.asOf}', CAST(now() AS TIMESTAMP))`,
      );
    }
  });
  return { asOf: spec.asOf, seconds, rollups };
}

/** Indexes the distinct values of every indexed dimension (for interpreters and the catalog). */
export async function indexValues(engine: AnalyticsEngine, model: SemanticModel): Promise<ValueIndex> {
  const index: ValueIndex = {};
  const tables = await engine.tables();
  for (const id of Object.keys(model.dimensions)) {
    const d = model.dimensions[id]!;
    const table = model.sources[d.source]?.table;
    if (table && !tables.has(table)) continue;
    const sql = valueIndexSql(model, id, dialectFor(engine.dialect));
    if (!sql) continue;
    const r = await engine.query(sql);
    index[id] = r.rows.map((row) => ({ value: String(row.value), count: Number(row.n) }));
  }
  return index;
}

/** Makes a model ready on an open engine: rebuilds the derived tables its definitions changed, then catalogs. */
export async function prepareModel(
  engine: AnalyticsEngine,
  model: SemanticModel,
  onProgress?: MaterializeProgress,
): Promise<ModelRuntime> {
  const { asOf, rollups } = await materialize(engine, model, onProgress);
  const catalog = buildCatalog(model, asOf, await indexValues(engine, model));
  return { model, engine, asOf, catalog, rollups };
}
