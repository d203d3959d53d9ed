import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoRuntime,
  demoRuntime,
  governedRows,
  recordingRuntime,
} from '../../../test/analysis/test-runtime.ts';
import { presentResult } from '../../answer/compose.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';
import type { SegmentLine } from './segments-analysis.ts';
import { segmentsAnalysis } from './segments-analysis.ts';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (parts: Partial<AnalysisRequest> & { dimensions?: string[] } = {}): AnalysisRequest => ({
  intent: 'segments',
  language: parts.language ?? 'zh',
  query: { model: 'retail', metrics: ['churn_rate'], dimensions: parts.dimensions ?? [], timeRange: Q3 },
  ...(parts.attributes ? { attributes: parts.attributes } : {}),
});
const lines = (r: AnalysisResult, dim: string) =>
  (r.analysis.segmentations as Record<string, SegmentLine[]>)[dim]!;

describe('segmentsAnalysis on the default demo', () => {
  let demo: DemoRuntime;
  let zh: AnalysisResult;
  beforeAll(async () => {
    demo = await demoRuntime();
    zh = await segmentsAnalysis(demo.runtime, ask());
  });
  afterAll(() => demo?.close());

  it('reports RFM segments, value tiers and lifecycle stages that each cover every customer', async () => {
    const [all] = await governedRows(demo.runtime, { metrics: ['customers', 'at_risk_customers'] });
    expect(zh.analysis.primary).toBe('rfm_segment');
    for (const dim of ['rfm_segment', 'value_tier', 'lifecycle_stage']) {
      const l = lines(zh, dim);
      expect(l.reduce((s, x) => s + x.customers, 0)).toBe(Number(all!.customers));
      expect(l.reduce((s, x) => s + x.atRisk, 0)).toBe(Number(all!.at_risk_customers));
      expect(l.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    }
  });

  it('counts the churn of the quarter by the segment customers were in at its start', async () => {
    const [q3] = await governedRows(demo.runtime, {
      metrics: ['snapshot_active_customers', 'snapshot_churned_customers'],
      timeRange: Q3,
    });
    const rfm = lines(zh, 'rfm_segment');
    expect(rfm.reduce((s, x) => s + x.activeAtStart, 0)).toBe(Number(q3!.snapshot_active_customers));
    expect(rfm.reduce((s, x) => s + x.churned, 0)).toBe(Number(q3!.snapshot_churned_customers));
    const rate = (seg: string) => rfm.find((x) => x.segment === seg)!.churnRate!;
    expect(rate('at_risk')).toBeGreaterThan(3 * rate('champions'));
    const tiers = lines(zh, 'value_tier');
    const tierRate = (t: string) => tiers.find((x) => x.segment === t)!.churnRate!;
    expect(tierRate('high')).toBeLessThan(tierRate('low'));
  });

  it('names segments in the question’s language', async () => {
    const presented = presentResult(zh.presentation, []);
    expect(presented.table.rows.map((r) => r.rfm_segment)).toContain('重要价值客户');
    expect(presented.chart).not.toBeNull();
    expect(zh.narrative).toContain('按RFM分群看');
    const en = await segmentsAnalysis(demo.runtime, ask({ language: 'en', dimensions: ['value_tier'] }));
    expect(en.analysis.primary).toBe('value_tier');
    expect(presentResult(en.presentation, []).table.rows.map((r) => r.value_tier)).toContain('High value');
    expect(en.narrative).toContain('Champions');
  });

  it('sees only 华南 customers under row-level security, in every statement', async () => {
    const { runtime, statements } = recordingRuntime(demo.runtime);
    const secured = await segmentsAnalysis(runtime, ask({ attributes: { region: ['华南'] } }));
    const r = await demo.runtime.engine.query("SELECT COUNT(*) AS n FROM customers WHERE region = '华南'");
    expect(lines(secured, 'rfm_segment').reduce((s, x) => s + x.customers, 0)).toBe(Number(r.rows[0]!.n));
    for (const s of statements) expect(s.params).toContain('华南');
  });
});
