/**
 * How long whole-population analyses block the event loop (issue 21 §1):
 * `npx tsx evals/bench/stall-bench.ts --customers 100000`. Opens the bench demo .data/bench/retail-<N>.duckdb
 * (generated when absent; derived tables materialised when stale), then asks the analysis questions of
 * ask-latency-bench all at once, twice: a cold burst (the risk model trains) and a warm one (result cache
 * emptied). A timer probe every 5 ms records how late it fires: the worst lateness is the longest any other
 * request (an HTTP `/api/health`) would have waited. Prints the table; writes evals/bench/out/stall-<N>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAnalysis } from '../../server/src/analysis/run-analysis.ts';
import { CachedReads } from '../../server/src/data/analytics-engine.ts';
import { answerQuestion } from '../../server/src/pipeline/answer-question.ts';
import { openBenchRuntime } from './load/bench-runtime.ts';
import { ANALYSIS_QUESTIONS } from './load/questions.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { customers: { type: 'string', default: '100000' } } });
const customers = Number(values.customers);
const { engine, active } = await openBenchRuntime(ROOT, customers);

/** Starts the probe: a 5 ms timer whose lateness is how long the event loop was blocked. */
export function startStallProbe(periodMs = 5) {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - periodMs);
    last = now;
  }, periodMs);
  return () => {
    clearInterval(timer);
    return worst;
  };
}

async function burst(label: string) {
  if (engine instanceof CachedReads) engine.results.clear();
  const stop = startStallProbe();
  const started = performance.now();
  const kinds = await Promise.all(
    ANALYSIS_QUESTIONS.map(async (question) => {
      const { answer } = await answerQuestion(
        { llm: null, runAnalysis },
        { active, turn: { question }, conversationId: 'stall-bench' },
      );
      return answer.kind;
    }),
  );
  const wallMs = performance.now() - started;
  const worstStallMs = stop();
  return {
    label,
    questions: kinds.length,
    answered: kinds.filter((k) => k !== 'error').length,
    wallMs,
    worstStallMs,
  };
}

const results = [await burst('cold (risk model trains)'), await burst('warm')];
console.log(
  `\nEvent-loop stall during a burst of ${ANALYSIS_QUESTIONS.length} analyses at ${customers.toLocaleString('en-US')} customers (${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`,
);
console.log('| burst | answered | wall (ms) | worst stall (ms) |\n|---|---:|---:|---:|');
for (const r of results)
  console.log(
    `| ${r.label} | ${r.answered}/${r.questions} | ${r.wallMs.toFixed(0)} | ${r.worstStallMs.toFixed(0)} |`,
  );
mkdirSync(join(ROOT, 'evals/bench/out'), { recursive: true });
writeFileSync(
  join(ROOT, `evals/bench/out/stall-${customers}.json`),
  JSON.stringify({ date: new Date().toISOString(), customers, loadavg: loadavg(), results }, null, 2),
);
await engine.close();
