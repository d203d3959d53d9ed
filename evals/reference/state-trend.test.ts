import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BUCKETED_PERIODS } from '../../semantic-layer/src/compile/compile-state-trend.ts';
import { periodsOf } from '../../semantic-layer/src/compile/periods.ts';
import { compile } from '../../semantic-layer/src/index.ts';
import type { SemanticQueryInput, TimeGrain } from '../../semantic-layer/src/query.ts';
import { type DemoStore, openDemo } from '../../server/test/data/demo-store.ts';

/**
 * State trends (active customers at each period start, churned during it) are computed from
 * per-bucket counts rather than by joining every spell to every period (compile-state-trend.ts).
 * Each trend here must equal the same metrics asked one period at a time, which compiles to the
 * plain filtered form: two independent code paths, on the generated demo.
 */

let demo: DemoStore;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => {
  await demo?.close();
});

const METRICS = ['active_customers', 'churned_customers', 'churn_rate'];

async function run(query: Omit<SemanticQueryInput, 'model'>) {
  const r = compile(demo.model, { model: 'retail', ...query }, { dialect: 'duckdb', asOf: demo.asOf });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { sql: r.compiled.sql, rows: (await demo.engine.query(r.compiled.sql, r.compiled.params)).rows };
}

/** The trend's rows against one query per period (same dimensions and filters, no grain). */
async function expectTrendMatchesPeriods(
  grain: TimeGrain,
  timeRange: { start: string; end: string },
  rest: Pick<SemanticQueryInput, 'dimensions' | 'filters'> = {},
) {
  const trend = await run({
    metrics: METRICS,
    time: { dimension: 'metric_time', grain },
    timeRange,
    ...rest,
  });
  const expected: Record<string, unknown>[] = [];
  for (const p of periodsOf(timeRange, grain)) {
    const { rows } = await run({ metrics: METRICS, timeRange: { start: p.start, end: p.end }, ...rest });
    for (const row of rows) if (Number(row.active_customers) > 0) expected.push({ period: p.label, ...row });
  }
  const key = (r: Record<string, unknown>) => JSON.stringify(Object.entries(r).sort());
  const norm = (rows: Record<string, unknown>[]) =>
    rows
      .map((r) => ({ ...r, churn_rate: Number(Number(r.churn_rate).toFixed(9)) }))
      .map(key)
      .sort();
  expect(expected.length).toBeGreaterThan(3);
  expect(norm(trend.rows)).toEqual(norm(expected));
  return trend;
}

describe('state trends from per-bucket counts', () => {
  it('monthly by region over a range that starts and ends mid-month, with a filter', async () => {
    const { sql, rows } = await expectTrendMatchesPeriods(
      'month',
      { start: '2025-11-15', end: '2026-06-20' },
      { dimensions: ['region'], filters: [{ member: 'value_tier', op: 'in', values: ['high', 'mid'] }] },
    );
    expect(sql).toContain('__b_from');
    expect(rows.reduce((s, r) => s + Number(r.churned_customers), 0)).toBeGreaterThan(10);
  });

  it('weekly, no dimension', async () => {
    const { sql } = await expectTrendMatchesPeriods('week', { start: '2026-05-06', end: '2026-08-01' });
    expect(sql).toContain('__b_from');
  });

  it(`falls back to the period join past ${MAX_BUCKETED_PERIODS} periods, with the same answers`, async () => {
    const range = { start: '2026-03-01', end: '2026-07-15' };
    expect(periodsOf(range, 'day').length).toBeGreaterThan(MAX_BUCKETED_PERIODS);
    const { sql } = await expectTrendMatchesPeriods('day', range);
    expect(sql).not.toContain('__b_from');
  }, 120_000);
});
