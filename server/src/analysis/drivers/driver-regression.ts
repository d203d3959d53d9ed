import type { DimensionDef } from '../../../../semantic-layer/src/model.ts';
import { compute } from '../compute/compute-pool.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import type { ChurnPopulation } from '../governed/churn-population.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import type { LogisticModel } from '../stats/index.ts';
import type { DriverFactor } from './driver-factors.ts';
import { factorLabel } from './driver-factors.ts';

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
  /** Combinations of the features the customers fall into (the rows fitted, with their counts). */
  groups: number;
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
 * (IRLS on standardised features), fitted on the whole governed population: every feature is a 0/1
 * indicator, so customers are counted per combination of the dimensions (one compiled query) and each
 * combination enters twice, churners with outcome 1 and the rest with 0, weighted by their counts, an
 * exact equivalent of one row per customer. Odds ratios adjusted for each other, a second view beside
 * the one-factor-at-a-time relative risks. An error when the fit is impossible.
 */
export async function driverRegression(
  ctx: AnalysisContext,
  pop: ChurnPopulation,
  flags: DimensionDef[],
  shown: DriverFactor[],
): Promise<RegressionView | { error: string }> {
  const model = ctx.runtime.model;
  const features: Feature[] = flags.map((d) => ({ dimension: d, value: 'true' }));
  for (const f of shown) {
    const d = model.dimensions[f.dimension]!;
    if (d.type === 'boolean' || (f.relativeRisk ?? 0) <= 1) continue;
    if (features.length - flags.length >= MAX_VALUE_FEATURES) break;
    features.push({ dimension: d, value: f.value });
  }
  if (!features.length) return { error: 'no features' };
  const dims = [...new Set(features.map((f) => f.dimension.id))];
  const { rows } = await runGoverned(ctx, 'driver_regression_rows', {
    metrics: [pop.events, pop.population],
    dimensions: dims,
    timeRange: pop.range,
  });
  const groups = rows.filter((r) => count(r[pop.population]) > 0);
  /** A fresh input each time: the compute worker takes its arrays. */
  const input = () => {
    const size = 2 * groups.length;
    const outcome = new Float64Array(size);
    const weights = new Float64Array(size);
    const columns = features.map(() => new Float64Array(size));
    groups.forEach((r, g) => {
      const population = count(r[pop.population]);
      const churned = Math.min(count(r[pop.events]), population);
      outcome[2 * g] = 1;
      weights[2 * g] = churned;
      weights[2 * g + 1] = population - churned;
      features.forEach((f, j) => {
        const x = String(r[f.dimension.id]) === f.value ? 1 : 0;
        columns[j]![2 * g] = x;
        columns[j]![2 * g + 1] = x;
      });
    });
    return { featureNames: features.map((f) => `${f.dimension.id}=${f.value}`), columns, outcome, weights };
  };
  const t0 = performance.now();
  let fit = await compute('fitLogisticRegression', input());
  let ridge = 0;
  if (!fit.ok && fit.issue.code === 'singular_information') {
    ridge = 1;
    fit = await compute('fitLogisticRegression', input(), { ridge });
  }
  ctx.trace.time('driver_regression_fit', performance.now() - t0);
  if (!fit.ok) return { error: fit.issue.message };
  return {
    customers: fit.value.rows,
    churned: fit.value.events,
    groups: groups.length,
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
