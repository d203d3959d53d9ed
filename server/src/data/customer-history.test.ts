import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customerHistoryOnePassSql,
  customerHistoryPerDateSql,
} from '../../../semantic-layer/src/materialize/customer-history.ts';
import { tableStatements } from '../../../semantic-layer/src/materialize/materialize-sql.ts';
import { retailModel } from '../../../semantic-layer/test/load-fixture.ts';
import { cachedDemo, type DemoStore, openDemo } from '../../test/data/demo-store.ts';
import { postgresReachable, TEST_DATABASE_URL } from '../../test/store/test-stores.ts';
import type { AnalyticsEngine } from './analytics-engine.ts';
import { analyticsSchema, openAnalyticsStore } from './analytics-store.ts';
import { materializationInputs } from './materialization-spec.ts';
import { prepareModel } from './model-runtime.ts';
import type { PostgresEngine } from './postgres-engine.ts';

/**
 * customer_history built in one pass equals the per-date build (one snapshot per quarter, each reading every
 * earlier event) on the generated demo (3,000 customers, seed 42): every row and column, EXCEPT both ways, on
 * DuckDB and on PostgreSQL as the analytics engine. `monetary_12m` is compared to 1e-6: it is a DOUBLE sum, and
 * summing slice sums adds the same amounts in another order (last bits), as a parallel sum may run to run.
 */

/** Builds both tables on `engine` and returns the rows each has that the other lacks. */
async function compareBuilds(engine: AnalyticsEngine) {
  const model = retailModel();
  const inputs = await materializationInputs(engine, model);
  const { historyDates: dates, available, values, dialect } = inputs;
  expect(dates.length).toBe(8);
  const { category, sales_channel } = values ?? {};
  if (!category || !sales_channel) throw new Error('the demo has order categories and channels');
  const build = async (sql: string, table: string) => {
    for (const s of tableStatements(dialect!, sql.replace('TABLE customer_history', `TABLE ${table}`)))
      await engine.exec(s);
  };
  await build(
    customerHistoryOnePassSql(model, dates, available, { category, sales_channel }, dialect),
    'h_one',
  );
  await build(customerHistoryPerDateSql(model, dates, available, values, dialect), 'h_per_date');
  const money =
    dialect!.name === 'postgres' ? 'ROUND(CAST(monetary_12m AS NUMERIC), 6)' : 'ROUND(monetary_12m, 6)';
  const columns = (await engine.query('SELECT * FROM h_one LIMIT 1')).rows[0]!;
  const list = Object.keys(columns)
    .map((c) => (c === 'monetary_12m' ? `${money} AS monetary_12m` : `"${c}"`))
    .join(', ');
  const missing = async (a: string, b: string) =>
    Number(
      (
        await engine.query(
          `SELECT count(*) AS n FROM (SELECT ${list} FROM ${a} EXCEPT SELECT ${list} FROM ${b}) AS x`,
        )
      ).rows[0]!.n,
    );
  const count = async (t: string) =>
    Number((await engine.query(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
  const exactMoney = Number(
    (
      await engine.query(
        'SELECT count(*) AS n FROM h_one a JOIN h_per_date b USING (snapshot_date, customer_id) WHERE a.monetary_12m = b.monetary_12m',
      )
    ).rows[0]!.n,
  );
  return {
    rows: await count('h_one'),
    perDateRows: await count('h_per_date'),
    onlyOnePass: await missing('h_one', 'h_per_date'),
    onlyPerDate: await missing('h_per_date', 'h_one'),
    exactMoney,
    columns: Object.keys(columns).length,
  };
}

describe('customer_history in one pass', () => {
  let demo: DemoStore;
  beforeAll(async () => {
    demo = await openDemo();
  }, 300_000);
  afterAll(async () => {
    await demo?.close();
  });

  it('equals the per-date build on DuckDB, row for row and column for column', async () => {
    const r = await compareBuilds(demo.engine);
    expect(r.rows).toBeGreaterThan(10_000);
    expect(r.perDateRows).toBe(r.rows);
    expect(r.columns).toBeGreaterThan(40);
    expect(r.onlyOnePass).toBe(0);
    expect(r.onlyPerDate).toBe(0);
    expect(r.exactMoney).toBeGreaterThan(r.rows / 2);
  });

  it('is what materialisation builds for the retail demo', async () => {
    const one = await demo.engine.query(
      'SELECT count(*) AS n FROM (SELECT * FROM customer_history EXCEPT SELECT * FROM h_one) AS x',
    );
    expect(Number(one.rows[0]!.n)).toBe(0);
  });
});

const reachable = await postgresReachable();
describe.skipIf(!reachable)('customer_history in one pass on PostgreSQL as the analytics engine', () => {
  let engine: PostgresEngine;
  beforeAll(async () => {
    engine = (await openAnalyticsStore({
      name: 'history',
      duckdbPath: await cachedDemo(3000, 42),
      duckdbReadOnly: true,
      databaseUrl: process.env.ANALYTICS_TEST_DATABASE_URL ?? TEST_DATABASE_URL,
      schema: analyticsSchema(`test_history_${process.pid}_${randomBytes(3).toString('hex')}`),
    })) as PostgresEngine;
    await prepareModel(engine, retailModel());
  }, 300_000);
  afterAll(async () => {
    await engine?.drop();
  });

  it('equals the per-date build, row for row and column for column', async () => {
    const r = await compareBuilds(engine);
    expect(r.rows).toBeGreaterThan(10_000);
    expect(r.perDateRows).toBe(r.rows);
    expect(r.onlyOnePass).toBe(0);
    expect(r.onlyPerDate).toBe(0);
  });
});
