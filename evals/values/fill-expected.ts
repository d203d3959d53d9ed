/**
 * `npx tsx evals/values/fill-expected.ts [--check]`: computes every eval question's expected values
 * from its hand-written reference (reference-questions.ts → reference-sql.ts) over freshly built eval
 * data (the retail demo at the size and seed eval-runtimes.ts uses, and IBM Telco), and writes the
 * sidecar evals/values/expected-values.yaml. With `--check` it writes nothing and exits 1 when the
 * sidecar differs from what the references give now.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isSeq } from 'yaml';
import type { ModelRuntime } from '../../server/src/data/model-runtime.ts';
import { type LoadedEvalCase, loadEvalCases } from '../eval-case.ts';
import { evalRuntimes } from '../eval-runtimes.ts';
import { DEFAULT_TOLERANCE, type ExpectedValues, loadSidecar, SIDECAR_HEADER } from './expected-values.ts';
import { REFERENCES } from './reference-questions.ts';
import { baselineRange, type ReferenceSpec, referenceSql } from './reference-spec.ts';

type Row = Record<string, unknown>;
type Query = (sql: string) => Promise<Row[]>;

const HERE = import.meta.dirname;
export const SIDECAR = join(HERE, 'expected-values.yaml');

const number = (v: unknown) => (typeof v === 'string' || typeof v === 'bigint' ? Number(v) : (v as number));
const round = (v: number) => (Number.isInteger(v) ? v : Number(v.toFixed(6)));
const keyOf = (row: Row, by: string[]) => JSON.stringify(by.map((k) => row[k] ?? null));
const cell = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'bigint' ? Number(v) : v);

/** The expected values of one question: its reference's rows, compared columns rounded. */
export async function expectedValues(spec: ReferenceSpec, query: Query): Promise<ExpectedValues> {
  const by = [...(spec.model === 'retail' && spec.grain ? ['period'] : []), ...Object.keys(spec.keys ?? {})];
  let rows = await query(referenceSql(spec));
  const columns = [...spec.metrics];
  if (spec.model === 'retail' && spec.compare) {
    const range = baselineRange(spec)!;
    const before = new Map((await query(referenceSql(spec, range))).map((r) => [keyOf(r, by), r]));
    rows = rows.map((r) => {
      const b = before.get(keyOf(r, by));
      return { ...r, ...Object.fromEntries(spec.metrics.map((m) => [`${m}__previous`, b?.[m] ?? null])) };
    });
    columns.push(...spec.metrics.map((m) => `${m}__previous`));
  }
  if (!rows.length) throw new Error('the reference returns no row: nothing stable to expect');
  if (spec.rank) {
    const { metric, dir, limit } = spec.rank;
    const sign = dir === 'desc' ? -1 : 1;
    rows = [...rows].sort((a, b) => sign * (number(a[metric]) - number(b[metric])));
    const kept = limit ?? rows.length;
    // A tie inside the kept rows, or across the cut, would make the expected order arbitrary.
    for (let i = 1; i < Math.min(rows.length, kept + 1); i++)
      if (number(rows[i]![metric]) === number(rows[i - 1]![metric]))
        throw new Error(`tie at rank ${i}/${i + 1} on ${metric}: choose a question without ties`);
    rows = rows.slice(0, kept);
  }
  const match = rows.map((r) =>
    Object.fromEntries([
      ...by.map((k) => [k, cell(r[k])]),
      ...columns.map((c) => {
        const v = cell(r[c]);
        if (v === null) throw new Error(`no ${c} in a reference row: ${JSON.stringify(r)}`);
        return [c, round(number(v))];
      }),
    ]),
  ) as ExpectedValues['match'];
  return { by, rows: rows.length, ordered: Boolean(spec.rank), tolerance: DEFAULT_TOLERANCE, match };
}

/** The sidecar's text: header, then one entry per case id in id order, each row on one line. */
export function sidecarText(values: Map<string, ExpectedValues>): string {
  const ordered = Object.fromEntries(
    [...values.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, v]) => [
        id,
        {
          ...(v.by.length ? { by: v.by } : {}),
          rows: v.rows,
          ...(v.ordered ? { ordered: true } : {}),
          tolerance: v.tolerance,
          match: v.match,
        },
      ]),
  );
  const doc = new Document(ordered);
  if (isMap(doc.contents))
    for (const entry of doc.contents.items) {
      if (!isMap(entry.value)) continue;
      for (const field of entry.value.items) {
        const node = field.value;
        if (isSeq(node) && String((field.key as { value: unknown }).value) === 'by') node.flow = true;
        if (isSeq(node)) for (const row of node.items) if (isMap(row)) row.flow = true;
      }
    }
  // Biome's YAML style: padded flow maps, unpadded flow sequences.
  const text = doc.toString({ lineWidth: 0 }).replace(/^( +by: )\[ (.*) \]$/gm, '$1[$2]');
  return `${SIDECAR_HEADER}\n${text}`;
}

/** Problems of the references against the cases: unknown ids, another model, non-answer cases. */
export function referenceIssues(cases: readonly LoadedEvalCase[]): string[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  return Object.entries(REFERENCES).flatMap(([id, spec]) => {
    const c = byId.get(id);
    if (!c) return [`reference for unknown case ${id}`];
    if (c.model !== spec.model) return [`${id}: reference for ${spec.model}, case on ${c.model}`];
    if (![c.expect.kind].flat().includes('answer')) return [`${id}: not an answer case`];
    return [];
  });
}

/** Every reference's expected values, computed on the eval data of `runtimes`. */
export async function computeExpected(
  runtimes: Map<string, ModelRuntime>,
): Promise<Map<string, ExpectedValues>> {
  const values = new Map<string, ExpectedValues>();
  for (const [id, spec] of Object.entries(REFERENCES)) {
    const engine = runtimes.get(spec.model)!.engine;
    const query: Query = async (sql) => (await engine.query(sql)).rows as Row[];
    try {
      values.set(id, await expectedValues(spec, query));
    } catch (e) {
      throw new Error(`${id}: ${(e as Error).message}`);
    }
  }
  return values;
}

async function main(args: string[]): Promise<number> {
  const { cases, issues } = loadEvalCases(join(HERE, '..', 'questions'), '/nonexistent');
  const problems = [...issues.map((i) => i.message), ...referenceIssues(cases)];
  if (problems.length) throw new Error(problems.join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'chatbi-eval-values-'));
  const { runtimes, close } = await evalRuntimes(dir, (l) => console.log(l));
  let values: Map<string, ExpectedValues>;
  try {
    values = await computeExpected(runtimes);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
  const text = sidecarText(values);
  if (args.includes('--check')) {
    const same = isDeepStrictEqual(loadSidecar(SIDECAR).values, values);
    console.log(
      same ? 'expected-values.yaml is up to date' : 'expected-values.yaml differs: run fill-expected.ts',
    );
    return same ? 0 : 1;
  }
  writeFileSync(SIDECAR, text);
  console.log(`wrote ${values.size} cases' expected values to ${SIDECAR}`);
  return 0;
}

if (process.argv[1] === import.meta.filename) process.exitCode = await main(process.argv.slice(2));
