import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromDir } from '../../../semantic-layer/src/index.ts';
import { recordingRuntime } from '../../test/analysis/test-runtime.ts';
import { closeTestEngine, testAnalyticsEngine } from '../../test/data/test-analytics-engine.ts';
import { missingSharedData, sharedDataTitle, TELCO_FILES } from '../../test/shared-datasets.ts';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import { ingest } from '../data/ingest/ingest.ts';
import { type ModelRuntime, prepareModel } from '../data/model-runtime.ts';
import type { AnalysisRequest } from './analysis-contract.ts';
import type { DriverFactor } from './drivers/index.ts';
import type { ReasonLine } from './reasons/index.ts';
import { runAnalysis } from './run-analysis.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const ask = (intent: AnalysisRequest['intent'], attributes?: Record<string, string[]>): AnalysisRequest => ({
  intent,
  language: 'en',
  query: { model: 'telco', metrics: ['churn_rate'] },
  ...(attributes ? { attributes } : {}),
});

/** The analyses on a label-churn model (IBM Telco, v11 tables): no dates, reasons from the churn category. */
const missing = missingSharedData(...TELCO_FILES);

describe.skipIf(missing.length > 0)(sharedDataTitle('analyses on IBM Telco', missing), () => {
  const dir = mkdtempSync(join(tmpdir(), 'analysis-telco-'));
  let engine: AnalyticsEngine;
  let runtime: ModelRuntime;
  beforeAll(async () => {
    const dbPath = join(dir, 'telco.duckdb');
    const loaded = await ingest({
      model: 'telco',
      configPath: join(ROOT, 'semantic-layer/models/telco/ingest/telco.yaml'),
      dbPath,
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const model = loadModelFromDir(join(ROOT, 'semantic-layer/models/telco'));
    if (!model.ok) throw new Error(JSON.stringify(model.issues));
    engine = await testAnalyticsEngine(dbPath, 'telco');
    runtime = await prepareModel(engine, model.model);
  });
  afterAll(async () => {
    if (engine) await closeTestEngine(engine);
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts month-to-month, no tech support, fiber optic, electronic check and short tenure near the top', async () => {
    const r = await runAnalysis(runtime, ask('drivers'));
    expect(r.analysis.population).toMatchObject({ customers: 7043, churned: 1869 });
    const top = (r.analysis.factors as DriverFactor[]).slice(0, 8).map((f) => `${f.dimension}=${f.value}`);
    for (const expected of [
      'contract=Month-to-month',
      'tech_support=No',
      'internet_service=Fiber optic',
      'payment_method=Electronic check',
      'tenure_band=0-12',
    ])
      expect(top.some((t) => t.startsWith(expected))).toBe(true);
    expect((r.analysis.factors as DriverFactor[])[0]!.dimension).toBe('contract');
    // The churn category is only recorded for churners: an outcome, never a driver.
    expect(r.analysis.outcomes).toEqual(expect.arrayContaining(['churn_category']));
    expect(r.assumptions).toEqual([]);
  });

  it('reads the reasons from the v11 churn category, with no period', async () => {
    const r = await runAnalysis(runtime, ask('reasons'));
    expect(r.analysis.reasonDimension).toBe('churn_category');
    expect(r.analysis.period).toBeNull();
    expect(r.analysis.churned).toBe(1869);
    expect((r.analysis.reasons as ReasonLine[])[0]!.reason).toBe('Competitor');
    expect(r.narrative).toMatch(/^1,869 customers churned\. The main reason was competitor/);
  });

  it('refuses a change decomposition: label churn has no periods', async () => {
    await expect(runAnalysis(runtime, ask('decomposition'))).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('refuses a restricted user whose attributes match none of the model rules (row-level security fails closed)', async () => {
    const { runtime: recorded, statements } = recordingRuntime(runtime);
    await expect(runAnalysis(recorded, ask('drivers', { region: ['华南'] }))).rejects.toThrow(
      /match none of the access rules of model telco/,
    );
    expect(statements).toHaveLength(0);
    // An unrestricted user still gets the whole population.
    expect((await runAnalysis(runtime, ask('drivers'))).analysis.population).toMatchObject({
      customers: 7043,
    });
  });
});
