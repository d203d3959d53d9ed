import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb } from '../../../test/data/ingest-test-db.ts';
import { ingest } from './ingest.ts';

// CI sets DATABASE_URL to this same local server; without it the test still uses it.
const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `ingest_test_${Math.random().toString(36).slice(2, 10)}`;
const dir = mkdtempSync(join(tmpdir(), 'ingest-pg-'));
const sql = postgres(URL, { max: 1, onnotice: () => {} });

beforeAll(async () => {
  await sql.unsafe(`CREATE SCHEMA ${schema}`);
  await sql.unsafe(`CREATE TABLE ${schema}.crm_accounts (
    account_no text, full_name text, sex text, joined timestamp, vip boolean, region text)`);
  await sql.unsafe(`INSERT INTO ${schema}.crm_accounts VALUES
    ('K1', 'Wang Fang', 'F', '2024-03-01 09:30:00', true, '华东'),
    ('K2', 'O''Brien; DROP TABLE x;--', 'M', '2024-04-02 00:00:00', false, '华南'),
    ('K3', 'Li Lei', 'X', '2024-05-03 00:00:00', null, '华北'),
    ('K1', 'Wang Fang again', 'F', '2024-06-01 00:00:00', true, '华东'),
    (null, 'No Id', 'F', '2024-06-02 00:00:00', false, '华东')`);
  await sql.unsafe(
    `CREATE TABLE ${schema}.crm_orders (no int, account text, placed timestamptz, total numeric(10,2))`,
  );
  await sql.unsafe(`INSERT INTO ${schema}.crm_orders VALUES
    (1, 'K1', '2024-03-05 10:00:00+00', 99.90), (2, 'K2', '2024-04-05 12:00:00+00', 10.00), (3, 'K9', '2024-05-01 08:00:00+00', 5.50)`);
});

afterAll(async () => {
  await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql.end();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest from a CRM PostgreSQL database', () => {
  it('reads a table and a query, coerces text, rejects and de-duplicates by record number', async () => {
    const mapping = join(dir, 'crm.yaml');
    writeFileSync(
      mapping,
      `model: crm
as_of: '2024-12-31'
sources:
  accounts:
    postgres: { table: ${schema}.crm_accounts }
  orders_src:
    postgres: { query: "SELECT no, account, placed AT TIME ZONE 'UTC' AS placed, total FROM ${schema}.crm_orders ORDER BY no" }
tables:
  customers:
    from: accounts
    columns:
      customer_id: account_no
      name: full_name
      gender: { column: sex, map: { F: female, M: male } }
      signup_date: joined
      region: region
  customer_attributes:
    from: accounts
    columns:
      customer_id: account_no
      vip: { column: vip, type: BOOLEAN }
  orders:
    from: orders_src
    columns:
      order_id: no
      customer_id: account
      order_ts: placed
      amount: total
      status: { const: completed }
`,
    );
    const db = join(dir, 'crm.duckdb');
    const result = await ingest({ configPath: mapping, dbPath: db, sourceUrl: URL });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const customers = result.report.tables.find((t) => t.table === 'customers')!;
    expect(customers.positionKind).toBe('record');
    expect(customers.rejects).toEqual([
      { line: 3, reason: 'gender: "X" is not one of female, male, unknown' },
      { line: 5, reason: 'customer_id: missing' },
    ]);
    expect(customers.duplicates).toEqual({ count: 1, examples: [{ key: 'K1', lines: [1, 4] }] });
    expect(
      await queryDb(
        db,
        'SELECT customer_id, name, gender, signup_date::VARCHAR AS signup, region FROM customers ORDER BY 1',
      ),
    ).toEqual([
      { customer_id: 'K1', name: 'Wang Fang', gender: 'female', signup: '2024-03-01', region: '华东' },
      {
        customer_id: 'K2',
        name: "O'Brien; DROP TABLE x;--",
        gender: 'male',
        signup: '2024-04-02',
        region: '华南',
      },
    ]);
    expect(await queryDb(db, 'SELECT customer_id, vip FROM customer_attributes ORDER BY 1')).toEqual([
      { customer_id: 'K1', vip: true },
      { customer_id: 'K2', vip: false },
      { customer_id: 'K3', vip: null },
    ]);
    expect(
      await queryDb(
        db,
        'SELECT order_id, customer_id, order_ts::VARCHAR AS ts, amount FROM orders ORDER BY 1',
      ),
    ).toEqual([
      { order_id: '1', customer_id: 'K1', ts: '2024-03-05 10:00:00', amount: 99.9 },
      { order_id: '2', customer_id: 'K2', ts: '2024-04-05 12:00:00', amount: 10 },
      { order_id: '3', customer_id: 'K9', ts: '2024-05-01 08:00:00', amount: 5.5 },
    ]);
    const orders = result.report.tables.find((t) => t.table === 'orders')!;
    expect(orders.findings.find((f) => f.kind === 'orphan_keys')).toMatchObject({
      count: 1,
      examples: ['K9'],
    });
    // The attribute row of K3 has no customer (its gender was rejected): reported as an orphan.
    const attributes = result.report.tables.find((t) => t.table === 'customer_attributes')!;
    expect(attributes.findings.find((f) => f.kind === 'orphan_keys')).toMatchObject({
      count: 1,
      examples: ['K3'],
    });
  });

  it('reports an unreachable database as a source issue', async () => {
    const mapping = join(dir, 'down.yaml');
    writeFileSync(
      mapping,
      `model: crm
sources:
  accounts: { postgres: { table: nowhere }, url: 'postgres://postgres@127.0.0.1:1/none' }
tables:
  customers: { from: accounts, columns: { customer_id: id } }
`,
    );
    const result = await ingest({ configPath: mapping, dbPath: ':memory:' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => [i.code, i.path, i.line])).toEqual([
        ['source_unreadable', 'sources.accounts', 3],
      ]);
  });
});
