import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { PresentationInput } from '../../answer/presentation-input.ts';
import { AnalysisError, type RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { analysisContext, analysisResult } from '../governed/analysis-context.ts';
import {
  analysisMembers,
  countMember,
  memberText,
  numberMember,
  percentMember,
} from '../governed/analysis-members.ts';
import { churnPopulation } from '../governed/churn-population.ts';
import { segmentDimensions, valueCount } from '../governed/segment-dimensions.ts';
import { type DriverFactor, FDR, scanFactors } from './driver-factors.ts';
import { driverRegression } from './driver-regression.ts';
import { driversNarrative } from './drivers-narrative.ts';
import { isLeadingIndicator } from './leading-indicators.ts';
import { nestedComparisons } from './nested-factors.ts';

/**
 * Dimensions with more values than this (city…) are scanned too, and each significant value is also
 * compared within the coarser dimension that contains it (a city within its region).
 */
export const MAX_FACTOR_VALUES = 20;
/** The most values a scanned dimension may have. */
const MAX_SCANNED_VALUES = 200;
/**
 * Derived scores that restate the churn definition (recency, early-warning rules) rather than explain
 * it: scanned only when the question names them.
 */
export const SCORE_DIMENSIONS = ['risk_tier', 'lifecycle_stage', 'rfm_segment'];
/** Rows in the answer's table (the analysis keeps every factor). */
const SHOWN_RISK_FACTORS = 12;
const SHOWN_PROTECTIVE_FACTORS = 3;
/** Rows shown when no factor is significant (the smallest p-values, labelled as not significant). */
const SHOWN_NOT_SIGNIFICANT = 5;

const COLUMNS: CompiledColumn[] = [
  { name: 'factor', kind: 'dimension', member: 'factor' },
  { name: 'paf', kind: 'metric', member: 'paf' },
  { name: 'paf_low', kind: 'metric', member: 'paf_low' },
  { name: 'paf_high', kind: 'metric', member: 'paf_high' },
  { name: 'rr', kind: 'metric', member: 'rr' },
  { name: 'rr_low', kind: 'metric', member: 'rr_low' },
  { name: 'rr_high', kind: 'metric', member: 'rr_high' },
  { name: 'rate_with', kind: 'metric', member: 'rate_with' },
  { name: 'rate_without', kind: 'metric', member: 'rate_without' },
  { name: 'risk_difference', kind: 'metric', member: 'risk_difference' },
  { name: 'phi', kind: 'metric', member: 'phi' },
  { name: 'customers_with', kind: 'metric', member: 'customers_with' },
];

function row(f: DriverFactor): Record<string, unknown> {
  return {
    factor: f.label,
    paf: f.attributableFraction,
    paf_low: f.pafLow,
    paf_high: f.pafHigh,
    rr: f.relativeRisk,
    rr_low: f.low,
    rr_high: f.high,
    rate_with: f.rateWith,
    rate_without: f.rateWithout,
    risk_difference: f.riskDifference,
    phi: f.phi,
    customers_with: f.customers,
  };
}

/**
 * Key drivers of churn (DOMAIN.md §5): every value of the customer-level dimensions and every
 * behaviour flag, each compared with the rest of the population (customers active at the quarter
 * start, factors as of that date): churn rate with and without, RR with a 95% CI, risk difference,
 * phi and PAF, ranked by PAF, small or insignificant factors suppressed and listed; a logistic
 * regression gives adjusted odds ratios as a second view.
 */
export const driversAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const pop = churnPopulation(ctx);
  const asked = (request.query.dimensions ?? []).filter((id) => runtime.model.dimensions[id]);
  const candidates = segmentDimensions(runtime, pop.events, { maxValues: MAX_SCANNED_VALUES });
  const dimensions = asked.length
    ? candidates.filter((d) => asked.includes(d.id))
    : candidates.filter((d) => !SCORE_DIMENSIONS.includes(d.id));
  const skipped = asked.length ? [] : candidates.filter((d) => SCORE_DIMENSIONS.includes(d.id));
  if (skipped.length) {
    const names = skipped.map((d) => memberText(ctx, d.id));
    pop.assumptions.push(
      analysisMessage('drivers.restating', ctx.lang, {
        names: names.join(analysisMessage('list_separator', ctx.lang)),
      }),
    );
  }
  if (!dimensions.length) {
    const names = asked.map((id) => memberText(ctx, id)).join(analysisMessage('list_separator', ctx.lang));
    throw new AnalysisError(
      analysisMessage('drivers.not_attribute', ctx.lang, {
        names: names || analysisMessage('drivers.these_dimensions', ctx.lang),
      }),
      'unsupported',
    );
  }
  const scan = await scanFactors(ctx, pop, dimensions);
  if (scan.customers === 0 || scan.churned === 0) {
    throw new AnalysisError(analysisMessage('drivers.no_churners', ctx.lang), 'no_data');
  }
  const flags = dimensions.filter((d) => d.type === 'boolean');
  const nested = await nestedComparisons(
    ctx,
    pop,
    dimensions,
    scan.shown,
    (d) => valueCount(runtime, d),
    MAX_FACTOR_VALUES,
    { events: scan.churned, population: scan.customers },
  );
  const explained = new Set(
    nested.filter((n) => n.explainsParent).map((n) => `${n.parentDimension}\u0000${n.parentValue}`),
  );
  const isExplained = (f: DriverFactor) => explained.has(`${f.dimension}\u0000${f.value}`);
  // Many-valued dimensions (city) stay out of the regression: their values nest in a coarser one
  // (region) already entered, and would split the groups thinly.
  const fewValued = new Set(
    dimensions.filter((d) => valueCount(runtime, d) <= MAX_FACTOR_VALUES).map((d) => d.id),
  );
  const regression = await driverRegression(
    ctx,
    pop,
    flags,
    scan.shown.filter((f) => !isExplained(f) && fewValued.has(f.dimension)),
  );

  const indicators = scan.shown.filter((f) => isLeadingIndicator(f.dimension));
  const risk = scan.shown.filter(
    (f) => (f.relativeRisk ?? 0) > 1 && !isLeadingIndicator(f.dimension) && !isExplained(f),
  );
  const atWrongLevel = scan.shown.filter(isExplained);
  const protective = scan.shown.filter((f) => (f.relativeRisk ?? 0) < 1 && !isLeadingIndicator(f.dimension));
  const tableFactors = [
    ...risk.slice(0, SHOWN_RISK_FACTORS),
    ...protective
      .sort((a, b) => (a.relativeRisk ?? 1) - (b.relativeRisk ?? 1))
      .slice(0, SHOWN_PROTECTIVE_FACTORS),
    ...indicators,
  ];
  // Nothing significant: the closest factors are still shown, labelled as not significant.
  if (!tableFactors.length)
    tableFactors.push(
      ...scan.rejected.slice(0, SHOWN_NOT_SIGNIFICANT).map((f) => ({
        ...f,
        label: analysisMessage('not_significant', ctx.lang, { label: f.label }),
      })),
    );
  const presentation: PresentationInput = {
    language: ctx.lang,
    intent: 'drivers',
    columns: COLUMNS,
    rows: tableFactors.map(row),
    members: analysisMembers(ctx, {
      factor: { label: { zh: '因素', en: 'Factor' } },
      paf: percentMember({ zh: '可归因比例（PAF）', en: 'Attributable share (PAF)' }),
      paf_low: percentMember({ zh: 'PAF 95% 下限', en: 'PAF 95% CI low' }),
      paf_high: percentMember({ zh: 'PAF 95% 上限', en: 'PAF 95% CI high' }),
      rr: numberMember({ zh: '相对风险', en: 'Relative risk' }),
      rr_low: numberMember({ zh: '95% 置信下限', en: '95% CI low' }),
      rr_high: numberMember({ zh: '95% 置信上限', en: '95% CI high' }),
      rate_with: percentMember({ zh: '有该因素的流失率', en: 'Churn rate with' }, true),
      rate_without: percentMember({ zh: '无该因素的流失率', en: 'Churn rate without' }, true),
      risk_difference: percentMember({ zh: '流失率差', en: 'Risk difference' }),
      phi: numberMember({ zh: 'φ 系数', en: 'Phi' }),
      customers_with: countMember({ zh: '有该因素的客户数', en: 'Customers with' }),
    }),
    ...(pop.range ? { timeRange: pop.range } : {}),
  };
  return analysisResult(ctx, {
    presentation,
    narrative: driversNarrative(ctx, { pop, scan, risk, protective, indicators, nested, regression }),
    analysis: {
      period: pop.range ?? null,
      rateMetric: pop.rateMetric,
      population: { customers: scan.customers, churned: scan.churned, rate: scan.churned / scan.customers },
      factorsTested: scan.tested,
      dimensions: dimensions.map((d) => d.id),
      factors: scan.shown,
      /** Causes ranked by attributable share (leading indicators and region-level echoes of a city left out). */
      ranking: risk,
      protective: protective.map((f) => f.label),
      leadingIndicators: indicators,
      nested,
      atWrongLevel: atWrongLevel.map((f) => f.label),
      correction: { method: 'benjamini_hochberg', fdr: FDR, tests: scan.corrected },
      suppressed: scan.suppressed,
      outcomes: scan.outcomes,
      suppression: {
        minCustomers: 30,
        rule: 'n < 30 with or without the factor, a zero churn cell, a 95% RR interval that includes 1, or q > 0.05 (Benjamini–Hochberg over every factor tested)',
      },
      regression,
    },
    assumptions: pop.assumptions,
  });
};
