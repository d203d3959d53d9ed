import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDb } from '../../../test/data/ingest-test-db.ts';
import { MATERIALIZED_TABLE } from '../model-runtime.ts';
import { ingest } from './ingest.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-rejects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Line numbers are file lines: a blank line (5), a quoted field spanning lines 9-10 and a row
// with too many columns (12) must not shift them.
const ORDERS = [
  'order_id,customer,ts,amount,status,channel',
  'A1,c1,2024-01-05 10:00:00,10.5,completed,online',
  'A2,,2024-01-06,5,completed,store',
  'A3,c2,not a date,7,completed,app',
  '',
  'A4,c2,2024-02-01,abc,completed,app',
  'A5,c3,2024-02-02,3,"shipped",online',
  'A1,c1,2024-01-07,11,completed,online',
  'A6,c3,2024-02-03,4,completed,"multi',
  'line"',
  'A7,c9,2024-03-01,-2,refunded,online',
  'A8,c3,2024-03-02,2,completed,online,extra',
  'A9,c1,2030-01-01,2,completed,online',
].join('\n');

const CUSTOMERS = 'id,signup\r\nc1,2024-01-10\r\nc2,2023-01-01\r\nc3,2023-05-05\r\nc3,2023-05-06';

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
      signup_date: signup
  orders:
    from: ord
    columns:
      order_id: order_id
      customer_id: customer
      order_ts: ts
      amount: amount
      status: status
      sales_channel: channel
