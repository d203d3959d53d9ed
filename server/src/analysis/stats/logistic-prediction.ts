/**
 * Scoring with a fitted logistic model: churn probabilities for many customers, and the per-feature
 * contributions βⱼ(xᵢⱼ − x̄ⱼ) that explain one customer's risk score (DOMAIN.md §5).
 */
import type { LogisticModel } from './logistic-regression.ts';

/** Linear predictor (log-odds) for each row, columns aligned with `model.featureNames`. */
export function predictLogOdds(model: LogisticModel, columns: readonly ArrayLike<number>[]): Float64Array {
  const n = columns.length > 0 ? columns[0].length : 0;
  // Centring at the training means matches the standardised fit and avoids cancellation for large x.
  const eta = new Float64Array(n).fill(model.standardizedIntercept.estimate);
  model.coefficients.forEach((c, j) => {
    if (c.estimate === 0) return;
    const column = columns[j];
    for (let i = 0; i < n; i++) eta[i] += c.estimate * (column[i] - c.mean);
  });
  return eta;
}

/** Predicted churn probability for each row. */
export function predictProbabilities(
  model: LogisticModel,
  columns: readonly ArrayLike<number>[],
): Float64Array {
  const eta = predictLogOdds(model, columns);
  for (let i = 0; i < eta.length; i++) eta[i] = 1 / (1 + Math.exp(-eta[i]));
  return eta;
}

/** One feature's push on a customer's log-odds relative to the average customer. */
export interface FeatureContribution {
  feature: string;
  value: number;
  mean: number;
  /** βⱼ(xᵢⱼ − x̄ⱼ), in log-odds; positive raises the risk. */
  contribution: number;
}

/** Why one customer scores as they do: baseline + Σ contributions = log-odds. */
export interface ScoreExplanation {
  /** Log-odds of a customer at every feature mean. */
  baselineLogOdds: number;
  logOdds: number;
  probability: number;
  /** Sorted by |contribution|, largest first. */
  contributions: FeatureContribution[];
}

/**
 * Explains one customer's score; `row` holds their feature values in `model.featureNames` order.
 * @example explainScore(model, [12, 3, 0]).contributions[0] // { feature: 'tickets_90d', contribution: 0.84, … }
 */
export function explainScore(model: LogisticModel, row: ArrayLike<number>): ScoreExplanation {
  const baseline = model.standardizedIntercept.estimate;
  const contributions = model.coefficients.map((c, j) => ({
    feature: c.feature,
    value: row[j],
    mean: c.mean,
    contribution: c.estimate * (row[j] - c.mean),
  }));
  const logOdds = contributions.reduce((sum, c) => sum + c.contribution, baseline);
  contributions.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  return { baselineLogOdds: baseline, logOdds, probability: 1 / (1 + Math.exp(-logOdds)), contributions };
}
