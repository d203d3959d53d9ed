import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SemanticModel } from '../src/model.ts';
import type { SemanticQueryInput } from '../src/query.ts';
import { FIXTURE_TABLES } from './fixture.ts';
import { fixtureEngine, retailModel } from './load-fixture.ts';
import { type PgTarget, pgliteCopy, postgresCopy, postgresMaterialized } from './postgres-copy.ts';
import { runOnEngines } from './run-on-engines.ts';
import type { TestDuck } from './test-duck.ts';

/**
 * One conformance suite, three engines: DuckDB, embedded PostgreSQL (PGlite) and, when DATABASE_URL
 * is set (CI), the PostgreSQL server. Every case compiles the same query for each dialect and must
 * give the hand-checked answer on all of them.
 */

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const Q2 = { start: '2026-04-01', end: '2026-07-01' };

let model: SemanticModel;
let duck: TestDuck;
const targets: PgTarget[] = [];

beforeAll(async () => {
  model = retailModel();
  duck = await fixtureEngine(model);
  // PostgreSQL as the analytics engine (vitest project postgres-analytics): the same fixture
  // materialised there by its own SQL. The copies of DuckDB's tables run in the duckdb project.
  if (process.env.ANALYTICS_DATABASE_URL) {
    targets.push(await postgresMaterialized(process.env.ANALYTICS_DATABASE_URL, model));
    return;
  }
  targets.push(await pgliteCopy(duck));
  if (process.env.DATABASE_URL) targets.push(await postgresCopy(duck, process.env.DATABASE_URL));
});
afterAll(async () => {
  for (const t of targets) await t.close();
  await duck?.close();
});

/** Runs the query on every engine, checks they agree, returns DuckDB's rows. */
async function run(query: Omit<SemanticQueryInput, 'model'>, attributes?: Record<string, string[]>) {
  return (await runOnEngines({ model, duck, targets }, query, attributes)).rows;
}

describe('churn rate (active at start, churned during, acquired-during excluded)', () => {
  it('counts the hand-checked Q3 2026 churners over the customers active at its start', async () => {
    const rows = await run({
      metrics: ['churn_rate', 'churned_customers', 'active_customers'],
      timeRange: Q3,
    });
    expect(rows).toEqual([{ churn_rate: 0.714285714, churned_customers: 5, active_customers: 7 }]);
  });

  it('excludes customers acquired during the period from the churn-rate denominator', async () => {
    // C04 (first order in Q3) and C12 (acquired and churned inside Q2) are in neither denominator.
    expect(await run({ metrics: ['active_customers'], timeRange: Q2 })).toEqual([{ active_customers: 6 }]);
    expect(await run({ metrics: ['churned_customers'], timeRange: Q2 })).toEqual([{ churned_customers: 2 }]);
  });

  it('treats a gap of exactly the window as no churn and a churn on the first day as inside the period', async () => {
    const rows = await run({ metrics: ['churned_customers'], dimensions: ['city'], timeRange: Q3 });
    // 北京 = 华北 customers: C11 churns on 2026-07-01; 上海 = 华东: C03, C10 churn, C08 (gap of 90) does not.
    expect(rows).toContainEqual({ city: '北京', churned_customers: 1 });
    expect(rows).toContainEqual({ city: '上海', churned_customers: 2 });
  });

  it('re-aggregates the ratio across regions instead of averaging region rates', async () => {
    const byRegion = await run({ metrics: ['churn_rate'], dimensions: ['region'], timeRange: Q3 });
    expect(byRegion).toEqual([
      { region: '华东', churn_rate: 0.666666667 },
      { region: '华北', churn_rate: 1 },
      { region: '华南', churn_rate: 0.666666667 },
    ]);
    const total = await run({ metrics: ['churn_rate'], timeRange: Q3 });
    expect(total[0]!.churn_rate).toBeCloseTo(5 / 7, 9);
  });

  it('computes a churn trend by quarter with the previous quarter beside it', async () => {
    const rows = await run({
      metrics: ['churn_rate'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: '2026-04-01', end: '2026-10-01' },
      compare: 'previous_period',
    });
    expect(rows.map((r) => [r.period, r.churn_rate, r.churn_rate__previous])).toEqual([
      ['2026-04-01', 0.333333333, 0],
      ['2026-07-01', 0.714285714, 0.333333333],
    ]);
    expect(rows[1]!.churn_rate__change).toBeCloseTo(5 / 7 - 2 / 6, 8);
  });

  it('compares with the same period last year and the previous period without a grain', async () => {
    const rows = await run({ metrics: ['churned_customers'], timeRange: Q3, compare: 'previous_period' });
    expect(rows).toEqual([
      {
        churned_customers: 5,
        churned_customers__previous: 2,
        churned_customers__change: 3,
        churned_customers__change_pct: 1.5,
      },
    ]);
  });

  it('counts win-backs by the start of the returning spell', async () => {
    expect(await run({ metrics: ['reactivated_customers'], timeRange: Q3 })).toEqual([
      { reactivated_customers: 1 },
    ]);
    expect(
      await run({
        metrics: ['reactivated_customers'],
        timeRange: { start: '2026-01-01', end: '2026-04-01' },
      }),
    ).toEqual([{ reactivated_customers: 1 }]);
  });
});

