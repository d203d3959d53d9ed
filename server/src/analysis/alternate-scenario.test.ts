/**
 * The analyses recover the planted causes of the alternate demo scenario too (scenarios/alternate.yaml),
 * so nothing is tuned to the default story: a payment outage in 华北 (2026 Q2), a 家电 recall (2026 Q3),
 * a competitor in 西安 (2026 Q1), live_stream customers leaving on price (2025 Q4), unresolved tickets
 * ×2.5. Expected values come from the planted truth written beside the data and from governed queries.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeRange } from '../../../semantic-layer/src/query.ts';
import { type DemoRuntime, demoRuntime, governedRows } from '../../test/analysis/test-runtime.ts';
import { SCENARIO_DIR } from '../data/demo/scenario.ts';
import type { EffectTruth, Period } from '../data/demo/truth.ts';
import type { AnalysisIntent, AnalysisResult } from './analysis-contract.ts';
import type { DriverFactor, SuppressedFactor } from './drivers/driver-factors.ts';
import type { RegressionView } from './drivers/driver-regression.ts';
import type { ReasonLine, SegmentReasons } from './reasons/reasons-analysis.ts';
import { runAnalysis } from './run-analysis.ts';
import type { SegmentContribution } from './stats/index.ts';

/**
 * 10,000 customers: 西安 (3% of customers) then has ~140–170 active at the start of 2026 Q1 and the
 * 家电 buyers ~450–490 at the start of Q3, enough for the planted ×2.0 / ×2.2 to clear a 95% interval
 * (checked on seeds 1–7; at seed 3 西安's own churn happens to come out at ×1.5, not significant).
 * Generating and materialising it takes ~15 s cold, then it is cached.
 */
const CUSTOMERS = 10_000;
const SEED = 7;

const Q4_2025 = { start: '2025-10-01', end: '2026-01-01' };
const Q1 = { start: '2026-01-01', end: '2026-04-01' };
const Q2 = { start: '2026-04-01', end: '2026-07-01' };
const Q3 = { start: '2026-07-01', end: '2026-10-01' };

/** A planted effect's period as a governed time range (the truth's end date is inclusive). */
function rangeOf(p: Period): TimeRange {
  const end = new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: p.start, end };
}

type SegmentPart = SegmentContribution & { segment: string | null };
const reasonLines = (r: AnalysisResult) => r.analysis.reasons as ReasonLine[];
const reasonSegments = (r: AnalysisResult) => r.analysis.segments as SegmentReasons[];
const topNamed = (lines: ReasonLine[]) => lines.find((l) => l.reason !== 'silent')!;
const shareOf = (s: SegmentReasons, reason: string) => s.reasons.find((l) => l.reason === reason)?.share ?? 0;
/** The reason's largest share among the other segments with at least 20 churners. */
const shareElsewhere = (segments: SegmentReasons[], segment: string, reason: string) =>
  Math.max(
    0,
    ...segments.filter((s) => s.segment !== segment && s.churned >= 20).map((s) => shareOf(s, reason)),
  );
const churnersOf = (s: SegmentReasons, reason: string) =>
  s.reasons.find((l) => l.reason === reason)?.churned ?? 0;
const riskFactors = (r: AnalysisResult) =>
  (r.analysis.factors as DriverFactor[]).filter((f) => (f.relativeRisk ?? 0) > 1);
/** Risk factors that are customer attributes (not behaviour flags), by relative risk. */
const attributes = (risk: DriverFactor[]) =>
  risk.filter((f) => f.value !== 'true').sort((a, b) => b.relativeRisk! - a.relativeRisk!);
const parts = (r: AnalysisResult) => r.analysis.segments as SegmentPart[];

