/**
 * `npm run bench -- --customers 1000000 [--only generate,ingest,compile,ratio,latency,load]`: runs the benchmark
 * scripts of evals/bench/ one after another, each in its own process (so peak memory is its own), at the given
 * demo size. Each prints its table and writes JSON under evals/bench/out/; evals/bench/RESULTS.md collects them.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../server/start-server.ts';

export const summary =
  'run the benchmarks (generation, ingest, compile, SQL ratio, answer latency, HTTP load) at a size';

const STEPS: Record<string, (customers: number) => string[]> = {
  generate: (n) => ['evals/bench/generate-bench.ts', '--customers', String(n)],
  ingest: (n) => ['evals/bench/ingest-bench.ts', '--sizes', String(Math.max(n, 1_000_000))],
  compile: () => ['evals/bench/semantic-compile-bench.ts'],
  ratio: (n) => ['evals/bench/semantic-ratio-bench.ts', '--customers', String(n)],
  latency: (n) => ['evals/bench/ask-latency-bench.ts', '--customers', String(n)],
  load: (n) => ['evals/bench/load-test.ts', '--customers', String(n)],
};

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { customers: { type: 'string', default: '10000' }, only: { type: 'string' } },
  });
  const customers = Number(values.customers);
  if (!Number.isInteger(customers) || customers < 100) {
    console.error(`error: --customers must be an integer ≥ 100, got ${values.customers}`);
    return 2;
  }
  const only = values.only ? values.only.split(',') : Object.keys(STEPS);
  const unknown = only.filter((s) => !(s in STEPS));
  if (unknown.length) {
    console.error(`error: unknown step(s) ${unknown.join(', ')}; steps: ${Object.keys(STEPS).join(', ')}`);
    return 2;
  }
  for (const step of only) {
    console.log(`\n== ${step} (${customers.toLocaleString('en-US')} customers)`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', ...STEPS[step]!(customers)], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      console.error(`${step} failed (exit ${r.status})`);
      return 1;
    }
  }
  console.log('\nresults: evals/bench/out/*.json; summary: evals/bench/RESULTS.md');
  return 0;
}
