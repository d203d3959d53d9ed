/** Public surface of the churn statistics library (pure TypeScript, no dependencies). */
export * from './classification-metrics.ts';
export * from './cross-validation.ts';
export * from './decomposition.ts';
export * from './distributions.ts';
export * from './logistic-prediction.ts';
export * from './logistic-regression.ts';
export * from './multiple-testing.ts';
export * from './proportions.ts';
export * from './ranks.ts';
export * from './risk-measures.ts';
export * from './stats-result.ts';
export * from './survival.ts';
