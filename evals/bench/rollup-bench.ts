/**
 * Questions a rollup covers, answered from the rollup and from the base tables:
 * `npx tsx evals/bench/rollup-bench.ts --customers 100000 [--reps 15] [--threads 2]`.
 *
 * Uses .data/bench/retail-<N>.duckdb (generated when absent, seed 42) in a scratch copy, prepares the retail
 * model (derived tables and rollups, timed), then compiles each question as the product does (point in
 * time, then the compiler with the built rollups, and again without them). The questions the compiler
 * answers from a rollup are the covered set: both SQL texts must give the same rows; then each is run
 * warm, interleaved (rollup first on even repetitions), and the report gives p50/p95 over all runs of
 * each side, each question's medians, and the questions no rollup covers. Writes
 * evals/bench/out/rollups-<N>.json. Not a test: the figures depend on the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledQuery, compile, loadModelFromDir } from '../../semantic-layer/src/index.ts';
import type { SemanticQueryInput } from '../../semantic-layer/src/query.ts';
import { rowsDiffer } from '../../semantic-layer/test/row-compare.ts';
import { DuckDbEngine } from '../../server/src/data/duckdb-engine.ts';
import { prepareModel } from '../../server/src/data/model-runtime.ts';
import { pointInTime } from '../../server/src/pipeline/point-in-time.ts';
import { benchDatabase, scratchDataDir } from './load/bench-data.ts';
import { summarize } from './load/latency-stats.ts';
import { BENCH_QUESTIONS } from './reference-sql/questions.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const Q3 = { start: '2026-07-01', end: '2026-10-01' };

/** Besides the ratio benchmark's ten questions: typical sales and churn splits of the rollup's dimensions. */
const EXTRA: { id: string; query: SemanticQueryInput }[] = [
  {
    id: 'r01-revenue-orders-by-channel-monthly',
    query: {
      model: 'retail',
      metrics: ['revenue', 'orders', 'avg_order_value'],
      dimensions: ['sales_channel'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
    },
  },
  {
    id: 'r02-churn-by-acquisition-channel-vs-previous',
    query: {
      model: 'retail',
      metrics: ['churn_rate', 'churned_customers', 'lost_revenue'],
      dimensions: ['acquisition_channel'],
      timeRange: Q3,
      compare: 'previous_period',
    },
  },
  {
    id: 'r03-revenue-by-region-and-tier-this-year',
    query: {
      model: 'retail',
      metrics: ['revenue', 'revenue_per_customer'],
      dimensions: ['region'],
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
      filters: [{ member: 'value_tier', op: 'in', values: ['high', 'medium'] }],
    },
  },
  {
    id: 'r04-customers-and-new-customers-by-region',
    query: {
      model: 'retail',
      metrics: ['customers', 'new_customers'],
      dimensions: ['region'],
      timeRange: Q3,
    },
  },
  // Churn by a customer feature: answered point in time (the tier at the quarter start).
  {
    id: 'r05-churn-by-value-tier',
    query: { model: 'retail', metrics: ['churn_rate'], dimensions: ['value_tier'], timeRange: Q3 },
  },
  {
    id: 'r06-churn-of-high-value-by-region-top-3',
    query: {
      model: 'retail',
      metrics: ['churn_rate'],
      dimensions: ['region'],
      timeRange: Q3,
      filters: [{ member: 'value_tier', op: 'in', values: ['high'] }],
      order: [{ member: 'churn_rate', dir: 'desc' }],
      limit: 3,
    },
  },
];

function arg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive integer`);
  return v;
}

async function main(argv: string[]): Promise<void> {
  const customers = arg(argv, '--customers', 100_000);
  const reps = arg(argv, '--reps', 15);
  const threads = arg(argv, '--threads', 2);
  const scratch = scratchDataDir(await benchDatabase(ROOT, customers));
  const loaded = loadModelFromDir(join(ROOT, 'semantic-layer/models/retail'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const model = loaded.model;
  const engine = await DuckDbEngine.open({
    path: join(scratch.dir, 'retail.duckdb'),
    connections: 1,
    threads,
  });
  try {
    const materialized: Record<string, number> = {};
    const t0 = performance.now();
    const runtime = await prepareModel(engine, model, (table, s) => {
      materialized[table] = Math.round(s * 100) / 100;
    });
    const total = (performance.now() - t0) / 1000;
    const rollupSeconds = Object.entries(materialized)
      .filter(([t]) => t.startsWith('rollup_'))
      .reduce((s, [, v]) => s + v, 0);
    console.log(
      `model ready in ${total.toFixed(1)} s, of which rollups ${rollupSeconds.toFixed(1)} s (${runtime.rollups?.length ?? 0} rollup grains)`,
    );
    const questions = [...BENCH_QUESTIONS.map((q) => ({ id: q.id, query: q.query })), ...EXTRA];
    const compiledAs = (query: SemanticQueryInput, withRollups: boolean): CompiledQuery => {
      const pit = pointInTime(model, query, runtime.asOf).query;
      const rollups = withRollups ? runtime.rollups : [];
      const c = compile(model, pit, { dialect: 'duckdb', asOf: runtime.asOf, rollups });
      if (!c.ok) throw new Error(JSON.stringify(c.issues));
      return c.compiled;
    };
    const cases = questions.map((q) => ({
      ...q,
      rollup: compiledAs(q.query, true),
      base: compiledAs(q.query, false),
    }));
    const covered = cases.filter((c) => c.rollup.answeredFrom?.kind === 'rollup');
    // Wall time, and the process's CPU time (DuckDB's threads included): on a busy shared machine the
    // wall time is mostly waiting for a core, the CPU time is the work the query costs.
    const run = async (c: CompiledQuery) => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const rows = (await engine.query(c.sql, c.params)).rows;
      const used = process.cpuUsage(cpu);
      return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, rows };
    };
    for (const c of covered) {
      const difference = rowsDiffer((await run(c.rollup)).rows, (await run(c.base)).rows);
      if (difference) throw new Error(`${c.id}: the rollup answer differs: ${difference}`);
    }
    const times = new Map(covered.map((c) => [c.id, { rollup: [] as number[], base: [] as number[] }]));
    const cpuTimes = { rollup: [] as number[], base: [] as number[] };
    const load0 = loadavg()[0]!;
    for (let rep = 0; rep < reps; rep++) {
      for (const c of covered) {
        const t = times.get(c.id)!;
        const order = rep % 2 === 0 ? (['rollup', 'base'] as const) : (['base', 'rollup'] as const);
        for (const side of order) {
          const r = await run(c[side]);
          t[side].push(r.ms);
          cpuTimes[side].push(r.cpuMs);
        }
      }
    }
    const all = (side: 'rollup' | 'base') => [...times.values()].flatMap((t) => t[side]);
    const report = {
      customers,
      reps,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, load_before: load0, load_after: loadavg()[0] },
      materialize_s: {
        total: Math.round(total * 10) / 10,
        rollups: Math.round(rollupSeconds * 10) / 10,
        tables: materialized,
      },
      covered: {
        questions: covered.length,
        from_rollup_ms: summarize(all('rollup')),
        from_base_ms: summarize(all('base')),
        from_rollup_cpu_ms: summarize(cpuTimes.rollup),
        from_base_cpu_ms: summarize(cpuTimes.base),
        per_question: covered.map((c) => ({
          id: c.id,
          grain: c.rollup.answeredFrom?.kind === 'rollup' ? c.rollup.answeredFrom.grain : null,
          rollup_p50: summarize(times.get(c.id)!.rollup).p50,
          base_p50: summarize(times.get(c.id)!.base).p50,
        })),
      },
      not_covered: cases.filter((c) => c.rollup.answeredFrom?.kind !== 'rollup').map((c) => c.id),
    };
    const r = report.covered;
    console.log(
      `\n${customers} customers, ${r.questions} covered questions × ${reps} runs (load ${load0.toFixed(1)})`,
    );
    console.log('| question | rollup grain | from rollup p50 ms | from base tables p50 ms |');
    console.log('|---|---|---:|---:|');
    for (const q of r.per_question) console.log(`| ${q.id} | ${q.grain} | ${q.rollup_p50} | ${q.base_p50} |`);
    console.log(
      `covered questions: from rollup p50 ${r.from_rollup_ms.p50} ms / p95 ${r.from_rollup_ms.p95} ms; from base tables p50 ${r.from_base_ms.p50} ms / p95 ${r.from_base_ms.p95} ms`,
    );
    console.log(
      `CPU time per answer: from rollup p50 ${r.from_rollup_cpu_ms.p50} ms / p95 ${r.from_rollup_cpu_ms.p95} ms; from base tables p50 ${r.from_base_cpu_ms.p50} ms / p95 ${r.from_base_cpu_ms.p95} ms`,
    );
    console.log(`not covered (base tables): ${report.not_covered.join(', ')}`);
    const out = join(ROOT, 'evals/bench/out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `rollups-${customers}.json`), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await engine.close();
    scratch.remove();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
