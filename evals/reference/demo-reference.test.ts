import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../semantic-layer/src/index.ts';
import type { SemanticQueryInput } from '../../semantic-layer/src/query.ts';
import { expectSameRows, pick } from '../../semantic-layer/test/same-rows.ts';
import { type DemoStore, openDemo } from '../../server/test/data/demo-store.ts';
import { BENCH_AS_OF, BENCH_QUESTIONS, referenceSql } from '../bench/reference-sql/questions.ts';
import * as ref from './demo-reference-sql.ts';

/**
 * Every DOMAIN.md §4 metric family, compiled from the retail model and run on the generated demo
 * (3,000 customers, seed 42), against hand-written reference SQL over the raw canonical tables
 * (demo-reference-sql.ts). The demo is big enough that coincidences are implausible (thousands of
 * orders per quarter, hundreds of churners) and small enough to stay fast.
 */

const QUARTERS = [
  { start: '2025-01-01', end: '2025-04-01' },
  { start: '2025-04-01', end: '2025-07-01' },
  { start: '2025-07-01', end: '2025-10-01' },
  { start: '2025-10-01', end: '2026-01-01' },
  { start: '2026-01-01', end: '2026-04-01' },
  { start: '2026-04-01', end: '2026-07-01' },
  { start: '2026-07-01', end: '2026-10-01' },
];
const Q3_2025 = QUARTERS[2]!;
const Q2_2026 = QUARTERS[5]!;
const Q3_2026 = QUARTERS[6]!;
const SPAN = { start: QUARTERS[0]!.start, end: Q3_2026.end };

let demo: DemoStore;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => {
  await demo?.close();
});

/** Compiles `query` for DuckDB against the demo's as-of date and runs it. */
async function run(query: Omit<SemanticQueryInput, 'model'>) {
  const r = compile(demo.model, { model: 'retail', ...query }, { dialect: 'duckdb', asOf: demo.asOf });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return (await demo.engine.query(r.compiled.sql, r.compiled.params)).rows;
}
async function reference(sql: string) {
  return (await demo.engine.query(sql)).rows;
}

