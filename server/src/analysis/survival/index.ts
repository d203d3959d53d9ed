/** Kaplan–Meier survival by segment with a log-rank test (DOMAIN.md §5): see survival-analysis.ts. */

export { type SegmentCurve, type SpellSurvival, spellSurvival } from './spell-survival.ts';
export { HORIZONS, SURVIVAL_MEMBERS, survivalAnalysis, survivalPoint } from './survival-analysis.ts';
