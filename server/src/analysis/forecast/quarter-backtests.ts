/**
 * The forecast back-tested on every labelled quarter the history allows (the model's own history, all
 * customers, like its training): for each snapshot date D after the second, a model fitted only on the
 * snapshots before D scores D's active customers and Σ p is compared with how many churned in the 90
 * days after D. Their relative errors measure what the Poisson-binomial interval leaves out (a change the
 * history has not seen); the forecast widens its interval by their root mean square. Cached per model.
 */
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { compute } from '../compute/compute-pool.ts';
import { analysisContext } from '../governed/analysis-context.ts';
import { featureColumnsInSlices } from '../risk/risk-features.ts';
import { loadRiskHistory } from '../risk/risk-history.ts';
import { fitRisk, type RiskModel } from '../risk/train-risk-model.ts';
import { type ChurnEstimate, poissonBinomial } from './poisson-binomial.ts';

export interface QuarterBacktest extends ChurnEstimate {
  date: string;
  trainedOn: string[];
  actual: number;
  /** actual ÷ expected − 1. */
  relativeError: number;
}

const cache = new WeakMap<RiskModel, Promise<QuarterBacktest[]>>();

export function quarterBacktests(runtime: ModelRuntime, model: RiskModel): Promise<QuarterBacktest[]> {
  let found = cache.get(model);
  if (!found) {
    found = computeBacktests(runtime, model);
    found.catch(() => cache.delete(model));
    cache.set(model, found);
  }
  return found;
}

async function computeBacktests(runtime: ModelRuntime, model: RiskModel): Promise<QuarterBacktest[]> {
  const ctx = analysisContext(runtime, {
    intent: 'churn_forecast',
    language: 'en',
    query: { model: runtime.model.id, metrics: ['snapshot_active_customers'] },
  });
  const history = await loadRiskHistory(ctx);
  const dates = [...history.trainingDates, history.evaluationDate];
  const out: QuarterBacktest[] = [];
  for (let i = 2; i < dates.length; i++) {
    const train = dates.slice(0, i).flatMap((d) => history.rowsByDate.get(d) ?? []);
    const test = history.rowsByDate.get(dates[i]!) ?? [];
    if (!test.length) continue;
    const fit = await fitRisk(model.features, train, 'en');
    const columns = await featureColumnsInSlices(model.features, test);
    const e = poissonBinomial(await compute('predictProbabilities', fit, columns));
    const actual = test.filter((r) => r.churned_next_90d === true).length;
    out.push({
      ...e,
      date: dates[i]!,
      trainedOn: dates.slice(0, i),
      actual,
      relativeError: e.expected ? actual / e.expected - 1 : 0,
    });
  }
  return out;
}

/** Root mean square of the back-tests' relative errors (0 when there is none). */
export function rmsRelativeError(backtests: QuarterBacktest[]): number {
  if (!backtests.length) return 0;
  return Math.sqrt(backtests.reduce((s, b) => s + b.relativeError ** 2, 0) / backtests.length);
}
