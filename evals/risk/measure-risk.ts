/**
 * Measures the churn risk model and the two analyses built on it, and writes evals/risk/results.json
 * and evals/risk/RESULTS.md:
 * - demo (default 10,000 customers, seed 42): the time-split evaluation (ROC AUC, precision in the top
 *   decile, calibration), training time, and the latency of risk_list and actions (cold = including
 *   training, warm = model cached), unrestricted and for a 华南-only user;
 * - IBM Telco (../shared/data/telco_churn_ibm): 5-fold stratified cross-validated ROC AUC.
 * Run: npx tsx evals/risk/measure-risk.ts [--customers 10000,100000] [--seed 42]
 * (each size reads /tmp/demo<N>k-risk.duckdb, generated first when the file does not exist).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromDir } from '../../semantic-layer/src/index.ts';
import type { AnalysisRequest, RunAnalysis } from '../../server/src/analysis/analysis-contract.ts';
import { actionsAnalysis } from '../../server/src/analysis/playbook/index.ts';
import { forgetRiskModels, riskListAnalysis, trainRiskModel } from '../../server/src/analysis/risk/index.ts';
import { crossValidateLogistic } from '../../server/src/analysis/stats/index.ts';
import { generateDemo } from '../../server/src/data/demo/generate-demo.ts';
import { DuckDbEngine } from '../../server/src/data/duckdb-engine.ts';
import { prepareModel } from '../../server/src/data/model-runtime.ts';
import { sharedDataPath } from '../../server/src/data/shared-data.ts';
import { telcoDesign } from './telco-features.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const sizes = arg('customers', '10000').split(',').map(Number);
const seed = Number(arg('seed', '42'));
const dbPathFor = (customers: number) => `/tmp/demo${customers / 1000}k-risk.duckdb`;
const round = (v: number | null | undefined, d = 3) =>
  v === null || v === undefined ? null : Number(v.toFixed(d));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(run: RunAnalysis, runtime: Parameters<RunAnalysis>[0], request: AnalysisRequest) {
  const t0 = performance.now();
  const r = await run(runtime, request);
  return { ms: performance.now() - t0, result: r };
}

async function measureDemo(customers: number) {
  const dbPath = dbPathFor(customers);
  let generatedSeconds: number | null = null;
  if (!existsSync(dbPath)) {
    const g = await generateDemo({ dbPath, customers, seed });
    generatedSeconds = g.seconds;
  }
  const loaded = loadModelFromDir(join(ROOT, 'semantic-layer', 'models', 'retail'));
  if (!loaded.ok) throw new Error('retail model does not load');
  const engine = await DuckDbEngine.open({ path: dbPath, threads: 2 });
  try {
    const t0 = performance.now();
    const runtime = await prepareModel(engine, loaded.model);
    const prepareMs = performance.now() - t0;

    const model = await trainRiskModel(runtime, undefined, 'en');
    const request = (over: Partial<AnalysisRequest> = {}): AnalysisRequest => ({
      intent: 'risk_list',
      language: 'zh',
      query: { model: 'retail', metrics: ['at_risk_customers'] },
      ...over,
    });
    const latency = async (label: string, run: RunAnalysis, intent: 'risk_list' | 'actions', over = {}) => {
      forgetRiskModels(engine);
      const cold = await timed(run, runtime, request({ intent, ...over }));
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) warm.push((await timed(run, runtime, request({ intent, ...over }))).ms);
      return {
        label,
        cold_ms: Math.round(cold.ms),
        warm_median_ms: Math.round(median(warm)),
        rows: cold.result.presentation.rows.length,
      };
    };
    const south = { attributes: { region: ['华南'] } };
    const latencies = [
      await latency('risk_list (all regions)', riskListAnalysis, 'risk_list'),
      await latency('actions (all regions)', actionsAnalysis, 'actions'),
      await latency('risk_list (华南 user)', riskListAnalysis, 'risk_list', south),
      await latency('actions (华南 user)', actionsAnalysis, 'actions', south),
    ];
    const list = await riskListAnalysis(runtime, request());
    const counts = list.analysis.counts as Record<string, unknown>;
    const e = model.evaluation;
    return {
      customers,
      seed,
      db: dbPath,
      sample_rate: round(model.sampleRate, 4),
      generated_seconds: generatedSeconds,
      prepare_ms: Math.round(prepareMs),
      as_of: runtime.asOf,
      training_dates: model.trainingDates,
      evaluation_date: model.evaluationDate,
      production_dates: model.productionDates,
      training_rows: e.trainingRows,
      production_rows: model.productionRows,
      evaluation_rows: e.rows,
      evaluation_events: e.events,
      roc_auc: round(e.auc, 4),
      precision_top_decile: round(e.topDecile?.precision),
      lift_top_decile: round(e.topDecile?.lift, 2),
      base_rate: round(e.rows ? e.events / e.rows : null),
      brier: round(e.brier, 4),
      calibration: e.calibration.map((b) => ({
        bin: b.bin,
        count: b.count,
        mean_predicted: round(b.meanPredicted),
        observed: round(b.observedRate),
      })),
      training_ms: {
        history_read: Math.round(model.timings.historyMs),
        fit_evaluation: Math.round(model.timings.fitEvaluationMs),
        fit_production: Math.round(model.timings.fitProductionMs),
        total: Math.round(model.timings.totalMs),
      },
      features: model.features.length,
      at_risk_now: counts,
      latencies,
    };
  } finally {
    await engine.close();
  }
}

async function measureTelco() {
  const path = sharedDataPath('telco_churn_ibm', 'Telco-Customer-Churn.csv');
  if (!existsSync(path)) return { skipped: `${path} not found` };
  const design = await telcoDesign(path);
  const t0 = performance.now();
  const cv = crossValidateLogistic(design, { folds: 5, seed: 1 });
  const ms = performance.now() - t0;
  if (!cv.ok) throw new Error(cv.issue.message);
  return {
    rows: design.rows,
    features: design.featureNames.length,
    folds: 5,
    seed: 1,
    fold_auc: cv.value.foldAuc.map((a) => round(a, 4)),
    mean_auc: round(cv.value.meanAuc, 4),
    sd_auc: round(cv.value.sdAuc, 4),
    cv_ms: Math.round(ms),
    warnings: [...new Set(cv.value.warnings.map((w) => w.code))],
  };
}

type DemoFigures = Awaited<ReturnType<typeof measureDemo>>;
type TelcoFigures = Awaited<ReturnType<typeof measureTelco>>;

function demoSection(d: DemoFigures): string {
  const cal = d.calibration
    .map((b) => `| ${b.bin} | ${b.count} | ${b.mean_predicted} | ${b.observed} |`)
    .join('\n');
  const lat = d.latencies
    .map((l) => `| ${l.label} | ${l.cold_ms} | ${l.warm_median_ms} | ${l.rows} |`)
    .join('\n');
  return `## Demo (${d.customers.toLocaleString('en-US')} customers, seed ${d.seed}, as-of ${d.as_of})

Database \`${d.db}\` (\`npx tsx server/src/cli.ts demo --customers ${d.customers} --seed ${d.seed} --out ${d.db}\`).
Time split: train on the quarter snapshots ${d.training_dates.join(', ')} (${d.training_rows} active customer-quarters),
evaluate on ${d.evaluation_date} (${d.evaluation_rows} active customers, ${d.evaluation_events} churned within 90 days).
The model that scores customers now is refitted on ${d.production_dates.join(', ')} (${d.production_rows} rows), ${d.features} features; history sample rate ${d.sample_rate}.

| metric (out of time, ${d.evaluation_date}) | value |
|---|---|
| ROC AUC | **${d.roc_auc}** |
| precision in the top decile | ${d.precision_top_decile} (base rate ${d.base_rate}, lift ${d.lift_top_decile}) |
| Brier score | ${d.brier} |

Calibration (deciles of predicted probability):

| bin | customers | mean predicted | observed |
|---|---|---|---|
${cal}

Training (history read through compiled semantic queries + two IRLS fits): ${d.training_ms.total} ms
(history read ${d.training_ms.history_read} ms, evaluation fit ${d.training_ms.fit_evaluation} ms, production fit ${d.training_ms.fit_production} ms).

Latency (ms; cold = first question for that row-level-security scope, training included; warm = median of 5 with the model cached):

| analysis | cold | warm | rows |
|---|---|---|---|
${lat}

At risk now (all regions): ${JSON.stringify(d.at_risk_now)}.
`;
}

function telcoSection(t: TelcoFigures): string {
  if ('skipped' in t) return `## IBM Telco\n\nSkipped: ${t.skipped}\n`;
  return `## IBM Telco (5-fold cross-validation)

${t.rows} customers, ${t.features} features, stratified 5-fold CV (seed 1): **mean ROC AUC ${t.mean_auc}** (SD ${t.sd_auc});
folds ${t.fold_auc.join(', ')}. Reference (DOMAIN.md §5): logistic regression ≈ 0.845. CV took ${t.cv_ms} ms.
`;
}

const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  load: loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
};
const demos: DemoFigures[] = [];
for (const customers of sizes) demos.push(await measureDemo(customers));
const telco = await measureTelco();
const results = { machine, demos, telco };
console.log(JSON.stringify(results, null, 2));
writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  join(HERE, 'RESULTS.md'),
  `# Risk model, risk_list and actions: measured figures

Reproduce: \`npx tsx evals/risk/measure-risk.ts --customers ${sizes.join(',')} --seed ${seed}\`
(each size reads \`/tmp/demo<N>k-risk.duckdb\`, generated first when missing). Writes this file and \`results.json\`.

Measured ${machine.date} on ${machine.cpus} × ${machine.cpu}, Node ${machine.node}; load average at start ${machine.load}.
Timings are wall-clock on a 2-core machine shared with other work: read them as orders of magnitude.

The calibration's top bins under-predict: the evaluation quarter (2026 Q3) carries the default scenario's planted
shocks (华南 logistics ×2.5, 母婴 price ×2, 成都 competitor ×1.8) that no training quarter had. The production model,
refitted with that quarter, learns them (region 华南 has an odds ratio above 1).

"At risk now" is mostly flagged by the early-warning rules, rarely by the score: the demo generator plants no churn
after 2026-09-30, so every customer still active on the as-of date ordered within the last 30 days, and few reach a
30% probability. The time-split figures above are where the model is tested against planted churn.

${demos.map(demoSection).join('\n')}
${telcoSection(telco)}`,
);
