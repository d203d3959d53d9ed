/**
 * Customer survival (time to churn): Kaplan–Meier with Greenwood variance, median survival, and the
 * log-rank test comparing segments (DOMAIN.md §5). Event = 1 means churned; 0 means censored (still active).
 */
import { chiSquareSurvival, zForConfidence } from './distributions.ts';
import { invertSymmetricPositiveDefinite } from './linear-algebra.ts';
import { fail, firstNonFinite, ok, type StatsResult } from './stats-result.ts';

/** How the pointwise CI of S(t) is built: 'log-log' (default, stays in [0, 1]) or 'plain' S ± z·SE, clipped. */
export type SurvivalCiMethod = 'log-log' | 'plain';

/** S(t) just after one distinct observed time. */
export interface SurvivalStep {
  time: number;
  /** Yⱼ: customers still under observation just before `time`. */
  atRisk: number;
  /** dⱼ: churn events at `time`. */
  events: number;
  censored: number;
  survival: number;
  /** Greenwood: S(t)·√Σ dⱼ/(Yⱼ(Yⱼ − dⱼ)); NaN once S reaches 0. */
  standardError: number;
  lower: number;
  upper: number;
}

/** A Kaplan–Meier curve with its median and how its CI was built. */
export interface KaplanMeierCurve {
  steps: SurvivalStep[];
  subjects: number;
  events: number;
  /** First time S(t) ≤ 0.5 (midway to the next event time when S sits exactly at 0.5); null if never reached. */
  median: number | null;
  /** Brookmeyer–Crowley style: where the CI bands cross 0.5; null ends are not reached. */
  medianInterval: { lower: number | null; upper: number | null };
  ciMethod: SurvivalCiMethod;
  level: number;
}

function checkSurvivalInput(times: ArrayLike<number>, events: ArrayLike<number>): StatsResult<true> {
  if (times.length !== events.length)
    return fail('length_mismatch', 'events', 'one event flag per time is required');
  if (times.length === 0) return fail('empty_input', 'times', 'no subjects');
  const bad = firstNonFinite(times);
  if (bad >= 0) return fail('non_finite', `times[${bad}]`, 'times must be finite');
  for (let i = 0; i < times.length; i++) {
    if (times[i] < 0) return fail('invalid_argument', `times[${i}]`, 'times must be non-negative');
    if (events[i] !== 0 && events[i] !== 1)
      return fail('invalid_argument', `events[${i}]`, 'events must be 0 or 1');
  }
  return ok(true);
}

// Exact ties between S(t) and 0.5 decide the median rule, so compare with a tolerance.
const HALF_TOLERANCE = 1e-12;

function firstTimeAtOrBelowHalf(steps: SurvivalStep[], curve: (s: SurvivalStep) => number): number | null {
  for (let i = 0; i < steps.length; i++) {
    const s = curve(steps[i]);
    if (Math.abs(s - 0.5) < HALF_TOLERANCE) {
      const next = steps.slice(i + 1).find((later) => later.events > 0);
      return next ? (steps[i].time + next.time) / 2 : steps[i].time;
    }
    if (s < 0.5) return steps[i].time;
  }
  return null;
}

/**
 * Kaplan–Meier estimate S(t) = ∏(1 − dⱼ/Yⱼ) with Greenwood SEs and pointwise CIs. Censored subjects at an
 * event time are counted at risk at that time (the usual convention).
 * @example kaplanMeier([6, 6, 7, 10], [1, 0, 1, 1]).steps[0].survival // 0.75
 */
export function kaplanMeier(
  times: ArrayLike<number>,
  events: ArrayLike<number>,
  options: { ciMethod?: SurvivalCiMethod; confidence?: number } = {},
): StatsResult<KaplanMeierCurve> {
  const checked = checkSurvivalInput(times, events);
  if (!checked.ok) return checked;
  const { ciMethod = 'log-log', confidence = 0.95 } = options;
  const z = zForConfidence(confidence);
  const order = Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a] - times[b]);
  const steps: SurvivalStep[] = [];
  let atRisk = times.length;
  let survival = 1;
  let greenwoodSum = 0;
  let totalEvents = 0;
  for (let r = 0; r < order.length; ) {
    const time = times[order[r]];
    let deaths = 0;
    let count = 0;
    while (r < order.length && times[order[r]] === time) {
      deaths += events[order[r]];
      count++;
      r++;
    }
    if (deaths > 0) {
      survival *= 1 - deaths / atRisk;
      greenwoodSum += atRisk > deaths ? deaths / (atRisk * (atRisk - deaths)) : Number.POSITIVE_INFINITY;
    }
    totalEvents += deaths;
    const se = survival > 0 ? survival * Math.sqrt(greenwoodSum) : Number.NaN;
    let lower = survival;
    let upper = survival;
    if (survival > 0 && survival < 1) {
      if (ciMethod === 'plain') {
        lower = Math.max(0, survival - z * se);
        upper = Math.min(1, survival + z * se);
      } else {
        const logS = Math.log(survival);
        const spread = (z * Math.sqrt(greenwoodSum)) / Math.abs(logS);
        const centre = Math.log(-logS);
        lower = Math.exp(-Math.exp(centre + spread));
        upper = Math.exp(-Math.exp(centre - spread));
      }
    } else if (survival === 0) {
      lower = Number.NaN;
      upper = Number.NaN;
    }
    steps.push({
      time,
      atRisk,
      events: deaths,
      censored: count - deaths,
      survival,
      standardError: se,
      lower,
      upper,
    });
    atRisk -= count;
  }
  const median = firstTimeAtOrBelowHalf(steps, (s) => s.survival);
  // Once S reaches 0 its band is undefined (NaN) but certainly below 0.5.
  const band = (pick: 'lower' | 'upper') => (s: SurvivalStep) => (s.survival === 0 ? 0 : s[pick]);
  return ok({
    steps,
    subjects: times.length,
    events: totalEvents,
    median,
    medianInterval: {
      lower: firstTimeAtOrBelowHalf(steps, band('lower')),
      upper: firstTimeAtOrBelowHalf(steps, band('upper')),
    },
    ciMethod,
    level: confidence,
  });
}

