import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDb } from '../../../test/data/ingest-test-db.ts';
import { ingest } from './ingest.ts';
import { formatIssue } from './mapping-issue.ts';
import { loadMapping } from './mapping-load.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-mapping-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'orders.csv'), 'id,who,when,total\n1,c1,2024-01-01,3\n');

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('mapping validation', () => {
  it('reports every shape error at once, each with its YAML path and line', () => {
    const file = write(
      'shape.yaml',
      `model: Shop
sources:
  ord: { file: orders.csv, sep: ';' }
tables:
  orders:
    from: ord
    columns:
      order_id: { column: id, const: x }
      amount: { column: total, type: MONEY }
`,
    );
    const result = loadMapping(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.line])).toEqual([
      ['model', 1],
      ['sources.ord', 3],
      ['tables.orders.columns.order_id', 8],
      ['tables.orders.columns.amount.type', 9],
    ]);
    expect(result.issues.every((i) => i.file === file && i.code === 'invalid_shape')).toBe(true);
    expect(result.issues[2]!.message).toBe('give exactly one of column, expr, const');
  });

  it('reports every meaning error: unknown tables, columns, sources, missing required columns and types', () => {
    const file = write(
      'meaning.yaml',
      `model: shop
sources:
  ord: { file: orders.csv }
  gone: { file: missing.csv }
tables:
  purchases:
    from: ord
    columns: { id: id }
  orders:
    from: ord
    join: [{ source: nowhere, on: id }]
    columns:
      order_id: id
      customer_id: who
      price: total
  customer_attributes:
    from: ord
    columns:
      customer_id: who
      vip: { const: true }
`,
    );
    const result = loadMapping(file);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => `${i.code} ${i.path}:${i.line}`)).toEqual([
      'source_unreadable sources.gone.file:4',
      'unknown_table tables.purchases:7',
      'unknown_source tables.orders.join.0.source:11',
      'unknown_column tables.orders.columns.price:15',
      'missing_required_column tables.orders.columns:13',
      'missing_required_column tables.orders.columns:13',
      'missing_required_column tables.orders.columns:13',
      'missing_type tables.customer_attributes.columns.vip:20',
    ]);
    expect(result.issues.filter((i) => i.code === 'missing_required_column').map((i) => i.message)).toEqual([
      'required column order_ts is not mapped',
      'required column amount is not mapped',
      'required column status is not mapped',
    ]);
    expect(formatIssue(result.issues[1]!)).toBe(
      `${file}:7 tables.purchases: not a canonical table (customers, orders, interactions, tickets, campaign_touches, feedback, communications, subscriptions, customer_attributes) [unknown_table]`,
    );
  });

  it('reports unknown source columns and broken expressions together, before writing anything', async () => {
    const file = write(
      'columns.yaml',
      `model: shop
sources:
  ord: { file: orders.csv }
tables:
  customers:
    from: ord
    columns:
      customer_id: who
      signup_date: { expr: "strptime(nope, '%Y')" }
  orders:
    from: ord
    columns:
      order_id: id
      customer_id: customer
      order_ts: { column: placed }
      amount: { expr: "total * nope" }
      status: { const: completed }
`,
    );
    const db = join(dir, 'columns.duckdb');
    const result = await ingest({ configPath: file, dbPath: db });
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => `${i.code} ${i.path}:${i.line}`)).toEqual([
      'bad_expression tables.customers:6',
      'unknown_source_column tables.orders.columns.customer_id:14',
      'unknown_source_column tables.orders.columns.order_ts.column:15',
    ]);
    expect(result.issues[0]!.message).toMatch(/nope/);
    expect(result.issues[1]!.message).toBe('no column "customer" in ord (id, who, when, total)');
    expect(existsSync(db)).toBe(true);
    expect(await queryDb(db, 'SELECT count(*) AS n FROM duckdb_tables() WHERE NOT temporary')).toEqual([
      { n: '0' },
    ]);
  });
});
