/**
 * Issue 18 §1: churn split by a customer flag takes the flag as of the quarter start. The default
 * scenario plants "2+ tickets open > 72 h in the 90 days before" at ×3; today's snapshot describes
 * churned customers after they left (0.0% against 13.8% before this fix). Each flag's churn split is
 * checked against hand-written SQL over the raw tickets, feedback and orders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime } from '../../test/analysis/test-runtime.ts';
import { pointInTime } from './point-in-time.ts';
import { runQuery } from './run-query.ts';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const START = "DATE '2026-07-01'";
const END = "DATE '2026-10-01'";

/** Hand-written: active at the start, churned in the quarter, and each flag from the raw tables as of the start. */
const RAW = `WITH days AS (SELECT DISTINCT customer_id, CAST(order_ts AS DATE) AS d FROM orders WHERE status = 'completed'),
  gaps AS (SELECT customer_id, d, lead(d) OVER (PARTITION BY customer_id ORDER BY d) AS next_d FROM days),
  churns AS (SELECT customer_id, d + 90 AS churn_date FROM gaps WHERE next_d IS NULL OR next_d - d > 90),
  active AS (SELECT DISTINCT customer_id FROM days WHERE d >= ${START} - 90 AND d < ${START}),
  churned AS (SELECT DISTINCT customer_id FROM churns WHERE churn_date >= ${START} AND churn_date < ${END}),
  t AS (SELECT customer_id,
      count(*) FILTER (WHERE resolved_ts IS NULL OR resolved_ts > created_ts + INTERVAL 72 HOUR) >= 2 AS repeated_slow_tickets,
      count(*) >= 3 AS many_tickets_90d
    FROM tickets WHERE created_ts >= ${START} - INTERVAL 90 DAY AND created_ts < ${START} GROUP BY 1),
  f AS (SELECT customer_id, bool_or(nps <= 6) AS nps_detractor FROM feedback
    WHERE nps IS NOT NULL AND ts >= ${START} - INTERVAL 90 DAY AND ts < ${START} GROUP BY 1)
  SELECT a.customer_id, ch.customer_id IS NOT NULL AS churned,
    COALESCE(t.repeated_slow_tickets, FALSE) AS repeated_slow_tickets,
    COALESCE(t.many_tickets_90d, FALSE) AS many_tickets_90d,
    COALESCE(f.nps_detractor, FALSE) AS nps_detractor
  FROM active a LEFT JOIN churned ch USING (customer_id) LEFT JOIN t USING (customer_id) LEFT JOIN f USING (customer_id)`;

