/**
 * What the derived tables of a model over some data would be: the as-of date and the plan's steps
 * (table, SQL, the derived tables it reads), each with a key. Two specs with equal keys for a table
 * build identical tables from the same data, so a rebuild can skip it.
 */
import { createHash } from 'node:crypto';
import { dialectFor } from '../../../semantic-layer/src/dialect/index.ts';
import { historyDates } from '../../../semantic-layer/src/materialize/customer-history.ts';
import { columnValuesSql } from '../../../semantic-layer/src/materialize/customer-snapshot.ts';
import {
  activityStartSql,
  asOfSql,
  type MaterializationStep,
  materializationPlan,
} from '../../../semantic-layer/src/materialize/plan.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import type { AnalyticsEngine } from './analytics-engine.ts';

/** Bump when materialisation SQL changes meaning in a way its text does not show. */
export const MATERIALIZER_VERSION = 3;

export interface KeyedStep extends MaterializationStep {
  /** Hash of the materialiser version, the step's SQL and the keys of the tables it reads. */
  key: string;
}

/** The derived tables a model would build on `engine`, with its as-of date. */
export interface MaterializationSpec {
  asOf: string;
  steps: KeyedStep[];
}

/** The model's as-of date (ISO), computed from the data where the model says so. */
export async function modelAsOf(engine: AnalyticsEngine, model: SemanticModel): Promise<string> {
  const r = await engine.query(asOfSql(model), [], { cache: true });
  const v = r.rows[0]?.as_of;
  if (!v) throw new Error(`model ${model.id}: no data to take the as-of date from`);
  return String(v).slice(0, 10);
}

/**
 * The materialisation plan of `model` over the data in `engine`; `available` defaults to the
 * engine's tables.
 */
export async function materializationSpec(
  engine: AnalyticsEngine,
  model: SemanticModel,
  available?: Set<string>,
): Promise<MaterializationSpec> {
  const tables = available ?? (await engine.tables());
  const asOf = await modelAsOf(engine, model);
  const startSql = activityStartSql(model);
  // Each scans the activity table; a preview computes two specs, so repeats come from the result cache.
  const start = startSql ? (await engine.query(startSql, [], { cache: true })).rows[0]?.start : null;
  const dialect = dialectFor(engine.dialect);
  const valuesSql = columnValuesSql(model, tables, dialect);
  const values = valuesSql ? (await engine.query(valuesSql, [], { cache: true })).rows[0] : undefined;
  const steps = materializationPlan(model, {
    dialect,
    asOf,
    available: tables,
    historyDates: start ? historyDates(asOf, String(start).slice(0, 10)) : [],
    values: values ? { category: asList(values.category), sales_channel: asList(values.sales_channel) } : {},
  });
  const keys = new Map<string, string>();
  const keyed = steps.map((step) => {
    const key = createHash('sha256')
      .update(
        JSON.stringify([MATERIALIZER_VERSION, step.statements, step.reads.map((t) => keys.get(t) ?? t)]),
      )
      .digest('hex')
      .slice(0, 24);
    keys.set(step.table, key);
    return { ...step, key };
  });
  return { asOf, steps: keyed };
}

function asList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.map(String) : undefined;
}

/** True when two plans build the same tables with the same SQL. */
export function samePlan(a: MaterializationSpec, b: MaterializationSpec): boolean {
  return a.asOf === b.asOf && a.steps.map((s) => s.key).join() === b.steps.map((s) => s.key).join();
}
