/**
 * Next quarter's churners and churn rate from the risk model (issue 18 §7, DOMAIN.md §5 "Forecast"):
 * expected churners = Σ p over the active customers the user may see, scored now by the production
 * model; 95% interval from the Poisson-binomial variance Σ p(1 − p). Back-tested the same way on the
 * evaluation snapshot: the model that learned only from earlier snapshots scores that snapshot's
 * active customers (read under the user's row-level security), and its Σ p is compared with how many
 * churned in the 90 days after it.
 */
import { addDays } from '../../../../semantic-layer/src/compile/periods.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { compute } from '../compute/compute-pool.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { listFilters, RISK_COLUMN, scoredCustomers } from '../risk/at-risk-customers.ts';
import { readGoverned } from '../risk/governed-read.ts';
import { CATEGORICAL_FEATURES, FEATURE_DIMENSIONS, featureColumnsInSlices } from '../risk/risk-features.ts';
import { riskModelFor } from '../risk/risk-model-cache.ts';
import type { RiskModel } from '../risk/train-risk-model.ts';
import { forecastMessage } from './forecast-messages.ts';
import { type ChurnEstimate, poissonBinomial, Z95 } from './poisson-binomial.ts';
import { type QuarterBacktest, quarterBacktests, rmsRelativeError } from './quarter-backtests.ts';

export { type ChurnEstimate, poissonBinomial };

export interface ChurnForecast {
  model: RiskModel;
  /** The quarter forecast: starts on the as-of date. */
  start: string;
  next: ChurnEstimate;
  /** The user's scope on the evaluation snapshot, scored by the model that never saw it. */
  backtest: ChurnEstimate & { date: string; actual: number };
  /** Every quarter the history allows (all customers), and the interval widened by their errors. */
  quarters: QuarterBacktest[];
  rmsError: number;
  widened: { low: number; high: number };
}

/** Scores the active customers now and back-tests on the evaluation snapshot (see the file comment). */
export async function forecastChurn(ctx: AnalysisContext): Promise<ChurnForecast> {
  const { model } = await riskModelFor(ctx.runtime, ctx.lang);
  const { compiled } = listFilters(ctx.runtime, ctx.request);
  const active = await scoredCustomers(ctx, compiled, model, false);
  if (active.length === 0) throw new AnalysisError(forecastMessage('no_customers', ctx.lang), 'no_data');
  const next = poissonBinomial(Float64Array.from(active, (r) => Number(r[RISK_COLUMN])));
  const date = model.evaluationDate;
  const past = await readGoverned(ctx, 'backtest_ms', {
    metrics: ['snapshot_active_customers'],
    dimensions: ['customer_id', 'churned_next_90d', ...CATEGORICAL_FEATURES, ...FEATURE_DIMENSIONS],
    time: { dimension: 'snapshot_date', grain: 'quarter' },
    timeRange: { start: date, end: addDays(date, 1) },
    filters: [...compiled, { member: 'snapshot_active_customers', op: 'gt', values: [0] }],
  });
  const p = await compute(
    'predictProbabilities',
    model.evaluationFit,
    await featureColumnsInSlices(model.features, past),
  );
  const actual = past.filter((r) => r.churned_next_90d === true).length;
  const quarters = await quarterBacktests(ctx.runtime, model);
  const rmsError = rmsRelativeError(quarters);
  const sd = Math.sqrt(next.sd ** 2 + (next.expected * rmsError) ** 2);
  const widened = {
    low: Math.max(0, next.expected - Z95 * sd),
    high: Math.min(next.customers, next.expected + Z95 * sd),
  };
  return {
    model,
    start: ctx.runtime.asOf,
    next,
    backtest: { ...poissonBinomial(p), date, actual },
    quarters,
    rmsError,
    widened,
  };
}

/** "2026Q4" for the quarter starting on `date`. */
export function quarterName(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}
