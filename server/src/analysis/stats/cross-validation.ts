/**
 * Stratified k-fold cross-validation of the logistic churn model, reproducible through a seeded
 * shuffle, reporting out-of-fold ROC AUC per fold (DOMAIN.md §5: LR ≈ 0.845 on IBM Telco).
 */
import { rocAuc } from './classification-metrics.ts';
import { predictProbabilities } from './logistic-prediction.ts';
import {
  fitLogisticRegression,
  type LogisticInput,
  type LogisticOptions,
  type LogisticWarning,
} from './logistic-regression.ts';
import { fail, ok, type StatsResult } from './stats-result.ts';

/** Mulberry32: a tiny deterministic PRNG so the same seed gives the same folds everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Assigns each row a fold 0…k−1 so every fold holds nearly the same share of churners:
 * each class is shuffled (Fisher–Yates, seeded) and dealt round-robin.
 */
export function stratifiedFolds(outcome: ArrayLike<number>, folds: number, seed = 1): Int32Array {
  const random = seededRandom(seed);
  const assignment = new Int32Array(outcome.length);
  let dealt = 0;
  for (const label of [1, 0]) {
    const rows: number[] = [];
    for (let i = 0; i < outcome.length; i++) if (outcome[i] === label) rows.push(i);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    // Continue the deal where the previous class stopped so fold sizes stay balanced overall.
    for (const row of rows) assignment[row] = dealt++ % folds;
  }
  return assignment;
}

/** Out-of-fold performance of the logistic model. */
export interface CrossValidation {
  foldAuc: number[];
  meanAuc: number;
  /** Sample SD of the fold AUCs. */
  sdAuc: number;
  /** Out-of-fold predicted probability for every row (each row scored by the model that did not see it). */
  outOfFold: Float64Array;
  /** Warnings from each fold's fit, tagged with the fold. */
  warnings: (LogisticWarning & { fold: number })[];
}

function subset(values: ArrayLike<number>, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = values[rows[r]];
  return out;
}

/** Stratified k-fold CV (default 5 folds, seed 1); standardisation is re-estimated inside each training fold. */
export function crossValidateLogistic(
  input: LogisticInput,
  options: LogisticOptions & { folds?: number; seed?: number } = {},
): StatsResult<CrossValidation> {
  const { folds = 5, seed = 1, ...fitOptions } = options;
  if (!Number.isInteger(folds) || folds < 2) return fail('invalid_argument', 'folds', 'at least 2 folds');
  const n = input.outcome.length;
  const assignment = stratifiedFolds(input.outcome, folds, seed);
  const outOfFold = new Float64Array(n);
  const foldAuc: number[] = [];
  const warnings: CrossValidation['warnings'] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (assignment[i] === fold ? test : train).push(i);
    const model = fitLogisticRegression(
      {
        featureNames: input.featureNames,
        columns: input.columns.map((c) => subset(c, train)),
        outcome: subset(input.outcome, train),
      },
      fitOptions,
    );
    if (!model.ok) return fail(model.issue.code, `fold ${fold}: ${model.issue.where}`, model.issue.message);
    for (const w of model.value.warnings) warnings.push({ ...w, fold });
    const predicted = predictProbabilities(
      model.value,
      input.columns.map((c) => subset(c, test)),
    );
    test.forEach((row, r) => {
      outOfFold[row] = predicted[r];
    });
    const auc = rocAuc(predicted, subset(input.outcome, test));
    if (!auc.ok) return fail(auc.issue.code, `fold ${fold}: ${auc.issue.where}`, auc.issue.message);
    foldAuc.push(auc.value);
  }
  const meanAuc = foldAuc.reduce((s, a) => s + a, 0) / folds;
  const sdAuc = Math.sqrt(foldAuc.reduce((s, a) => s + (a - meanAuc) ** 2, 0) / (folds - 1));
  return ok({ foldAuc, meanAuc, sdAuc, outOfFold, warnings });
}
