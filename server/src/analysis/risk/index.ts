/** Churn risk: the 90-day risk model (trained on history with a time split) and the at-risk list. */
export {
  type AtRiskCustomer,
  type AtRiskPopulation,
  findAtRiskCustomers,
  listFilters,
} from './at-risk-customers.ts';
export { readGoverned, securityScope } from './governed-read.ts';
export { type RiskModelSummary, summariseRiskModel } from './model-summary.ts';
export { HORIZON_DAYS, MAX_HISTORY_ROWS, TRAINING_QUARTERS } from './risk-history.ts';
export { DEFAULT_LIST_LIMIT, riskListAnalysis } from './risk-list-analysis.ts';
export { forgetRiskModels, riskModelFor } from './risk-model-cache.ts';
export { AT_RISK_PROBABILITY, RISK_TIERS, type RiskTier, riskTierOf } from './risk-tiers.ts';
export { explainRisk, type RiskFactor, scoreRows } from './score-customers.ts';
export { type RiskModel, trainRiskModel } from './train-risk-model.ts';
