/**
 * Runs the reference SQL of blind batch 1 (reference-sql.ts) over the eval data, read-only, and prints
 * each case's `expect.values` block (numbers rounded to 6 decimals) as JSON keyed by case id.
 *
 *   npx tsx evals/blind/batch-1/run-reference.ts [--data-dir .data/eval] [--out file.json]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { REFERENCE_SQL } from './reference-sql.ts';

const { values: args } = parseArgs({
  options: { 'data-dir': { type: 'string', default: '.data/eval' }, out: { type: 'string' } },
});

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
function cell(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return round6(v);
  if (v && typeof v === 'object' && 'toString' in v) return String(v); // DATE, DECIMAL
  return v;
}

const cons: Record<string, Awaited<ReturnType<DuckDBInstance['connect']>>> = {};
async function con(db: string) {
  if (!cons[db]) {
    const inst = await DuckDBInstance.create(resolve(args['data-dir']!, `${db}.duckdb`), {
      access_mode: 'READ_ONLY',
    });
    cons[db] = await inst.connect();
  }
  return cons[db];
}

const out: Record<string, unknown> = {};
for (const [id, ref] of Object.entries(REFERENCE_SQL)) {
  const reader = await (await con(ref.db)).runAndReadAll(ref.sql);
  const rows = reader.getRowObjects().map((row) => {
    const m: Record<string, unknown> = {};
    for (const k of ref.by) m[k] = cell(row[k]);
    for (const k of ref.metrics) {
      m[k] = cell(row[k]);
      if (`${k}__previous` in row) m[`${k}__previous`] = cell(row[`${k}__previous`]);
    }
    return m;
  });
  const values: Record<string, unknown> = { by: ref.by };
  if (ref.rows) values.rows = rows.length;
  if (ref.ordered) values.ordered = true;
  if (ref.tolerance) values.tolerance = ref.tolerance;
  values.match = rows;
  out[id] = values;
}
const json = JSON.stringify(out, null, 1);
if (args.out) writeFileSync(args.out, json);
else console.log(json);
