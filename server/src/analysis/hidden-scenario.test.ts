/**
 * Issue 18 on the blind scenario hidden-2 (four planted causes: APP 2025 Q4, price-sensitive customers
 * 2026 Q1, 武汉 2026 Q2, 数码 2026 Q3), at 8,000 customers: key drivers and the decomposition find each
 * cause, with effects checked against hand-written SQL over the raw tables (orders, customers), and
 * outcome-window factors, multiple testing and a region echoing its city are caveated.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime } from '../../test/analysis/test-runtime.ts';
import type { AnalysisRequest, AnalysisResult } from './analysis-contract.ts';
import type { SegmentFit } from './decomposition/dimension-fit.ts';
import type { DriverFactor } from './drivers/driver-factors.ts';
import type { NestedComparison } from './drivers/nested-factors.ts';
import { runAnalysis } from './run-analysis.ts';

const SCENARIO = join(import.meta.dirname, '..', 'data', 'demo', 'scenarios', 'hidden-2.yaml');
const Q = {
  '2025Q4': { start: '2025-10-01', end: '2026-01-01' },
  '2026Q1': { start: '2026-01-01', end: '2026-04-01' },
  '2026Q2': { start: '2026-04-01', end: '2026-07-01' },
  '2026Q3': { start: '2026-07-01', end: '2026-10-01' },
};
const ask = (
  intent: AnalysisRequest['intent'],
  timeRange: { start: string; end: string },
): AnalysisRequest => ({
  intent,
  language: 'zh',
  query: { model: 'retail', metrics: ['churn_rate'], timeRange, compare: 'previous_period' },
});
const ranking = (r: AnalysisResult) => r.analysis.ranking as DriverFactor[];
const rankOf = (r: AnalysisResult, dimension: string, value: string) =>
  ranking(r).findIndex((f) => f.dimension === dimension && f.value === value) + 1;
const localisations = (r: AnalysisResult) => r.analysis.localisations as SegmentFit[];

/**
 * Hand-written: customers active at the quarter start (a completed order in the 90 days before), who
 * churned in the quarter (their last completed order before the quarter end + 90 days falls in it, and
 * no completed order in between), with the segment measured on orders of the 365 days before.
 */
function rawPopulation(start: string, end: string): string {
  return `WITH days AS (SELECT DISTINCT customer_id, CAST(order_ts AS DATE) AS d FROM orders WHERE status = 'completed'),
  gaps AS (SELECT customer_id, d, lead(d) OVER (PARTITION BY customer_id ORDER BY d) AS next_d FROM days),
  churns AS (SELECT customer_id, d + 90 AS churn_date FROM gaps WHERE next_d IS NULL OR next_d - d > 90),
  active AS (SELECT DISTINCT customer_id FROM days WHERE d >= DATE '${start}' - 90 AND d < DATE '${start}'),
  churned AS (SELECT DISTINCT customer_id FROM churns WHERE churn_date >= DATE '${start}' AND churn_date < DATE '${end}'),
  history AS (
    SELECT customer_id,
      count(*) FILTER (WHERE discount_amount > 0) >= 0.3 * count(*) AS price_sensitive
    FROM orders WHERE status = 'completed' AND CAST(order_ts AS DATE) >= DATE '${start}' - 365
      AND CAST(order_ts AS DATE) < DATE '${start}'
    GROUP BY customer_id)
  SELECT a.customer_id, c.region, c.city, ch.customer_id IS NOT NULL AS churned,
    COALESCE(h.price_sensitive, FALSE) AS price_sensitive
  FROM active a JOIN customers c USING (customer_id)
  LEFT JOIN churned ch USING (customer_id) LEFT JOIN history h USING (customer_id)`;
}

async function rawRr(
  demo: DemoRuntime,
  range: { start: string; end: string },
  segment: string,
  within = 'TRUE',
) {
  const r = await demo.runtime.engine.query(
    `SELECT count(*) FILTER (WHERE ${segment}) AS n1, count(*) FILTER (WHERE ${segment} AND churned) AS c1,
       count(*) FILTER (WHERE NOT (${segment})) AS n0, count(*) FILTER (WHERE NOT (${segment}) AND churned) AS c0
     FROM (${rawPopulation(range.start, range.end)}) AS raw WHERE ${within}`,
  );
  const row = r.rows[0]!;
  const [n1, c1, n0, c0] = ['n1', 'c1', 'n0', 'c0'].map((k) => Number(row[k]));
  return { n1: n1!, c1: c1!, n0: n0!, c0: c0!, rr: c1! / n1! / (c0! / n0!) };
}

