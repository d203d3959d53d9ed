/**
 * Honest validation of a churn risk score (DOMAIN.md §5): ROC AUC, precision in the top decile,
 * a calibration table, Brier score and log loss. Labels are 0/1 with 1 = churned.
 */
import { fail, firstNonFinite, ok, type StatsResult } from './stats-result.ts';

function checkScored(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): StatsResult<{ positives: number }> {
  if (scores.length !== labels.length)
    return fail('length_mismatch', 'labels', 'one label per score is required');
  if (scores.length === 0) return fail('empty_input', 'scores', 'no scored rows');
  const bad = firstNonFinite(scores);
  if (bad >= 0) return fail('non_finite', `scores[${bad}]`, 'scores must be finite');
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1)
      return fail('invalid_argument', `labels[${i}]`, 'labels must be 0 or 1');
    positives += labels[i];
  }
  return ok({ positives });
}

/** Row indices ordered by ascending score (ties in input order). */
function orderByScore(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((x, y) => scores[x] - scores[y] || x - y);
}

/**
 * ROC AUC as the Mann–Whitney statistic U/(n₁n₀) with mid-ranks, so a tied positive/negative pair
 * counts ½: the probability a random churner outscores a random stayer.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): StatsResult<number> {
  const checked = checkScored(scores, labels);
  if (!checked.ok) return checked;
  const n1 = checked.value.positives;
  const n0 = scores.length - n1;
  if (n1 === 0 || n0 === 0) return fail('single_class', 'labels', 'AUC needs both churners and non-churners');
  const order = orderByScore(scores);
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    const midRank = (start + 1 + end) / 2; // ranks start+1 … end share their average
    for (let r = start; r < end; r++) if (labels[order[r]] === 1) positiveRankSum += midRank;
    start = end;
  }
  return ok((positiveRankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0));
}

/** Precision among the highest-scored share of customers. */
export interface TopPrecision {
  /** Number of customers flagged: ⌈fraction·n⌉. */
  flagged: number;
  /** Lowest score inside the flagged group. */
  threshold: number;
  precision: number;
  baseRate: number;
  /** precision / baseRate. */
  lift: number;
}

/**
 * Churn rate among the top `fraction` by score (0.1 = top decile). Ties straddling the cut count
 * fractionally (the expected precision under random tie-breaking), so row order never matters.
 */
export function precisionAtTop(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  fraction = 0.1,
): StatsResult<TopPrecision> {
  const checked = checkScored(scores, labels);
  if (!checked.ok) return checked;
  if (!(fraction > 0 && fraction <= 1))
    return fail('invalid_argument', 'fraction', 'fraction must lie in (0, 1]');
  const n = scores.length;
  const flagged = Math.ceil(fraction * n - 1e-9);
  const order = orderByScore(scores).reverse();
  const threshold = scores[order[flagged - 1]];
  let above = 0;
  let positivesAbove = 0;
  let tied = 0;
  let positivesTied = 0;
  for (let r = 0; r < n; r++) {
    const s = scores[order[r]];
    if (s > threshold) {
      above++;
      positivesAbove += labels[order[r]];
    } else if (s === threshold) {
      tied++;
      positivesTied += labels[order[r]];
    } else break;
  }
  const precision = (positivesAbove + ((flagged - above) * positivesTied) / tied) / flagged;
  const baseRate = checked.value.positives / n;
  return ok({
    flagged,
    threshold,
    precision,
    baseRate,
    lift: baseRate > 0 ? precision / baseRate : Number.NaN,
  });
}

/** One calibration bin: mean predicted risk against the observed churn rate. */
export interface CalibrationBin {
  /** 1 = lowest scores. */
  bin: number;
  count: number;
  events: number;
  meanPredicted: number;
  observedRate: number;
  minScore: number;
  maxScore: number;
}

/**
 * Calibration table over equal-count bins of the predicted probability (deciles by default); bins hold
 * ⌊n/bins⌋ or ⌈n/bins⌉ rows, and tied scores may straddle a bin edge.
 */
export function calibrationTable(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): StatsResult<CalibrationBin[]> {
  const checked = checkScored(probabilities, labels);
  if (!checked.ok) return checked;
  if (!Number.isInteger(bins) || bins < 1)
    return fail('invalid_argument', 'bins', 'bins must be a positive integer');
  const n = probabilities.length;
  const order = orderByScore(probabilities);
  const table: CalibrationBin[] = [];
  for (let b = 0; b < Math.min(bins, n); b++) {
    const from = Math.floor((b * n) / bins);
    const to = Math.floor(((b + 1) * n) / bins);
    if (to <= from) continue;
    let sum = 0;
    let events = 0;
    for (let r = from; r < to; r++) {
      sum += probabilities[order[r]];
      events += labels[order[r]];
    }
    const count = to - from;
    table.push({
      bin: table.length + 1,
      count,
      events,
      meanPredicted: sum / count,
      observedRate: events / count,
      minScore: probabilities[order[from]],
      maxScore: probabilities[order[to - 1]],
    });
  }
  return ok(table);
}

/** Brier score: mean squared error of predicted probabilities (0 is perfect). */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): StatsResult<number> {
  const checked = checkScored(probabilities, labels);
  if (!checked.ok) return checked;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return ok(sum / labels.length);
}

/** Mean negative log-likelihood (natural log); probabilities are clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): StatsResult<number> {
  const checked = checkScored(probabilities, labels);
  if (!checked.ok) return checked;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i]));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return ok(sum / labels.length);
}