describe('point in time: churn by a customer flag uses the quarter-start snapshot', () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime();
  }, 600_000);
  afterAll(() => demo?.close());

  const split = async (dimension: string) => {
    const run = await runQuery(
      demo.runtime,
      { model: 'retail', metrics: ['churn_rate'], dimensions: [dimension], timeRange: Q3 },
      { intent: 'breakdown', language: 'zh' },
    );
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const rate = (v: boolean) =>
      Number(run.presentation.rows.find((r) => r[dimension] === v)?.churn_rate ?? Number.NaN);
    return { run, with: rate(true), without: rate(false) };
  };
  const raw = async (flag: string) => {
    const r = await demo.runtime.engine.query(
      `SELECT ${flag} AS v, avg(churned::INTEGER) AS rate, count(*) AS n FROM (${RAW}) GROUP BY 1`,
    );
    const at = (v: boolean) => r.rows.find((x) => x.v === v)!;
    return { with: Number(at(true).rate), without: Number(at(false).rate), n: Number(at(true).n) };
  };

  it('recovers the planted ×3 of repeated slow tickets, as the raw tickets give it, and says why', async () => {
    const s = await split('repeated_slow_tickets');
    const r = await raw('repeated_slow_tickets');
    expect(s.with).toBeCloseTo(r.with, 12);
    expect(s.without).toBeCloseTo(r.without, 12);
    expect(s.with / s.without).toBeGreaterThan(2);
    expect(s.with / s.without).toBeLessThan(4.5);
    if (!s.run.ok) throw new Error('run');
    expect(s.run.assumptions.join(' ')).toContain('季度初快照');
    expect(s.run.sql).toContain('customer_history');
    expect(s.run.sql).not.toContain('customer_snapshot');
  });

  it('every ticket and NPS flag splits churn exactly as the raw tables at the quarter start do', async () => {
    for (const flag of ['many_tickets_90d', 'nps_detractor']) {
      const s = await split(flag);
      const r = await raw(flag);
      expect(s.with, flag).toBeCloseTo(r.with, 12);
      expect(s.without, flag).toBeCloseTo(r.without, 12);
    }
  });

  it('leaves questions without a churn metric or without a snapshot feature unchanged', () => {
    const model = demo.runtime.model;
    const byRegion = { model: 'retail', metrics: ['churn_rate'], dimensions: ['region'], timeRange: Q3 };
    expect(pointInTime(model, byRegion, demo.runtime.asOf).query).toBe(byRegion);
    const revenue = { model: 'retail', metrics: ['revenue'], dimensions: ['repeated_slow_tickets'] };
    expect(pointInTime(model, revenue, demo.runtime.asOf).query).toBe(revenue);
  });

  it('lost revenue by value tier (no snapshot equivalent) is answered as asked and says the tier is today’s', () => {
    const model = demo.runtime.model;
    const lost = { model: 'retail', metrics: ['lost_revenue'], dimensions: ['value_tier'], timeRange: Q3 };
    const r = pointInTime(model, lost, demo.runtime.asOf);
    expect(r.query).toBe(lost);
    expect(r.assumption?.zh).toContain('价值分层取的是今天的状态');
    expect(r.assumption?.en).toContain("Value tier is today's state");
    const revenueByTier = {
      model: 'retail',
      metrics: ['revenue'],
      dimensions: ['value_tier'],
      timeRange: Q3,
    };
    expect(pointInTime(model, revenueByTier, demo.runtime.asOf).assumption).toBeNull();
  });

  it('lists the churned high-value customers of a quarter by their quarter-start tier (the condition follows the metric)', async () => {
    const list = await runQuery(
      demo.runtime,
      {
        model: 'retail',
        metrics: ['churned_customers'],
        dimensions: ['customer_id', 'value_tier'],
        filters: [
          { member: 'churned_customers', op: 'gte', values: [1] },
          { member: 'value_tier', op: 'in', values: ['high'] },
        ],
        timeRange: Q3,
      },
      { intent: 'breakdown', language: 'zh' },
    );
    if (!list.ok) throw new Error(JSON.stringify(list.issues));
    const byTier = await runQuery(
      demo.runtime,
      { model: 'retail', metrics: ['churned_customers'], dimensions: ['value_tier'], timeRange: Q3 },
      { intent: 'breakdown', language: 'zh' },
    );
    if (!byTier.ok) throw new Error(JSON.stringify(byTier.issues));
    const high = Number(byTier.presentation.rows.find((r) => r.value_tier === 'high')?.churned_customers);
    expect(high).toBeGreaterThan(0);
    expect(list.presentation.rows).toHaveLength(high);
    expect(list.presentation.rows.every((r) => Number(r.churned_customers) === 1)).toBe(true);
    expect(list.sql).toContain('customer_history');
  });

  it('answers a month as asked (no snapshot describes its start) and says the feature is today’s', () => {
    const r = pointInTime(
      demo.runtime.model,
      {
        model: 'retail',
        metrics: ['churn_rate'],
        filters: [{ member: 'nps_detractor', op: 'eq', values: [true] }],
        timeRange: { start: '2026-08-01', end: '2026-09-01' },
      },
      demo.runtime.asOf,
    );
    expect(r.query.metrics).toEqual(['churn_rate']);
    expect(r.assumption!.en).toContain("today's state");
    expect(r.assumption!.zh).toContain('NPS贬损者');
  });
});
