import { dialectFor } from '../../../../semantic-layer/src/dialect/index.ts';
import type { DimensionDef } from '../../../../semantic-layer/src/model.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import type { ChurnPopulation } from '../governed/churn-population.ts';
import { compileGoverned, runSql } from '../governed/governed-query.ts';
import { fitLogisticRegression, type LogisticModel } from '../stats/index.ts';
import type { DriverFactor } from './driver-factors.ts';
import { factorLabel } from './driver-factors.ts';

/** Customers read for the regression; larger populations are sampled (deterministically, by id hash). */
export const REGRESSION_MAX_ROWS = 50_000;
/** Categorical factors (dimension values) entered beside the behaviour flags. */
const MAX_VALUE_FEATURES = 8;

/** One feature's odds ratios in the multivariable view. */
export interface RegressionFeature {
  dimension: string;
  value: string;
  label: string;
  oddsRatio: number;
  low: number;
  high: number;
  oddsRatioPerSd: number;
  pValue: number;
}

export interface RegressionView {
  customers: number;
  churned: number;
  sampled: boolean;
  ridge: number;
  features: RegressionFeature[];
  warnings: string[];
}

interface Feature {
  dimension: DimensionDef;
  value: string;
}

/**
 * Logistic regression of churn on the behaviour flags and the strongest risk-raising dimension values
 * (IRLS on standardised features), fitted on the same governed population, one row per customer: odds
 * ratios adjusted for each other, a second view beside the one-factor-at-a-time relative risks.
 * Null when the model has no customer dimension or the fit is impossible.
 */
export async function driverRegression(
  ctx: AnalysisContext,
  pop: ChurnPopulation,
  flags: DimensionDef[],
  shown: DriverFactor[],
  customerDimension = 'customer_id',
): Promise<RegressionView | { error: string }> {
  const model = ctx.runtime.model;
  if (!model.dimensions[customerDimension]) return { error: `no ${customerDimension} dimension` };
  const features: Feature[] = flags.map((d) => ({ dimension: d, value: 'true' }));
  for (const f of shown) {
    const d = model.dimensions[f.dimension]!;
    if (d.type === 'boolean' || (f.relativeRisk ?? 0) <= 1) continue;
    if (features.length - flags.length >= MAX_VALUE_FEATURES) break;
    features.push({ dimension: d, value: f.value });
  }
  if (!features.length) return { error: 'no features' };
  const dims = [...new Set(features.map((f) => f.dimension.id))];
  const compiled = compileGoverned(ctx, {
    metrics: [pop.events, pop.population],
    dimensions: [customerDimension, ...dims],
    timeRange: pop.range,
    filters: [...(ctx.request.query.filters ?? []), { member: pop.population, op: 'gt', values: [0] }],
  });
  const q = (id: string) => dialectFor('duckdb').quoteIdentifier(id);
  const params = [...compiled.params, REGRESSION_MAX_ROWS + 1];
  const sql = `SELECT * FROM (\n${compiled.sql}\n) AS population ORDER BY hash(${q(customerDimension)}) LIMIT $${params.length}`;
  const rows = await runSql(ctx, 'driver_regression_rows', sql, params);
  const sampled = rows.length > REGRESSION_MAX_ROWS;
  const used = sampled ? rows.slice(0, REGRESSION_MAX_ROWS) : rows;
  const outcome = new Float64Array(used.length);
  const columns = features.map(() => new Float64Array(used.length));
  used.forEach((r, i) => {
    outcome[i] = Number(r[pop.events] ?? 0) > 0 ? 1 : 0;
    features.forEach((f, j) => {
      columns[j]![i] = String(r[f.dimension.id]) === f.value ? 1 : 0;
    });
  });
  const input = { featureNames: features.map((f) => `${f.dimension.id}=${f.value}`), columns, outcome };
  const t0 = performance.now();
  let fit = fitLogisticRegression(input);
  let ridge = 0;
  if (!fit.ok && fit.issue.code === 'singular_information') {
    ridge = 1;
    fit = fitLogisticRegression(input, { ridge });
  }
  ctx.trace.time('driver_regression_fit', performance.now() - t0);
  if (!fit.ok) return { error: fit.issue.message };
  return {
    customers: used.length,
    churned: outcome.reduce((s, y) => s + y, 0),
    sampled,
    ridge,
    features: regressionFeatures(ctx, fit.value, features),
    warnings: fit.value.warnings.map((w) => w.message),
  };
}

function regressionFeatures(
  ctx: AnalysisContext,
  m: LogisticModel,
  features: Feature[],
): RegressionFeature[] {
  return m.coefficients
    .map((c, j) => ({
      dimension: features[j]!.dimension.id,
      value: features[j]!.value,
      label: factorLabel(ctx, features[j]!.dimension, features[j]!.value),
      oddsRatio: c.oddsRatio,
      low: c.oddsRatioInterval.lower,
      high: c.oddsRatioInterval.upper,
      oddsRatioPerSd: c.oddsRatioPerSd,
      pValue: c.pValue,
    }))
    .filter((f) => Number.isFinite(f.oddsRatio))
    .sort((a, b) => Math.abs(Math.log(b.oddsRatioPerSd)) - Math.abs(Math.log(a.oddsRatioPerSd)));
}