describe(`analyses on the alternate demo scenario (${CUSTOMERS} customers)`, () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime({
      customers: CUSTOMERS,
      seed: SEED,
      scenarioPath: join(SCENARIO_DIR, 'alternate.yaml'),
    });
    // Generating 10,000 customers (and, on PostgreSQL, loading and materialising them) takes minutes on 2 cores.
  }, 360_000);
  afterAll(() => demo?.close());

  const effect = (id: string): EffectTruth => {
    const e = demo.truth.effects.find((x) => x.id === id);
    if (!e) throw new Error(`no planted effect ${id}`);
    return e;
  };
  const minRatio = () =>
    (demo.truth.expectations.find((x) => x.kind === 'behaviour_churn_ratio') as { min_ratio: number })
      .min_ratio;
  const ask = (
    intent: AnalysisIntent,
    timeRange: TimeRange,
    extra: { dimensions?: string[]; compare?: 'previous_period' } = {},
  ) =>
    runAnalysis(demo.runtime, {
      intent,
      language: 'zh',
      query: {
        model: 'retail',
        metrics: [intent === 'reasons' ? 'churned_customers' : 'churn_rate'],
        timeRange,
        ...extra,
      },
    });

  it('reads the alternate story from the truth beside the data', () => {
    expect(demo.truth.scenario).toBe('alternate');
    expect(demo.truth.customers).toBe(CUSTOMERS);
    expect(rangeOf(effect('north_china_payment_outage').period)).toEqual(Q2);
    expect(rangeOf(effect('appliance_recall').period)).toEqual(Q3);
    expect(rangeOf(effect('xian_competitor').period)).toEqual(Q1);
    expect(rangeOf(effect('live_stream_bargain_hunters').period)).toEqual(Q4_2025);
  });

  describe('2026 Q2: the 华北 payment outage', () => {
    it('reasons: billing is the top named reason, and it sits in 华北', async () => {
      const outage = effect('north_china_payment_outage');
      const region = outage.who.region![0]!;
      const r = await ask('reasons', Q2, { dimensions: ['region'] });
      expect(topNamed(reasonLines(r)).reason).toBe(outage.reason);
      const segments = reasonSegments(r);
      const north = segments.find((s) => s.segment === region)!;
      expect(topNamed(north.reasons).reason).toBe('billing');
      // Each planted billing signal (a ticket and/or negative feedback) becomes its churner's governed
      // reason unless other complaints in the 90-day lookback outvote it; background billing adds a few.
      const billing = churnersOf(north, 'billing');
      expect(billing).toBeGreaterThanOrEqual(0.9 * outage.signalled_churners);
      expect(billing).toBeLessThanOrEqual(1.1 * outage.signalled_churners);
      expect(shareOf(north, 'billing')).toBeGreaterThan(0.4);
      expect(shareOf(north, 'billing')).toBeGreaterThan(4 * shareElsewhere(segments, region, 'billing'));
      const allBilling = reasonLines(r).find((l) => l.reason === 'billing')!.churned;
      expect(billing / allBilling).toBeGreaterThan(0.75);
    });

    it('drivers: 华北 leads with a relative risk whose interval holds the planted multiplier; unresolved tickets and loyal high-value customers show', async () => {
      const outage = effect('north_china_payment_outage');
      const r = await ask('drivers', Q2);
      const risk = riskFactors(r);
      const north = risk.find((f) => f.dimension === 'region' && f.value === '华北')!;
      // Ranked by attributable share, 华北 (15% of customers) can trail the broad low-value tier.
      expect(risk.indexOf(north)).toBeLessThan(2);
      expect(attributes(risk)[0]).toBe(north);
      expect(north.low!).toBeGreaterThan(1.5);
      expect(north.low!).toBeLessThan(outage.churn_multiplier);
      expect(north.high!).toBeGreaterThan(outage.churn_multiplier);
      expect(r.narrative).toContain('「地区：华北」');
      // The scenario plants ×2.5 for 2+ long-open tickets; its truth asks for a ratio of at least 1.75.
      const slow = risk.find((f) => f.dimension === 'repeated_slow_tickets')!;
      expect(slow.relativeRisk!).toBeGreaterThan(minRatio());
      expect(slow.low!).toBeGreaterThan(1);
      expect(risk.indexOf(slow)).toBeLessThan(5);
      // High value ×0.6: the spend-based tier of the model only approximates the planted one.
      const high = (r.analysis.factors as DriverFactor[]).find(
        (f) => f.dimension === 'value_tier' && f.value === 'high',
      )!;
      expect(high.relativeRisk!).toBeLessThan(1);
      expect(high.high!).toBeLessThan(1);
      const regression = r.analysis.regression as RegressionView;
      const adjusted = regression.features.find((f) => f.dimension === 'region' && f.value === '华北')!;
      expect(adjusted.low).toBeGreaterThan(1.5);
    });

    it('decomposition Q1 → Q2: picks region on its own and puts the rise on 华北’s rate', async () => {
      const outage = effect('north_china_payment_outage');
      const r = await ask('decomposition', Q2, { compare: 'previous_period' });
      expect(r.analysis.dimension).toBe('region');
      expect(r.assumptions.join(' ')).toContain('按地区分解时，华北');
      const [top, second] = parts(r);
      expect(top!.segment).toBe('华北');
      expect(top!.total).toBeGreaterThan(0.01);
      expect(top!.total).toBeGreaterThan(3 * second!.total);
      expect(top!.total / (r.analysis.difference as number)).toBeGreaterThan(0.6);
      expect(top!.rate).toBeGreaterThan(5 * Math.abs(top!.mix));
      // 华北's own rate follows the planted multiplier (its Q1 rate is the ordinary one).
      expect(top!.rateB / top!.rateA).toBeGreaterThan(0.75 * outage.churn_multiplier);
      const [north] = await governedRows(demo.runtime, {
        metrics: ['churn_rate'],
        timeRange: Q2,
        filters: [{ member: 'region', op: 'in', values: ['华北'] }],
      });
      expect(top!.rateB).toBeCloseTo(Number(north!.churn_rate), 12);
      expect(r.narrative).toContain('贡献最大的是华北');
    });
  });

  describe('2026 Q3: the 家电 recall', () => {
    it('reasons: product quality is the top named reason, concentrated among 家电 buyers', async () => {
      const recall = effect('appliance_recall');
      const category = recall.who.category![0]!;
      const r = await ask('reasons', Q3, { dimensions: ['category'] });
      expect(topNamed(reasonLines(r)).reason).toBe(recall.reason);
      const segments = reasonSegments(r);
      const appliances = segments.find((s) => s.segment === category)!;
      expect(topNamed(appliances.reasons).reason).toBe('product_quality');
      expect(shareOf(appliances, 'product_quality')).toBeGreaterThan(0.3);
      expect(shareOf(appliances, 'product_quality')).toBeGreaterThan(
        2 * shareElsewhere(segments, category, 'product_quality'),
      );
      // Fewer than the planted signals: the split reads the customer's main category of orders, not
      // always the planted one.
      expect(churnersOf(appliances, 'product_quality')).toBeGreaterThan(0.5 * recall.signalled_churners);
    });

    it('drivers: the 家电 category is near the top, the strongest attribute, diluted below the planted ×2.2', async () => {
      const recall = effect('appliance_recall');
      const r = await ask('drivers', Q3);
      const risk = riskFactors(r);
      const appliances = risk.find((f) => f.dimension === 'category' && f.value === '家电')!;
      // 8% of customers: by attributable share it can trail the low-value tier and NPS detractors.
      expect(risk.indexOf(appliances)).toBeLessThan(3);
      expect(attributes(risk)[0]).toBe(appliances);
      // The analysis sees the main category of orders, which is the planted (latent) category for
      // most but not all customers, so the measured risk is diluted towards 1, never inflated.
      expect(appliances.low!).toBeGreaterThan(1.3);
      expect(appliances.relativeRisk!).toBeLessThan(1.2 * recall.churn_multiplier);
      expect(r.narrative).toContain('品类：家电');
    });

    it('decomposition Q2 → Q3: the rate falls as 华北 recovers; by category, 家电 is the one rise', async () => {
      const auto = await ask('decomposition', Q3, { compare: 'previous_period' });
      expect(auto.analysis.dimension).toBe('region');
      const difference = auto.analysis.difference as number;
      expect(difference).toBeLessThan(0);
      const recovering = parts(auto).at(-1)!;
      expect(recovering.segment).toBe('华北');
      expect(recovering.total / difference).toBeGreaterThan(0.6);

      const r = await ask('decomposition', Q3, { dimensions: ['category'], compare: 'previous_period' });
      expect(r.analysis.dimension).toBe('category');
      const [top, second] = parts(r);
      expect(top!.segment).toBe('家电');
      expect(top!.total).toBeGreaterThan(2 * Math.max(0, second!.total));
      expect(top!.rate).toBeGreaterThan(5 * Math.abs(top!.mix));
      // Its Q2 rate already carries the 华北 outage for 华北's 家电 buyers, so less than ×2.2.
      expect(top!.rateB / top!.rateA).toBeGreaterThan(1.3);
    });
  });

  describe('2026 Q1: the competitor in 西安', () => {
    it('reasons: competitor leads among 西安 churners and hardly appears elsewhere', async () => {
      const competitor = effect('xian_competitor');
      const city = competitor.who.city![0]!;
      const r = await ask('reasons', Q1, { dimensions: ['city'] });
      const segments = reasonSegments(r);
      const xian = segments.find((s) => s.segment === city)!;
      expect(topNamed(xian.reasons).reason).toBe(competitor.reason);
      expect(shareOf(xian, 'competitor')).toBeGreaterThan(0.3);
      const all = reasonLines(r).find((l) => l.reason === 'competitor')!.churned;
      expect(churnersOf(xian, 'competitor') / all).toBeGreaterThan(0.5);
      expect(shareOf(xian, 'competitor')).toBeGreaterThan(4 * shareElsewhere(segments, city, 'competitor'));
    });

    it('drivers by city: 西安 is the top driver, its interval holding the planted ×2.0', async () => {
      const competitor = effect('xian_competitor');
      const r = await ask('drivers', Q1, { dimensions: ['city'] });
      const [top] = riskFactors(r);
      expect([top!.dimension, top!.value]).toEqual(['city', '西安']);
      expect(top!.low!).toBeGreaterThan(1);
      expect(top!.low!).toBeLessThan(competitor.churn_multiplier);
      expect(top!.high!).toBeGreaterThan(competitor.churn_multiplier);
    });
  });

  describe('2025 Q4: live_stream customers leaving on price', () => {
    it('reasons: price leads among live_stream churners, far above other channels', async () => {
      const live = effect('live_stream_bargain_hunters');
      const channel = live.who.acquisition_channel![0]!;
      const r = await ask('reasons', Q4_2025, { dimensions: ['acquisition_channel'] });
      const segments = reasonSegments(r);
      const stream = segments.find((s) => s.segment === channel)!;
      // The planted verbatims compare with live-stream deals ("直播间买更便宜"), which the feedback
      // classifier files under competitor; tickets keep the planted price category.
      expect(['price', 'competitor']).toContain(topNamed(stream.reasons).reason);
      expect(shareOf(stream, 'price') + shareOf(stream, 'competitor')).toBeGreaterThan(0.3);
      expect(shareOf(stream, 'price')).toBeGreaterThan(2 * shareElsewhere(segments, channel, 'price'));
    });

    it('drivers: live_stream acquisition is near the top, or significant alone and said to fail the correction', async () => {
      const r = await ask('drivers', Q4_2025);
      const risk = riskFactors(r);
      const stream = risk.find((f) => f.dimension === 'acquisition_channel' && f.value === 'live_stream');
      if (stream) {
        expect(risk.indexOf(stream)).toBeLessThan(3);
        expect(attributes(risk)[0]).toBe(stream);
        expect(stream.low!).toBeGreaterThan(1);
        return;
      }
      // Diluted (×1.4 over 600 customers) it is significant alone (p < 0.01) but not after
      // Benjamini–Hochberg over ~80 factors; the answer says so and names it.
      const suppressed = (r.analysis.suppressed as SuppressedFactor[]).find(
        (f) => f.dimension === 'acquisition_channel' && f.value === 'live_stream',
      )!;
      expect(suppressed.reason).toBe('fails_fdr');
      expect(suppressed.relativeRisk!).toBeGreaterThan(1.2);
      expect(suppressed.p!).toBeLessThan(0.01);
      expect(r.narrative).toContain('直播');
    });

    it('decomposition Q3 → Q4 by acquisition channel: live_stream’s rate is the largest contribution', async () => {
      const r = await ask('decomposition', Q4_2025, {
        dimensions: ['acquisition_channel'],
        compare: 'previous_period',
      });
      const [top] = parts(r);
      expect(top!.segment).toBe('live_stream');
      expect(top!.rate).toBeGreaterThan(5 * Math.abs(top!.mix));
      expect(top!.rateB).toBeGreaterThan(1.2 * top!.rateA);
    });
  });
});
