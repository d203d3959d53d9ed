/** Customer segmentation: RFM segments, value tiers, lifecycle stages (DOMAIN.md §5): see segments-analysis.ts. */
export { SEGMENTATIONS, type SegmentLine, segmentLines, segmentsAnalysis } from './segments-analysis.ts';