/** S(t) read off a curve: the value after the last step at or before t (1 before the first step). */
export function survivalAt(curve: KaplanMeierCurve, time: number): number {
  let s = 1;
  for (const step of curve.steps) {
    if (step.time > time) break;
    s = step.survival;
  }
  return s;
}

/** Observed against expected churn events in one group of a log-rank test. */
export interface LogRankGroup {
  group: string;
  subjects: number;
  observed: number;
  expected: number;
}

/** Log-rank test of equal survival across k ≥ 2 groups: χ² with k − 1 df. */
export interface LogRankTest {
  groups: LogRankGroup[];
  chiSquare: number;
  df: number;
  pValue: number;
}

/**
 * Log-rank (Mantel–Haenszel) test across groups, using the full hypergeometric covariance so it holds
 * for 3+ groups. Groups are reported in first-seen order.
 */
export function logRankTest(
  times: ArrayLike<number>,
  events: ArrayLike<number>,
  groups: ArrayLike<string>,
): StatsResult<LogRankTest> {
  const checked = checkSurvivalInput(times, events);
  if (!checked.ok) return checked;
  if (groups.length !== times.length)
    return fail('length_mismatch', 'groups', 'one group per time is required');
  const labels: string[] = [];
  const groupOf = new Int32Array(times.length);
  const index = new Map<string, number>();
  for (let i = 0; i < groups.length; i++) {
    let g = index.get(groups[i]);
    if (g === undefined) {
      g = labels.length;
      index.set(groups[i], g);
      labels.push(groups[i]);
    }
    groupOf[i] = g;
  }
  const k = labels.length;
  if (k < 2) return fail('too_few_groups', 'groups', 'the log-rank test needs at least two groups');
  const order = Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a] - times[b]);
  const atRisk = new Float64Array(k);
  for (let i = 0; i < groupOf.length; i++) atRisk[groupOf[i]]++;
  const subjects = Array.from(atRisk);
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const covariance = new Float64Array(k * k);
  const deaths = new Float64Array(k);
  const leaving = new Float64Array(k);
  for (let r = 0; r < order.length; ) {
    const time = times[order[r]];
    deaths.fill(0);
    leaving.fill(0);
    while (r < order.length && times[order[r]] === time) {
      const g = groupOf[order[r]];
      deaths[g] += events[order[r]];
      leaving[g]++;
      r++;
    }
    let n = 0;
    let d = 0;
    for (let g = 0; g < k; g++) {
      n += atRisk[g];
      d += deaths[g];
    }
    if (d > 0) {
      for (let g = 0; g < k; g++) {
        observed[g] += deaths[g];
        expected[g] += (d * atRisk[g]) / n;
      }
      if (n > 1) {
        const factor = (d * (n - d)) / (n - 1);
        for (let g = 0; g < k; g++) {
          for (let h = 0; h < k; h++) {
            const share = (g === h ? atRisk[g] / n : 0) - (atRisk[g] * atRisk[h]) / (n * n);
            covariance[g * k + h] += factor * share;
          }
        }
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] -= leaving[g];
  }
  // O − E sums to zero across groups, so drop the last group to get an invertible (k−1)² covariance.
  const m = k - 1;
  const reduced = new Float64Array(m * m);
  for (let g = 0; g < m; g++) for (let h = 0; h < m; h++) reduced[g * m + h] = covariance[g * k + h];
  const inverse = invertSymmetricPositiveDefinite(reduced, m);
  if (!inverse) {
    return fail(
      'singular_information',
      'groups',
      'a group has no churn events at risk; the test is undefined',
    );
  }
  let chiSquare = 0;
  for (let g = 0; g < m; g++) {
    for (let h = 0; h < m; h++) {
      chiSquare += (observed[g] - expected[g]) * inverse[g * m + h] * (observed[h] - expected[h]);
    }
  }
  return ok({
    groups: labels.map((group, g) => ({
      group,
      subjects: subjects[g],
      observed: observed[g],
      expected: expected[g],
    })),
    chiSquare,
    df: m,
    pValue: chiSquareSurvival(chiSquare, m),
  });
}
