/**
 * Latency of single-query answers through the real pipeline (interpret → compile → execute → present), engine
 * warm: `npx tsx evals/bench/ask-latency-bench.ts --customers 1000000 [--reps 5]`. Uses the demo database
 * .data/bench/retail-<N>.duckdb (generated when absent), prepares the model (materialising when needed, timed),
 * then asks 20 questions (10 zh, 10 en) `reps` times after one warm-up round. Prints p50/p95 per stage and
 * total; writes evals/bench/out/ask-latency-<N>.json. `--set analyses` asks 10 analysis questions instead
 * (reasons, drivers, decomposition, risk list, actions, cohorts, survival, segments); the warm-up round's
 * time is reported as `first` (it includes training the risk model). `--rematerialize` rebuilds every
 * derived table first, so the JSON holds the materialisation time (`materialiseSeconds`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadModelFromDir } from '../../semantic-layer/src/index.ts';
import { forgetAnalyses } from '../../server/src/analysis/analysis-cache.ts';
import { runAnalysis } from '../../server/src/analysis/run-analysis.ts';
import { CachedReads } from '../../server/src/data/analytics-engine.ts';
import { openAnalyticsStore } from '../../server/src/data/analytics-store.ts';
import { generateDemo } from '../../server/src/data/demo/generate-demo.ts';
import { MATERIALIZED_TABLE, prepareModel } from '../../server/src/data/model-runtime.ts';
import { answerQuestion } from '../../server/src/pipeline/answer-question.ts';
import { ANALYSIS_QUESTIONS } from './load/questions.ts';
import { quantile as quantileOfSorted } from './semantic-compile-bench.ts';

const quantile = (values: number[], q: number) =>
  quantileOfSorted(
    [...values].sort((a, b) => a - b),
    q,
  );

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const QUESTIONS = [
  '上个季度流失率是多少?',
  '上个季度各地区的流失率',
  '近12个月流失率的月度趋势',
  '华东和华南的流失率对比',
  '上个季度高价值客户的流失率',
  '上个季度哪个城市的流失客户最多? 前五',
  '今年每月的收入',
  '上个季度各品类的客单价',
  '上个季度净推荐值按地区',
  '本季度的流失率和上季度比',
  'What was the churn rate last quarter?',
  'churn rate by value tier last quarter',
  'monthly revenue trend this year',
  'top 5 cities by churned customers last quarter',
  'NPS by region last quarter',
  'average order value by sales channel last quarter',
  'how many active customers by region',
  'churn rate of Mother & Baby buyers last quarter',
  'complaint rate by region last quarter',
  'revenue last quarter vs the same quarter last year',
];

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    reps: { type: 'string', default: '5' },
    set: { type: 'string', default: 'answers' },
    rematerialize: { type: 'boolean', default: false },
  },
});
const analyses = values.set === 'analyses';
const QUESTIONS_ASKED = analyses ? ANALYSIS_QUESTIONS : QUESTIONS;
const customers = Number(values.customers);
const reps = Number(values.reps);
const db = join(ROOT, `.data/bench/retail-${customers}.duckdb`);
if (!existsSync(db)) {
  mkdirSync(dirname(db), { recursive: true });
  console.log(`generating ${customers} customers…`);
  await generateDemo({ dbPath: db, customers, seed: 42 });
}
const opened = performance.now();
// DuckDB, or PostgreSQL loaded from the generated file when ANALYTICS_DATABASE_URL is set.
const engine = await openAnalyticsStore({
  name: `bench_${customers}`,
  duckdbPath: db,
  connections: 4,
  duckdb: { threads: 2, memoryLimit: '1GB' },
});
const loadSeconds = (performance.now() - opened) / 1000;
const loaded = loadModelFromDir(join(ROOT, 'semantic-layer/models/retail'));
if (!loaded.ok) throw new Error('retail model does not load');
// --rematerialize forgets the derived tables' keys, so every table is rebuilt and timed.
if (values.rematerialize && (await engine.tables()).has(MATERIALIZED_TABLE))
  await engine.exec(`DELETE FROM ${MATERIALIZED_TABLE}`);
const materialised: Record<string, number> = {};
const t0 = performance.now();
const runtime = await prepareModel(engine, loaded.model, (t, s) => {
  materialised[t] = s;
  console.log(`  materialised ${t} in ${s.toFixed(1)} s`);
});
const prepareSeconds = (performance.now() - t0) / 1000;
const active = { runtime, versionNo: 0 };
const stages: Record<string, number[]> = { interpret: [], compile: [], execute: [], present: [], total: [] };
const cachedTotals: number[] = [];
const perQuestion: {
  question: string;
  kind: string;
  firstMs: number;
  totalMs: number[];
  cachedMs: number[];
}[] = [];
const ask = async (question: string) => {
  const started = performance.now();
  const { answer } = await answerQuestion(
    { llm: null, runAnalysis },
    { active, turn: { question }, conversationId: 'bench' },
  );
  return { answer, total: performance.now() - started };
};
// Each rep asks every question with the result cache emptied first (the query really runs: "uncached"),
// then once more (served from the cache while the store is unchanged: "cached"). Rep -1 warms up.
for (let rep = -1; rep < reps; rep++) {
  for (const [i, question] of QUESTIONS_ASKED.entries()) {
    if (engine instanceof CachedReads) engine.results.clear();
    forgetAnalyses(active.runtime);
    const { answer, total } = await ask(question);
    if (rep < 0) {
      perQuestion.push({
        question,
        kind: `${answer.kind}/${answer.interpretation.intent}`,
        firstMs: total,
        totalMs: [],
        cachedMs: [],
      });
      continue;
    }
    perQuestion[i]!.totalMs.push(total);
    stages.total!.push(total);
    for (const s of ['interpret', 'compile', 'execute', 'present'])
      stages[s]!.push(answer.provenance.timings[s] ?? 0);
    const again = await ask(question);
    perQuestion[i]!.cachedMs.push(again.total);
    cachedTotals.push(again.total);
  }
}
const summary = Object.fromEntries(
  Object.entries(stages).map(([k, v]) => [k, { p50: quantile(v, 0.5), p95: quantile(v, 0.95) }]),
);
const cached = { p50: quantile(cachedTotals, 0.5), p95: quantile(cachedTotals, 0.95) };
console.log(
  `\n${customers.toLocaleString('en-US')} customers, ${reps} reps × ${QUESTIONS_ASKED.length} questions (engine warm, result cache emptied)`,
);
for (const [k, v] of Object.entries(summary))
  console.log(
    `  ${k.padEnd(10)} p50 ${v.p50.toFixed(1).padStart(8)} ms   p95 ${v.p95.toFixed(1).padStart(8)} ms`,
  );
console.log(
  `  ${'cached'.padEnd(10)} p50 ${cached.p50.toFixed(1).padStart(8)} ms   p95 ${cached.p95.toFixed(1).padStart(8)} ms`,
);
for (const q of perQuestion)
  console.log(
    `  ${quantile(q.totalMs, 0.5).toFixed(0).padStart(6)} ms ${quantile(q.cachedMs, 0.5).toFixed(0).padStart(4)} ms cached ${q.firstMs.toFixed(0).padStart(7)} ms first  ${q.kind.padEnd(24)} ${q.question}`,
  );
const out = join(
  ROOT,
  `evals/bench/out/ask-latency-${analyses ? 'analyses-' : ''}${engine.dialect === 'postgres' ? 'postgres-' : ''}${customers}.json`,
);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, memoryGB: totalmem() / 2 ** 30, loadavg: loadavg() },
      customers,
      engine: engine.dialect,
      loadSeconds,
      reps,
      prepareSeconds,
      materialised,
      materialiseSeconds: Object.keys(materialised).length
        ? Object.values(materialised).reduce((a, b) => a + b, 0)
        : null,
      firstRiskMs: perQuestion.find((q) => q.kind.endsWith('/risk_list'))?.firstMs ?? null,
      summary,
      cached,
      perQuestion,
    },
    null,
    2,
  ),
);
console.log(
  `written ${out}; engine ${engine.dialect}: opened/loaded in ${loadSeconds.toFixed(1)} s, model prepared in ${prepareSeconds.toFixed(1)} s`,
);
await engine.close();
