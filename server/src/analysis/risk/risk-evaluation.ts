/**
 * How the evaluation model did out of time on the evaluation snapshot: ranking (ROC AUC, precision in the top
 * decile), calibration (bins, per risk level, Brier score) and the expected churners. Pure, so it runs in a
 * compute worker (issue 21 §1: sorting the evaluation snapshot's scores stalled the event loop).
 */
import {
  brierScore,
  type CalibrationBin,
  calibrationTable,
  precisionAtTop,
  rocAuc,
  type TopPrecision,
} from '../stats/index.ts';
import { RISK_TIERS, type RiskTier, riskTierOf } from './risk-tiers.ts';

/** Out-of-time performance of the evaluation model on the evaluation snapshot. */
export interface RiskEvaluation {
  trainingRows: number;
  trainingEvents: number;
  rows: number;
  events: number;
  /** null when the evaluation snapshot has only one class. */
  auc: number | null;
  topDecile: TopPrecision | null;
  calibration: CalibrationBin[];
  brier: number | null;
  /** Per risk level (risk-tiers.ts): customers, mean predicted and observed 90-day churn, out of time. */
  levels: LevelCalibration[];
  /** Σ p over the evaluation snapshot (the forecast of its churners, made before its outcome) and Σ p(1 − p). */
  expectedEvents: number;
  expectedVariance: number;
}

export interface LevelCalibration {
  tier: RiskTier;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

/** How each level's customers actually churned: the label is honest when observed falls in the level's band. */
function levelCalibration(p: Float64Array, y: Float64Array): LevelCalibration[] {
  return RISK_TIERS.map(({ tier }) => {
    let n = 0;
    let sp = 0;
    let sy = 0;
    p.forEach((v, i) => {
      if (riskTierOf(v) !== tier) return;
      n++;
      sp += v;
      sy += y[i]!;
    });
    return { tier, count: n, meanPredicted: n ? sp / n : null, observedRate: n ? sy / n : null };
  });
}

const okOr = <T>(r: { ok: true; value: T } | { ok: false }, fallback: T): T => (r.ok ? r.value : fallback);

/** The evaluation of `probabilities` against the 0/1 `labels`, with the training set's size. */
export function evaluateRisk(
  probabilities: Float64Array,
  labels: Float64Array,
  training: { rows: number; events: number },
): RiskEvaluation {
  return {
    trainingRows: training.rows,
    trainingEvents: training.events,
    rows: labels.length,
    events: labels.reduce((s, y) => s + y, 0),
    auc: okOr(rocAuc(probabilities, labels), null),
    topDecile: okOr(precisionAtTop(probabilities, labels, 0.1), null),
    calibration: okOr(calibrationTable(probabilities, labels, 10), []),
    brier: okOr(brierScore(probabilities, labels), null),
    levels: levelCalibration(probabilities, labels),
    expectedEvents: probabilities.reduce((s, v) => s + v, 0),
    expectedVariance: probabilities.reduce((s, v) => s + v * (1 - v), 0),
  };
}
