/**
 * Kitagawa / Das Gupta two-factor decomposition of a change in churn rate between periods A and B into
 * segment mix and within-segment rate effects (DOMAIN.md §5, "why did churn rise vs last quarter?").
 */
import { fail, ok, type StatsResult } from './stats-result.ts';

/** One segment's population (customers at risk) and churn events in each period. */
export interface SegmentCounts {
  segment: string;
  populationA: number;
  eventsA: number;
  populationB: number;
  eventsB: number;
}

/** A segment's share of the change: mix + rate = its total contribution. */
export interface SegmentContribution {
  segment: string;
  /** Which periods the segment has customers in. */
  presentIn: 'both' | 'A' | 'B';
  weightA: number;
  weightB: number;
  /** Churn rate in A; for a segment absent from A, taken equal to its B rate (see below). */
  rateA: number;
  rateB: number;
  /** (wᴮ − wᴬ)(rᴬ + rᴮ)/2. */
  mix: number;
  /** (rᴮ − rᴬ)(wᴬ + wᴮ)/2. */
  rate: number;
  total: number;
}

/** ΔR = R_B − R_A split into a mix part and a rate part that add up exactly. */
export interface RateDecomposition {
  rateA: number;
  rateB: number;
  difference: number;
  mixEffect: number;
  rateEffect: number;
  segments: SegmentContribution[];
}

/**
 * Decomposes R_B − R_A = Σₖ(wₖᴮ − wₖᴬ)(rₖᴬ + rₖᴮ)/2 [mix] + Σₖ(rₖᴮ − rₖᴬ)(wₖᴬ + wₖᴮ)/2 [rate].
 * A segment present in only one period has no rate there; it is given the other period's rate, so its
 * rate effect is 0 and its whole contribution (entering or leaving the mix) counts as mix. The identity
 * stays exact because its missing weight is 0.
 */
export function decomposeRateChange(segments: readonly SegmentCounts[]): StatsResult<RateDecomposition> {
  if (segments.length === 0) return fail('empty_input', 'segments', 'no segments');
  let totalA = 0;
  let totalB = 0;
  let eventsA = 0;
  let eventsB = 0;
  const seen = new Set<string>();
  for (const [i, s] of segments.entries()) {
    for (const key of ['populationA', 'eventsA', 'populationB', 'eventsB'] as const) {
      if (!Number.isFinite(s[key]) || s[key] < 0) {
        return fail('invalid_argument', `segments[${i}].${key}`, 'counts must be finite and non-negative');
      }
    }
    if (s.eventsA > s.populationA || s.eventsB > s.populationB) {
      return fail('invalid_argument', `segments[${i}]`, 'events cannot exceed the population');
    }
    if (seen.has(s.segment))
      return fail('invalid_argument', `segments[${i}].segment`, `duplicate segment ${s.segment}`);
    seen.add(s.segment);
    totalA += s.populationA;
    totalB += s.populationB;
    eventsA += s.eventsA;
    eventsB += s.eventsB;
  }
  if (totalA === 0) return fail('empty_input', 'segments', 'period A has no customers');
  if (totalB === 0) return fail('empty_input', 'segments', 'period B has no customers');
  const contributions: SegmentContribution[] = [];
  let mixEffect = 0;
  let rateEffect = 0;
  for (const s of segments) {
    if (s.populationA === 0 && s.populationB === 0) continue;
    const presentIn = s.populationA === 0 ? 'B' : s.populationB === 0 ? 'A' : 'both';
    const observedA = s.populationA > 0 ? s.eventsA / s.populationA : Number.NaN;
    const observedB = s.populationB > 0 ? s.eventsB / s.populationB : Number.NaN;
    const rateA = presentIn === 'B' ? observedB : observedA;
    const rateB = presentIn === 'A' ? observedA : observedB;
    const weightA = s.populationA / totalA;
    const weightB = s.populationB / totalB;
    const mix = ((weightB - weightA) * (rateA + rateB)) / 2;
    const rate = ((rateB - rateA) * (weightA + weightB)) / 2;
    mixEffect += mix;
    rateEffect += rate;
    contributions.push({
      segment: s.segment,
      presentIn,
      weightA,
      weightB,
      rateA,
      rateB,
      mix,
      rate,
      total: mix + rate,
    });
  }
  return ok({
    rateA: eventsA / totalA,
    rateB: eventsB / totalB,
    difference: eventsB / totalB - eventsA / totalA,
    mixEffect,
    rateEffect,
    segments: contributions,
  });
}
