/**
 * The risk model of a label-churn model (one row per customer, a churn flag, no dates: a scaffolded
 * customer table, IBM Telco): logistic regression of the churn label on the model's governed segment
 * dimensions (one indicator per value besides the most common one; a true flag for booleans), read
 * per customer through a compiled query. Label churn has no time, so this is a look-alike score: how
 * likely a customer with these attributes is to be among the churned. It is evaluated by 5-fold
 * stratified cross-validation (out-of-fold ROC AUC, precision in the top decile) and trained on every
 * customer (no row-level security: the model is shared, as the point-in-time one is); users score only
 * the customers they may see. A dimension recorded with the outcome (a churn reason, an exit survey
 * score) decides the label rather than predicting it, and is left out.
 */
import type { DimensionDef } from '../../../../semantic-layer/src/model.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { compute } from '../compute/compute-pool.ts';
import { factorLabel } from '../drivers/driver-factors.ts';
import { type AnalysisContext, analysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import { LABEL_RISK_REQUIREMENTS } from '../governed/capabilities.ts';
import { type ChurnPopulation, churnPopulation } from '../governed/churn-population.ts';
import { count } from '../governed/governed-query.ts';
import { segmentDimensions } from '../governed/segment-dimensions.ts';
import {
  crossValidateLogistic,
  type LogisticInput,
  type LogisticModel,
  precisionAtTop,
  predictProbabilities,
  type TopPrecision,
} from '../stats/index.ts';
import { readGoverned } from './governed-read.ts';
import { lacksDefinitions, riskMessage } from './risk-messages.ts';
import { cachedRiskModel } from './risk-model-cache.ts';

/** Values a dimension may take to enter the model (one indicator each). */
export const MAX_FEATURE_VALUES = 12;
/** Rows cross-validated at most (every k-th row beyond it): five IRLS fits stay a few seconds. */
const MAX_CV_ROWS = 50_000;
const RIDGE = 1;
const FOLDS = 5;

type Row = Record<string, unknown>;

/** One indicator: the customer's `dimension` is `value` (a true flag for a boolean). */
export interface LabelFeature {
  id: string;
  dimension: string;
  value: string;
}

export interface LabelRiskModel {
  modelVersion: string;
  /** The event metric (churned customers) and the dimensions read. */
  population: ChurnPopulation;
  dimensions: string[];
  /** Dimensions recorded with the outcome, left out (see `recordedWithOutcome`). */
  outcomes: string[];
  features: LabelFeature[];
  fit: LogisticModel;
  evaluation: {
    rows: number;
    events: number;
    folds: number;
    auc: number;
    aucSd: number;
    topDecile: TopPrecision | null;
  };
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** True when the row's label says the customer churned (the event metric counts them). */
export const churned = (pop: ChurnPopulation, row: Row): boolean => count(row[pop.events]) > 0;

/** The feature matrix (column-major) of rows. */
export function labelColumns(features: LabelFeature[], rows: Row[]): Float64Array[] {
  return features.map((f) => Float64Array.from(rows, (r) => (text(r[f.dimension]) === f.value ? 1 : 0)));
}

/** Indicators of one dimension: every value seen but the most common (booleans: `true`). */
function indicators(d: DimensionDef, rows: Row[]): LabelFeature[] {
  if (d.type === 'boolean') return [{ id: `${d.id}=true`, dimension: d.id, value: 'true' }];
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = text(r[d.id]);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return levels.slice(1).map(([value]) => ({ id: `${d.id}=${value}`, dimension: d.id, value }));
}

/** Customers a value needs before "every one of them churned" says something about the dimension. */
const MIN_VALUE_CUSTOMERS = 30;

/**
 * A dimension recorded with the outcome rather than before it: values only churners have (a churn reason),
 * or values whose customers all churned holding at least half of the churners (IBM Telco v11's satisfaction
 * score 1-2: taken at exit). Such a column decides the label instead of predicting it.
 */
function recordedWithOutcome(pop: ChurnPopulation, d: DimensionDef, rows: Row[]): boolean {
  const byValue = new Map<string, { n: number; churned: number }>();
  let churners = 0;
  let retainedWithValue = 0;
  for (const r of rows) {
    const c = churned(pop, r);
    if (c) churners++;
    const v = text(r[d.id]);
    if (v === null) continue;
    if (!c) retainedWithValue++;
    const cell = byValue.get(v) ?? { n: 0, churned: 0 };
    cell.n++;
    if (c) cell.churned++;
    byValue.set(v, cell);
  }
  if (d.type !== 'boolean' && byValue.size > 0 && retainedWithValue === 0) return true;
  const decided = [...byValue.values()]
    .filter((c) => c.n >= MIN_VALUE_CUSTOMERS && c.churned === c.n)
    .reduce((s, c) => s + c.churned, 0);
  return churners > 0 && decided >= churners / 2;
}

/** Every customer's label and feature dimensions (compiled; the context's row-level security applies). */
export function readLabelRows(
  ctx: AnalysisContext,
  pop: ChurnPopulation,
  dimensions: string[],
  filters: NonNullable<AnalysisContext['request']['query']['filters']> = [],
): Promise<Row[]> {
  return readGoverned(
    ctx,
    'label_rows_ms',
    { metrics: [pop.events], dimensions: ['customer_id', ...dimensions], filters },
    { ordered: false },
  );
}

/** Every k-th row, so cross-validation reads at most `max` rows. */
function thinned(input: LogisticInput, max: number): LogisticInput {
  const n = input.outcome.length;
  if (n <= max) return input;
  const step = Math.ceil(n / max);
  const keep = (c: ArrayLike<number>) =>
    Float64Array.from({ length: Math.ceil(n / step) }, (_, i) => c[i * step]!);
  return { featureNames: input.featureNames, columns: input.columns.map(keep), outcome: keep(input.outcome) };
}

/** Trains and cross-validates the label-churn model on every customer (see the file comment). */
export async function trainLabelRiskModel(runtime: ModelRuntime, lang: 'zh' | 'en'): Promise<LabelRiskModel> {
  const model = runtime.model;
  if (!model.dimensions.customer_id) throw lacksDefinitions('label_missing', LABEL_RISK_REQUIREMENTS, lang);
  const ctx = analysisContext(runtime, {
    intent: 'risk_list',
    language: lang,
    query: { model: model.id, metrics: ['churn_rate'] },
  });
  const pop = churnPopulation(ctx);
  const candidates = segmentDimensions(runtime, pop.rateMetric, { maxValues: MAX_FEATURE_VALUES });
  const rows = await readLabelRows(
    ctx,
    pop,
    candidates.map((d) => d.id),
  );
  const outcomes = candidates.filter((d) => recordedWithOutcome(pop, d, rows)).map((d) => d.id);
  const used = candidates.filter((d) => !outcomes.includes(d.id));
  const features = used.flatMap((d) => indicators(d, rows));
  if (!features.length) {
    throw new AnalysisError(
      riskMessage('label_no_features', lang, { model: model.id, max: MAX_FEATURE_VALUES }),
      'unsupported',
    );
  }
  const outcome = Float64Array.from(rows, (r) => (churned(pop, r) ? 1 : 0));
  const input = { featureNames: features.map((f) => f.id), columns: labelColumns(features, rows), outcome };
  const events = sum(outcome);
  if (events === 0 || events === rows.length) {
    throw new AnalysisError(riskMessage('label_one_class', lang, { rows: rows.length }), 'no_data');
  }
  const cvInput = thinned(input, MAX_CV_ROWS);
  const cv = crossValidateLogistic(cvInput, { ridge: RIDGE, folds: FOLDS });
  if (!cv.ok) throw new AnalysisError(riskMessage('cannot_fit', lang, { why: cv.issue.message }), 'no_data');
  const top = precisionAtTop(cv.value.outOfFold, cvInput.outcome, 0.1);
  const evaluation = {
    rows: cvInput.outcome.length,
    events: sum(cvInput.outcome),
    folds: FOLDS,
    auc: cv.value.meanAuc,
    aucSd: cv.value.sdAuc,
    topDecile: top.ok ? top.value : null,
  };
  // The compute worker may take the input's buffers: everything read from them is read above.
  const fit = await compute('fitLogisticRegression', input, { ridge: RIDGE });
  if (!fit.ok)
    throw new AnalysisError(riskMessage('cannot_fit', lang, { why: fit.issue.message }), 'no_data');
  return {
    modelVersion: model.version,
    population: pop,
    dimensions: used.map((d) => d.id),
    outcomes,
    features,
    fit: fit.value,
    evaluation,
  };
}

/** The label model of this runtime's store state and model version, trained once and shared by every asker. */
export function labelRiskModelFor(
  runtime: ModelRuntime,
  lang: 'zh' | 'en',
): Promise<{ model: LabelRiskModel; cached: boolean }> {
  return cachedRiskModel(runtime, 'label', () => trainLabelRiskModel(runtime, lang));
}

/** Probabilities of rows under the model. */
export function scoreLabelRows(m: LabelRiskModel, rows: Row[]): Float64Array {
  return predictProbabilities(m.fit, labelColumns(m.features, rows));
}

/**
 * The customer's top risk-raising contributions βⱼ(xᵢⱼ − x̄ⱼ), summed per dimension, as "Dimension:
 * value" in the request's language (at most `n`).
 */
export function labelReasons(ctx: AnalysisContext, m: LabelRiskModel, row: Row, n = 3): string[] {
  const byDimension = new Map<string, number>();
  m.fit.coefficients.forEach((c, j) => {
    const f = m.features[j]!;
    const x = text(row[f.dimension]) === f.value ? 1 : 0;
    if (!Number.isFinite(c.estimate)) return;
    byDimension.set(f.dimension, (byDimension.get(f.dimension) ?? 0) + c.estimate * (x - c.mean));
  });
  return [...byDimension.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([dim]) => {
      const d = ctx.runtime.model.dimensions[dim]!;
      const value = text(row[dim]);
      // A false flag (or no value) has no factor label of its own: "Flag: No".
      if (value !== null && (d.type !== 'boolean' || value === 'true')) return factorLabel(ctx, d, value);
      return analysisMessage('label_value', ctx.lang, {
        label: memberText(ctx, dim),
        value: valueText(ctx, dim, value),
      });
    });
}
