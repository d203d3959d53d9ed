import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime, recordingRuntime } from '../../../test/analysis/test-runtime.ts';
import { presentResult } from '../../answer/compose.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';
import { cohortsAnalysis, type RetentionPoint, retentionCurve } from './cohorts-analysis.ts';

const ask = (parts: Partial<AnalysisRequest> & { dimensions?: string[] } = {}): AnalysisRequest => ({
  intent: 'cohorts',
  language: parts.language ?? 'zh',
  query: {
    model: 'retail',
    metrics: ['retention_rate'],
    dimensions: parts.dimensions ?? [],
    timeRange: { start: '2026-07-01', end: '2026-10-01' },
  },
  ...(parts.attributes ? { attributes: parts.attributes } : {}),
});

describe('retentionCurve', () => {
  it('averages each period over the cohorts that reached it, pooled and unweighted', () => {
    const rows = [
      { cohort: '2026-01-01', period_number: 0, cohort_size: 10, retained: 10, r: 1 },
      { cohort: '2026-01-01', period_number: 1, cohort_size: 10, retained: 5, r: 0.5 },
      { cohort: '2026-02-01', period_number: 0, cohort_size: 30, retained: 30, r: 1 },
      { cohort: '2026-02-01', period_number: 1, cohort_size: 30, retained: 27, r: 0.9 },
      { cohort: '2026-03-01', period_number: 0, cohort_size: 20, retained: 20, r: 1 },
    ];
    const curve = retentionCurve(rows, 'r');
    expect(curve.map((p) => [p.period, p.cohorts, p.members])).toEqual([
      [0, 3, 60],
      [1, 2, 40],
    ]);
    expect(curve[1]!.pooled).toBeCloseTo(32 / 40, 12);
    expect(curve[1]!.mean).toBeCloseTo(0.7, 12);
  });
});

describe('cohortsAnalysis on the default demo', () => {
  let demo: DemoRuntime;
  let zh: AnalysisResult;
  beforeAll(async () => {
    demo = await demoRuntime();
    zh = await cohortsAnalysis(demo.runtime, ask());
  });
  afterAll(() => demo?.close());

  it('widens a one-quarter question to the twelve monthly cohorts before it, and says so', () => {
    expect(zh.analysis.range).toEqual({ start: '2025-10-01', end: '2026-10-01' });
    expect(zh.analysis.cohorts).toBe(12);
    expect(zh.assumptions.join(' ')).toContain('12 个同期群');
  });

  it('counts each cohort from the first-order dates and only reports periods already reached', async () => {
    const rows = zh.presentation.rows;
    const sizes = await demo.runtime.engine.query(
      // SQL both analytics engines accept (the postgres-analytics project runs this file on PostgreSQL).
      "SELECT CAST(date_trunc('month', first_activity_date) AS DATE) AS cohort, COUNT(*) AS n FROM customer_snapshot WHERE first_activity_date >= DATE '2025-10-01' AND first_activity_date < DATE '2026-10-01' GROUP BY 1",
    );
    for (const s of sizes.rows) {
      const r = rows.find((x) => String(x.cohort).startsWith(String(s.cohort)) && x.period_number === 0)!;
      expect(r.cohort_size).toBe(Number(s.n));
    }
    // The September 2026 cohort has reached only period 0 by the as-of date 2026-10-01.
    const sept = rows.filter((r) => String(r.cohort).startsWith('2026-09'));
    expect(sept.map((r) => r.period_number)).toEqual([0]);
    const curve = zh.analysis.curve as RetentionPoint[];
    expect(curve[0]!.pooled).toBe(1);
    expect(curve.map((p) => p.cohorts)).toEqual([...curve.map((p) => p.cohorts)].sort((a, b) => b - a));
    expect(curve.find((p) => p.period === 6)!.pooled).toBeLessThan(curve.find((p) => p.period === 3)!.pooled);
  });

  it('presents a cohort heatmap and a narrative with the average curve', () => {
    const presented = presentResult(zh.presentation, []);
    expect((presented.chart as { mark: { type: string } }).mark.type).toBe('rect');
    expect(zh.narrative).toMatch(/第 3 个月末 \d+\.\d%/);
  });

  it('compares segment curves when a dimension is asked', async () => {
    const en = await cohortsAnalysis(demo.runtime, ask({ language: 'en', dimensions: ['region'] }));
    const segments = en.analysis.segments as { value: string; curve: RetentionPoint[] }[];
    expect(segments.map((s) => s.value).sort()).toEqual([
      '东北',
      '华东',
      '华中',
      '华北',
      '华南',
      '西北',
      '西南',
    ]);
    const total = segments.reduce((s, g) => s + g.curve[0]!.members, 0);
    expect(total).toBe((zh.analysis.curve as RetentionPoint[])[0]!.members);
    expect(en.narrative).toContain('By region');
  });

  it('sees only 华南 cohorts under row-level security, in every statement', async () => {
    const { runtime, statements } = recordingRuntime(demo.runtime);
    const secured = await cohortsAnalysis(runtime, ask({ attributes: { region: ['华南'] } }));
    const expected = await demo.runtime.engine.query(
      "SELECT COUNT(*) AS n FROM customer_snapshot s JOIN customers c USING (customer_id) WHERE c.region = '华南' AND s.first_activity_date >= DATE '2025-10-01' AND s.first_activity_date < DATE '2026-10-01'",
    );
    expect((secured.analysis.curve as RetentionPoint[])[0]!.members).toBe(Number(expected.rows[0]!.n));
    for (const s of statements) expect(s.params).toContain('华南');
  });
});
