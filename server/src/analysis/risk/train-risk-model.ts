/**
 * Trains the 90-day churn risk model on point-in-time history with a time split (DOMAIN.md §5):
 * the evaluation model learns from quarter-start snapshots strictly before the evaluation date and is
 * scored on the latest snapshot whose 90-day outcome is known; the model that scores customers now is
 * refitted on the latest labelled quarters (the evaluation date included, since its outcome is known
 * by the as-of date). Nothing dated after a snapshot is ever a feature of it.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { compute } from '../compute/compute-pool.ts';
import { analysisContext } from '../governed/analysis-context.ts';
import { RISK_REQUIREMENTS } from '../governed/capabilities.ts';
import {
  brierScore,
  type CalibrationBin,
  calibrationTable,
  fitLogisticRegression,
  type LogisticModel,
  precisionAtTop,
  rocAuc,
  type TopPrecision,
} from '../stats/index.ts';
import { type FeatureDefinition, featureColumns, featureDefinitions } from './risk-features.ts';
import { loadRiskHistory } from './risk-history.ts';
import { lacksDefinitions, riskMessage } from './risk-messages.ts';
import { RISK_TIERS, type RiskTier, riskTierOf } from './risk-tiers.ts';

/** A small L2 penalty on standardised slopes: keeps rare indicators finite; negligible at this n. */
const RIDGE = 1;

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

export interface RiskModel {
  modelVersion: string;
  asOf: string;
  features: FeatureDefinition[];
  /** The production fit (scores customers now). */
  fit: LogisticModel;
  /** The fit that learned only from snapshots before the evaluation date (its metrics are `evaluation`). */
  evaluationFit: LogisticModel;
  evaluation: RiskEvaluation;
  trainingDates: string[];
  evaluationDate: string;
  productionDates: string[];
  productionRows: number;
  /** Share of customers the history was sampled to (1 = all; see MAX_HISTORY_ROWS). */
  sampleRate: number;
  /** Statements that read the history (compiled, row-level security applied), with parameters. */
  statements: { sql: string; params: unknown[] }[];
  timings: { historyMs: number; fitEvaluationMs: number; fitProductionMs: number; totalMs: number };
}

const riskInput = (features: FeatureDefinition[], rows: Record<string, unknown>[]) => ({
  featureNames: features.map((f) => f.id),
  columns: featureColumns(features, rows),
  outcome: Float64Array.from(rows, outcome),
});

export function fitRisk(
  features: FeatureDefinition[],
  rows: Record<string, unknown>[],
  lang: Lang,
): LogisticModel {
  return fitted(fitLogisticRegression(riskInput(features, rows), { ridge: RIDGE }), lang);
}

/** `fitRisk` in a compute worker (issue 21 §1: seconds of IRLS at a million customers stay off the event loop). */
async function fitRiskOffLoop(
  features: FeatureDefinition[],
  rows: Record<string, unknown>[],
  lang: Lang,
): Promise<LogisticModel> {
  return fitted(await compute('fitLogisticRegression', riskInput(features, rows), { ridge: RIDGE }), lang);
}

function fitted(result: ReturnType<typeof fitLogisticRegression>, lang: Lang): LogisticModel {
  if (!result.ok) {
    const why = result.issue.message;
    throw new AnalysisError(riskMessage('cannot_fit', lang, { why }), 'no_data');
  }
  return result.value;
}

const outcome = (row: Record<string, unknown>) => (row.churned_next_90d === true ? 1 : 0);
const okOr = <T>(r: { ok: true; value: T } | { ok: false }, fallback: T): T => (r.ok ? r.value : fallback);

/**
 * Trains and evaluates the risk model on the rows the user may see (`attributes` = row-level security).
 * Throws `AnalysisError` when the history is too short to split in time.
 */
export async function trainRiskModel(
  runtime: ModelRuntime,
  attributes?: Record<string, string[]>,
  lang: Lang = 'en',
): Promise<RiskModel> {
  const started = performance.now();
  const lacking = RISK_REQUIREMENTS.filter((r) =>
    r.id === 'churn' ? runtime.model.churn.churn.type !== 'inactivity' : !(r.id in runtime.model.sources),
  );
  if (lacking.length) throw lacksDefinitions('no_history', lacking, lang);
  const ctx = analysisContext(runtime, {
    intent: 'risk_list',
    language: lang,
    query: { model: runtime.model.id, metrics: ['snapshot_active_customers'] },
    attributes,
  });
  const history = await loadRiskHistory(ctx);
  const { trainingDates, evaluationDate, productionDates } = history;
  const historyMs = performance.now() - started;

  const features = featureDefinitions(runtime.model);
  const rowsOf = (dates: string[]) => dates.flatMap((d) => history.rowsByDate.get(d) ?? []);
  const train = rowsOf(trainingDates);
  const test = rowsOf([evaluationDate]);

  const t0 = performance.now();
  const evaluationFit = await fitRiskOffLoop(features, train, lang);
  const probabilities = await compute('predictProbabilities', evaluationFit, featureColumns(features, test));
  const labels = Float64Array.from(test, outcome);
  const evaluation: RiskEvaluation = {
    trainingRows: train.length,
    trainingEvents: evaluationFit.events,
    rows: test.length,
    events: labels.reduce((s, y) => s + y, 0),
    auc: okOr(rocAuc(probabilities, labels), null),
    topDecile: okOr(precisionAtTop(probabilities, labels, 0.1), null),
    calibration: okOr(calibrationTable(probabilities, labels, 10), []),
    brier: okOr(brierScore(probabilities, labels), null),
    levels: levelCalibration(probabilities, labels),
    expectedEvents: probabilities.reduce((s, v) => s + v, 0),
    expectedVariance: probabilities.reduce((s, v) => s + v * (1 - v), 0),
  };
  const fitEvaluationMs = performance.now() - t0;

  const t1 = performance.now();
  const production = rowsOf(productionDates);
  const productionFit = await fitRiskOffLoop(features, production, lang);
  const fitProductionMs = performance.now() - t1;

  return {
    modelVersion: runtime.model.version,
    asOf: runtime.asOf,
    features,
    fit: productionFit,
    evaluationFit,
    evaluation,
    trainingDates,
    evaluationDate,
    productionDates,
    productionRows: production.length,
    sampleRate: history.sampleRate,
    statements: ctx.trace.sql.map((sql, i) => ({ sql, params: ctx.trace.params[i]! })),
    timings: { historyMs, fitEvaluationMs, fitProductionMs, totalMs: performance.now() - started },
  };
}
