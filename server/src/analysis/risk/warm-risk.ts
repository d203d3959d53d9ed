/**
 * Warms the risk model after a model version is activated: trains it and scores every active customer
 * in the background (the same caches the questions read: per engine, model version, as-of date and
 * row-level-security scope), so the first "哪些客户有流失风险?" or "怎么挽回?" is answered by lookup rather than
 * by training (~14 s at 1M customers) and scoring. A question asked during the warm-up waits for the same
 * training instead of starting its own. Models without point-in-time history are skipped.
 */
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { analysisContext } from '../governed/analysis-context.ts';
import { findAtRiskCustomers } from './at-risk-customers.ts';

export async function warmRisk(runtime: ModelRuntime, log: (line: string) => void): Promise<void> {
  const { model } = runtime;
  if (!('customer_history' in model.sources) || !model.metrics.at_risk_customers) return;
  const started = performance.now();
  try {
    const ctx = analysisContext(runtime, {
      intent: 'risk_list',
      language: 'en',
      query: { model: model.id, metrics: ['at_risk_customers'] },
    });
    const population = await findAtRiskCustomers(ctx);
    const auc = population.model.evaluation.auc;
    log(
      `model ${model.id}: risk model trained (out-of-time AUC ${auc === null ? 'n/a' : auc.toFixed(3)}), ${population.scored.toLocaleString('en-US')} active customers scored, ${population.customers.length.toLocaleString('en-US')} at risk, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    log(`model ${model.id}: risk model not warmed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
