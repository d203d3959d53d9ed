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
import type { fitLogisticRegression, LogisticModel } from '../stats/index.ts';
import type { RiskEvaluation } from './risk-evaluation.ts';
import { type FeatureDefinition, featureColumnsInSlices, featureDefinitions } from './risk-features.ts';
import { loadRiskHistory } from './risk-history.ts';
import { lacksDefinitions, riskMessage } from './risk-messages.ts';

/** A small L2 penalty on standardised slopes: keeps rare indicators finite; negligible at this n. */
const RIDGE = 1;

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

const riskInput = async (features: FeatureDefinition[], rows: Record<string, unknown>[]) => ({
  featureNames: features.map((f) => f.id),
  columns: await featureColumnsInSlices(features, rows),
  outcome: Float64Array.from(rows, outcome),
});

/** The risk model's fit in a compute worker (issue 21 §1: seconds of IRLS at a million customers stay off the event loop). */
export async function fitRisk(
  features: FeatureDefinition[],
  rows: Record<string, unknown>[],
  lang: Lang,
): Promise<LogisticModel> {
  return fitted(
    await compute('fitLogisticRegression', await riskInput(features, rows), { ridge: RIDGE }),
    lang,
  );
}

function fitted(result: ReturnType<typeof fitLogisticRegression>, lang: Lang): LogisticModel {
  if (!result.ok) {
    const why = result.issue.message;
    throw new AnalysisError(riskMessage('cannot_fit', lang, { why }), 'no_data');
  }
  return result.value;
}

const outcome = (row: Record<string, unknown>) => (row.churned_next_90d === true ? 1 : 0);

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
  const evaluationFit = await fitRisk(features, train, lang);
  const probabilities = await compute(
    'predictProbabilities',
    evaluationFit,
    await featureColumnsInSlices(features, test),
  );
  const labels = Float64Array.from(test, outcome);
  const evaluation = await compute('evaluateRisk', probabilities, labels, {
    rows: train.length,
    events: evaluationFit.events,
  });
  const fitEvaluationMs = performance.now() - t0;

  const t1 = performance.now();
  const production = rowsOf(productionDates);
  const productionFit = await fitRisk(features, production, lang);
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
