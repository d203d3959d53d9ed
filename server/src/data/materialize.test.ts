import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import { retailModel } from '../../../semantic-layer/test/load-fixture.ts';
import { type DemoStore, openDemo } from '../../test/data/demo-store.ts';
import { MATERIALIZED_TABLE, materialize } from './model-runtime.ts';

/** A copy of the retail model with its churn config changed by `edit`. */
function withChurn(edit: (churn: SemanticModel['churn']) => void): SemanticModel {
  const model = structuredClone(retailModel());
  edit(model.churn);
  return model;
}

/**
 * The shipped rollups' tables (rollups.yaml), sorted: they read the spells, the snapshot and the history
 * (the quarter-start churn by value tier), so they follow them.
 */
const ROLLUP_TABLES = [
  'rollup_churn_by_region_tier_at_start_quarter_g1',
  'rollup_churn_by_tier_at_start_quarter_g1',
  ...['month', 'quarter', 'year'].flatMap((grain) =>
    [1, 2, 3, 4].map((g) => `rollup_churn_overview_${grain}_g${g}`),
  ),
];

describe('materialize', () => {
  let demo: DemoStore;
  beforeAll(async () => {
    demo = await openDemo();
  }, 180_000);
  afterAll(async () => demo?.close());

  it('rebuilds nothing when the definitions and the data are unchanged', async () => {
    const r = await materialize(demo.engine, retailModel());
    expect(r.seconds).toEqual({});
    const built = await demo.engine.query(`SELECT table_name FROM ${MATERIALIZED_TABLE} ORDER BY 1`);
    expect(built.rows.map((x) => x.table_name)).toEqual([
      'churn_events',
      'customer_history',
      'customer_snapshot',
      'customer_spells',
      ...ROLLUP_TABLES,
    ]);
  });

  it('rebuilds only the snapshot, history and the rollups reading them when an early-warning rule changes', async () => {
    const stricter = withChurn((churn) => {
      churn.early_warning.inactive_high_value!.when =
        "value_tier = 'high' AND recency_days > 20 AND NOT churned";
    });
    const r = await materialize(demo.engine, stricter);
    expect(Object.keys(r.seconds).sort()).toEqual([
      'customer_history',
      'customer_snapshot',
      ...ROLLUP_TABLES,
    ]);
    const flagged = await demo.engine.query(
      `SELECT count(*) FILTER (WHERE list_contains(string_split(risk_flags, ','), 'inactive_high_value')) AS n,
              count(*) FILTER (WHERE value_tier = 'high' AND recency_days > 20 AND NOT churned) AS expected,
              count(*) FILTER (WHERE value_tier = 'high' AND recency_days BETWEEN 21 AND 30 AND NOT churned) AS between
       FROM customer_snapshot`,
    );
    const { n, expected, between } = flagged.rows[0]!;
    expect(n).toBe(expected);
    expect(Number(between)).toBeGreaterThan(0);
    // Back to the published rules: the same two tables again, and nothing after that.
    expect(Object.keys((await materialize(demo.engine, retailModel())).seconds).sort()).toEqual([
      'customer_history',
      'customer_snapshot',
      ...ROLLUP_TABLES,
    ]);
    expect((await materialize(demo.engine, retailModel())).seconds).toEqual({});
  }, 120_000);

  it('rebuilds spells and everything that reads them when the reason lookback changes', async () => {
    const r = await materialize(
      demo.engine,
      withChurn((churn) => {
        churn.reasons.lookback_days = 30;
      }),
    );
    expect(Object.keys(r.seconds).sort()).toEqual([
      'churn_events',
      'customer_history',
      'customer_snapshot',
      'customer_spells',
      ...ROLLUP_TABLES,
    ]);
    await materialize(demo.engine, retailModel());
  }, 120_000);

  it('reads nothing dated on or after a history snapshot date', async () => {
    // A "zombie" has no order, visit or ticket before the snapshot date; later activity must not count.
    const r = await demo.engine.query(
      `SELECT count(*) AS rows,
         count(*) FILTER (WHERE h.is_zombie <> NOT (
           EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = h.customer_id AND o.status = 'completed' AND o.order_ts < h.snapshot_date)
           OR EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = h.customer_id AND i.ts < h.snapshot_date)
           OR EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = h.customer_id AND t.created_ts < h.snapshot_date))) AS wrong,
         count(*) FILTER (WHERE h.is_zombie) AS zombies
       FROM customer_history h`,
    );
    expect(Number(r.rows[0]!.rows)).toBeGreaterThan(10_000);
    expect(Number(r.rows[0]!.zombies)).toBeGreaterThan(0);
    expect(r.rows[0]!.wrong).toBe(0);
  });

  it("reports each customer's most frequent category of the last 12 months, ties to the first in order", async () => {
    const r = await demo.engine.query(
      `WITH counts AS (
         SELECT customer_id, category, count(*) AS n FROM orders
         WHERE status = 'completed' AND order_ts < DATE '2026-10-01' AND order_ts >= DATE '2026-10-01' - 365
         GROUP BY 1, 2),
       ranked AS (SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY n DESC, category) AS rn FROM counts),
       ties AS (SELECT customer_id FROM counts GROUP BY 1 HAVING count(*) FILTER (WHERE n = (SELECT max(n) FROM counts c2 WHERE c2.customer_id = counts.customer_id)) > 1)
       SELECT count(*) AS customers, count(*) FILTER (WHERE s.main_category <> r.category) AS wrong,
              count(*) FILTER (WHERE r.customer_id IN (SELECT customer_id FROM ties)) AS tied
       FROM customer_snapshot s JOIN ranked r ON r.customer_id = s.customer_id AND r.rn = 1`,
    );
    const { customers, wrong, tied } = r.rows[0]!;
    expect(Number(customers)).toBeGreaterThan(1000);
    expect(Number(tied)).toBeGreaterThan(0);
    expect(wrong).toBe(0);
  });
});
