/**
 * How long the first run of one analysis per access scope holds the event loop (issue 21, "nothing heavy on
 * the event loop"): `npx tsx evals/bench/first-run-stall.ts --customers 100000 [--rounds 3]
 * [--question 那怎么挽回? --previous 华南上季度流失了多少客户]`. Opens the bench demo
 * .data/bench/retail-<N>.duckdb like stall-bench.ts (materialised in place when stale), trains the risk model
 * once, then per round and per scope (unrestricted, 华南) forgets the kept analyses, populations and read
 * results and answers the follow-up again, alone: a 5 ms timer records the worst lateness (what a
 * `/api/health` would have waited) and the summed lateness over 20 ms (main-thread time held in long
 * stretches). Run under `node --cpu-prof` (`NODE_OPTIONS=--cpu-prof`) to see where that time goes.
 */
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { forgetAnalyses } from '../../server/src/analysis/analysis-cache.ts';
import { riskModelFor } from '../../server/src/analysis/risk/risk-model-cache.ts';
import { forgetPopulations } from '../../server/src/analysis/risk/scored-population-cache.ts';
import { runAnalysis } from '../../server/src/analysis/run-analysis.ts';
import { CachedReads } from '../../server/src/data/analytics-engine.ts';
import { answerQuestion } from '../../server/src/pipeline/answer-question.ts';
import { openBenchRuntime } from './load/bench-runtime.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    question: { type: 'string', default: '那怎么挽回?' },
    previous: { type: 'string', default: '华南上季度流失了多少客户' },
  },
});
const customers = Number(values.customers);
const { engine, active } = await openBenchRuntime(ROOT, customers);
await riskModelFor(active.runtime);

function startProbe(periodMs = 5) {
  let worst = 0;
  let heldOver20 = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - periodMs;
    worst = Math.max(worst, late);
    if (late > 20) heldOver20 += late;
    last = now;
  }, periodMs);
  return () => {
    clearInterval(timer);
    return { worst, heldOver20 };
  };
}

const SCOPES: { label: string; attributes: Record<string, string[]> }[] = [
  { label: 'unrestricted', attributes: {} },
  { label: '华南', attributes: { region: ['华南'] } },
];
const deps = { llm: null, runAnalysis };
const rows: string[] = [];
for (let round = 1; round <= Number(values.rounds); round++)
  for (const scope of SCOPES) {
    forgetAnalyses(active.runtime);
    forgetPopulations(engine);
    if (engine instanceof CachedReads) engine.results.clear();
    const first = await answerQuestion(deps, {
      active,
      turn: { question: values.previous! },
      attributes: scope.attributes,
      conversationId: `first-run-${round}`,
    });
    const cpu0 = process.cpuUsage();
    const stop = startProbe();
    const started = performance.now();
    const { answer } = await answerQuestion(deps, {
      active,
      turn: { question: values.question! },
      previous: first.state,
      attributes: scope.attributes,
      conversationId: `first-run-${round}`,
    });
    const wall = performance.now() - started;
    const { worst, heldOver20 } = stop();
    const cpu = process.cpuUsage(cpu0);
    const line = `| ${round} | ${scope.label} | ${answer.kind} | ${wall.toFixed(0)} | ${((cpu.user + cpu.system) / 1000).toFixed(0)} | ${worst.toFixed(0)} | ${heldOver20.toFixed(0)} | ${loadavg()[0]!.toFixed(1)} |`;
    console.log(line);
    rows.push(line);
  }
console.log(
  `\nFirst run of "${values.question}" after "${values.previous}" at ${customers.toLocaleString('en-US')} customers (${cpus().length} cores)`,
);
console.log(
  '| round | scope | answer | wall ms | process CPU ms | worst loop wait ms | held > 20 ms (sum, ms) | load |\n|---|---|---|---:|---:|---:|---:|---:|',
);
for (const r of rows) console.log(r);
await engine.close();
