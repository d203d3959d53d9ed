/**
 * Scores customers with a trained risk model and explains each score by its largest risk-raising
 * contributions βⱼ(xᵢⱼ − x̄ⱼ) (DOMAIN.md §5); indicator features of one categorical dimension (region,
 * category) are summed so a reason reads "地区：华南", not one line per region.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { ScoreSpec } from '../../../../semantic-layer/src/index.ts';
import { explainScore, predictProbabilities } from '../stats/index.ts';
import { type FeatureDefinition, featureColumns, featureRow } from './risk-features.ts';
import type { RiskModel } from './train-risk-model.ts';

/** Pushes on the log-odds below this (about 5% on the odds) are too small to call a reason. */
const MIN_CONTRIBUTION = 0.05;

/** One reason behind a score, in the question's language. */
export interface RiskFactor {
  /** Feature id, or the categorical dimension for a group (e.g. `region`). */
  feature: string;
  label: string;
  /** The customer's value in words. */
  text: string;
  /** Push on the log-odds relative to the average customer (positive raises the risk). */
  contribution: number;
}

/**
 * The 90-day churn probability as a score the compiler writes in the statement (`compileScored`): the
 * same centred linear predictor as `predictLogOdds` (feature SQL from risk-features.ts), clamped to
 * ±700 so exp() cannot overflow. Scoring in the statement lets a read return only flagged customers.
 */
export function riskScore(model: RiskModel, name: string, fit = model.fit): ScoreSpec {
  return {
    name,
    intercept: fit.standardizedIntercept.estimate,
    terms: fit.coefficients.map((c, j) => ({
      coefficient: c.estimate,
      mean: c.mean,
      feature: model.features[j]!.sql,
    })),
  };
}

/** 90-day churn probability of every row. */
export function scoreRows(model: RiskModel, rows: Record<string, unknown>[]): Float64Array {
  return predictProbabilities(model.fit, featureColumns(model.features, rows));
}

/** The `top` largest risk-raising factors of one customer (fewer when fewer raise the risk). */
export function explainRisk(
  model: RiskModel,
  row: Record<string, unknown>,
  lang: Lang,
  top = 3,
): RiskFactor[] {
  const explained = explainScore(model.fit, featureRow(model.features, row));
  const byId = new Map(model.features.map((f) => [f.id, f]));
  const sums = new Map<string, { feature: FeatureDefinition; contribution: number }>();
  for (const c of explained.contributions) {
    const f = byId.get(c.feature)!;
    const key = f.group ?? f.id;
    const seen = sums.get(key);
    if (seen) seen.contribution += c.contribution;
    else sums.set(key, { feature: f, contribution: c.contribution });
  }
  // Words only for the factors shown: describing all of them costs more than the scoring.
  return [...sums.entries()]
    .filter(([, s]) => s.contribution > MIN_CONTRIBUTION)
    .sort((a, b) => b[1].contribution - a[1].contribution)
    .slice(0, top)
    .map(([key, { feature: f, contribution }]) => ({
      feature: key,
      label: f.group ? f.label[lang].split(/[：:]/)[0]! : f.label[lang],
      text: f.describe(row, lang),
      contribution,
    }));
}
