/**
 * `npm run bench -- --customers 1000000 [--only generate,ingest,compile,ratio,latency,analyses,load,stall,rollups]
 * [--engine duckdb,postgres]`: runs the
 * benchmark scripts of evals/bench/ one after another, each in its own process (so peak memory is its own), at
 * the given demo size. `--customers 10000,100000,1000000` runs every step at each size (generation and ingest
 * once, for all sizes) and ends with the growth table (evals/bench/growth-table.ts). Each script prints its
 * table and writes JSON under evals/bench/out/; evals/bench/RESULTS.md collects them. `--engine` lists the
 * analytics engines the answer and analysis latencies are measured on: `postgres` loads the generated data into
 * the PostgreSQL at ANALYTICS_DATABASE_URL (else DATABASE_URL) and materialises and answers there.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../server/start-server.ts';

export const summary =
  'run the benchmarks (generation, ingest, compile, SQL ratio, answer latency, HTTP load) at a size';

/** Steps run once for all sizes (given the list), then steps run per size. */
const ONCE: Record<string, (sizes: number[]) => string[]> = {
  generate: (sizes) => ['evals/bench/generate-bench.ts', '--customers', sizes.join(',')],
  ingest: (sizes) => ['evals/bench/ingest-bench.ts', '--sizes', String(Math.max(...sizes, 1_000_000))],
  compile: () => ['evals/bench/semantic-compile-bench.ts'],
};
const PER_SIZE: Record<string, (customers: number) => string[]> = {
  ratio: (n) => ['evals/bench/semantic-ratio-bench.ts', '--customers', String(n)],
  latency: (n) => ['evals/bench/ask-latency-bench.ts', '--customers', String(n), '--rematerialize'],
  analyses: (n) => [
    'evals/bench/ask-latency-bench.ts',
    '--customers',
    String(n),
    '--set',
    'analyses',
    '--reps',
    '2',
  ],
  load: (n) => ['evals/bench/load-test.ts', '--customers', String(n)],
  stall: (n) => ['evals/bench/stall-bench.ts', '--customers', String(n)],
  rollups: (n) => ['evals/bench/rollup-bench.ts', '--customers', String(n)],
};
const STEPS = [...Object.keys(ONCE), ...Object.keys(PER_SIZE)];
/** Steps measured on every engine asked; the others measure DuckDB itself (generation, ingest, SQL). */
const PER_ENGINE = new Set(['latency', 'analyses']);
const ENGINES = ['duckdb', 'postgres'];

function runScript(args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env,
  });
  if (r.status !== 0) console.error(`${args[0]} failed (exit ${r.status})`);
  return r.status === 0;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      customers: { type: 'string', default: '10000' },
      only: { type: 'string' },
      engine: { type: 'string', default: 'duckdb' },
    },
  });
  const engines = values.engine.split(',');
  const badEngine = engines.filter((e) => !ENGINES.includes(e));
  if (badEngine.length) {
    console.error(`error: unknown engine(s) ${badEngine.join(', ')}; engines: ${ENGINES.join(', ')}`);
    return 2;
  }
  const postgresUrl = process.env.ANALYTICS_DATABASE_URL || process.env.DATABASE_URL;
  if (engines.includes('postgres') && !postgresUrl) {
    console.error('error: --engine postgres needs ANALYTICS_DATABASE_URL (or DATABASE_URL) = postgres://…');
    return 2;
  }
  const envFor = (engine: string): NodeJS.ProcessEnv => {
    const env = { ...process.env };
    if (engine === 'postgres') env.ANALYTICS_DATABASE_URL = postgresUrl;
    else delete env.ANALYTICS_DATABASE_URL;
    return env;
  };
  const sizes = values.customers.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) {
    console.error(`error: --customers must be integers ≥ 100 (comma-separated), got ${values.customers}`);
    return 2;
  }
  const only = values.only ? values.only.split(',') : STEPS;
  const unknown = only.filter((s) => !STEPS.includes(s));
  if (unknown.length) {
    console.error(`error: unknown step(s) ${unknown.join(', ')}; steps: ${STEPS.join(', ')}`);
    return 2;
  }
  const label = sizes.map((n) => n.toLocaleString('en-US')).join(', ');
  for (const step of only.filter((s) => s in ONCE)) {
    console.log(`\n== ${step} (${label} customers)`);
    if (!runScript(ONCE[step]!(sizes))) return 1;
  }
  for (const customers of sizes)
    for (const step of only.filter((s) => s in PER_SIZE))
      for (const engine of PER_ENGINE.has(step) ? engines : ['duckdb']) {
        console.log(`\n== ${step} on ${engine} (${customers.toLocaleString('en-US')} customers)`);
        if (!runScript(PER_SIZE[step]!(customers), envFor(engine))) return 1;
      }
  if (sizes.length > 1) {
    console.log('\n== growth');
    if (!runScript(['evals/bench/growth-table.ts', '--customers', sizes.join(',')])) return 1;
  }
  console.log('\nresults: evals/bench/out/*.json; summary: evals/bench/RESULTS.md');
  return 0;
}
