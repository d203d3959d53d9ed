import type { DimensionDef } from '../../../../semantic-layer/src/model.ts';
import { analysisMessage } from '../analysis-messages.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import type { ChurnPopulation } from '../governed/churn-population.ts';
import { count } from '../governed/governed-query.ts';
import {
  attributableFractionInterval,
  benjaminiHochberg,
  relativeRiskPValue,
  riskComparison,
} from '../stats/index.ts';
import { factorSplits } from './factor-splits.ts';

/** Below this many customers with (or without) a factor, its rates are too noisy to report. */
export const MIN_FACTOR_CUSTOMERS = 30;
/** A dimension value held by more than this share of the population is the baseline, not an exposure. */
export const BASELINE_SHARE = 0.8;
/** False discovery rate the factor scan controls (Benjamini–Hochberg over every factor tested). */
export const FDR = 0.05;

/** One candidate factor: a dimension value (or a true behaviour flag) against everyone else. */
export interface DriverFactor {
  dimension: string;
  value: string;
  label: string;
  /** Customers with the factor, and of them who churned. */
  customers: number;
  churned: number;
  share: number;
  rateWith: number;
  rateWithout: number;
  relativeRisk: number | null;
  low: number | null;
  high: number | null;
  riskDifference: number;
  phi: number | null;
  attributableFraction: number | null;
  /** 95% CI of the attributable fraction (delta method on ln(1 − PAF)). */
  pafLow: number | null;
  pafHigh: number | null;
  /** Two-sided p-value of ln RR = 0, and its Benjamini–Hochberg adjusted value over the scan. */
  p: number;
  q: number;
}

export type SuppressionReason = 'too_few_customers' | 'zero_cell' | 'ci_crosses_1' | 'fails_fdr' | 'majority';

export interface SuppressedFactor {
  dimension: string;
  value: string;
  label: string;
  customers: number;
  relativeRisk: number | null;
  reason: SuppressionReason;
  p?: number;
  q?: number;
}

export interface FactorScan {
  customers: number;
  churned: number;
  shown: DriverFactor[];
  suppressed: SuppressedFactor[];
  tested: number;
  /** Factors with a p-value, the m of the Benjamini–Hochberg correction. */
  corrected: number;
  /** Factors measured but not significant (interval includes 1, or failing the correction), by p-value. */
  rejected: DriverFactor[];
  /** Dimensions recorded only for churners (a churn category): consequences of churn, not factors. */
  outcomes: string[];
}

/** A factor's label: the flag's name, or "dimension：value". */
export function factorLabel(ctx: AnalysisContext, d: DimensionDef, value: string): string {
  if (d.type === 'boolean') return memberText(ctx, d.id);
  return analysisMessage('label_value', ctx.lang, {
    label: memberText(ctx, d.id),
    value: valueText(ctx, d.id, value),
  });
}

/** The stored value of a result cell as text ('true' for a true flag). */
const asText = (v: unknown): string => (typeof v === 'boolean' ? String(v) : String(v));

/**
 * Every factor's 2×2 table against churn in the population, from governed counts (one compiled
 * query split by every dimension, see factor-splits.ts), with RR (log-method 95% CI), risk difference, phi and PAF.
 * A factor is suppressed when fewer than 30 customers have it (or lack it), when a churn cell is 0,
 * when its RR interval includes 1, or when it fails the Benjamini–Hochberg correction at 5% FDR over
 * every factor tested (p from ln RR / SE, as the interval); a dimension whose values only churners carry (a churn category)
 * is an outcome, not a factor, and is skipped; a value held by more than 80% of the population is the baseline,
 * not an exposure (its complement carries the information), and is left out too. The rest are ranked
 * by attributable fraction.
 */
