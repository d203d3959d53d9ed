/** Rate-change decomposition (Kitagawa / Das Gupta, DOMAIN.md §5): see decomposition-analysis.ts. */
export { decompositionAnalysis, MAX_SEGMENTS_AUTO } from './decomposition-analysis.ts';
export { type DimensionFit, dimensionFit } from './dimension-fit.ts';
export { type RatioParts, segmentCounts } from './segment-counts.ts';
