import { describe, expect, it } from 'vitest';
import { lastCompleteQuarter } from '../../calendar/calendar.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { AnalysisError, type AnalysisRequest } from '../analysis-contract.ts';
import { analysisContext } from './analysis-context.ts';
import { analysisPeriod, baselinePeriod } from './analysis-period.ts';

const runtime = { asOf: '2026-10-01' } as ModelRuntime;
const request = (
  timeRange?: { start: string; end: string },
  language: 'zh' | 'en' = 'zh',
): AnalysisRequest => ({
  intent: 'reasons',
  language,
  query: { model: 'retail', metrics: ['churned_customers'], ...(timeRange ? { timeRange } : {}) },
});

describe('analysis periods', () => {
  it('defaults to the last complete quarter before the as-of date and says so', () => {
    expect(lastCompleteQuarter('2026-10-01')).toEqual({ start: '2026-07-01', end: '2026-10-01' });
    expect(lastCompleteQuarter('2026-11-15')).toEqual({ start: '2026-07-01', end: '2026-10-01' });
    const zh = analysisPeriod(analysisContext(runtime, request()));
    expect(zh.range).toEqual({ start: '2026-07-01', end: '2026-10-01' });
    expect(zh.assumption).toContain('2026年Q3');
    const en = analysisPeriod(analysisContext(runtime, request(undefined, 'en')));
    expect(en.assumption).toContain('2026 Q3');
  });

  it('keeps an asked period without an assumption', () => {
    const p = analysisPeriod(analysisContext(runtime, request({ start: '2026-04-01', end: '2026-07-01' })));
    expect(p).toEqual({ range: { start: '2026-04-01', end: '2026-07-01' } });
  });

  it('refuses a period that starts after the data ends', () => {
    expect(() =>
      analysisPeriod(analysisContext(runtime, request({ start: '2026-10-01', end: '2027-01-01' }))),
    ).toThrow(AnalysisError);
  });

  it('finds the previous period and the same period last year', () => {
    const q3 = { start: '2026-07-01', end: '2026-10-01' };
    expect(baselinePeriod(q3, undefined)).toEqual({ start: '2026-04-01', end: '2026-07-01' });
    expect(baselinePeriod(q3, 'same_period_last_year')).toEqual({ start: '2025-07-01', end: '2025-10-01' });
  });
});
