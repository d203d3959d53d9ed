/**
 * Trained risk models kept in memory, so a question is answered by scoring, not training. A model
 * belongs to one analytic store (engine), one model version, one as-of date and one row-level-security
 * scope: a regional manager's model learns only from the rows they may see. Concurrent questions
 * share one training; a failed training is forgotten so the next question retries.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { AnalyticsEngine } from '../../data/analytics-engine.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { securityScope } from './governed-read.ts';
import { type RiskModel, trainRiskModel } from './train-risk-model.ts';

const models = new WeakMap<AnalyticsEngine, Map<string, Promise<RiskModel>>>();

/** The risk model for this runtime and user scope, trained on first use; `cached` says whether it was. */
export async function riskModelFor(
  runtime: ModelRuntime,
  attributes: Record<string, string[]> | undefined,
  lang: Lang = 'en',
): Promise<{ model: RiskModel; cached: boolean }> {
  let byKey = models.get(runtime.engine);
  if (!byKey) {
    byKey = new Map();
    models.set(runtime.engine, byKey);
  }
  const key = `${runtime.engine.writeCount}|${runtime.model.version}|${runtime.asOf}|${securityScope(runtime, attributes)}`;
  const existing = byKey.get(key);
  if (existing) return { model: await existing, cached: true };
  const training = trainRiskModel(runtime, attributes, lang);
  byKey.set(key, training);
  try {
    return { model: await training, cached: false };
  } catch (err) {
    byKey.delete(key);
    throw err;
  }
}

/** Drops every cached model of an engine (after re-materialising its store). */
export function forgetRiskModels(engine: AnalyticsEngine): void {
  models.delete(engine);
}
