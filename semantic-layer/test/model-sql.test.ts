import { describe, expect, it } from 'vitest';
import { checkSqlExpression } from '../src/definition/sql-expression.ts';
import { loadModel, loadModelFromDir, readModelFiles } from '../src/index.ts';

/**
 * Model SQL is an expression over the source's own row (ARCHITECTURE.md property 5): the grammar accepts
 * every expression the shipped models use and refuses file reads, subqueries, table functions, aggregates,
 * windows, settings and multiple statements, each with a message naming what is wrong.
 */
const MODELS = new URL('../models', import.meta.url).pathname;

describe('the model SQL grammar', () => {
  it.each([
    ['EXTRACT(EPOCH FROM (resolved_ts - created_ts)) / 3600.0', ['resolved_ts', 'created_ts']],
    ['CAST(floor(duration_days / 30.4375) AS INTEGER)', ['duration_days']],
    ["CASE WHEN status = 'held_out' THEN 'control' ELSE 'treated' END", ['status']],
    ["action_id = 'winback_offer' AND status IN ('sent', 'delivered')", ['action_id', 'status']],
    [
      'activity_prev_3w >= 3 AND activity_last_3w <= 0.6 * activity_prev_3w AND NOT churned',
      ['activity_prev_3w', 'activity_last_3w', 'churned'],
    ],
    [
      "x NOT BETWEEN 1 AND 2 OR y NOT LIKE 'a%' OR z IS NOT NULL OR w::DECIMAL(10, 2) > 1",
      ['x', 'y', 'z', 'w'],
    ],
    ['COALESCE(first_contact_resolved, FALSE)', ['first_contact_resolved']],
    ["date_trunc('month', ts) >= DATE '2026-01-01' + INTERVAL '1 month'", ['ts']],
  ])('accepts %s', (text, columns) => {
    expect(checkSqlExpression(text)).toEqual({ ok: true, columns });
  });

  it.each([
    ["read_blob('/data/app/pg_wal/0*')", /function read_blob is not allowed/],
    ["read_text('/data/retail.truth.json')", /function read_text is not allowed/],
    ["read_csv('/etc/passwd')", /function read_csv is not allowed/],
    ["read_parquet('x.parquet')", /function read_parquet is not allowed/],
    ["glob('/data/*')", /function glob is not allowed/],
    ["getenv('HOME')", /function getenv is not allowed/],
    ["current_setting('allowed_directories')", /function current_setting is not allowed/],
    ["(SELECT count(*) FROM customers c2 WHERE c2.region <> '华南')", /subqueries are not allowed/],
    ['region IN (SELECT region FROM customers)', /subqueries are not allowed/],
    ['c2.region', /qualified names are not allowed/],
    ['sum(amount) OVER ()', /function sum is not allowed/],
    ['count(*)', /function count is not allowed/],
    ["region; ATTACH 'x.db'", /";" is not allowed/],
    ['"read_blob"(\'x\')', /function read_blob is not allowed/],
    ["E'\\x41'", /prefixed string/],
    ['$1', /"\$" is not allowed/],
    ['region -- comment', /comments are not allowed/],
    ['region /* x */', /comments are not allowed/],
    ["'unterminated", /unterminated quote/],
    ['x::REGCLASS', /type "REGCLASS" is not allowed/],
  ])('refuses %s', (text, message) => {
    const result = checkSqlExpression(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });
});

describe('model SQL on load', () => {
  it('the shipped models load', () => {
    for (const name of ['retail', 'telco']) expect(loadModelFromDir(`${MODELS}/${name}`).ok).toBe(true);
  });

  it('refuses a file read, a subquery and a SQL source in a draft, with file, path and line', () => {
    const files = readModelFiles(`${MODELS}/retail`);
    files['dimensions.yaml'] = files['dimensions.yaml']!.replace(
      '    sql: region\n',
      '    sql: "read_blob(\'/data/app/pg_wal/000000010000000000000001\')"\n',
    );
    files['churn.yaml'] = files['churn.yaml']!.replace(
      'when: "tickets_90d >= 3 AND NOT churned"',
      `when: "(SELECT count(*) FROM customers c2 WHERE c2.region <> '华南') > 0"`,
    );
    files['sources.yaml'] = files['sources.yaml']!.replace(
      '  customer_snapshot:\n    table: customer_snapshot\n',
      '  customer_snapshot:\n    sql: "SELECT * FROM read_parquet(\'x\')"\n',
    );
    const loaded = loadModel(files);
    expect(loaded.ok).toBe(false);
    const unsafe = loaded.ok ? [] : loaded.issues.filter((i) => i.code === 'unsafe_sql');
    const where = (path: string) => unsafe.find((i) => i.path === path);
    expect(where('dimensions.region.sql')).toMatchObject({ file: 'dimensions.yaml', severity: 'error' });
    expect(where('dimensions.region.sql')!.message).toMatch(/function read_blob is not allowed/);
    expect(where('dimensions.region.sql')!.line).toBe(
      files['dimensions.yaml']!.split('\n').findIndex((l) => l.includes('read_blob')) + 1,
    );
    expect(where('early_warning.many_tickets.when')!.message).toMatch(/subqueries are not allowed/);
    expect(where('early_warning.many_tickets.when')!.file).toBe('churn.yaml');
    expect(where('sources.customer_snapshot.sql')!.message).toMatch(/SQL sources are not accepted/);
  });
});
