/**
 * Effect measures of a binary factor on churn from a 2×2 table, for key-driver analysis (DOMAIN.md §5):
 * relative risk (log-method CI), risk difference, phi, and the population attributable fraction.
 */
import { normalTwoSidedP, zForConfidence } from './distributions.ts';
import type { ConfidenceInterval } from './proportions.ts';
import { fail, ok, type StatsResult } from './stats-result.ts';

/**
 * A 2×2 table in the epidemiology layout: rows = factor present / absent, columns = churned / retained.
 * a = with factor & churned, b = with factor & retained, c = without factor & churned, d = without & retained.
 */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

/**
 * The (1 − α) interval center ± z·se, mapped through `back` (identity for an additive estimate, `exp`
 * for one on the log scale); a decreasing `back` swaps the ends, so lower ≤ upper always.
 */
function normalInterval(
  center: number,
  se: number,
  confidence: number,
  back: (x: number) => number = (x) => x,
): ConfidenceInterval {
  const z = zForConfidence(confidence);
  const [lower, upper] = [back(center - z * se), back(center + z * se)].sort((x, y) => x - y);
  return { lower: lower!, upper: upper!, level: confidence };
}

/** Checks the table (non-negative whole cells, both rows non-empty), then computes one measure of it. */
function fromTable<T>(t: TwoByTwo, measure: (t: TwoByTwo) => StatsResult<T>): StatsResult<T> {
  for (const key of ['a', 'b', 'c', 'd'] as const) {
    if (!Number.isInteger(t[key]) || t[key] < 0) {
      return fail('invalid_argument', `table.${key}`, 'cells must be non-negative integers');
    }
  }
  if (t.a + t.b === 0) return fail('empty_input', 'table.a', 'no customers with the factor');
  if (t.c + t.d === 0) return fail('empty_input', 'table.c', 'no customers without the factor');
  return measure(t);
}

/** An estimate with its (1 − α) confidence interval. */
interface IntervalEstimate {
  interval: ConfidenceInterval;
}

/** Relative risk p₁/p₀ with a log-method CI. */
export interface RelativeRisk extends IntervalEstimate {
  relativeRisk: number;
  /** SE(ln RR) = √(1/a − 1/(a+b) + 1/c − 1/(c+d)). */
  logStandardError: number;
}

/**
 * Relative risk with a (1 − α) CI exp(ln RR ± z·SE(ln RR)). Fails with `zero_cell` when a or c is 0,
 * because the log method is undefined there.
 * @example relativeRisk({ a: 189, b: 10845, c: 104, d: 10933 }) // RR ≈ 1.818, CI ≈ (1.433, 2.306)
 */
export function relativeRisk(table: TwoByTwo, confidence = 0.95): StatsResult<RelativeRisk> {
  return fromTable(table, ({ a, b, c, d }) => {
    if (a === 0) return fail('zero_cell', 'table.a', 'no churned customers with the factor; ln RR undefined');
    if (c === 0)
      return fail('zero_cell', 'table.c', 'no churned customers without the factor; ln RR undefined');
    const rr = a / (a + b) / (c / (c + d));
    const se = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
    return ok({
      relativeRisk: rr,
      logStandardError: se,
      interval: normalInterval(Math.log(rr), se, confidence, Math.exp),
    });
  });
}

/** Risk difference p₁ − p₀ with its Wald (unpooled) CI. */
export interface RiskDifference extends IntervalEstimate {
  difference: number;
  standardError: number;
}

/** Risk difference p₁ − p₀ with an unpooled Wald CI. */
export function riskDifference(table: TwoByTwo, confidence = 0.95): StatsResult<RiskDifference> {
  return fromTable(table, (table) => {
    const n1 = table.a + table.b;
    const n0 = table.c + table.d;
    const p1 = table.a / n1;
    const p0 = table.c / n0;
    const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
    return ok({
      difference: p1 - p0,
      standardError: se,
      interval: normalInterval(p1 - p0, se, confidence),
    });
  });
}

/**
 * Phi coefficient (ad − bc)/√((a+b)(c+d)(a+c)(b+d)); positive when the factor goes with churn.
 * Fails with `no_variation` when a margin is empty.
 */
