import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime, recordingRuntime } from '../../test/analysis/test-runtime.ts';
import { presentResult } from '../answer/compose.ts';
import { AnalysisError, type AnalysisIntent } from './analysis-contract.ts';
import { actionsAnalysis } from './playbook/index.ts';
import { riskListAnalysis } from './risk/index.ts';
import { ANALYSES, runAnalysis } from './run-analysis.ts';

const MINE: AnalysisIntent[] = ['reasons', 'drivers', 'decomposition', 'cohorts', 'survival', 'segments'];
const Q3 = { start: '2026-07-01', end: '2026-10-01' };

describe('runAnalysis', () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime();
  });
  afterAll(() => demo?.close());

  it('routes the risk list and the playbook to their modules', () => {
    expect(ANALYSES.risk_list).toBe(riskListAnalysis);
    expect(ANALYSES.actions).toBe(actionsAnalysis);
  });

  it('refuses an intent it does not know as unsupported', async () => {
    await expect(
      runAnalysis(demo.runtime, {
        intent: 'forecast' as AnalysisIntent,
        language: 'en',
        query: { model: 'retail', metrics: ['churn_rate'] },
      }),
    ).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('refuses a query the model cannot answer as an invalid request, in the question’s language', async () => {
    const run = runAnalysis(demo.runtime, {
      intent: 'reasons',
      language: 'zh',
      query: {
        model: 'retail',
        metrics: ['churned_customers'],
        timeRange: Q3,
        filters: [{ member: 'no_such', op: 'in', values: ['x'] }],
      },
    });
    await expect(run).rejects.toBeInstanceOf(AnalysisError);
    await expect(run).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('无法完成'),
    });
  });

  for (const intent of MINE) {
    it(`answers ${intent} in both languages, presentable, with every statement under row-level security`, async () => {
      const { runtime, statements } = recordingRuntime(demo.runtime);
      for (const language of ['zh', 'en'] as const) {
        const result = await runAnalysis(runtime, {
          intent,
          language,
          query: { model: 'retail', metrics: ['churn_rate'], timeRange: Q3 },
          attributes: { region: ['华南'] },
        });
        expect(result.intent).toBe(intent);
        expect(result.narrative!.length).toBeGreaterThan(20);
        expect(
          language === 'zh'
            ? /[\u4e00-\u9fff]/.test(result.narrative!)
            : /^[\x20-\x7e\u2013\u2014\u00b2≥’χ²]/.test(result.narrative!),
        ).toBe(true);
        const presented = presentResult(result.presentation, []);
        expect(presented.table.rows.length).toBeGreaterThan(0);
        expect(presented.chart).not.toBeNull();
        expect(result.sql.length).toBe(result.params.length);
        expect(Object.keys(result.timings).length).toBeGreaterThan(0);
      }
      expect(statements.length).toBeGreaterThan(0);
      for (const s of statements) expect(s.params).toContain('华南');
    });
  }
});
