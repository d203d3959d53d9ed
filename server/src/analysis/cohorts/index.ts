/** Cohort retention (DOMAIN.md §5): see cohorts-analysis.ts. */
export { cohortsAnalysis, type RetentionPoint, retentionCurve } from './cohorts-analysis.ts';