describe('churn rate by quarter and region', () => {
  it('matches the reference for every quarter and region: active at start, churned during, rate', async () => {
    const expected = await reference(ref.churnByRegionSql(QUARTERS, demo.asOf));
    const rows = await run({
      metrics: ['active_customers', 'churned_customers', 'churn_rate'],
      dimensions: ['region'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: SPAN,
    });
    expect(expected.length).toBe(QUARTERS.length * 7);
    expect(expected.reduce((s, r) => s + Number(r.churned_customers), 0)).toBeGreaterThan(500);
    expectSameRows(rows, expected);
  });

  it('excludes customers acquired during the period from the denominator, customer by customer', async () => {
    const acquired = (await reference(ref.acquiredDuringSql(Q3_2026))).map((r) => r.customer_id);
    const active = (await reference(ref.activeAtStartSql(Q3_2026, demo.asOf))).map((r) => r.customer_id);
    const rows = await run({
      metrics: ['active_customers'],
      dimensions: ['customer_id'],
      timeRange: Q3_2026,
    });
    const compiled = rows.map((r) => r.customer_id);
    expect(acquired.length).toBeGreaterThan(50);
    expect(compiled).toEqual(active);
    expect(compiled.filter((id) => acquired.includes(id))).toEqual([]);
  });

  it('re-aggregates the ratio across regions: overall = Σ churned ÷ Σ active, not the mean of region rates', async () => {
    const byRegion = await reference(ref.churnByRegionSql([Q3_2026], demo.asOf));
    const churned = byRegion.reduce((s, r) => s + Number(r.churned_customers), 0);
    const active = byRegion.reduce((s, r) => s + Number(r.active_customers), 0);
    const meanOfRates = byRegion.reduce((s, r) => s + Number(r.churn_rate), 0) / byRegion.length;
    const [overall] = await run({ metrics: ['churn_rate', 'retention_rate'], timeRange: Q3_2026 });
    expect(overall!.churn_rate).toBeCloseTo(churned / active, 12);
    expect(overall!.retention_rate).toBeCloseTo(1 - churned / active, 12);
    expect(Math.abs(meanOfRates - churned / active)).toBeGreaterThan(1e-4);
  });
});

describe('period over period', () => {
  it('puts the previous quarter and the same quarter last year beside the current one', async () => {
    const quarterly = await reference(ref.churnByRegionSql([Q3_2025, Q2_2026, Q3_2026], demo.asOf));
    const rate = (q: { start: string }) => {
      const rows = quarterly.filter((r) => r.period === q.start);
      return (
        rows.reduce((s, r) => s + Number(r.churned_customers), 0) /
        rows.reduce((s, r) => s + Number(r.active_customers), 0)
      );
    };
    const [prev] = await run({ metrics: ['churn_rate'], timeRange: Q3_2026, compare: 'previous_period' });
    expect(prev!.churn_rate).toBeCloseTo(rate(Q3_2026), 12);
    expect(prev!.churn_rate__previous).toBeCloseTo(rate(Q2_2026), 12);
    expect(prev!.churn_rate__change).toBeCloseTo(rate(Q3_2026) - rate(Q2_2026), 12);
    const [yoy] = await run({
      metrics: ['churn_rate'],
      timeRange: Q3_2026,
      compare: 'same_period_last_year',
    });
    expect(yoy!.churn_rate__previous).toBeCloseTo(rate(Q3_2025), 12);
    expect(yoy!.churn_rate__change_pct).toBeCloseTo((rate(Q3_2026) - rate(Q3_2025)) / rate(Q3_2025), 12);
  });

  it('compares each month of a trend with the month before, including the first month of the range', async () => {
    const months = await reference(ref.revenueByMonthSql({ start: '2026-03-01', end: '2026-10-01' }));
    const rows = await run({
      metrics: ['revenue'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-04-01', end: '2026-10-01' },
      compare: 'previous_period',
    });
    expectSameRows(
      pick(rows, 'period', 'revenue', 'revenue__previous'),
      months
        .slice(1)
        .map((m, i) => ({ period: m.period, revenue: m.revenue, revenue__previous: months[i]!.revenue })),
    );
  });

  it('gives the governed churn_rate_change metric as the difference with the previous period', async () => {
    const q = await reference(ref.churnByRegionSql([Q2_2026, Q3_2026], demo.asOf));
    const rate = (start: string) => {
      const rows = q.filter((r) => r.period === start);
      return (
        rows.reduce((s, r) => s + Number(r.churned_customers), 0) /
        rows.reduce((s, r) => s + Number(r.active_customers), 0)
      );
    };
    const [row] = await run({ metrics: ['churn_rate_change'], timeRange: Q3_2026 });
    expect(row!.churn_rate_change).toBeCloseTo(rate(Q3_2026.start) - rate(Q2_2026.start), 12);
  });
});

describe('orders and tickets together', () => {
  it('never double counts: revenue, orders and tickets by region in one query equal their separate answers', async () => {
    const together = await run({
      metrics: ['revenue', 'orders', 'tickets'],
      dimensions: ['region'],
      timeRange: Q3_2026,
    });
    const orders = await reference(ref.orderMetricsByRegionSql(Q3_2026));
    const tickets = await reference(ref.ticketsByRegionSql(Q3_2026));
    expectSameRows(
      together,
      orders.map((o, i) => ({
        region: o.region,
        revenue: o.revenue,
        orders: o.orders,
        tickets: tickets[i]!.tickets,
      })),
    );
    const alone = await run({ metrics: ['revenue'], dimensions: ['region'], timeRange: Q3_2026 });
    expectSameRows(alone, pick(together, 'region', 'revenue'));
    // The naive join multiplies orders by tickets: the reference above is not that.
    const naive = await reference(ref.naiveJoinSql(Q3_2026));
    const naiveTotal = naive.reduce((s, r) => s + Number(r.revenue), 0);
    const total = orders.reduce((s, r) => s + Number(r.revenue), 0);
    expect(naiveTotal).not.toBeCloseTo(total, 0);
  });
});

describe('order metrics', () => {
  it('computes AOV, purchase frequency and buyers per region as ratios of sums', async () => {
    const expected = await reference(ref.orderMetricsByRegionSql(Q3_2026));
    const rows = await run({
      metrics: ['avg_order_value', 'purchase_frequency', 'buyers'],
      dimensions: ['region'],
      timeRange: Q3_2026,
    });
    expectSameRows(rows, pick(expected, 'region', 'avg_order_value', 'purchase_frequency', 'buyers'));
    const [overall] = await run({ metrics: ['avg_order_value'], timeRange: Q3_2026 });
    const revenue = expected.reduce((s, r) => s + Number(r.revenue), 0);
    const orders = expected.reduce((s, r) => s + Number(r.orders), 0);
    expect(overall!.avg_order_value).toBeCloseTo(revenue / orders, 9);
  });

  it('computes AOV by sales channel with the same quarter last year', async () => {
    const now = await reference(ref.aovByChannelSql(Q3_2026));
    const before = await reference(ref.aovByChannelSql(Q3_2025));
    const rows = await run({
      metrics: ['avg_order_value'],
      dimensions: ['sales_channel'],
      timeRange: Q3_2026,
      compare: 'same_period_last_year',
    });
    expectSameRows(
      pick(rows, 'sales_channel', 'avg_order_value', 'avg_order_value__previous'),
      now.map((r, i) => ({ ...r, avg_order_value__previous: before[i]!.avg_order_value })),
    );
  });

  it('counts repeat buyers (≥ 2 orders in the period) per quarter and region', async () => {
    const expected = await reference(ref.repeatPurchaseSql(QUARTERS.slice(-4)));
    const rows = await run({
      metrics: ['repeat_buyers', 'buyers', 'repeat_purchase_rate'],
      dimensions: ['region'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: QUARTERS[3]!.start, end: Q3_2026.end },
    });
    expectSameRows(rows, expected);
  });

  it('counts new customers by signup date and reactivated customers by the day they came back', async () => {
    const newRows = await run({ metrics: ['new_customers'], dimensions: ['region'], timeRange: Q3_2026 });
    expectSameRows(newRows, await reference(ref.newCustomersSql(Q3_2026)));
    const reactivated = await run({
      metrics: ['reactivated_customers'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: SPAN,
    });
    const expected = await reference(ref.reactivatedSql(QUARTERS, demo.asOf));
    expect(expected.every((r) => Number(r.reactivated_customers) > 0)).toBe(true);
    expectSameRows(reactivated, expected);
  });

  it('sums the trailing-12-month revenue of the customers who churned in each quarter', async () => {
    const rows = await run({
      metrics: ['lost_revenue'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: SPAN,
    });
    expectSameRows(rows, await reference(ref.lostRevenueSql(QUARTERS, demo.asOf)));
  });
});

describe('service and feedback metrics', () => {
  it('computes NPS (−100..100) and CSAT per region from the period’s answers', async () => {
    const rows = await run({ metrics: ['nps', 'csat'], dimensions: ['region'], timeRange: Q3_2026 });
    const expected = await reference(ref.feedbackByRegionSql(Q3_2026));
    expectSameRows(rows, expected);
    expect(expected.every((r) => Number(r.nps) > -100 && Number(r.nps) < 100)).toBe(true);
  });

  it('computes tickets, resolution hours and first-contact resolution', async () => {
    const [svc] = await run({
      metrics: ['avg_resolution_hours', 'first_contact_resolution_rate'],
      timeRange: Q3_2026,
    });
    expectSameRows([svc!], await reference(ref.serviceSql(Q3_2026)));
    const rows = await run({
      metrics: ['tickets', 'complaining_customers'],
      dimensions: ['region'],
      timeRange: Q3_2026,
    });
    expectSameRows(rows, await reference(ref.ticketsByRegionSql(Q3_2026)));
  });

  it('computes the win-back rate over churned customers sent a win-back offer', async () => {
    const range = { start: '2026-01-01', end: '2026-10-01' };
    const [row] = await run({ metrics: ['winback_rate'], timeRange: range });
    const [expected] = await reference(ref.winbackSql(range));
    expect(expected!.winback_rate).toBeGreaterThan(0);
    expect(row!.winback_rate).toBeCloseTo(Number(expected!.winback_rate), 12);
  });

  it('counts the customers an early-warning rule flags today', async () => {
    const [row] = await run({ metrics: ['at_risk_customers'] });
    const [expected] = await reference(ref.atRiskSql(demo.asOf));
    expect(Number(expected!.at_risk_customers)).toBeGreaterThan(100);
    expect(row).toEqual(expected);
  });
});

describe('customer base and derived metrics', () => {
  it('counts every customer, and reads as churned today exactly those with no order in the last 90 days', async () => {
    const [expected] = await reference(ref.customersNowSql(demo.asOf));
    const [all] = await run({ metrics: ['customers'] });
    expect(all!.customers).toBe(expected!.customers);
    const stages = await run({ metrics: ['customers'], dimensions: ['lifecycle_stage'] });
    expect(stages.find((r) => r.lifecycle_stage === 'churned')?.customers).toBe(expected!.churned_now);
    expect(stages.reduce((s, r) => s + Number(r.customers), 0)).toBe(expected!.customers);
  });

  it('computes CLV from revenue per active customer and retention with the governed margin and discount', async () => {
    const churn = await reference(ref.churnByRegionSql([Q3_2026], demo.asOf));
    const orders = await reference(ref.orderMetricsByRegionSql(Q3_2026));
    const active = churn.reduce((s, r) => s + Number(r.active_customers), 0);
    const r = 1 - churn.reduce((s, x) => s + Number(x.churned_customers), 0) / active;
    const perCustomer = orders.reduce((s, x) => s + Number(x.revenue), 0) / active;
    const [row] = await run({ metrics: ['clv', 'revenue_per_customer'], timeRange: Q3_2026 });
    expect(row!.revenue_per_customer).toBeCloseTo(perCustomer, 9);
    // metrics.yaml: margin 30% of revenue per active customer, discount rate 2.5% a quarter.
    expect(row!.clv).toBeCloseTo((perCustomer * 0.3 * r) / (1 + 0.025 - r), 9);
  });

  it('complaint_rate: customers active at the start with a ticket in the period ÷ customers active at its start', async () => {
    const expected = await reference(ref.complaintRateSql(Q3_2026, demo.asOf));
    const rows = await run({ metrics: ['complaint_rate'], dimensions: ['region'], timeRange: Q3_2026 });
    expectSameRows(
      rows,
      expected.map((r) => ({ region: r.region, complaint_rate: Number(r.complaint_rate) })),
    );
    // Customers acquired during the quarter do not count, even with a ticket: the rate is below the naive one.
    const tickets = await reference(ref.ticketsByRegionSql(Q3_2026));
    const naive = tickets.reduce((s, t) => s + Number(t.complaining_customers), 0);
    const [all] = await run({
      metrics: ['complaining_active_customers', 'complaining_customers'],
      timeRange: Q3_2026,
    });
    expect(Number(all!.complaining_active_customers)).toBeLessThan(naive);
    expect(Number(all!.complaining_customers)).toBe(naive);
  });
});

describe('cohort retention', () => {
  it('matches the reference for first-order-month cohorts, only for month ends already reached', async () => {
    const cohorts = { start: '2025-06-01', end: '2026-01-01' };
    const rows = await run({ metrics: ['cohort_retention'], timeRange: cohorts });
    const expected = await reference(ref.cohortRetentionSql(cohorts, demo.asOf, 12));
    expect(new Set(expected.map((r) => r.cohort)).size).toBe(7);
    // By 2026-10-01 the December cohort has reached 10 month ends (k = 0..9), the June one all 13.
    expect(expected.filter((r) => r.cohort === '2025-12-01').length).toBe(10);
    expectSameRows(rows, expected);
  });
});

describe('the ratio benchmark’s reference SQL (evals/bench/reference-sql)', () => {
  it.each(BENCH_QUESTIONS.map((q) => [q.id, q] as const))(
    '%s gives the same answer as the compiled query',
    async (_, q) => {
      expect(demo.asOf).toBe(BENCH_AS_OF);
      const rows = await run(q.query);
      expect(rows.length).toBeGreaterThan(0);
      expectSameRows(rows, await reference(referenceSql(q.id)));
    },
  );
});
