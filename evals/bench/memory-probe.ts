/**
 * Where the server's memory goes (issue 21 §3): `npx tsx --expose-gc evals/bench/memory-probe.ts --customers 100000`.
 * Opens the benchmark database (a copy) exactly as the server does (`openModelEngine`: memory limit, spill
 * directory, lockdown), materialises, trains and warms the risk model, then answers the at-risk list, a page
 * further, a customer's profile and the playbook for an unrestricted user and a user restricted to 华南.
 * After each stage it prints the process RSS, V8 heap (after a full GC when `--expose-gc`), external and
 * array-buffer memory, DuckDB's own accounting (`duckdb_memory()`, `memory_limit`, spilled bytes), and
 * the RSS peak sampled every 100 ms during the stage. After materialising it calls `startServing()` as the
 * registry does (the serving memory limit). `--data-dir D` serves D/retail.duckdb in place. No PGlite: the app state's share is the server's RSS
 * minus this.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadModelFromDir } from '../../semantic-layer/src/index.ts';
import { customerProfile } from '../../server/src/analysis/customer/customer-profile.ts';
import { driversAnalysis } from '../../server/src/analysis/drivers/drivers-analysis.ts';
import { actionsAnalysis } from '../../server/src/analysis/playbook/actions-analysis.ts';
import { riskListAnalysis } from '../../server/src/analysis/risk/risk-list-analysis.ts';
import { warmRisk } from '../../server/src/analysis/risk/warm-risk.ts';
import { prepareModel } from '../../server/src/data/model-runtime.ts';
import { openModelEngine } from '../../server/src/pipeline/model-engine.ts';
import { benchDatabase, scratchDataDir } from './load/bench-data.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, 'data-dir': { type: 'string' } },
});
const customers = Number(values.customers);
const MB = (n: number) => Math.round(n / 2 ** 20);
const gc = (globalThis as { gc?: () => void }).gc;

// `--data-dir D`: serve D/retail.duckdb in place (materialised once, kept for later runs) instead of a copy.
const data = values['data-dir']
  ? { dir: values['data-dir'], remove: () => {} }
  : scratchDataDir(await benchDatabase(ROOT, customers));
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 100);
const rows: Record<string, string | number>[] = [];
const engine = await openModelEngine(data.dir, 'retail');

async function stage(name: string, work: () => Promise<unknown>): Promise<void> {
  peak = process.memoryUsage.rss();
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage.rss());
  const stagePeak = peak;
  gc?.();
  const m = process.memoryUsage();
  const duck = await engine.query(
    `SELECT (SELECT sum(memory_usage_bytes) FROM duckdb_memory()) AS used,
            (SELECT sum(temporary_storage_bytes) FROM duckdb_memory()) AS spilled,
            current_setting('memory_limit') AS memory_limit`,
  );
  const d = duck.rows[0]!;
  rows.push({
    stage: name,
    s: Number(seconds.toFixed(1)),
    rss: MB(m.rss),
    peak: MB(stagePeak),
    heap: MB(m.heapUsed),
    external: MB(m.external),
    arrayBuffers: MB(m.arrayBuffers),
    duckdb: MB(Number(d.used)),
    spilled: MB(Number(d.spilled)),
    limit: String(d.memory_limit),
  });
  console.log(JSON.stringify(rows.at(-1)));
}

try {
  let runtime: Awaited<ReturnType<typeof prepareModel>> | undefined;
  await stage('open', async () => {});
  await stage('materialise', async () => {
    const loaded = loadModelFromDir(join(ROOT, 'semantic-layer/models/retail'));
    if (!loaded.ok) throw new Error('retail model invalid');
    runtime = await prepareModel(engine, loaded.model);
    // As the registry does: serve under the lower serving memory limit.
    await engine.startServing();
  });
  const rt = runtime!;
  await stage('drivers (all)', async () => {
    const r = await driversAnalysis(rt, {
      intent: 'drivers',
      language: 'en',
      query: { model: 'retail', metrics: ['churn_rate'] },
    } as never);
    if (!r.presentation) console.log('drivers:', JSON.stringify(r).slice(0, 300));
  });
  await stage('warm risk (train + population)', () => warmRisk(rt, () => {}));
  const south = { region: ['华南'] };
  const ask = (
    intent: string,
    extra: Record<string, unknown> = {},
    attributes?: Record<string, string[]>,
  ) => ({
    intent,
    language: 'zh' as const,
    query: { model: 'retail', metrics: ['at_risk_customers'] },
    ...(attributes ? { attributes } : {}),
    ...extra,
  });
  let someone = '';
  await stage('list (all)', async () => {
    const r = await riskListAnalysis(rt, ask('risk_list') as never);
    someone = String((r.analysis.customers as { customerId: string }[])[0]?.customerId ?? '');
  });
  await stage('list page 50 (all)', () =>
    riskListAnalysis(rt, ask('risk_list', { list: { offset: 50 } }) as never),
  );
  await stage('list (华南)', () => riskListAnalysis(rt, ask('risk_list', {}, south) as never));
  await stage('profile (all)', () => customerProfile(rt, someone, undefined, 'zh'));
  await stage('playbook (all)', () => actionsAnalysis(rt, ask('actions') as never));
  await stage('playbook (华南)', () => actionsAnalysis(rt, ask('actions', {}, south) as never));
  await stage('search 华南 (all)', () =>
    riskListAnalysis(rt, ask('risk_list', { list: { search: '华南' } }) as never),
  );
  console.table(rows);
} finally {
  clearInterval(sampler);
  await engine.close();
  data.remove();
}