export async function scanFactors(
  ctx: AnalysisContext,
  pop: ChurnPopulation,
  dimensions: DimensionDef[],
): Promise<FactorScan> {
  const { totals, splits } = await factorSplits(ctx, pop, dimensions);
  const N = count(totals[pop.population]);
  const E = count(totals[pop.events]);
  const shown: DriverFactor[] = [];
  const suppressed: SuppressedFactor[] = [];
  let tested = 0;
  const outcomes: string[] = [];
  dimensions.forEach((d, i) => {
    const valued = splits[i]!.filter((r) => r[d.id] !== null && r[d.id] !== undefined);
    const retained = valued.reduce((s, r) => s + count(r[pop.population]) - count(r[pop.events]), 0);
    if (d.type !== 'boolean' && valued.length && retained === 0) {
      outcomes.push(d.id);
      return;
    }
    for (const row of splits[i]!) {
      const raw = row[d.id];
      if (raw === null || raw === undefined) continue;
      const value = asText(raw);
      if (d.type === 'boolean' && value !== 'true') continue;
      tested++;
      const n1 = count(row[pop.population]);
      const a = count(row[pop.events]);
      const label = factorLabel(ctx, d, value);
      const base = { dimension: d.id, value, label, customers: n1 };
      if (n1 < MIN_FACTOR_CUSTOMERS || N - n1 < MIN_FACTOR_CUSTOMERS) {
        suppressed.push({ ...base, relativeRisk: null, reason: 'too_few_customers' });
        continue;
      }
      const r = riskComparison({ a, b: n1 - a, c: E - a, d: N - n1 - (E - a) });
      if (!r.ok) continue;
      const v = r.value;
      const rr = v.relativeRisk;
      if (!rr) {
        suppressed.push({ ...base, relativeRisk: null, reason: 'zero_cell' });
        continue;
      }
      if (d.type !== 'boolean' && v.exposedShare > BASELINE_SHARE) {
        suppressed.push({
          ...base,
          relativeRisk: rr.relativeRisk,
          reason: 'majority',
          p: relativeRiskPValue(rr),
        });
        continue;
      }
      const table = { a, b: n1 - a, c: E - a, d: N - n1 - (E - a) };
      const paf = attributableFractionInterval(table);
      const f: DriverFactor = {
        ...base,
        churned: a,
        share: v.exposedShare,
        rateWith: v.rateWithFactor,
        rateWithout: v.rateWithoutFactor,
        relativeRisk: rr.relativeRisk,
        low: rr.interval.lower,
        high: rr.interval.upper,
        riskDifference: v.riskDifference.difference,
        phi: v.phi,
        attributableFraction: v.attributableFraction,
        pafLow: paf.ok ? paf.value.interval.lower : null,
        pafHigh: paf.ok ? paf.value.interval.upper : null,
        p: relativeRiskPValue(rr),
        q: 1,
      };
      shown.push(f);
    }
  });
  // Benjamini–Hochberg over every factor with a p-value (the majority values included: they were tested).
  const majority = suppressed.filter((x) => x.reason === 'majority' && x.p !== undefined);
  const q = benjaminiHochberg([...shown.map((f) => f.p), ...majority.map((x) => x.p!)]);
  shown.forEach((f, i) => {
    f.q = q[i]!;
  });
  majority.forEach((x, i) => {
    x.q = q[shown.length + i]!;
  });
  const rejected: DriverFactor[] = [];
  const kept = shown.filter((f) => {
    if (f.low! <= 1 && f.high! >= 1) {
      suppressed.push({ ...suppressedOf(f), reason: 'ci_crosses_1' });
      rejected.push(f);
      return false;
    }
    if (f.q > FDR) {
      suppressed.push({ ...suppressedOf(f), reason: 'fails_fdr' });
      rejected.push(f);
      return false;
    }
    return true;
  });
  shown.length = 0;
  shown.push(...kept);
  shown.sort(
    (x, y) =>
      (y.attributableFraction ?? -Infinity) - (x.attributableFraction ?? -Infinity) ||
      x.label.localeCompare(y.label),
  );
  suppressed.sort((x, y) => x.reason.localeCompare(y.reason) || y.customers - x.customers);
  rejected.sort((x, y) => x.p - y.p);
  return { customers: N, churned: E, shown, suppressed, tested, corrected: q.length, rejected, outcomes };
}

function suppressedOf(f: DriverFactor): Omit<SuppressedFactor, 'reason'> {
  return {
    dimension: f.dimension,
    value: f.value,
    label: f.label,
    customers: f.customers,
    relativeRisk: f.relativeRisk,
    p: f.p,
    q: f.q,
  };
}
