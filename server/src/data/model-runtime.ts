import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { buildCatalog, type ValueIndex, valueIndexSql } from '../../../semantic-layer/src/catalog-build.ts';
import { dialectFor } from '../../../semantic-layer/src/dialect/index.ts';
import { historyDates } from '../../../semantic-layer/src/materialize/customer-history.ts';
import {
  activityStartSql,
  asOfSql,
  materializationPlan,
} from '../../../semantic-layer/src/materialize/plan.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import type { AnalyticsEngine } from './duckdb-engine.ts';

/** A model ready to answer: its engine, its as-of date and its catalog (with indexed values). */
export interface ModelRuntime {
  model: SemanticModel;
  engine: AnalyticsEngine;
  asOf: string;
  catalog: Catalog;
}

export type MaterializeProgress = (table: string, seconds: number) => void;

const META = '_materialized';
/** Bump when materialisation SQL changes meaning, so existing databases rebuild their derived tables. */
export const MATERIALIZER_VERSION = 2;
const builtKey = (model: SemanticModel) => `m${MATERIALIZER_VERSION}:${model.version}`;

/** The model version the derived tables were last built from, if any. */
async function builtVersion(engine: AnalyticsEngine): Promise<string | null> {
  if (!(await engine.tables()).has(META)) return null;
  const r = await engine.query(`SELECT model_version FROM ${META} ORDER BY built_at DESC LIMIT 1`);
  return r.rows[0] ? String(r.rows[0].model_version) : null;
}

/** The model's as-of date (ISO), computed from the data where the model says so. */
export async function modelAsOf(engine: AnalyticsEngine, model: SemanticModel): Promise<string> {
  const r = await engine.query(asOfSql(model));
  const v = r.rows[0]?.as_of;
  if (!v) throw new Error(`model ${model.id}: no data to take the as-of date from`);
  return String(v).slice(0, 10);
}

/**
 * (Re)builds the derived tables of `model` from its governed definitions: spells, churn events,
 * the customer snapshot and the point-in-time history. Records the model version it used.
 */
export async function materialize(
  engine: AnalyticsEngine,
  model: SemanticModel,
  onProgress?: MaterializeProgress,
): Promise<{ asOf: string; seconds: Record<string, number> }> {
  const asOf = await modelAsOf(engine, model);
  const startSql = activityStartSql(model);
  const start = startSql ? (await engine.query(startSql)).rows[0]?.start : null;
  const dates = start ? historyDates(asOf, String(start).slice(0, 10)) : [];
  const seconds: Record<string, number> = {};
  for (const step of materializationPlan(model, asOf, await engine.tables(), dates)) {
    const t0 = performance.now();
    await engine.exec(step.statements);
    seconds[step.table] = (performance.now() - t0) / 1000;
    onProgress?.(step.table, seconds[step.table]!);
  }
  await engine.exec([
    `CREATE TABLE IF NOT EXISTS ${META} (model_version VARCHAR, as_of DATE, built_at TIMESTAMP)`,
    `INSERT INTO ${META} VALUES ('${builtKey(model)}', DATE '${asOf}', now()::TIMESTAMP)`,
  ]);
  return { asOf, seconds };
}

/** Indexes the distinct values of every indexed dimension (for interpreters and the catalog). */
export async function indexValues(engine: AnalyticsEngine, model: SemanticModel): Promise<ValueIndex> {
  const index: ValueIndex = {};
  const tables = await engine.tables();
  for (const id of Object.keys(model.dimensions)) {
    const d = model.dimensions[id]!;
    const table = model.sources[d.source]?.table;
    if (table && !tables.has(table)) continue;
    const sql = valueIndexSql(model, id, dialectFor('duckdb'));
    if (!sql) continue;
    const r = await engine.query(sql);
    index[id] = r.rows.map((row) => ({ value: String(row.value), count: Number(row.n) }));
  }
  return index;
}

/** Makes a model ready on an open engine: materialises when the definitions changed, then catalogs. */
export async function prepareModel(
  engine: AnalyticsEngine,
  model: SemanticModel,
  onProgress?: MaterializeProgress,
): Promise<ModelRuntime> {
  if ((await builtVersion(engine)) !== builtKey(model)) await materialize(engine, model, onProgress);
  const asOf = await modelAsOf(engine, model);
  return { model, engine, asOf, catalog: buildCatalog(model, asOf, await indexValues(engine, model)) };
}