export function phiCoefficient(table: TwoByTwo): StatsResult<number> {
  return fromTable(table, ({ a, b, c, d }) => {
    const denominator = Math.sqrt((a + b) * (c + d)) * Math.sqrt((a + c) * (b + d));
    if (denominator === 0) return fail('no_variation', 'table', 'every customer churned, or none did');
    return ok((a * d - b * c) / denominator);
  });
}

/**
 * Population attributable fraction (Levin) PAF = P(X)(RR − 1)/(1 + P(X)(RR − 1)), where P(X) is the
 * share of the population with the factor: the share of churn the factor explains.
 * @example populationAttributableFraction(0.3, 2) // 0.2307…
 */
export function populationAttributableFraction(exposedShare: number, rr: number): number {
  const excess = exposedShare * (rr - 1);
  return excess / (1 + excess);
}

/**
 * The PAF from a 2×2 table, 1 − p₀/p (p₀ = churn without the factor, p = overall), with a (1 − α) CI
 * from the delta method on ln(1 − PAF) = ln c − ln(c+d) − ln(a+c) + ln N under multinomial sampling:
 * Var = Σ gᵢ² nᵢ with g the gradient over the cells (the function is scale-free, so no correction term).
 * Equals Levin's formula at the point estimate. Fails with `zero_cell` when c = 0.
 * @example attributableFractionInterval({ a: 100, b: 900, c: 100, d: 1900 }) // PAF 0.25, CI ≈ (0.15, 0.34)
 */
export function attributableFractionInterval(
  table: TwoByTwo,
  confidence = 0.95,
): StatsResult<{ fraction: number; interval: ConfidenceInterval }> {
  return fromTable(table, ({ a, b, c, d }) => {
    if (c === 0)
      return fail('zero_cell', 'table.c', 'no churned customers without the factor; PAF undefined');
    const N = a + b + c + d;
    const logRest = Math.log(c) - Math.log(c + d) - Math.log(a + c) + Math.log(N);
    const g = {
      a: -1 / (a + c) + 1 / N,
      b: 1 / N,
      c: 1 / c - 1 / (c + d) - 1 / (a + c) + 1 / N,
      d: -1 / (c + d) + 1 / N,
    };
    const se = Math.sqrt(g.a ** 2 * a + g.b ** 2 * b + g.c ** 2 * c + g.d ** 2 * d);
    return ok({
      fraction: 1 - Math.exp(logRest),
      interval: normalInterval(logRest, se, confidence, (x) => 1 - Math.exp(x)),
    });
  });
}

/** Two-sided p-value of ln RR = 0 from the log-method SE (consistent with the RR interval). */
export function relativeRiskPValue(rr: RelativeRisk): number {
  return normalTwoSidedP(Math.log(rr.relativeRisk) / rr.logStandardError);
}

/** Every key-driver measure of one binary factor, computed from its 2×2 table. */
export interface RiskComparison {
  customers: number;
  withFactor: number;
  /** Churn rate p₁ among customers with the factor. */
  rateWithFactor: number;
  /** Churn rate p₀ among customers without it. */
  rateWithoutFactor: number;
  /** P(X): share of customers with the factor. */
  exposedShare: number;
  relativeRisk: RelativeRisk | null;
  riskDifference: RiskDifference;
  phi: number | null;
  /** Null when RR is undefined (no churn without the factor). */
  attributableFraction: number | null;
}

/**
 * All key-driver measures at once; RR (and PAF) are null rather than failing when a churn cell is 0,
 * so a factor list can still be ranked and filtered.
 */
export function riskComparison(table: TwoByTwo, confidence = 0.95): StatsResult<RiskComparison> {
  return fromTable(table, (table) => {
    const withFactor = table.a + table.b;
    const customers = withFactor + table.c + table.d;
    const rr = relativeRisk(table, confidence);
    const rd = riskDifference(table, confidence);
    const phi = phiCoefficient(table);
    if (!rd.ok) return rd;
    const exposedShare = withFactor / customers;
    const pointRr = table.c > 0 ? table.a / withFactor / (table.c / (table.c + table.d)) : null;
    return ok({
      customers,
      withFactor,
      rateWithFactor: table.a / withFactor,
      rateWithoutFactor: table.c / (table.c + table.d),
      exposedShare,
      relativeRisk: rr.ok ? rr.value : null,
      riskDifference: rd.value,
      phi: phi.ok ? phi.value : null,
      attributableFraction: pointRr === null ? null : populationAttributableFraction(exposedShare, pointRr),
    });
  });
}
