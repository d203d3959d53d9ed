import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime, recordingRuntime } from '../../../test/analysis/test-runtime.ts';
import { presentResult } from '../../answer/compose.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';
import type { LogRankTest } from '../stats/index.ts';
import { survivalAnalysis } from './survival-analysis.ts';

const ask = (parts: Partial<AnalysisRequest> & { dimensions?: string[] } = {}): AnalysisRequest => ({
  intent: 'survival',
  language: parts.language ?? 'zh',
  query: { model: 'retail', metrics: ['churn_rate'], dimensions: parts.dimensions ?? [] },
  ...(parts.attributes ? { attributes: parts.attributes } : {}),
});
interface Summary {
  subjects: number;
  events: number;
  median: number | null;
  atHorizons: Record<string, number>;
}
interface SegmentSummary extends Summary {
  segment: string;
  steps: { time: number; atRisk: number; events: number; survival: number }[];
}

describe('survivalAnalysis on the default demo', () => {
  let demo: DemoRuntime;
  let zh: AnalysisResult;
  beforeAll(async () => {
    demo = await demoRuntime();
    zh = await survivalAnalysis(demo.runtime, ask());
  });
  afterAll(() => demo?.close());

  it('observes every activity spell, churned ones as events and active ones as censored', async () => {
    const r = await demo.runtime.engine.query(
      'SELECT COUNT(*) AS spells, COUNT(churn_date) AS ended FROM customer_spells',
    );
    const overall = zh.analysis.overall as Summary;
    expect(overall.subjects).toBe(Number(r.rows[0]!.spells));
    expect(overall.events).toBe(Number(r.rows[0]!.ended));
  });

  it('splits by region by default and follows the Kaplan–Meier product rule', () => {
    expect(zh.analysis.by).toBe('region');
    expect(zh.assumptions.join(' ')).toContain('按地区');
    for (const seg of zh.analysis.segments as SegmentSummary[]) {
      let s = 1;
      for (const step of seg.steps) {
        s *= 1 - step.events / step.atRisk;
        expect(step.survival).toBeCloseTo(s, 12);
      }
    }
  });

  it('finds 华南 churning more than expected under equal survival, with a significant log-rank test', () => {
    const test = zh.analysis.logRank as LogRankTest;
    expect(test.df).toBe(6);
    const south = test.groups.find((g) => g.group === '华南')!;
    expect(south.observed).toBeGreaterThan(south.expected * 1.1);
    expect(test.pValue).toBeLessThan(0.05);
    expect(zh.narrative).toContain('差异显著');
  });

  it('separates value tiers sharply when asked, in English', async () => {
    const en = await survivalAnalysis(demo.runtime, ask({ language: 'en', dimensions: ['value_tier'] }));
    const segments = en.analysis.segments as SegmentSummary[];
    const at12 = (tier: string) => segments.find((s) => s.segment === tier)!.atHorizons['12']!;
    expect(at12('high')).toBeGreaterThan(at12('medium'));
    expect(at12('medium')).toBeGreaterThan(at12('low'));
    expect((en.analysis.logRank as LogRankTest).pValue).toBeLessThan(1e-6);
    expect(en.narrative).toContain('Log-rank test');
    const presented = presentResult(en.presentation, []);
    expect(presented.chart).not.toBeNull();
    expect(presented.table.rows.map((r) => r.horizon)).toContain('12 months');
  });

  it('sees only 华南 spells under row-level security, in every statement', async () => {
    const { runtime, statements } = recordingRuntime(demo.runtime);
    const secured = await survivalAnalysis(runtime, ask({ attributes: { region: ['华南'] } }));
    const r = await demo.runtime.engine.query(
      "SELECT COUNT(*) AS n FROM customer_spells s JOIN customers c USING (customer_id) WHERE c.region = '华南'",
    );
    expect((secured.analysis.overall as Summary).subjects).toBe(Number(r.rows[0]!.n));
    expect((secured.analysis.segments as SegmentSummary[]).map((s) => s.segment)).toEqual(['华南']);
    expect(secured.analysis.logRank).toBeNull();
    for (const s of statements) expect(s.params).toContain('华南');
  });
});
