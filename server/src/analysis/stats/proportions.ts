/**
 * Single and two-sample proportion statistics: the A/B test of a retention action, its sample size,
 * the Wilson interval for a rate, and NPS with its standard error (DOMAIN.md §5).
 */
import { normalQuantile, normalTwoSidedP, zForConfidence } from './distributions.ts';
import { fail, ok, type StatsResult } from './stats-result.ts';

/** A closed confidence interval [lower, upper] at `level` (e.g. 0.95). */
export interface ConfidenceInterval {
  lower: number;
  upper: number;
  level: number;
}

function checkCount(events: number, total: number, where: string): StatsResult<true> {
  if (!Number.isInteger(events) || !Number.isInteger(total)) {
    return fail('invalid_argument', where, 'counts must be integers');
  }
  if (total <= 0) return fail('empty_input', where, 'the group has no members');
  if (events < 0 || events > total) return fail('invalid_argument', where, 'events must lie in [0, total]');
  return ok(true);
}

/** Result of a two-proportion z-test: group 1 minus group 2. */
export interface TwoProportionTest {
  p1: number;
  p2: number;
  /** p1 − p2. */
  difference: number;
  pooledProportion: number;
  /** √(p̄(1−p̄)(1/n1 + 1/n2)), used for z and the p-value (the null hypothesis p1 = p2). */
  standardErrorPooled: number;
  /** √(p1(1−p1)/n1 + p2(1−p2)/n2), used for the confidence interval of the difference. */
  standardErrorUnpooled: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  differenceInterval: ConfidenceInterval;
}

/**
 * Two-proportion z-test (pooled SE for z and p; unpooled Wald SE for the CI of p1 − p2).
 * @example twoProportionZTest(60, 100, 50, 100) // z ≈ 1.4213, p ≈ 0.1552
 */
export function twoProportionZTest(
  events1: number,
  total1: number,
  events2: number,
  total2: number,
  confidence = 0.95,
): StatsResult<TwoProportionTest> {
  for (const check of [checkCount(events1, total1, 'group1'), checkCount(events2, total2, 'group2')]) {
    if (!check.ok) return check;
  }
  const p1 = events1 / total1;
  const p2 = events2 / total2;
  const pooled = (events1 + events2) / (total1 + total2);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / total1 + 1 / total2));
  if (sePooled === 0) {
    return fail('no_variation', 'group1', 'both groups are all events or all non-events; z is undefined');
  }
  const seUnpooled = Math.sqrt((p1 * (1 - p1)) / total1 + (p2 * (1 - p2)) / total2);
  const z = (p1 - p2) / sePooled;
  const zc = zForConfidence(confidence);
  return ok({
    p1,
    p2,
    difference: p1 - p2,
    pooledProportion: pooled,
    standardErrorPooled: sePooled,
    standardErrorUnpooled: seUnpooled,
    z,
    pValue: normalTwoSidedP(z),
    differenceInterval: {
      lower: p1 - p2 - zc * seUnpooled,
      upper: p1 - p2 + zc * seUnpooled,
      level: confidence,
    },
  });
}

/** Wilson score interval for a single proportion; stays inside [0, 1] and behaves at 0 or n events. */
export function wilsonInterval(
  events: number,
  total: number,
  confidence = 0.95,
): StatsResult<ConfidenceInterval & { proportion: number }> {
  const check = checkCount(events, total, 'events');
  if (!check.ok) return check;
  const p = events / total;
  const z = zForConfidence(confidence);
  const z2n = (z * z) / total;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / total + z2n / (4 * total))) / denominator;
  return ok({
    proportion: p,
    lower: events === 0 ? 0 : centre - halfWidth,
    upper: events === total ? 1 : centre + halfWidth,
    level: confidence,
  });
}

/** Per-arm sample size for comparing two proportions; `n` is exact, `perArm` rounded up. */
export interface SampleSize {
  n: number;
  perArm: number;
}

/**
 * Sample size per arm n = (z_{α/2} + z_β)²[p₁(1−p₁) + p₂(1−p₂)]/(p₁ − p₂)² for a two-sided test.
 * @example sampleSizePerArm(0.25, 0.2) // { n: 1090.99…, perArm: 1091 } at α = 0.05, power 0.8
 */
export function sampleSizePerArm(p1: number, p2: number, alpha = 0.05, power = 0.8): StatsResult<SampleSize> {
  if (!(p1 > 0 && p1 < 1) || !(p2 > 0 && p2 < 1)) {
    return fail('invalid_argument', 'p1', 'proportions must lie strictly between 0 and 1');
  }
  if (p1 === p2) return fail('invalid_argument', 'p2', 'the two proportions must differ');
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
    return fail('invalid_argument', 'alpha', 'alpha and power must lie strictly between 0 and 1');
  }
  const zSum = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const n = (zSum * zSum * (p1 * (1 - p1) + p2 * (1 - p2))) / ((p1 - p2) * (p1 - p2));
  // Guard against 1090.0000000001 rounding up a whole extra customer.
  return ok({ n, perArm: Math.ceil(n - 1e-9) });
}

/** Net Promoter Score in points (−100…100) with its standard error and normal-approximation CI. */
export interface NetPromoterScore {
  nps: number;
  standardError: number;
  interval: ConfidenceInterval;
  respondents: number;
  promoterShare: number;
  detractorShare: number;
}

/**
 * NPS = 100(p_P − p_D) with SE = 100·√((p_P + p_D − (p_P − p_D)²)/n).
 * @example netPromoterScore({ promoters: 50, passives: 30, detractors: 20 }) // nps 30, SE ≈ 7.81
 */
export function netPromoterScore(
  counts: {
    promoters: number;
    passives: number;
    detractors: number;
  },
  confidence = 0.95,
): StatsResult<NetPromoterScore> {
  const { promoters, passives, detractors } = counts;
  if (![promoters, passives, detractors].every((c) => Number.isInteger(c) && c >= 0)) {
    return fail('invalid_argument', 'counts', 'counts must be non-negative integers');
  }
  const n = promoters + passives + detractors;
  if (n === 0) return fail('empty_input', 'counts', 'no respondents');
  const pP = promoters / n;
  const pD = detractors / n;
  const se = 100 * Math.sqrt((pP + pD - (pP - pD) * (pP - pD)) / n);
  const nps = 100 * (pP - pD);
  const z = zForConfidence(confidence);
  return ok({
    nps,
    standardError: se,
    interval: { lower: Math.max(-100, nps - z * se), upper: Math.min(100, nps + z * se), level: confidence },
    respondents: n,
    promoterShare: pP,
    detractorShare: pD,
  });
}
