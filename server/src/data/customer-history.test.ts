import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyDates } from '../../../semantic-layer/src/materialize/customer-history.ts';
import { columnValuesSql } from '../../../semantic-layer/src/materialize/customer-snapshot.ts';
import { retailModel } from '../../../semantic-layer/test/load-fixture.ts';
import { type DemoStore, openDemo } from '../../test/data/demo-store.ts';
import { referenceHistorySql } from '../../test/data/history-reference.ts';

/** The one-statement `customer_history` against the per-quarter build it replaced (history-reference.ts). */

describe('customer_history in one statement', () => {
  let demo: DemoStore;
  beforeAll(async () => {
    demo = await openDemo();
  }, 180_000);
  afterAll(async () => demo?.close());

  it('equals the per-quarter build row for row on the demo', async () => {
    const model = retailModel();
    const q = async (sql: string) => (await demo.engine.query(sql)).rows;
    const available = await demo.engine.tables();
    const [{ start }] = (await q('SELECT CAST(MIN(order_ts) AS DATE) AS start FROM orders')) as [
      { start: string },
    ];
    const dates = historyDates(demo.asOf, String(start).slice(0, 10));
    expect(dates).toHaveLength(8);
    const [raw] = await q(columnValuesSql(model, available) as string);
    const values = { category: raw!.category as string[], sales_channel: raw!.sales_channel as string[] };
    await demo.engine.exec(referenceHistorySql(model, dates, available, values));

    const columns = async (table: string) =>
      (
        await q(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`,
        )
      ).map((c) => `${c.column_name} ${c.data_type}`);
    expect(await columns('customer_history')).toEqual(await columns('history_reference'));
    // DOUBLE sums depend on the order rows are added in (parallel either way): spend compares to 1e-6.
    const rows = (t: string) => `SELECT * REPLACE (round(monetary_12m, 6) AS monetary_12m) FROM ${t}`;
    const [counts] = await q(`SELECT
      (SELECT count(*) FROM customer_history) AS built,
      (SELECT count(*) FROM history_reference) AS reference,
      (SELECT count(*) FROM (${rows('customer_history')} EXCEPT ALL ${rows('history_reference')})) AS only_built,
      (SELECT count(*) FROM (${rows('history_reference')} EXCEPT ALL ${rows('customer_history')})) AS only_reference,
      (SELECT count(DISTINCT snapshot_date) FROM customer_history) AS quarters,
      (SELECT count(*) FILTER (WHERE churned_next_90d) FROM customer_history) AS churned_next_90d`);
    expect(counts!.built).toBe(counts!.reference);
    expect(counts!.built).toBeGreaterThan(8 * 1000);
    expect(counts!.quarters).toBe(8);
    expect(counts!.churned_next_90d).toBeGreaterThan(0);
    expect(counts!.only_built).toBe(0);
    expect(counts!.only_reference).toBe(0);
  }, 180_000);
});
