/** Reason breakdown of churners (DOMAIN.md §5): see reasons-analysis.ts. */

export { reasonVerbatims, type Verbatims } from './reason-verbatims.ts';
export {
  orderReasons,
  REASON_MEMBERS,
  type ReasonLine,
  reasonsAnalysis,
  type SegmentReasons,
} from './reasons-analysis.ts';
