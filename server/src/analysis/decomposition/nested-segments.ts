/**
 * A region named beside one of its cities: when a localised segment of a coarse dimension (region 华中)
 * contains a localised segment of a finer one on the same source (city 武汉) that moved the same way
 * and carries most of its contribution, the region is the city's echo, and the decomposition says so
 * instead of naming the region as a second cause. Containment is read from the data (one governed
 * query by parent × child over the ratio's population).
 */
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { AnalysisError } from '../analysis-contract.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import type { SegmentFit } from './dimension-fit.ts';
import type { RatioParts } from './segment-counts.ts';

/** The child carries at least this share of the parent's contribution to be called its source. */
const ECHO_SHARE = 0.5;
/** A child counts as inside a parent when this share of its population is. */
const NESTED_SHARE = 0.99;

export interface Echo {
  dimension: string;
  segment: string;
  /** The finer segment that carries the contribution. */
  childDimension: string;
  childSegment: string;
  childContribution: number;
}

/** Echoes among the first `top` localisations (each parent checked against the children listed). */
export async function segmentEchoes(
  ctx: AnalysisContext,
  ratio: RatioParts,
  localisations: SegmentFit[],
  range: TimeRange,
  top: number,
): Promise<Echo[]> {
  const model = ctx.runtime.model;
  const head = localisations.slice(0, top + 2);
  const echoes: Echo[] = [];
  for (const parent of head.slice(0, top)) {
    const pd = model.dimensions[parent.dimension];
    if (pd?.type !== 'categorical' || parent.segment === null) continue;
    for (const child of head) {
      const cd = model.dimensions[child.dimension];
      if (cd?.type !== 'categorical' || child.dimension === parent.dimension || cd.source !== pd.source)
        continue;
      if (child.segment === null || Math.sign(child.contribution) !== Math.sign(parent.contribution))
        continue;
      if (Math.abs(child.contribution) < ECHO_SHARE * Math.abs(parent.contribution)) continue;
      // Dimensions the ratio's own source cannot reach together (snapshot-only ones) are not checked.
      const read = await runGoverned(ctx, 'decomposition_nesting', {
        metrics: [ratio.denominator],
        dimensions: [parent.dimension, child.dimension],
        timeRange: range,
        filters: [{ member: child.dimension, op: 'in', values: [child.segment] }],
      }).catch((e: unknown) => {
        if (e instanceof AnalysisError) return null;
        throw e;
      });
      if (!read) continue;
      const { rows } = read;
      const total = rows.reduce((s, r) => s + count(r[ratio.denominator]), 0);
      const inside = rows
        .filter((r) => String(r[parent.dimension]) === parent.segment)
        .reduce((s, r) => s + count(r[ratio.denominator]), 0);
      if (total > 0 && inside / total >= NESTED_SHARE) {
        echoes.push({
          dimension: parent.dimension,
          segment: parent.segment,
          childDimension: child.dimension,
          childSegment: child.segment,
          childContribution: child.contribution,
        });
        break;
      }
    }
  }
  return echoes;
}
