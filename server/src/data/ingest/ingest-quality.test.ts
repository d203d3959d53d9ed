import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDb } from '../../../test/data/ingest-test-db.ts';
import { CANONICAL_TABLES, createTableSql } from '../../canonical/canonical-schema.ts';
import { ingest } from './ingest.ts';
import type { TableReport } from './report.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-quality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'customers.csv':
    'id,signup,birth\nc1,2024-01-10,1980\nc2,2023-01-01,1990\nc3,2023-05-05,1970\nc4,2030-01-01,2000\n',
  'orders.csv': [
    'order_id,customer,ts,amount,status',
    'A1,c1,2024-01-05 10:00:00,10.5,completed',
    'A2,c9,2024-03-01,-2,refunded',
    'A3,c2,2030-01-01,2,completed',
    'A4,c2,not a date,x,bogus',
  ].join('\n'),
  'tickets.csv': 'tid,cust,created,resolved,sat\nt1,c1,2024-01-02,2024-01-01,5\nt2,c3,2024-01-02,,5\n',
  'feedback.csv':
    'fid,cust,ts,nps,csat,text,sent\nf1,c1,2024-01-01,10,5,terrible,negative\nf2,c2,2024-01-02,1,1,great,positive\n',
  'subscriptions.csv': 'cust,plan,start,end\nc1,basic,2024-01-01,2023-12-01\nc2,pro,2024-02-01,\n',
};

const MAPPING = `model: quality
as_of: '2025-01-01'
sources:
  cust: { file: customers.csv }
  ord: { file: orders.csv }
  tick: { file: tickets.csv }
  fb: { file: feedback.csv }
  subs: { file: subscriptions.csv }
tables:
  customers:
    from: cust
    columns: { customer_id: id, signup_date: signup, birth_year: birth }
    checks:
      - { name: born_before_1985, kind: contradictory, where: t.birth_year < 1985 }
      - { name: broken, kind: contradictory, where: t.no_such_column > 1 }
  orders:
    from: ord
    columns: { order_id: order_id, customer_id: customer, order_ts: ts, amount: amount, status: status }
    checks:
      - name: big_known_customer
        kind: broken_activity
        where: t.amount > 10 AND EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = t.customer_id)
  tickets:
    from: tick
    columns: { ticket_id: tid, customer_id: cust, created_ts: created, resolved_ts: resolved, satisfaction: sat }
  feedback:
    from: fb
    columns: { feedback_id: fid, customer_id: cust, ts: ts, nps: nps, csat: csat, text: text, sentiment: sent }
  subscriptions:
    from: subs
    columns: { customer_id: cust, plan: plan, start_date: start, end_date: end }
`;

function writeCase(name: string, mapping: string): string {
  const caseDir = join(dir, name);
  mkdirSync(caseDir, { recursive: true });
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(caseDir, file), text);
  writeFileSync(join(caseDir, 'quality.yaml'), mapping);
  return caseDir;
}

/** check → [count, examples] for one table's findings. */
function findings(table: TableReport | undefined): Record<string, [number, string[]]> {
  return Object.fromEntries((table?.findings ?? []).map((f) => [f.check, [f.count, f.examples]]));
}

describe('ingest data-quality report', () => {
  it('counts every built-in and mapping check; a broken mapping check says why and the others still count', async () => {
    const caseDir = writeCase('all', MAPPING);
    const result = await ingest({
      configPath: join(caseDir, 'quality.yaml'),
      dbPath: join(caseDir, 'q.duckdb'),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const table = (name: string) => result.report.tables.find((t) => t.table === name);

    expect(findings(table('customers'))).toEqual({
      no_activity_ever: [1, ['c4']],
      signup_date_in_future: [1, ['c4']],
      born_before_1985: [2, ['c1', 'c3']],
      broken: [0, []],
    });
    expect(table('customers')!.findings.at(-1)!.description).toMatch(/^check failed: Binder Error/);
    expect([table('customers')!.tableRows, table('customers')!.nulls.birth_year]).toEqual([4, 0]);

    expect(findings(table('orders'))).toEqual({
      customer_not_in_customers: [1, ['c9']],
      order_before_signup: [1, ['A1']],
      negative_amount: [1, ['A2']],
      order_ts_in_future: [1, ['A3']],
      big_known_customer: [1, ['A1']],
    });
    // A row failing several rules lists every reason, in column order.
    expect(table('orders')!.rejects).toEqual([
      {
        line: 5,
        reason:
          'order_ts: cannot read "not a date" as TIMESTAMP; amount: cannot read "x" as DOUBLE; status: "bogus" is not one of completed, refunded, cancelled',
      },
    ]);
    expect(table('orders')!.dateRanges.order_ts).toEqual({ min: '2024-01-05 10:00:00', max: '2030-01-01' });

    expect(findings(table('tickets'))).toEqual({
      customer_not_in_customers: [0, []],
      resolved_before_created: [1, ['t1']],
      created_ts_in_future: [0, []],
      five_star_unresolved_ticket: [1, ['t2']],
    });
    expect(findings(table('feedback'))).toEqual({
      customer_not_in_customers: [0, []],
      ts_in_future: [0, []],
      negative_with_top_score: [1, ['f1']],
      positive_with_bottom_score: [1, ['f2']],
    });
    expect(findings(table('subscriptions'))).toEqual({
      customer_not_in_customers: [0, []],
      ends_before_start: [1, ['c1|basic|2024-01-01']],
    });
  });

  it('keeps profile counts one row per row when customers holds an id twice', async () => {
    const caseDir = writeCase(
      'dup-customers',
      `model: quality
as_of: '2025-01-01'
sources:
  ord: { file: orders.csv }
tables:
  orders:
    from: ord
    columns: { order_id: order_id, customer_id: customer, order_ts: ts, amount: amount, status: status }
`,
    );
    const db = join(caseDir, 'q.duckdb');
    const customers = CANONICAL_TABLES.find((t) => t.name === 'customers')!;
    await queryDb(
      db,
      `${createTableSql(customers, true)};
       INSERT INTO customers (customer_id, signup_date) VALUES ('c1', DATE '2024-01-01'), ('c1', DATE '2024-01-10'), ('c2', DATE '2023-01-01')`,
    );
    const result = await ingest({ configPath: join(caseDir, 'quality.yaml'), dbPath: db, mode: 'append' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const orders = result.report.tables.find((t) => t.table === 'orders')!;
    expect([orders.tableRows, orders.nulls.customer_id]).toEqual([3, 0]);
    // A1 (2024-01-05) precedes one of c1's two signups: flagged once.
    expect(findings(orders).order_before_signup).toEqual([1, ['A1']]);
    expect(findings(orders).customer_not_in_customers).toEqual([1, ['c9']]);
  });
});
