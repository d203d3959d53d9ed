import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { PresentationInput } from '../../answer/presentation-input.ts';
import { AnalysisError, type RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { type AnalysisContext, analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { analysisMembers, countMember, percentMember, requireMembers } from '../governed/analysis-members.ts';
import { type ChurnPopulation, churnPopulation } from '../governed/churn-population.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import { segmentsNarrative } from './segments-narrative.ts';

/** The segmentations reported, the first being the default view (DOMAIN.md §5-6). */
export const SEGMENTATIONS = ['rfm_segment', 'value_tier', 'lifecycle_stage'];
export const SEGMENT_MEMBERS = { customers: 'customers', atRisk: 'at_risk_customers' } as const;

/** One segment: its size and at-risk count now, and how its members churned in the period. */
export interface SegmentLine {
  segment: string | null;
  customers: number;
  share: number;
  atRisk: number;
  /** Customers in the segment at the period start who were active, and of them who churned. */
  activeAtStart: number;
  churned: number;
  churnRate: number | null;
}

/** Sizes now and churn in the period, per value of one segmentation dimension (two governed queries). */
export async function segmentLines(
  ctx: AnalysisContext,
  dimension: string,
  pop: ChurnPopulation,
): Promise<SegmentLine[]> {
  const M = SEGMENT_MEMBERS;
  const [now, period] = await Promise.all([
    runGoverned(ctx, 'segments_now', { metrics: [M.customers, M.atRisk], dimensions: [dimension] }),
    runGoverned(ctx, 'segments_churn', {
      metrics: [pop.events, pop.population],
      dimensions: [dimension],
      timeRange: pop.range,
    }),
  ]);
  const key = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const lines = new Map<string | null, SegmentLine>();
  const line = (v: unknown) => {
    const k = key(v);
    let l = lines.get(k);
    if (!l) {
      l = { segment: k, customers: 0, share: 0, atRisk: 0, activeAtStart: 0, churned: 0, churnRate: null };
      lines.set(k, l);
    }
    return l;
  };
  for (const r of now.rows) {
    const l = line(r[dimension]);
    l.customers += count(r[M.customers]);
    l.atRisk += count(r[M.atRisk]);
  }
  for (const r of period.rows) {
    const l = line(r[dimension]);
    l.activeAtStart += count(r[pop.population]);
    l.churned += count(r[pop.events]);
  }
  const total = [...lines.values()].reduce((s, l) => s + l.customers, 0);
  return [...lines.values()]
    .map((l) => ({
      ...l,
      share: total ? l.customers / total : 0,
      churnRate: l.activeAtStart > 0 ? l.churned / l.activeAtStart : null,
    }))
    .filter((l) => l.customers > 0 || l.activeAtStart > 0)
    .sort((a, b) => b.customers - a.customers);
}

/**
 * Customer segmentation (DOMAIN.md §5): RFM segments (named in zh/en by the model), value tiers and
 * lifecycle stages, each with its size and the customers at risk now, and the churn of the period
 * among the customers who were in the segment at its start (quarter-start snapshots). The asked
 * segmentation (or RFM) is the table; the others are in `analysis`.
 */
export const segmentsAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const available = SEGMENTATIONS.filter((d) => runtime.model.dimensions[d]);
  const asked = (request.query.dimensions ?? []).find((d) => runtime.model.dimensions[d]);
  const primary = asked ?? available[0];
  if (!primary) {
    throw new AnalysisError(
      analysisMessage('segments.no_dimension', ctx.lang, { model: runtime.model.id }),
      'unsupported',
    );
  }
  requireMembers(ctx, { metrics: Object.values(SEGMENT_MEMBERS) });
  const pop = churnPopulation(ctx);
  const dims = [primary, ...available.filter((d) => d !== primary)];
  const all = await Promise.all(dims.map((d) => segmentLines(ctx, d, pop)));
  const lines = all[0]!;
  if (!lines.some((l) => l.customers > 0)) {
    throw new AnalysisError(analysisMessage('segments.none', ctx.lang), 'no_data');
  }
  const M = SEGMENT_MEMBERS;
  const columns: CompiledColumn[] = [
    { name: primary, kind: 'dimension', member: primary },
    { name: M.customers, kind: 'metric', member: M.customers },
    { name: 'share', kind: 'metric', member: 'share' },
    { name: M.atRisk, kind: 'metric', member: M.atRisk },
    { name: pop.population, kind: 'metric', member: pop.population },
    { name: pop.events, kind: 'metric', member: pop.events },
    { name: pop.rateMetric, kind: 'metric', member: pop.rateMetric },
  ];
  const presentation: PresentationInput = {
    language: ctx.lang,
    intent: 'segments',
    columns,
    rows: lines.map((l) => ({
      [primary]: l.segment,
      [M.customers]: l.customers,
      share: l.share,
      [M.atRisk]: l.atRisk,
      [pop.population]: l.activeAtStart,
      [pop.events]: l.churned,
      [pop.rateMetric]: l.churnRate,
    })),
    members: analysisMembers(ctx, {
      share: percentMember({ zh: '客户占比', en: 'Share of customers' }),
      [pop.population]: countMember({ zh: '期初活跃客户', en: 'Active at period start' }),
      [pop.events]: countMember({ zh: '期内流失客户', en: 'Churned in the period' }),
      [pop.rateMetric]: percentMember({ zh: '期内流失率', en: 'Churn rate in the period' }, true),
    }),
    ...(pop.range ? { timeRange: pop.range } : {}),
  };
  const segmentations = Object.fromEntries(dims.map((d, i) => [d, all[i]]));
  return analysisResult(ctx, {
    presentation,
    narrative: segmentsNarrative(ctx, { pop, primary, segmentations }),
    analysis: { asOf: runtime.asOf, period: pop.range ?? null, primary, segmentations },
    assumptions: pop.assumptions,
  });
};
