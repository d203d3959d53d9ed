/**
 * Execution time of compiled SQL against hand-written reference SQL for the same answer:
 * `npx tsx evals/bench/semantic-ratio-bench.ts --customers 100000 [--reps 7] [--explain]`.
 *
 * Generates the demo into .data/bench/retail-<N>.duckdb when absent (seed 42), prepares the retail model
 * on it (materialises the derived tables if their definitions changed), then for the ten questions of
 * reference-sql/questions.ts checks that both queries give the same rows and times them warm, in the same
 * run, interleaved (compiled first on even repetitions, reference first on odd ones). Reports each
 * question's medians and ratio compiled ÷ reference (target ≤ 1.1); writes evals/bench/out/semantic-ratio-<N>.json
 * and, with --explain, EXPLAIN ANALYZE of both queries of each question to out/semantic-ratio-<N>-explain/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, loadModelFromDir } from '../../semantic-layer/src/index.ts';
import { rowsDiffer } from '../../semantic-layer/test/row-compare.ts';
import type { AnalyticsEngine } from '../../server/src/data/analytics-engine.ts';
import { generateDemo } from '../../server/src/data/demo/generate-demo.ts';
import { DuckDbEngine } from '../../server/src/data/duckdb-engine.ts';
import { prepareModel } from '../../server/src/data/model-runtime.ts';
import { BENCH_AS_OF, BENCH_QUESTIONS, type BenchQuestion, referenceSql } from './reference-sql/questions.ts';
import { quantile } from './semantic-compile-bench.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const TARGET = 1.1;

interface Args {
  customers: number;
  reps: number;
  explain: boolean;
  threads: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const v = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive integer`);
    return v;
  };
  return {
    customers: value('--customers', 100_000),
    reps: value('--reps', 7),
    threads: value('--threads', 2),
    explain: argv.includes('--explain'),
  };
}

interface QuestionResult {
  id: string;
  question: BenchQuestion['question'];
  rows: number;
  same_answer: boolean;
  difference?: string;
  compiled_ms: { median: number; min: number; all: number[] };
  reference_ms: { median: number; min: number; all: number[] };
  /** compiled ÷ reference, of the medians (the figure reported) and of the minimums (less sensitive to load). */
  ratio: number;
  ratio_of_min: number;
}

const ms = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: round(quantile(sorted, 0.5)), min: round(sorted[0]!), all: values.map(round) };
};

async function timed(engine: AnalyticsEngine, sql: string, params: unknown[]): Promise<number> {
  const t0 = performance.now();
  await engine.query(sql, params);
  return performance.now() - t0;
}

