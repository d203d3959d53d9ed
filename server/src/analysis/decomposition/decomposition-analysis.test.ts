import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoRuntime,
  demoRuntime,
  governedRows,
  recordingRuntime,
} from '../../../test/analysis/test-runtime.ts';
import { presentResult } from '../../answer/compose.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';
import type { SegmentContribution } from '../stats/index.ts';
import { decompositionAnalysis } from './decomposition-analysis.ts';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (parts: Partial<AnalysisRequest['query']> & Partial<AnalysisRequest> = {}): AnalysisRequest => ({
  intent: 'decomposition',
  language: parts.language ?? 'zh',
  query: {
    model: 'retail',
    metrics: ['churn_rate'],
    dimensions: parts.dimensions ?? [],
    timeRange: Q3,
    compare: parts.compare ?? 'previous_period',
  },
  ...(parts.attributes ? { attributes: parts.attributes } : {}),
});
const segments = (r: AnalysisResult) =>
  r.analysis.segments as (SegmentContribution & { segment: string | null })[];

describe('decompositionAnalysis on the default demo (Q3 2026 vs Q2)', () => {
  let demo: DemoRuntime;
  let zh: AnalysisResult;
  beforeAll(async () => {
    demo = await demoRuntime();
    zh = await decompositionAnalysis(demo.runtime, ask());
  });
  afterAll(() => demo?.close());

  it('splits the change into parts that add up exactly to the governed change', async () => {
    const [row] = await governedRows(demo.runtime, {
      metrics: ['churn_rate'],
      timeRange: Q3,
      compare: 'previous_period',
    });
    const a = zh.analysis as {
      rateA: number;
      rateB: number;
      difference: number;
      mixEffect: number;
      rateEffect: number;
    };
    expect(a.rateB).toBeCloseTo(Number(row!.churn_rate), 12);
    expect(a.rateA).toBeCloseTo(Number(row!.churn_rate__previous), 12);
    expect(Math.abs(a.difference - Number(row!.churn_rate__change))).toBeLessThan(1e-12);
    expect(Math.abs(a.mixEffect + a.rateEffect - a.difference)).toBeLessThan(1e-12);
    const parts = segments(zh);
    expect(Math.abs(parts.reduce((s, p) => s + p.total, 0) - a.difference)).toBeLessThan(1e-12);
    for (const p of parts) expect(Math.abs(p.mix + p.rate - p.total)).toBeLessThan(1e-12);
    expect(a.difference).toBeGreaterThan(0.02);
  });

  it('picks region on its own and attributes most of the rise to 华南’s rate', () => {
    expect(zh.analysis.dimension).toBe('region');
    expect(zh.assumptions.join(' ')).toContain('按地区分解');
    const [top] = segments(zh);
    expect(top!.segment).toBe('华南');
    const difference = zh.analysis.difference as number;
    expect(top!.total / difference).toBeGreaterThan(0.5);
    expect(top!.rate).toBeGreaterThan(5 * Math.abs(top!.mix));
    expect(top!.rateB).toBeGreaterThan(0.2);
    expect(zh.narrative).toContain('贡献最大的是华南');
  });

  it('draws a waterfall of the segments’ contributions', () => {
    const presented = presentResult(zh.presentation, []);
    expect((presented.chart as { encoding: { y2: unknown } }).encoding.y2).toBeDefined();
    expect(presented.table.rows[0]!.segment).toBe('华南');
  });

  it('compares with the same period last year when asked, by the asked dimension', async () => {
    const en = await decompositionAnalysis(
      demo.runtime,
      ask({ language: 'en', compare: 'same_period_last_year', dimensions: ['value_tier'] }),
    );
    expect(en.analysis.baseline).toEqual({ start: '2025-07-01', end: '2025-10-01' });
    expect(en.analysis.dimension).toBe('value_tier');
    const a = en.analysis as { difference: number; mixEffect: number; rateEffect: number };
    expect(Math.abs(a.mixEffect + a.rateEffect - a.difference)).toBeLessThan(1e-12);
    expect(en.narrative).toContain('2025 Q3');
    expect(en.assumptions).toEqual([]);
  });

  it('sees only 华南 under row-level security, in every statement', async () => {
    const { runtime, statements } = recordingRuntime(demo.runtime);
    const secured = await decompositionAnalysis(
      runtime,
      ask({ attributes: { region: ['华南'] }, dimensions: ['region'] }),
    );
    expect(segments(secured).map((s) => s.segment)).toEqual(['华南']);
    const [row] = await governedRows(demo.runtime, {
      metrics: ['churn_rate'],
      timeRange: Q3,
      filters: [{ member: 'region', op: 'in', values: ['华南'] }],
    });
    expect(secured.analysis.rateB as number).toBeCloseTo(Number(row!.churn_rate), 12);
    for (const s of statements) expect(s.params).toContain('华南');
  });
});
