import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime, recordingRuntime } from '../../test/analysis/test-runtime.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';
import { analysisKey, forgetAnalyses, keptAnalyses } from './analysis-cache.ts';
import type { AnalysisRequest, AnalysisResult } from './analysis-contract.ts';
import { runAnalysis } from './run-analysis.ts';

const SOUTH = { region: ['华南'] };
const ask = (attributes?: Record<string, string[]>, language: 'zh' | 'en' = 'zh'): AnalysisRequest => ({
  intent: 'reasons',
  language,
  query: { model: 'retail', metrics: ['churned_customers'], dimensions: ['region'] },
  ...(attributes ? { attributes } : {}),
});
/** A result without its timings (a kept result says how long the lookup took). */
const content = ({ timings: _, ...rest }: AnalysisResult) => rest;
const regions = (r: AnalysisResult) => new Set(r.presentation.rows.map((row) => row.region));

describe('analysis results kept while the data is unchanged', () => {
  let demo: DemoRuntime;
  let runtime: ModelRuntime;
  let statements: { sql: string }[];
  /** Runs the analysis and says how many statements it ran (0: served from the kept results). */
  const run = async (request: AnalysisRequest, rt = runtime) => {
    const before = statements.length;
    const result = await runAnalysis(rt, request);
    return { result, ran: statements.length - before };
  };
  beforeAll(async () => {
    demo = await demoRuntime();
    ({ runtime, statements } = recordingRuntime(demo.runtime));
  });
  afterAll(() => demo?.close());

  it('serves a repeat from the kept result, equal to a fresh run, and concurrent askers share one run', async () => {
    forgetAnalyses(runtime);
    const first = await run(ask());
    expect(first.ran).toBeGreaterThan(0);
    const again = await run(ask());
    expect(again.ran).toBe(0);
    expect(content(again.result)).toEqual(content(first.result));
    // every caller shares the one kept result, frozen: a write throws and the next reader sees it unchanged
    expect(again.result.presentation).toBe(first.result.presentation);
    expect(Object.isFrozen(again.result.presentation.rows[0])).toBe(true);
    expect(() => {
      again.result.presentation.rows.length = 0;
    }).toThrow(TypeError);
    expect(() => {
      again.result.presentation.rows[0]!.region = 'x';
    }).toThrow(TypeError);
    const third = (await run(ask())).result;
    expect(third.presentation.rows.length).toBe(first.result.presentation.rows.length);
    expect(content(third)).toEqual(content(first.result));
    // the top level is each caller's own: its timings say whether the result was kept
    expect(again.result).not.toBe(first.result);
    expect(again.result.timings.cache_hit_ms).toBeGreaterThanOrEqual(0);
    expect(first.result.timings.cache_hit_ms).toBeUndefined();

    forgetAnalyses(runtime);
    const before = statements.length;
    const together = await Promise.all([1, 2, 3].map(() => runAnalysis(runtime, ask(undefined, 'en'))));
    expect(statements.length - before).toBe(first.ran);
    for (const r of together) expect(content(r)).toEqual(content(together[0]!));
    expect(keptAnalyses(runtime)).toBe(1);
  });

  it('never gives a user restricted to 华南 a result computed for an unrestricted user, nor the reverse', async () => {
    forgetAnalyses(runtime);
    const all = await run(ask());
    const south = await run(ask(SOUTH));
    expect(south.ran).toBeGreaterThan(0);
    expect([...regions(south.result)]).toEqual(['华南']);
    expect(regions(all.result).size).toBeGreaterThan(1);
    // restricted first, then unrestricted: the unrestricted user computes their own
    forgetAnalyses(runtime);
    const southFirst = await run(ask(SOUTH));
    const allAfter = await run(ask());
    expect(allAfter.ran).toBeGreaterThan(0);
    expect(content(allAfter.result)).toEqual(content(all.result));
    expect(content(southFirst.result)).toEqual(content(south.result));
    // each scope's repeat is its own
    expect(content((await run(ask(SOUTH))).result)).toEqual(content(south.result));
    expect(content((await run(ask())).result)).toEqual(content(all.result));
  });

  it('keys on every attribute (one no rule knows denies), the language, the model version and the as-of date', () => {
    // no attributes at all and an empty set are the same unrestricted user
    expect(analysisKey(runtime, ask({}))).toBe(analysisKey(runtime, ask()));
    const keys = [
      analysisKey(runtime, ask()),
      analysisKey(runtime, ask({ region: [] })),
      analysisKey(runtime, ask(SOUTH)),
      analysisKey(runtime, ask({ ...SOUTH, team: ['x'] })),
      analysisKey(runtime, ask({ team: ['x'] })),
      analysisKey(runtime, ask(undefined, 'en')),
      analysisKey({ ...runtime, model: { ...runtime.model, version: 'other' } }, ask()),
      analysisKey({ ...runtime, asOf: '2020-01-01' }, ask()),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    // the same scope listed in another order is the same key
    expect(analysisKey(runtime, ask({ region: ['华南', '华东'] }))).toBe(
      analysisKey(runtime, ask({ region: ['华东', '华南'] })),
    );
  });

  it('forgets every kept result when the store is written (a reload, a re-materialisation)', async () => {
    await runtime.engine.exec('DROP TABLE IF EXISTS analysis_cache_probe');
    forgetAnalyses(runtime);
    const first = await run(ask(SOUTH));
    expect((await run(ask(SOUTH))).ran).toBe(0);
    await runtime.engine.exec('CREATE TABLE analysis_cache_probe AS SELECT 1 AS x');
    expect(keptAnalyses(runtime)).toBe(0);
    const after = await run(ask(SOUTH));
    expect(after.ran).toBe(first.ran);
    expect(content(after.result)).toEqual(content(first.result));
    await runtime.engine.exec('DROP TABLE analysis_cache_probe');
  });
});