async function ensureDemo(path: string, customers: number): Promise<void> {
  if (existsSync(path)) return;
  console.log(`generating the demo (${customers} customers, seed 42) into ${path} …`);
  const r = await generateDemo({
    dbPath: path,
    customers,
    seed: 42,
    onProgress: (step, done, total, d) =>
      console.log(`  [${done}/${total}] ${step}${d ? ` ${d.rows} rows, ${d.seconds.toFixed(1)} s` : ''}`),
  });
  console.log(`generated in ${r.seconds.toFixed(1)} s`);
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const dbPath = join(ROOT, '.data', 'bench', `retail-${args.customers}.duckdb`);
  await ensureDemo(dbPath, args.customers);
  const loaded = loadModelFromDir(join(ROOT, 'semantic-layer/models/retail'));
  if (!loaded.ok) throw new Error(`retail model does not load: ${JSON.stringify(loaded.issues)}`);
  const engine = await DuckDbEngine.open({ path: dbPath, connections: 1, threads: args.threads });
  try {
    const t0 = performance.now();
    const runtime = await prepareModel(engine, loaded.model, (table, s) =>
      console.log(`  materialised ${table} in ${s.toFixed(1)} s`),
    );
    console.log(`model ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (as of ${runtime.asOf})`);
    if (runtime.asOf !== BENCH_AS_OF) throw new Error(`the questions are written for as-of ${BENCH_AS_OF}`);

    const load0 = loadavg()[0]!;
    const cases = BENCH_QUESTIONS.map((q) => {
      const c = compile(loaded.model, q.query, { dialect: 'duckdb', asOf: runtime.asOf });
      if (!c.ok) throw new Error(`${q.id}: ${JSON.stringify(c.issues)}`);
      return { q, compiled: c.compiled, reference: referenceSql(q.id) };
    });
    const results: QuestionResult[] = [];
    const times = new Map<string, { compiled: number[]; reference: number[] }>();
    // Warm-up, and the answers must agree before any time means anything.
    for (const c of cases) {
      const a = (await engine.query(c.compiled.sql, c.compiled.params)).rows;
      const b = (await engine.query(c.reference)).rows;
      const difference = rowsDiffer(a, b) ?? undefined;
      results.push({
        id: c.q.id,
        question: c.q.question,
        rows: a.length,
        same_answer: !difference,
        difference,
        compiled_ms: ms([0]),
        reference_ms: ms([0]),
        ratio: 0,
        ratio_of_min: 0,
      });
      times.set(c.q.id, { compiled: [], reference: [] });
    }
    for (let rep = 0; rep < args.reps; rep++) {
      for (const c of cases) {
        const t = times.get(c.q.id)!;
        if (rep % 2 === 0) {
          t.compiled.push(await timed(engine, c.compiled.sql, c.compiled.params));
          t.reference.push(await timed(engine, c.reference, []));
        } else {
          t.reference.push(await timed(engine, c.reference, []));
          t.compiled.push(await timed(engine, c.compiled.sql, c.compiled.params));
        }
      }
    }
    for (const r of results) {
      const t = times.get(r.id)!;
      r.compiled_ms = ms(t.compiled);
      r.reference_ms = ms(t.reference);
      const median = (v: number[]) =>
        quantile(
          [...v].sort((a, b) => a - b),
          0.5,
        );
      r.ratio = round(median(t.compiled) / median(t.reference));
      r.ratio_of_min = round(Math.min(...t.compiled) / Math.min(...t.reference));
    }
    const load1 = loadavg()[0]!;

    printTable(args, results, [load0, load1]);
    const outDir = join(HERE, 'out');
    mkdirSync(outDir, { recursive: true });
    if (args.explain)
      await writeExplains(engine, cases, join(outDir, `semantic-ratio-${args.customers}-explain`));
    const out = join(outDir, `semantic-ratio-${args.customers}.json`);
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          customers: args.customers,
          reps: args.reps,
          duckdb_threads: args.threads,
          node: process.version,
          cores: cpus().length,
          memory_gb: round(totalmem() / 2 ** 30),
          load_average: [round(load0), round(load1)],
          model_version: loaded.model.version,
          target_ratio: TARGET,
          geometric_mean_ratio: geometricMean(results.map((r) => r.ratio)),
          questions: results,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${out}`);
  } finally {
    await engine.close();
  }
}

function printTable(args: Args, results: QuestionResult[], load: number[]): void {
  console.log(
    `\n${args.customers} customers, ${args.reps} warm repetitions, DuckDB threads ${args.threads}, ` +
      `${cpus().length} cores, load average ${load[0]!.toFixed(1)} → ${load[1]!.toFixed(1)}`,
  );
  const head = ['question', 'rows', 'compiled ms', 'reference ms', 'ratio', 'ratio of min', 'same answer'];
  console.log([head[0]!.padEnd(38), ...head.slice(1).map((h) => h.padStart(12))].join(' '));
  for (const r of results) {
    console.log(
      [
        r.id.padEnd(38),
        String(r.rows).padStart(12),
        r.compiled_ms.median.toFixed(1).padStart(12),
        r.reference_ms.median.toFixed(1).padStart(12),
        `${r.ratio.toFixed(2)}${r.ratio > TARGET ? ' !' : ''}`.padStart(12),
        r.ratio_of_min.toFixed(2).padStart(12),
        (r.same_answer ? 'yes' : `NO: ${r.difference}`).padStart(12),
      ].join(' '),
    );
  }
  console.log('(ms: medians of the warm repetitions; ratio = compiled ÷ reference; ! = above the target)');
  const above = results.filter((r) => r.ratio > TARGET).map((r) => r.id);
  console.log(
    `geometric mean ratio ${geometricMean(results.map((r) => r.ratio))}; ` +
      `${above.length ? `above ${TARGET}: ${above.join(', ')}` : `all ≤ ${TARGET}`}; ` +
      `answers ${results.every((r) => r.same_answer) ? 'all identical' : 'DIFFER'}`,
  );
}

async function writeExplains(
  engine: AnalyticsEngine,
  cases: { q: BenchQuestion; compiled: { sql: string; params: unknown[] }; reference: string }[],
  dir: string,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const plan = async (sql: string, params: unknown[]) =>
    (await engine.query(`EXPLAIN ANALYZE ${sql}`, params)).rows
      .map((r) => String(r.explain_value))
      .join('\n');
  for (const c of cases) {
    writeFileSync(
      join(dir, `${c.q.id}.compiled.txt`),
      `${c.compiled.sql}\n\n${await plan(c.compiled.sql, c.compiled.params)}\n`,
    );
    writeFileSync(join(dir, `${c.q.id}.reference.txt`), `${c.reference}\n\n${await plan(c.reference, [])}\n`);
  }
  console.log(`wrote EXPLAIN ANALYZE of each question to ${dir}`);
}

function geometricMean(values: number[]): number {
  return round(Math.exp(values.reduce((s, v) => s + Math.log(Math.max(v, 0.01)), 0) / values.length));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