`;

function writeCase(name: string, orders = ORDERS): string {
  const caseDir = join(dir, name);
  rmSync(caseDir, { recursive: true, force: true });
  mkdirSync(caseDir, { recursive: true });
  writeFileSync(join(caseDir, 'orders.csv'), orders);
  writeFileSync(join(caseDir, 'customers.csv'), CUSTOMERS);
  writeFileSync(join(caseDir, 'shop.yaml'), MAPPING);
  return caseDir;
}

async function tableDump(db: string, table: string): Promise<string> {
  return JSON.stringify(await queryDb(db, `SELECT * FROM ${table} ORDER BY ALL`));
}

describe('ingest rejects, duplicates and re-runs', () => {
  it('rejects bad rows with their file line and reason, writes them to a file and loads the good rows', async () => {
    const caseDir = writeCase('bad');
    const db = join(caseDir, 'shop.duckdb');
    const reportPath = join(caseDir, 'out', 'report.json');
    const result = await ingest({ configPath: join(caseDir, 'shop.yaml'), dbPath: db, reportPath });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const orders = result.report.tables.find((t) => t.table === 'orders')!;
    expect(orders.rejects).toEqual([
      { line: 3, reason: 'customer_id: missing' },
      { line: 4, reason: 'order_ts: cannot read "not a date" as TIMESTAMP' },
      { line: 6, reason: 'amount: cannot read "abc" as DOUBLE' },
      { line: 7, reason: 'status: "shipped" is not one of completed, refunded, cancelled' },
      { line: 9, reason: 'sales_channel: "multi\nline" is not one of online, store, app' },
      { line: 12, reason: 'malformed CSV row (TOO MANY COLUMNS: Expected Number of Columns: 6 Found: 7)' },
    ]);
    expect([orders.rowsRead, orders.rejected, orders.loaded]).toEqual([10, 6, 3]);
    expect(orders.duplicates).toEqual({ count: 1, examples: [{ key: 'A1', lines: [2, 8] }] });
    const customers = result.report.tables.find((t) => t.table === 'customers')!;
    expect(customers.duplicates).toEqual({ count: 1, examples: [{ key: 'c3', lines: [4, 5] }] });

    const rejectsFile = join(caseDir, 'out', 'rejects', 'shop', 'orders.csv');
    expect(orders.rejectsFile).toBe(rejectsFile);
    const fileRows = await queryDb(
      ':memory:',
      `SELECT line, key, reason FROM read_csv('${rejectsFile}') ORDER BY line`,
    );
    expect(fileRows.map((r) => [r.line, r.key])).toEqual([
      ['3', 'A2'],
      ['4', 'A3'],
      ['6', 'A4'],
      ['7', 'A5'],
      ['9', 'A6'],
      ['12', null],
    ]);
    expect(JSON.parse(readFileSync(reportPath, 'utf8')).tables[1].rejected).toBe(6);

    // The first A1 (line 2) wins over its duplicate on line 8.
    expect(
      await queryDb(db, 'SELECT order_id, customer_id, amount, status FROM orders ORDER BY order_id'),
    ).toEqual([
      { order_id: 'A1', customer_id: 'c1', amount: 10.5, status: 'completed' },
      { order_id: 'A7', customer_id: 'c9', amount: -2, status: 'refunded' },
      { order_id: 'A9', customer_id: 'c1', amount: 2, status: 'completed' },
    ]);
    const finding = (check: string) => orders.findings.find((f) => f.check === check);
    expect(finding('customer_not_in_customers')).toMatchObject({ count: 1, examples: ['c9'] });
    expect(finding('order_before_signup')).toMatchObject({ count: 1, examples: ['A1'] });
    expect(finding('negative_amount')).toMatchObject({ count: 1, examples: ['A7'] });
    expect(finding('order_ts_in_future')).toMatchObject({ count: 1, examples: ['A9'] });
    expect(customers.findings.find((f) => f.check === 'no_activity_ever')).toMatchObject({
      count: 2,
      examples: ['c2', 'c3'],
    });
    expect(orders.dateRanges.order_ts).toEqual({ min: '2024-01-05 10:00:00', max: '2030-01-01' });
  });

  it('gives identical tables when replace runs twice, and marks derived tables for rebuild', async () => {
    const caseDir = writeCase('replace');
    const db = join(caseDir, 'shop.duckdb');
    const first = await ingest({ configPath: join(caseDir, 'shop.yaml'), dbPath: db });
    const before = [await tableDump(db, 'orders'), await tableDump(db, 'customers')];
    await queryDb(db, `CREATE TABLE ${MATERIALIZED_TABLE} AS SELECT 'customer_snapshot' AS table_name`);
    const second = await ingest({ configPath: join(caseDir, 'shop.yaml'), dbPath: db, mode: 'replace' });
    expect(first.ok && second.ok).toBe(true);
    expect([await tableDump(db, 'orders'), await tableDump(db, 'customers')]).toEqual(before);
    if (second.ok) expect(second.report.tables.map((t) => t.tableRows)).toEqual([3, 3]);
    expect(
      await queryDb(
        db,
        `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${MATERIALIZED_TABLE}'`,
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('adds only new keys in append mode', async () => {
    const caseDir = writeCase('append');
    const db = join(caseDir, 'shop.duckdb');
    await ingest({ configPath: join(caseDir, 'shop.yaml'), dbPath: db });
    // The next extract repeats A1 (changed amount) and A9, and brings B1 and B2.
    writeFileSync(
      join(caseDir, 'orders.csv'),
      'order_id,customer,ts,amount,status,channel\nA1,c1,2024-01-05,99,completed,online\nB1,c2,2024-04-01,8,completed,app\nA9,c1,2030-01-01,2,completed,online\nB2,c3,2024-04-02,9.5,cancelled,store\n',
    );
    const result = await ingest({ configPath: join(caseDir, 'shop.yaml'), dbPath: db, mode: 'append' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const orders = result.report.tables.find((t) => t.table === 'orders')!;
    expect([orders.rowsRead, orders.loaded, orders.skippedExisting, orders.tableRows]).toEqual([4, 2, 2, 5]);
    expect(await queryDb(db, 'SELECT order_id, amount FROM orders ORDER BY order_id')).toEqual([
      { order_id: 'A1', amount: 10.5 },
      { order_id: 'A7', amount: -2 },
      { order_id: 'A9', amount: 2 },
      { order_id: 'B1', amount: 8 },
      { order_id: 'B2', amount: 9.5 },
    ]);
    const customers = result.report.tables.find((t) => t.table === 'customers')!;
    expect([customers.loaded, customers.skippedExisting]).toEqual([0, 3]);
    // A clean re-run leaves no stale rejects file behind.
    expect(existsSync(join(caseDir, 'rejects', 'shop', 'orders.csv'))).toBe(false);
  });
});