describe('point-in-time history', () => {
  it('gives the same quarterly churn from quarter-start snapshots as from the spells', async () => {
    const rows = await run({
      metrics: ['snapshot_churn_rate', 'snapshot_churned_customers', 'snapshot_active_customers'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: '2026-04-01', end: '2026-10-01' },
    });
    expect(rows).toEqual([
      {
        period: '2026-04-01',
        snapshot_churn_rate: 0.333333333,
        snapshot_churned_customers: 2,
        snapshot_active_customers: 6,
      },
      {
        period: '2026-07-01',
        snapshot_churn_rate: 0.714285714,
        snapshot_churned_customers: 5,
        snapshot_active_customers: 7,
      },
    ]);
  });

  it('reads factors as they were at the snapshot, not as they are now', async () => {
    // At 2026-07-01, C01 had no tickets yet in the 90 days before (its two come in July); now it has two.
    const rows = await run({
      metrics: ['snapshot_active_customers'],
      dimensions: ['many_tickets_90d'],
      timeRange: { start: '2026-07-01', end: '2026-10-01' },
    });
    expect(rows).toEqual([{ many_tickets_90d: false, snapshot_active_customers: 7 }]);
  });
});

describe('measures of different fact tables', () => {
  it('never double counts orders and tickets grouped together by region', async () => {
    const rows = await run({
      metrics: ['revenue', 'orders', 'tickets'],
      dimensions: ['region'],
      timeRange: Q3,
    });
    const region = new Map(FIXTURE_TABLES[0]!.rows.map((r) => [r[0] as string, r[4] as string]));
    const expected = new Map<string, { revenue: number; orders: number; tickets: number }>();
    const bucket = (reg: string) => {
      if (!expected.has(reg)) expected.set(reg, { revenue: 0, orders: 0, tickets: 0 });
      return expected.get(reg)!;
    };
    for (const o of FIXTURE_TABLES[1]!.rows) {
      const ts = o[2] as string;
      if (o[7] !== 'completed' || ts < Q3.start || ts >= Q3.end) continue;
      bucket(region.get(o[1] as string)!).revenue += o[3] as number;
      bucket(region.get(o[1] as string)!).orders += 1;
    }
    for (const t of FIXTURE_TABLES[2]!.rows) {
      const ts = t[2] as string;
      if (ts >= Q3.start && ts < Q3.end) bucket(region.get(t[1] as string)!).tickets += 1;
    }
    expect(rows).toEqual(
      [...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, v]) => ({ region: r, ...v })),
    );
  });

  it('counts complaining customers among those active at the start, for one period and by quarter', async () => {
    // Reference: spells valid at the quarter start (started before it, not churned before it) whose
    // customer opened a ticket inside the quarter, over all spells valid at the start.
    const reference = async (start: string, end: string) => {
      const r = await duck.query(
        `SELECT count(DISTINCT s.customer_id) FILTER (WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = s.customer_id
             AND t.created_ts >= DATE '${start}' AND t.created_ts < DATE '${end}')) AS complaining,
           count(DISTINCT s.customer_id) AS active
         FROM customer_spells s WHERE s.spell_start < DATE '${start}' AND (s.churn_date IS NULL OR s.churn_date >= DATE '${start}')`,
      );
      const { complaining, active } = r.rows[0]!;
      return { complaining: Number(complaining), rate: Number(complaining) / Number(active) };
    };
    const q3 = await reference(Q3.start, Q3.end);
    const q2 = await reference(Q2.start, Q2.end);
    expect(q3.complaining + q2.complaining).toBeGreaterThan(0);
    const [row] = await run({ metrics: ['complaining_active_customers', 'complaint_rate'], timeRange: Q3 });
    expect(row!.complaining_active_customers).toBe(q3.complaining);
    expect(row!.complaint_rate).toBeCloseTo(q3.rate, 9);
    const trend = await run({
      metrics: ['complaint_rate'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: Q2.start, end: Q3.end },
    });
    expect(trend.map((r) => Number(r.complaint_rate).toFixed(9))).toEqual(
      [q2.rate, q3.rate].map((x) => x.toFixed(9)),
    );
  });

  it('computes averages, shares, derived metrics and running totals', async () => {
    const [row] = await run({
      metrics: ['avg_order_value', 'repeat_purchase_rate', 'nps', 'retention_rate'],
      timeRange: Q3,
    });
    // Q3 completed orders: C02 100, C04 200 + 150, C06 300, C08 120 → 870 / 5; repeat buyers: C04 of 4 buyers.
    expect(row).toEqual({
      avg_order_value: 174,
      repeat_purchase_rate: 0.25,
      nps: 25,
      retention_rate: 0.285714286,
    });
    const cumulative = await run({
      metrics: ['revenue', 'cumulative_revenue'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: Q3,
    });
    expect(cumulative.map((r) => r.cumulative_revenue)).toEqual([200, 570, 870]);
  });

  it('reads the churn reason from the signals before churn, silent when there is none', async () => {
    const rows = await run({ metrics: ['churned_customers'], dimensions: ['churn_reason'], timeRange: Q3 });
    const reasons = Object.fromEntries(
      rows.filter((r) => r.churned_customers).map((r) => [r.churn_reason, r.churned_customers]),
    );
    expect(reasons).toEqual({ logistics: 1, product_quality: 1, competitor: 1, service: 1, silent: 1 });
  });

  it('builds cohort retention from first-order months, only for periods already reached', async () => {
    const rows = await run({
      metrics: ['cohort_retention'],
      timeRange: { start: '2026-06-01', end: '2026-07-01' },
    });
    // June 2026 cohort: C03 (churns 08-30). Active at 07-01 and 08-01, gone at 09-01; 10-01 reached, later not.
    expect(rows.map((r) => [r.period_number, r.cohort_retention])).toEqual([
      [0, 1],
      [1, 1],
      [2, 0],
      [3, 0],
    ]);
  });
});

