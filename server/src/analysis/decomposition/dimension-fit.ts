import { analysisMessage } from '../analysis-messages.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import {
  normalTwoSidedP,
  type RateDecomposition,
  type SegmentCounts,
  zForConfidence,
} from '../stats/index.ts';
import { signedPoints } from './decomposition-narrative.ts';
import { fromKey } from './segment-counts.ts';

/** Segments smaller than this in either period do not decide which dimension explains the change. */
const MIN_SEGMENT = 30;
const Z95 = zForConfidence(0.95);

/** One dimension's counts and their decomposition. */
export interface Decomposed {
  counts: SegmentCounts[];
  result: RateDecomposition;
}

/**
 * How well one dimension localises the change: the segment whose contribution departs most from the
 * share its size would carry. A change spread evenly over customers gives each segment weight × change,
 * so "B2C, 97% of customers, explains 100%" says nothing while "华南, 17% of customers, explains 67%"
 * does. The departure is in rate points and counts in either direction, so a segment moving against a
 * near-zero net change (华北 +1.3 pp while the rest fell and the rate barely moved) still stands out
 * where a share of that tiny change would be meaningless. Departures are compared in standard errors,
 * because a large segment's contribution is noisier in rate points than a small one's.
 */
export interface DimensionFit {
  dimension: string;
  segment: string | null;
  /** That segment's total contribution (rate points). */
  contribution: number;
  /** Its contribution ÷ the change (1 = all of it; negative = it moved against it; 0 when no change). */
  explainedShare: number;
  /** Its average share of the population over the two periods. */
  weight: number;
  /** contribution − weight × change (rate points). */
  departure: number;
  /** The departure in standard errors had every segment kept the overall rate: what dimensions are ranked by. */
  z: number;
}

/** One segment's departure, with its significance and the contribution's interval. */
export interface SegmentFit extends DimensionFit {
  segment: string | null;
  /** Two-sided p of the departure (normal), and its Benjamini–Hochberg value over every segment tried. */
  p: number;
  q: number;
  /** 95% CI of the contribution: its rate part's sampling error, the weights taken as fixed. */
  low: number;
  high: number;
  rateA: number;
  rateB: number;
  customers: number;
}

/**
 * Every segment's departure in standard errors (segments of ≥ 30 in both periods whose own rate moved
 * in the direction of their departure). The departure of segment s is Σₜ (𝟙[t = s] − wₛ) wₜ Δrₜ; under
 * no change every Δrₜ has the binomial variance p̄(1 − p̄)(1/nₜᴬ + 1/nₜᴮ) at the pooled rate p̄, which
 * gives its standard error. `q` is left at 1 for the caller's correction.
 */
export function segmentFits(dimension: string, d: Decomposed): SegmentFit[] {
  const change = d.result.difference;
  const counts = new Map(d.counts.map((c) => [c.segment, c]));
  const events = d.counts.reduce((s, c) => s + c.eventsA + c.eventsB, 0);
  const people = d.counts.reduce((s, c) => s + c.populationA + c.populationB, 0);
  const pooled = people > 0 ? events / people : 0;
  const terms = d.result.segments.map((s) => {
    const c = counts.get(s.segment);
    const inverse = c && c.populationA > 0 && c.populationB > 0 ? 1 / c.populationA + 1 / c.populationB : 0;
    const weight = (s.weightA + s.weightB) / 2;
    return { s, weight, variance: pooled * (1 - pooled) * inverse };
  });
  const out: SegmentFit[] = [];
  for (const { s, weight } of terms) {
    const c = counts.get(s.segment);
    if (!c || Math.min(c.populationA, c.populationB) < MIN_SEGMENT) continue;
    const variance = terms.reduce(
      (v, t) => v + ((t.s === s ? 1 : 0) - weight) ** 2 * t.weight ** 2 * t.variance,
      0,
    );
    const departure = s.total - weight * change;
    // A segment that lags a change (flat while the rest rose) departs as much as the risers do, the
    // mirror image; the segment named is one whose own rate moved the way it departs.
    if (variance <= 0 || Math.sign(s.rateB - s.rateA) !== Math.sign(departure)) continue;
    const z = departure / Math.sqrt(variance);
    const rateSe =
      weight *
      Math.sqrt((s.rateA * (1 - s.rateA)) / c.populationA + (s.rateB * (1 - s.rateB)) / c.populationB);
    out.push({
      dimension,
      segment: fromKey(s.segment),
      contribution: s.total,
      explainedShare: change === 0 ? 0 : s.total / change,
      weight,
      departure,
      z,
      p: normalTwoSidedP(z),
      q: 1,
      low: s.total - Z95 * rateSe,
      high: s.total + Z95 * rateSe,
      rateA: s.rateA,
      rateB: s.rateB,
      customers: c.populationB,
    });
  }
  return out;
}

/** The dimension's segment with the largest departure in standard errors (see `segmentFits`). */
export function dimensionFit(dimension: string, d: Decomposed): DimensionFit {
  let best: DimensionFit = {
    dimension,
    segment: null,
    contribution: 0,
    explainedShare: 0,
    weight: 0,
    departure: 0,
    z: 0,
  };
  for (const f of segmentFits(dimension, d)) {
    if (Math.abs(f.z) > Math.abs(best.z)) {
      const { dimension: _d, segment, contribution, explainedShare, weight, departure, z } = f;
      best = { dimension, segment, contribution, explainedShare, weight, departure, z };
    }
  }
  return best;
}

/** Index of the fit that localises the change best (largest |z|; the first on ties). */
export function bestFit(fits: DimensionFit[]): number {
  return fits.reduce((x, y, i) => (Math.abs(y.z) > Math.abs(fits[x]!.z) ? i : x), 0);
}

/** The assumption stated when the dimension was chosen for the user. */
export function autoPickAssumption(
  ctx: AnalysisContext,
  fits: DimensionFit[],
  best: DimensionFit,
  change: number,
): string {
  const lang = ctx.lang;
  const dim = memberText(ctx, best.dimension);
  const words = {
    names: fits.map((f) => memberText(ctx, f.dimension)).join(analysisMessage('list_separator', lang)),
    dim,
    dim_lower: dim.toLowerCase(),
    who: best.segment === null ? '' : valueText(ctx, best.dimension, best.segment),
    share: `${Math.round(best.explainedShare * 100)}%`,
    weight: `${Math.round(best.weight * 100)}%`,
  };
  if (best.z === 0) return analysisMessage('decomposition.auto.flat', lang, words);
  // Explaining more of the change than its size would: say so as a share of the change.
  if (best.explainedShare > best.weight)
    return analysisMessage('decomposition.auto.beyond_size', lang, words);
  // Moving against the change, or lagging behind it: said in points, a share would mislead.
  return analysisMessage('decomposition.auto.off_share', lang, {
    ...words,
    contribution: signedPoints(best.contribution, lang),
    change: signedPoints(change, lang),
  });
}
