import { describe, expect, it } from 'vitest';
import { periodLabel, rangeLabel, rangePhrase } from './period-label.ts';

describe('period labels from the answer catalogs', () => {
  it('names a month, a span of months and a span across years in each language', () => {
    expect(periodLabel('2026-07-01', 'month', 'zh')).toBe('2026年7月');
    expect(periodLabel('2026-07-01', 'month', 'en')).toBe('Jul 2026');
    expect(rangeLabel({ start: '2026-05-01', end: '2026-08-01' }, 'zh')).toBe('2026年5月至7月');
    expect(rangeLabel({ start: '2026-05-01', end: '2026-08-01' }, 'en')).toBe('May–Jul 2026');
    expect(rangeLabel({ start: '2025-11-01', end: '2026-03-01' }, 'zh')).toBe('2025年11月至2026年2月');
    expect(rangeLabel({ start: '2025-11-01', end: '2026-03-01' }, 'en')).toBe('Nov 2025–Feb 2026');
    expect(rangePhrase({ start: '2026-07-01', end: '2026-10-01' }, 'en')).toBe('in 2026 Q3');
  });
});