describe('conditions on each customer and lists of churned customers (issue 13)', () => {
  // Q3 2026 by hand: active at its start C01 C02 C03 C07 C08 C10 C11; churned C01 (05-20 + 90), C03
  // (06-01 + 90), C07 (last completed 04-05; the 06-01 order was refunded), C10 (06-28 + 90), C11 (04-02 + 90).
  it('lists the customers who churned in the period, not a count and not the at-risk customers', async () => {
    const rows = await run({
      metrics: ['churned_customers'],
      dimensions: ['customer_id'],
      filters: [{ member: 'churned_customers', op: 'gte', values: [1] }],
      timeRange: Q3,
      order: [{ member: 'customer_id', dir: 'asc' }],
    });
    expect(rows.map((r) => r.customer_id)).toEqual(['C01', 'C03', 'C07', 'C10', 'C11']);
  });

  it('filters each customer on its 12-month order count, never the total ("订单数大于2的客户流失率")', async () => {
    // completed orders in the 12 months to 2026-10-01: C01 3, C02 4, C08 3, C10 3-4; the others 1
    const rows = await run({
      metrics: ['churn_rate', 'churned_customers', 'active_customers'],
      filters: [{ member: 'orders_12m', op: 'gt', values: [2] }],
      timeRange: Q3,
    });
    expect(rows).toEqual([{ churn_rate: 0.5, churned_customers: 2, active_customers: 4 }]);
  });

  it('filters each customer on its 12-month spend ("消费超过一万元的客户")', async () => {
    const rows = await run({
      metrics: ['churned_customers', 'active_customers'],
      filters: [{ member: 'spend_12m', op: 'gt', values: [10_000] }],
      timeRange: Q3,
    });
    expect(rows).toEqual([{ churned_customers: 1, active_customers: 1 }]);
  });
});

describe('safety', () => {
  it.each([["华南' OR 1=1 --"], ["'; DROP TABLE customers; --"], ['华南" OR "1"="1']])(
    'keeps the adversarial filter value %s inert on every engine',
    async (value) => {
      const rows = await run({
        metrics: ['churned_customers'],
        dimensions: ['region'],
        filters: [{ member: 'region', op: 'in', values: [value] }],
        timeRange: Q3,
      });
      expect(rows).toEqual([]);
      expect((await duck.query('SELECT COUNT(*) AS n FROM customers')).rows).toEqual([{ n: 12 }]);
    },
  );

  it('limits a regional manager to their rows even when the query asks for another region', async () => {
    const south = { region: ['华南'] };
    expect(
      await run({ metrics: ['churned_customers'], dimensions: ['region'], timeRange: Q3 }, south),
    ).toEqual([{ region: '华南', churned_customers: 2 }]);
    const asked = await run(
      {
        metrics: ['churned_customers'],
        filters: [{ member: 'region', op: 'in', values: ['华东'] }],
        timeRange: Q3,
      },
      south,
    );
    expect(asked).toEqual([{ churned_customers: 0 }]);
  });
});
