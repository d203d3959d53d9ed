/**
 * Recovery table of the hidden-2 scenario: for each planted cause, its rank and effect in the reasons,
 * key-drivers and decomposition analyses of its quarter, run directly (no interpreter), plus every
 * false lead each analysis ranks in its top 3 and whether it carries a caveat.
 *
 *   npm run demo -- --customers 20000 --seed 11 --scenario server/src/data/demo/scenarios/hidden-2.yaml --out /tmp/hidden2/retail.duckdb
 *   npx tsx evals/blind/scenario-hidden-2/recover.ts /tmp/hidden2/retail.duckdb [--json out.json]
 *
 * The database is copied to a temp dir (materialisation writes) and the retail model prepared on it.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromDir } from '../../../semantic-layer/src/index.ts';
import type { AnalysisRequest } from '../../../server/src/analysis/analysis-contract.ts';
import { runAnalysis } from '../../../server/src/analysis/run-analysis.ts';
import { DuckDbEngine } from '../../../server/src/data/duckdb-engine.ts';
import { prepareModel } from '../../../server/src/data/model-runtime.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? '/tmp/hidden2/retail.duckdb';
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : null;

interface Cause {
  id: string;
  quarter: { start: string; end: string };
  label: string;
  dimension: string;
  value: string;
  reason: string;
  planted: number;
}

const CAUSES: Cause[] = [
  {
    id: 'app_redesign_checkout_failures',
    quarter: { start: '2025-10-01', end: '2026-01-01' },
    label: 'APP, 2025 Q4',
    dimension: 'sales_channel',
    value: 'app',
    reason: 'technical',
    planted: 1.7,
  },
  {
    id: 'coupon_programme_withdrawn',
    quarter: { start: '2026-01-01', end: '2026-04-01' },
    label: 'price-sensitive, 2026 Q1',
    dimension: 'price_sensitive',
    value: 'true',
    reason: 'price',
    planted: 1.9,
  },
  {
    id: 'wuhan_warehouse_failure',
    quarter: { start: '2026-04-01', end: '2026-07-01' },
    label: '武汉, 2026 Q2',
    dimension: 'city',
    value: '武汉',
    reason: 'logistics',
    planted: 2.3,
  },
  {
    id: 'digital_rival_subsidy',
    quarter: { start: '2026-07-01', end: '2026-10-01' },
    label: '数码, 2026 Q3',
    dimension: 'category',
    value: '数码',
    reason: 'competitor',
    planted: 2.0,
  },
];

type Row = Record<string, unknown>;
const fmt = (v: unknown, d = 2) => (typeof v === 'number' ? v.toFixed(d) : String(v ?? '–'));
const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '–');

function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [centre - half, centre + half];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hidden2-recover-'));
  const path = join(dir, 'retail.duckdb');
  copyFileSync(source, path);
  const loaded = loadModelFromDir(join(HERE, '..', '..', '..', 'semantic-layer', 'models', 'retail'));
  if (!loaded.ok) throw new Error('model does not load');
  const engine = await DuckDbEngine.open({ path, connections: 2, threads: 2 });
  const out: Row[] = [];
  try {
    const runtime = await prepareModel(engine, loaded.model);
    const ask = (intent: AnalysisRequest['intent'], c: Cause): AnalysisRequest => ({
      intent,
      language: 'zh',
      query: { model: 'retail', metrics: ['churn_rate'], timeRange: c.quarter, compare: 'previous_period' },
    });
    for (const c of CAUSES) {
      const reasons = await runAnalysis(runtime, ask('reasons', c));
      const lines = (reasons.analysis.reasons as { reason: string; churned: number; share: number }[]).filter(
        (l) => l.reason !== 'silent',
      );
      const total = Number(reasons.analysis.churned);
      const ri = lines.findIndex((l) => l.reason === c.reason);
      const rl = lines[ri];
      const rCi = rl ? wilson(rl.churned, total) : null;

      const drivers = await runAnalysis(runtime, ask('drivers', c));
      const ranking = drivers.analysis.ranking as Row[];
      const di = ranking.findIndex((f) => f.dimension === c.dimension && String(f.value) === c.value);
      const df = ranking[di];
      const driverTop3 = ranking.slice(0, 3).map((f) => String(f.label));

      const decomposition = await runAnalysis(runtime, ask('decomposition', c));
      const locs = (decomposition.analysis.localisations ?? []) as Row[];
      const ki = locs.findIndex((l) => l.dimension === c.dimension && String(l.segment) === c.value);
      const kl = locs[ki];

      out.push({
        cause: c.label,
        reasons: { rank: ri + 1, share: rl?.share, ci: rCi, churned: total },
        drivers: {
          rank: di + 1,
          rr: df?.relativeRisk,
          rrCi: [df?.low, df?.high],
          paf: df?.attributableFraction,
          pafCi: [df?.pafLow, df?.pafHigh],
          q: df?.q,
          top3: driverTop3,
          leadingIndicators: ((drivers.analysis.leadingIndicators ?? []) as Row[]).map((f) => f.label),
          nested: drivers.analysis.nested,
          narrative: drivers.narrative,
        },
        decomposition: {
          rank: ki + 1,
          contribution: kl?.contribution,
          ci: kl ? [kl.low, kl.high] : null,
          z: kl?.z,
          q: kl?.q,
          dimension: decomposition.analysis.dimension,
          tried: decomposition.analysis.dimensionsTried
            ? (decomposition.analysis.dimensionsTried as Row[]).map((f) => f.dimension)
            : null,
          top3: locs.slice(0, 3).map((l) => `${l.dimension}=${l.segment} z=${fmt(l.z)} q=${fmt(l.q, 3)}`),
          narrative: decomposition.narrative,
        },
      });
    }
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    '| cause | reasons: rank, share of churners [95% CI] | drivers: rank, RR [95% CI], PAF [95% CI] | decomposition: rank, contribution pp [95% CI], z |',
  );
  console.log('|---|---|---|---|');
  for (const r of out) {
    const re = r.reasons as Row;
    const dr = r.drivers as Row;
    const de = r.decomposition as Row;
    const rci = re.ci as number[] | null;
    const drci = dr.rrCi as number[];
    const dpci = dr.pafCi as number[];
    const dci = de.ci as number[] | null;
    console.log(
      `| ${r.cause} | ${re.rank || 'not found'}: ${pct(re.share)} [${rci ? `${pct(rci[0])}, ${pct(rci[1])}` : '–'}] | ${dr.rank || 'not found'}: RR ${fmt(dr.rr)} [${fmt(drci[0])}, ${fmt(drci[1])}], PAF ${pct(dr.paf)} [${pct(dpci[0])}, ${pct(dpci[1])}] | ${de.rank || 'not found'}: ${fmt(typeof de.contribution === 'number' ? de.contribution * 100 : de.contribution)} pp [${dci ? `${fmt((dci[0] as number) * 100)}, ${fmt((dci[1] as number) * 100)}` : '–'}], z ${fmt(de.z)} |`,
    );
  }
  for (const r of out) {
    const dr = r.drivers as Row;
    const de = r.decomposition as Row;
    console.log(
      `\n## ${r.cause}\n- drivers top 3: ${(dr.top3 as string[]).join(' / ')}\n- leading indicators (caveated): ${(dr.leadingIndicators as string[]).join(' / ')}\n- decomposition top 3: ${(de.top3 as string[]).join(' / ')}`,
    );
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(out, null, 2));
}

await main();
