import { AnalysisError, type AnalysisIntent, type RunAnalysis } from './analysis-contract.ts';
import { analysisMessage } from './analysis-messages.ts';
import { analysisSlots } from './analysis-slots.ts';
import { campaignOutcomesAnalysis } from './campaigns/campaign-outcomes.ts';
import { cohortsAnalysis } from './cohorts/index.ts';
import { customerProfileAnalysis } from './customer/customer-analysis.ts';
import { decompositionAnalysis } from './decomposition/index.ts';
import { driversAnalysis } from './drivers/index.ts';
import { churnForecastAnalysis } from './forecast/index.ts';
import { actionsAnalysis } from './playbook/index.ts';
import { reasonsAnalysis } from './reasons/index.ts';
import { riskListAnalysis } from './risk/index.ts';
import { segmentsAnalysis } from './segments/index.ts';
import { survivalAnalysis } from './survival/index.ts';
import { winbackTimingAnalysis } from './winback/index.ts';

/** The analysis behind each intent. */
export const ANALYSES: Record<AnalysisIntent, RunAnalysis> = {
  reasons: reasonsAnalysis,
  drivers: driversAnalysis,
  decomposition: decompositionAnalysis,
  cohorts: cohortsAnalysis,
  survival: survivalAnalysis,
  segments: segmentsAnalysis,
  risk_list: riskListAnalysis,
  actions: actionsAnalysis,
  campaign_outcomes: campaignOutcomesAnalysis,
  customer_profile: customerProfileAnalysis,
  winback_timing: winbackTimingAnalysis,
  churn_forecast: churnForecastAnalysis,
};

/**
 * The analysis module's entry point (the pipeline's `runAnalysis`): runs the analysis of the request's
 * intent on governed queries under the user's row-level security, at most `analysisSlots.size` at once.
 * @example const result = await runAnalysis(runtime, { intent: 'reasons', language: 'zh', query })
 */
export const runAnalysis: RunAnalysis = async (runtime, request) => {
  const analysis = ANALYSES[request.intent];
  if (!analysis) {
    throw new AnalysisError(
      analysisMessage('unsupported', request.language, { intent: request.intent }),
      'unsupported',
    );
  }
  return analysisSlots.run(() => analysis(runtime, request));
};
