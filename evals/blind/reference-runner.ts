/**
 * The reference-value runner shared by the blind batches (`evals/blind/batch-N/run-reference.ts`): runs a
 * batch's hand-written reference SQL on the eval data (built by evalRuntimes when missing: retail demo
 * 3,000 customers seed 42, IBM Telco) and writes each case's `expect.values` inline into the batch's
 * question files. `--check` only compares and exits 1 when a file is stale. Warns about rankings with
 * ties (an `ordered` table is only checkable without them). Then loads the batch with the eval-case schema
 * (evals/eval-case.ts) and exits 1 on any issue.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { DuckDbEngine } from '../../server/src/data/duckdb-engine.ts';
import { DEFAULT_TOLERANCE } from '../../server/src/governance/eval-case-schema.ts';
import { formatIssues, loadEvalCases } from '../eval-case.ts';
import { evalRuntimes } from '../eval-runtimes.ts';

/** One case's reference query: the table its answer must show. */
export interface Reference {
  model: 'retail' | 'telco';
  /** Key columns of the table (dimension ids, `period`); [] for one number. */
  by: string[];
  sql: string;
  /** Rankings: the table's rows in this order. */
  ordered?: boolean;
  /** Check the row count (the result's row count). */
  rows?: boolean;
  /** Money sums: accept a cent of rounding. */
  tolerance?: number;
}

type Cell = string | number | boolean | null;

/** Numbers rounded to 6 decimals (the eval's stored precision); keys as stored. */
function cell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Math.round(v * 1e6) / 1e6;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

async function valuesOf(engine: DuckDbEngine, id: string, ref: Reference) {
  const result = await engine.query(ref.sql);
  const match = result.rows.map((row) => {
    const out: Record<string, Cell> = {};
    for (const k of ref.by) out[k] = cell(row[k]);
    for (const [k, v] of Object.entries(row)) if (!ref.by.includes(k)) out[k] = cell(v);
    return out;
  });
  if (!match.length) throw new Error(`${id}: the reference query returned no rows`);
  for (const row of match)
    for (const [k, v] of Object.entries(row))
      if (!ref.by.includes(k) && typeof v !== 'number')
        throw new Error(`${id}: column ${k} is ${JSON.stringify(v)}, not a number`);
  if (ref.ordered) {
    const metric = Object.keys(match[0]!).find((k) => !ref.by.includes(k))!;
    for (let i = 1; i < match.length; i++)
      if (match[i]![metric] === match[i - 1]![metric])
        console.warn(
          `warning: ${id} ranks a tie at rows ${i} and ${i + 1} (${metric} = ${match[i]![metric]})`,
        );
  }
  if (!ref.ordered && ref.by.length)
    match.sort((a, b) => ref.by.map((k) => String(a[k]).localeCompare(String(b[k]))).find((x) => x) ?? 0);
  return {
    by: ref.by,
    ...(ref.rows ? { rows: match.length } : {}),
    ...(ref.ordered ? { ordered: true } : {}),
    ...(ref.tolerance && ref.tolerance !== DEFAULT_TOLERANCE ? { tolerance: ref.tolerance } : {}),
    match,
  };
}

/** `by` and each matched row on one line, as in CONVENTIONS.md. */
function flowRows<T>(node: T): T {
  if (!isMap(node)) return node;
  for (const key of ['by', 'match']) {
    const seq = node.get(key, true);
    if (isSeq(seq)) {
      if (key === 'by') seq.flow = true;
      else for (const row of seq.items) if (isMap(row)) row.flow = true;
    }
  }
  return node;
}

/**
 * Runs `references` on the eval data and writes (or with `--check` compares) each case's
 * `expect.values` inline in the question files of `dir`; returns the exit code.
 */
export async function runReferences(dir: string, references: Record<string, Reference>): Promise<number> {
  const { values: args } = parseArgs({
    options: { check: { type: 'boolean' }, 'data-dir': { type: 'string', default: '.data/eval' } },
  });
  const dataDir = resolve(args['data-dir']!);
  // Builds the eval databases when missing (same generator and seed as `npm run eval`).
  const built = await evalRuntimes(dataDir, (l) => console.log(l));
  await built.close();
  const engines = {
    retail: await DuckDbEngine.open({ path: join(dataDir, 'retail.duckdb'), connections: 1, threads: 2 }),
    telco: await DuckDbEngine.open({ path: join(dataDir, 'telco.duckdb'), connections: 1, threads: 2 }),
  };
  const computed = new Map<string, unknown>();
  try {
    for (const [id, ref] of Object.entries(references))
      computed.set(id, await valuesOf(engines[ref.model], id, ref));
  } finally {
    await engines.retail.close();
    await engines.telco.close();
  }
  const seen = new Set<string>();
  let stale = 0;
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, name);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    if (!isSeq(doc.contents)) throw new Error(`${file}: not a list of cases`);
    let changed = false;
    for (const item of doc.contents.items) {
      if (!isMap(item)) continue;
      const id = String(item.get('id'));
      const values = computed.get(id);
      const current = doc.getIn([doc.contents.items.indexOf(item), 'expect', 'values']);
      const currentJs =
        current && typeof current === 'object' && 'toJSON' in current
          ? (current as { toJSON(): unknown }).toJSON()
          : current;
      if (values === undefined) {
        if (currentJs !== undefined) throw new Error(`${id}: has values but no reference query`);
        continue;
      }
      seen.add(id);
      if (isDeepStrictEqual(currentJs, values)) continue;
      stale++;
      changed = true;
      console.log(`${args.check ? 'stale' : 'updated'}: ${id}`);
      const expect = item.get('expect');
      if (isMap(expect))
        (expect as YAMLMap<unknown, unknown>).set('values', flowRows(doc.createNode(values)));
    }
    if (changed && !args.check) writeFileSync(file, doc.toString({ lineWidth: 0 }));
  }
  const unknown = [...computed.keys()].filter((id) => !seen.has(id));
  if (unknown.length) throw new Error(`reference queries for unknown cases: ${unknown.join(', ')}`);
  console.log(`${computed.size} cases with values; ${stale} ${args.check ? 'stale' : 'updated'}`);
  // Every case must load under the eval-case schema (values inline, no sidecar).
  const { cases, issues } = loadEvalCases(dir, join(dir, 'no-sidecar.yaml'));
  if (issues.length) console.error(formatIssues(issues));
  console.log(`${cases.length} cases load under the eval-case schema; ${issues.length} issues`);
  return (args.check && stale) || issues.length ? 1 : 0;
}
