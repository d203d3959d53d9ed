/** Rate-change decomposition (Kitagawa / Das Gupta, DOMAIN.md §5): see decomposition-analysis.ts. */
export { MAX_SEGMENTS_AUTO } from './candidate-dimensions.ts';
export { decompositionAnalysis } from './decomposition-analysis.ts';
export { type DimensionFit, dimensionFit, type SegmentFit, segmentFits } from './dimension-fit.ts';
export { type RatioParts, segmentCounts } from './segment-counts.ts';
