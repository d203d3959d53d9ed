/**
 * Compile time of the semantic layer: `npx tsx evals/bench/semantic-compile-bench.ts [--iterations 2000]`.
 * For each golden query (semantic-layer/test/golden-queries.ts) and dialect, `compile()` (validate the
 * query, resolve it against the model, write SQL and params) is timed call by call after a warm-up;
 * prints median and p95 per query and overall (target: median < 1 ms), writes evals/bench/out/semantic-compile.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, loadModelFromDir } from '../../semantic-layer/src/index.ts';
import { GOLDEN_AS_OF, GOLDEN_QUERIES } from '../../semantic-layer/test/golden-queries.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIALECTS = ['duckdb', 'postgres'] as const;

/** The q-quantile of sorted numbers (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function argValue(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

function main(argv: string[]): void {
  const iterations = argValue(argv, '--iterations', 2000);
  const loaded = loadModelFromDir(join(HERE, '../../semantic-layer/models/retail'));
  if (!loaded.ok) throw new Error(`retail model does not load: ${JSON.stringify(loaded.issues)}`);
  const model = loaded.model;
  const load0 = loadavg()[0]!;
  const rows: { query: string; dialect: string; median_us: number; p95_us: number; sql_chars: number }[] = [];
  const all: number[] = [];
  for (const g of GOLDEN_QUERIES) {
    for (const dialect of DIALECTS) {
      const opts = { dialect, asOf: GOLDEN_AS_OF, attributes: g.attributes };
      const first = compile(model, g.query, opts);
      if (!first.ok) throw new Error(`${g.name}: ${JSON.stringify(first.issues)}`);
      for (let i = 0; i < Math.min(200, iterations); i++) compile(model, g.query, opts);
      const times: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const t0 = performance.now();
        compile(model, g.query, opts);
        times.push((performance.now() - t0) * 1000);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      rows.push({
        query: g.name,
        dialect,
        median_us: round(quantile(times, 0.5)),
        p95_us: round(quantile(times, 0.95)),
        sql_chars: first.compiled.sql.length,
      });
    }
  }
  all.sort((a, b) => a - b);
  const overall = { median_us: round(quantile(all, 0.5)), p95_us: round(quantile(all, 0.95)) };

  console.log(`compile() per query, ${iterations} iterations each after warm-up (µs)`);
  console.log(['query'.padEnd(46), 'dialect'.padEnd(9), 'median'.padStart(8), 'p95'.padStart(8)].join(' '));
  for (const r of rows)
    console.log(
      [
        r.query.padEnd(46),
        r.dialect.padEnd(9),
        String(r.median_us).padStart(8),
        String(r.p95_us).padStart(8),
      ].join(' '),
    );
  console.log(
    `overall: median ${overall.median_us} µs, p95 ${overall.p95_us} µs (target: median < 1000 µs) ` +
      `— ${overall.median_us < 1000 ? 'met' : 'NOT met'}`,
  );
  const load1 = loadavg()[0]!;
  console.log(`machine: ${cpus().length} cores, load average ${load0.toFixed(1)} → ${load1.toFixed(1)}`);

  const out = join(HERE, 'out', 'semantic-compile.json');
  mkdirSync(dirname(out), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    load_average: [round(load0), round(load1)],
    model_version: model.version,
    iterations,
    overall,
    queries: rows,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
