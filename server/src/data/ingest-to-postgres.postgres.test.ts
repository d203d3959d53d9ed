import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDb } from '../../test/data/ingest-test-db.ts';
import { postgresReachable, TEST_DATABASE_URL } from '../../test/store/test-stores.ts';
import { analyticsSchema, loadCanonicalTables, openAnalyticsStore } from './analytics-store.ts';
import { ingest } from './ingest/ingest.ts';
import { PostgresEngine } from './postgres-engine.ts';

/**
 * With PostgreSQL as the analytics engine, ingest still reads, maps and checks the user's files with
 * DuckDB (the staging file); opening the model loads the canonical tables into PostgreSQL, typed, and
 * again only when the staging file changed. This proves that hand-off end to end on a real PostgreSQL.
 */
const url = process.env.ANALYTICS_TEST_DATABASE_URL ?? TEST_DATABASE_URL;
const reachable = await postgresReachable();
const dir = mkdtempSync(join(tmpdir(), 'ingest-pg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAPPING = `model: shop
as_of: '2024-12-31'
sources:
  cust: { file: customers.csv }
  ord: { file: orders.csv }
tables:
  customers:
    from: cust
    columns:
      customer_id: id
      region: region
      signup_date: { column: signup, format: ["%Y-%m-%d", "%d/%m/%Y"] }
  orders:
    from: ord
    columns:
      order_id: order_id
      customer_id: customer
      order_ts: ts
      amount: amount
      status: status
`;

function writeSources(orders: string[]): string {
  writeFileSync(
    join(dir, 'customers.csv'),
    'id,region,signup\nc1,华南,2024-01-10\nc2,华北,10/02/2024\nc3,华南,2024-03-15\n',
  );
  writeFileSync(join(dir, 'orders.csv'), ['order_id,customer,ts,amount,status', ...orders, ''].join('\n'));
  writeFileSync(join(dir, 'shop.yaml'), MAPPING);
  return join(dir, 'shop.yaml');
}

describe.skipIf(!reachable)('ingest with PostgreSQL as the analytics engine', () => {
  it('loads what DuckDB ingested into PostgreSQL with types, and reloads only after a new ingest', async () => {
    const staging = join(dir, 'shop.duckdb');
    const first = await ingest({
      configPath: writeSources([
        'A1,c1,2024-02-01 10:00:00,10.5,completed',
        'A2,c2,2024-02-02 11:00:00,5,refunded',
        'A3,c1,2024-03-03 12:00:00,7.25,completed',
      ]),
      dbPath: staging,
    });
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const schema = analyticsSchema(`test_ingest_${process.pid}_${randomBytes(3).toString('hex')}`);
    const engine = (await openAnalyticsStore({
      name: 'shop',
      duckdbPath: staging,
      databaseUrl: url,
      schema,
    })) as PostgresEngine;
    try {
      expect(engine).toBeInstanceOf(PostgresEngine);
      expect(engine.dialect).toBe('postgres');
      // The same rows as the staging file, with dates as dates and amounts as numbers.
      const sql =
        'SELECT o.order_id, o.customer_id, c.region, CAST(o.amount AS DOUBLE PRECISION) AS amount, CAST(c.signup_date AS VARCHAR) AS signup FROM orders o JOIN customers c USING (customer_id) ORDER BY o.order_id';
      const onPostgres = (await engine.query(sql)).rows;
      expect(onPostgres).toEqual([
        { order_id: 'A1', customer_id: 'c1', region: '华南', amount: 10.5, signup: '2024-01-10' },
        { order_id: 'A2', customer_id: 'c2', region: '华北', amount: 5, signup: '2024-02-10' },
        { order_id: 'A3', customer_id: 'c1', region: '华南', amount: 7.25, signup: '2024-01-10' },
      ]);
      expect(onPostgres).toEqual(await queryDb(staging, sql));
      const types = await engine.query(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'customers' AND column_name = 'signup_date'`,
        [schema],
      );
      expect(types.rows).toEqual([{ column_name: 'signup_date', data_type: 'date' }]);

      // Opening again with the same staging file loads nothing; a new ingest is loaded on the next open.
      expect(await loadCanonicalTables(staging, engine)).toBe(false);
      const second = await ingest({
        configPath: writeSources([
          'A1,c1,2024-02-01 10:00:00,10.5,completed',
          'A4,c3,2024-04-04 09:00:00,20,completed',
        ]),
        dbPath: staging,
      });
      if (!second.ok) throw new Error(JSON.stringify(second.issues));
      expect(await loadCanonicalTables(staging, engine)).toBe(true);
      expect((await engine.query('SELECT order_id FROM orders ORDER BY 1')).rows).toEqual([
        { order_id: 'A1' },
        { order_id: 'A4' },
      ]);
    } finally {
      await engine.drop();
    }
  });
});