describe('hidden-2: each planted cause found by drivers and decomposition', () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime({ customers: 8000, seed: 11, scenarioPath: SCENARIO });
  }, 600_000);
  afterAll(() => demo?.close());

  it('drivers 2026 Q2: 武汉 ranked first with the raw RR, compared within 华中, and 华中 not blamed', async () => {
    const r = await runAnalysis(demo.runtime, ask('drivers', Q['2026Q2']));
    expect(rankOf(r, 'city', '武汉')).toBe(1);
    const wuhan = ranking(r)[0]!;
    const raw = await rawRr(demo, Q['2026Q2'], "city = '武汉'");
    expect(wuhan.customers).toBe(raw.n1);
    expect(wuhan.churned).toBe(raw.c1);
    expect(wuhan.relativeRisk!).toBeCloseTo(raw.rr, 9);
    expect(wuhan.low!).toBeLessThan(2.3);
    expect(wuhan.high!).toBeGreaterThan(2.3);
    expect(wuhan.pafLow!).toBeLessThan(wuhan.attributableFraction!);
    expect(wuhan.pafHigh!).toBeGreaterThan(wuhan.attributableFraction!);
    const nested = (r.analysis.nested as NestedComparison[]).find((n) => n.value === '武汉')!;
    const within = await rawRr(demo, Q['2026Q2'], "city = '武汉'", "region = '华中'");
    expect(nested.parentValue).toBe('华中');
    expect(nested.withinRr!).toBeCloseTo(within.rr, 9);
    expect(nested.withinLow!).toBeGreaterThan(1);
    expect(nested.explainsParent).toBe(true);
    expect(ranking(r).some((f) => f.dimension === 'region' && f.value === '华中')).toBe(false);
    expect(r.narrative).toContain('在华中内部比较');
  });

  it('drivers 2026 Q1: price-sensitive customers in the top 3, as the raw orders measure them', async () => {
    const r = await runAnalysis(demo.runtime, ask('drivers', Q['2026Q1']));
    const rank = rankOf(r, 'price_sensitive', 'true');
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(3);
    const f = ranking(r)[rank - 1]!;
    const raw = await rawRr(demo, Q['2026Q1'], 'price_sensitive');
    expect(f.customers).toBe(raw.n1);
    expect(f.relativeRisk!).toBeCloseTo(raw.rr, 9);
    expect(f.low!).toBeGreaterThan(1.3);
  });

  it('drivers correct for multiple testing and say so; outcome-window factors are caveated, never ranked', async () => {
    const r = await runAnalysis(demo.runtime, ask('drivers', Q['2026Q3']));
    expect(rankOf(r, 'category', '数码')).toBeGreaterThan(0);
    expect(rankOf(r, 'category', '数码')).toBeLessThanOrEqual(3);
    for (const f of ranking(r)) {
      expect(['value_tier', 'nps_detractor', 'activity_drop', 'coupon_user']).not.toContain(f.dimension);
      expect(f.q).toBeLessThanOrEqual(0.05);
    }
    const all = r.analysis.factors as DriverFactor[];
    const ps = all.map((f) => f.p);
    expect(ps.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(r.analysis.correction).toMatchObject({ method: 'benjamini_hochberg', fdr: 0.05 });
    expect(r.narrative).toContain('Benjamini–Hochberg');
    const indicators = r.analysis.leadingIndicators as DriverFactor[];
    for (const f of indicators) expect(r.narrative).toContain(`「${f.label}」`);
    expect(r.narrative).toContain('前兆');
    expect([...(r.analysis.dimensions as string[])].sort()).toEqual(
      expect.arrayContaining(['city', 'category', 'sales_channel', 'region', 'price_sensitive']),
    );
  });

  it('decomposition finds APP (2025 Q4) and 数码 (2026 Q3) among its top 3, trying every dimension', async () => {
    for (const [range, dimension, value] of [
      [Q['2025Q4'], 'sales_channel', 'app'],
      [Q['2026Q3'], 'category', '数码'],
    ] as const) {
      const r = await runAnalysis(demo.runtime, ask('decomposition', range));
      const tried = (r.analysis.dimensionsTried as { dimension: string }[]).map((f) => f.dimension);
      expect(tried).toEqual(expect.arrayContaining(['city', 'region', 'category', 'sales_channel']));
      const top = localisations(r).slice(0, 3);
      const hit = top.find((l) => l.dimension === dimension && l.segment === value);
      expect(
        hit,
        `${dimension}=${value} in ${JSON.stringify(top.map((l) => [l.dimension, l.segment]))}`,
      ).toBeDefined();
      expect(hit!.z).toBeGreaterThan(2);
      expect(hit!.low).toBeLessThan(hit!.contribution);
      expect(r.assumptions.join(' ')).toContain('城市');
    }
  });

  it('decomposition 2026 Q2 vs Q1: 武汉 rising against the fall is among the top 3', async () => {
    const r = await runAnalysis(demo.runtime, ask('decomposition', Q['2026Q2']));
    const top = localisations(r).slice(0, 3);
    expect(top.some((l) => l.dimension === 'city' && l.segment === '武汉' && l.contribution > 0)).toBe(true);
    // 华中 named beside 武汉 is said to be 武汉's echo.
    if (top.some((l) => l.dimension === 'region' && l.segment === '华中')) {
      const echoes = r.analysis.echoes as { segment: string; childSegment: string }[];
      expect(echoes).toContainEqual(expect.objectContaining({ segment: '华中', childSegment: '武汉' }));
      expect(r.narrative).toContain('应看武汉而非整个华中');
    }
  });
});
