/**
 * Trained risk models kept in memory, so a question is answered by scoring, not training. A model
 * belongs to one analytic store (engine), one model version and one as-of date, and is trained on all
 * customers (issue 18 §2): row-level security filters which customers a user reads and scores, never
 * what the model learns, so a customer has one score whoever asks. Concurrent questions share one
 * training; a failed training is forgotten so the next question retries. Two kinds share the cache:
 * the point-in-time model (`riskModelFor`) and the label-churn look-alike model (label-risk-model.ts).
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { AnalyticsEngine } from '../../data/analytics-engine.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { type RiskModel, trainRiskModel } from './train-risk-model.ts';

const models = new WeakMap<AnalyticsEngine, Map<string, Promise<unknown>>>();

/** The `kind` model of this runtime's store state, model version and as-of, trained by `train` on first use. */
export async function cachedRiskModel<T>(
  runtime: ModelRuntime,
  kind: string,
  train: () => Promise<T>,
): Promise<{ model: T; cached: boolean }> {
  let byKey = models.get(runtime.engine);
  if (!byKey) {
    byKey = new Map();
    models.set(runtime.engine, byKey);
  }
  const key = `${kind}|${runtime.engine.writeCount}|${runtime.model.version}|${runtime.asOf}`;
  const existing = byKey.get(key) as Promise<T> | undefined;
  if (existing) return { model: await existing, cached: true };
  const training = train();
  byKey.set(key, training);
  try {
    return { model: await training, cached: false };
  } catch (err) {
    byKey.delete(key);
    throw err;
  }
}

/** The risk model of this runtime's model version, trained on first use; `cached` says whether it was. */
export function riskModelFor(
  runtime: ModelRuntime,
  lang: Lang = 'en',
): Promise<{ model: RiskModel; cached: boolean }> {
  // Trained on every customer: no row-level-security attributes (the model is shared by all askers).
  return cachedRiskModel(runtime, 'history', () => trainRiskModel(runtime, undefined, lang));
}

/** Drops every cached model of an engine (after re-materialising its store). */
export function forgetRiskModels(engine: AnalyticsEngine): void {
  models.delete(engine);
}
