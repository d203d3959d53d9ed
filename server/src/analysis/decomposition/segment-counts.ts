import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import type { SegmentCounts } from '../stats/index.ts';

/** A ratio metric as the decomposition reads it: events over population. */
export interface RatioParts {
  metric: string;
  numerator: string;
  denominator: string;
}

/** The key of a segment value (NULL included, so the segments always add up to the whole). */
export const segmentKey = (v: unknown): string => (v === null || v === undefined ? '\u0000null' : String(v));

/** The segment value a key stands for (NULL for the NULL key). */
export const fromKey = (key: string): string | null => (key === segmentKey(null) ? null : key);

/**
 * Population (denominator) and events (numerator) per value of `dimension` in periods A and B, from
 * two compiled governed queries (one per period, so a segment present in only one period is kept).
 */
export async function segmentCounts(
  ctx: AnalysisContext,
  ratio: RatioParts,
  dimension: string,
  a: TimeRange,
  b: TimeRange,
): Promise<SegmentCounts[]> {
  const metrics = [ratio.numerator, ratio.denominator];
  const [ra, rb] = await Promise.all([
    runGoverned(ctx, 'decomposition_counts', { metrics, dimensions: [dimension], timeRange: a }),
    runGoverned(ctx, 'decomposition_counts', { metrics, dimensions: [dimension], timeRange: b }),
  ]);
  const by = new Map<string, SegmentCounts>();
  const at = (v: unknown) => {
    const key = segmentKey(v);
    let s = by.get(key);
    if (!s) {
      s = { segment: key, populationA: 0, eventsA: 0, populationB: 0, eventsB: 0 };
      by.set(key, s);
    }
    return s;
  };
  for (const r of ra.rows) {
    const s = at(r[dimension]);
    s.populationA += count(r[ratio.denominator]);
    s.eventsA += count(r[ratio.numerator]);
  }
  for (const r of rb.rows) {
    const s = at(r[dimension]);
    s.populationB += count(r[ratio.denominator]);
    s.eventsB += count(r[ratio.numerator]);
  }
  return [...by.values()].sort((x, y) => x.segment.localeCompare(y.segment));
}
