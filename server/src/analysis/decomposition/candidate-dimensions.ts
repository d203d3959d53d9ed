/**
 * The dimensions a change decomposition tries when the question names none: every governed segment
 * dimension of the ratio metric with support (a city included), and, for quarters, every dimension of
 * the point-in-time snapshots (`snapshot_churn_rate`: category, sales channel, behaviour flags as of
 * each quarter's start) that the ratio's own source cannot reach. Derived scores and outcome-window
 * indicators are left out (they restate the outcome), and so is a dimension whose values would each
 * be too small to compare; what was left out is said.
 */
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { isLeadingIndicator } from '../drivers/leading-indicators.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText } from '../governed/analysis-members.ts';
import { segmentDimensions } from '../governed/segment-dimensions.ts';
import type { RatioParts } from './segment-counts.ts';

/** Dimensions with more values than this are not tried (a value would hold too few customers). */
export const MAX_SEGMENTS_AUTO = 60;
/** Derived scores that restate the churn definition. */
const SCORE_DIMENSIONS = ['risk_tier', 'lifecycle_stage', 'rfm_segment'];
/**
 * Bands of a quantity that grows with the calendar: every customer ages into the next band each
 * quarter, so their mix shifts mechanically between any two periods and would always "explain" a change.
 */
const CALENDAR_BANDS = ['tenure_band', 'age_band'];
/** The point-in-time ratio used for dimensions only its snapshots carry. */
const SNAPSHOT_RATE = 'snapshot_churn_rate';

export interface Candidate {
  dimension: string;
  ratio: RatioParts;
}

const isQuarter = (r: TimeRange) =>
  /-(01|04|07|10)-01$/.test(r.start) && /-(01|04|07|10)-01$/.test(r.end) && monthsBetween(r) === 3;

function monthsBetween(r: TimeRange): number {
  const [ya, ma] = r.start.split('-').map(Number) as [number, number];
  const [yb, mb] = r.end.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

export function candidateDimensions(
  ctx: AnalysisContext,
  ratio: RatioParts,
  a: TimeRange,
  b: TimeRange,
): { candidates: Candidate[]; leftOut: string[] } {
  const runtime = ctx.runtime;
  const usable = (id: string) =>
    !SCORE_DIMENSIONS.includes(id) && !CALENDAR_BANDS.includes(id) && !isLeadingIndicator(id);
  const own = segmentDimensions(runtime, ratio.metric, { maxValues: MAX_SEGMENTS_AUTO });
  const candidates: Candidate[] = own.filter((d) => usable(d.id)).map((d) => ({ dimension: d.id, ratio }));
  const leftOut = own.filter((d) => !usable(d.id)).map((d) => d.id);
  const snap = runtime.model.metrics[SNAPSHOT_RATE];
  if (ratio.metric === 'churn_rate' && snap?.type === 'ratio' && isQuarter(a) && isQuarter(b)) {
    const snapshotRatio = { metric: SNAPSHOT_RATE, numerator: snap.numerator, denominator: snap.denominator };
    const have = new Set(own.map((d) => d.id));
    for (const d of segmentDimensions(runtime, SNAPSHOT_RATE, { maxValues: MAX_SEGMENTS_AUTO })) {
      if (have.has(d.id)) continue;
      if (usable(d.id)) candidates.push({ dimension: d.id, ratio: snapshotRatio });
      else leftOut.push(d.id);
    }
  }
  return { candidates, leftOut };
}

/** The sentence naming what was left out of the search, and why. */
export function leftOutAssumption(ctx: AnalysisContext, leftOut: string[]): string | null {
  if (!leftOut.length) return null;
  const names = leftOut.map((id) => memberText(ctx, id)).join(analysisMessage('list_separator', ctx.lang));
  return analysisMessage('decomposition.left_out', ctx.lang, { names });
}
