import { describe, expect, it } from 'vitest';
import { defaultTrendRange } from '../../calendar/default-period.ts';
import { resolveTimeExpression } from './resolve-time.ts';

const AS_OF = '2026-10-01';
const range = (text: string, asOf = AS_OF) => resolveTimeExpression(text, asOf, 'zh').range;

describe('resolveTimeExpression against as-of 2026-10-01 (the CONVENTIONS.md table)', () => {
  const table: [string, string, string][] = [
    ['上个季度', '2026-07-01', '2026-10-01'],
    ['上季度', '2026-07-01', '2026-10-01'],
    ['上一季度', '2026-07-01', '2026-10-01'],
    ['last quarter', '2026-07-01', '2026-10-01'],
    ['previous quarter', '2026-07-01', '2026-10-01'],
    ['上个月', '2026-09-01', '2026-10-01'],
    ['上月', '2026-09-01', '2026-10-01'],
    ['last month', '2026-09-01', '2026-10-01'],
    ['近三个月', '2026-07-01', '2026-10-01'],
    ['最近三个月', '2026-07-01', '2026-10-01'],
    ['过去3个月', '2026-07-01', '2026-10-01'],
    ['past 3 months', '2026-07-01', '2026-10-01'],
    ['last 3 months', '2026-07-01', '2026-10-01'],
    ['last three months', '2026-07-01', '2026-10-01'],
    ['近90天', '2026-07-03', '2026-10-01'],
    ['最近90天', '2026-07-03', '2026-10-01'],
    ['past 90 days', '2026-07-03', '2026-10-01'],
    ['last 90 days', '2026-07-03', '2026-10-01'],
    ['今年', '2026-01-01', '2026-10-01'],
    ['本年', '2026-01-01', '2026-10-01'],
    ['this year', '2026-01-01', '2026-10-01'],
    ['YTD', '2026-01-01', '2026-10-01'],
    ['year to date', '2026-01-01', '2026-10-01'],
    ['去年', '2025-01-01', '2026-01-01'],
    ['last year', '2025-01-01', '2026-01-01'],
    ['上半年', '2026-01-01', '2026-07-01'],
    ['H1', '2026-01-01', '2026-07-01'],
    ['first half', '2026-01-01', '2026-07-01'],
    ['下半年', '2025-07-01', '2026-01-01'],
    ['H2', '2025-07-01', '2026-01-01'],
    ['2026年Q3', '2026-07-01', '2026-10-01'],
    ['2026Q3', '2026-07-01', '2026-10-01'],
    ['2026年第三季度', '2026-07-01', '2026-10-01'],
    ['Q3 2026', '2026-07-01', '2026-10-01'],
    ['三季度', '2026-07-01', '2026-10-01'],
    ['第三季度', '2026-07-01', '2026-10-01'],
    ['2026年7月', '2026-07-01', '2026-08-01'],
    ['July 2026', '2026-07-01', '2026-08-01'],
    ['7月份', '2026-07-01', '2026-08-01'],
    ['7月', '2026-07-01', '2026-08-01'],
    ['七月', '2026-07-01', '2026-08-01'],
    ['July', '2026-07-01', '2026-08-01'],
    ['2025年', '2025-01-01', '2026-01-01'],
    ['in 2025', '2025-01-01', '2026-01-01'],
    ['２０２５年', '2025-01-01', '2026-01-01'],
    ['去年三季度', '2025-07-01', '2025-10-01'],
    ['2025年上半年', '2025-01-01', '2025-07-01'],
    ['近两个季度', '2026-04-01', '2026-10-01'],
    ['近十二个月', '2025-10-01', '2026-10-01'],
    ['过去一年', '2025-10-01', '2026-10-01'],
    ['近半年', '2026-04-01', '2026-10-01'],
    ['上周', '2026-09-21', '2026-09-28'],
    ['上上个月', '2026-08-01', '2026-09-01'],
    ['上上季度', '2026-04-01', '2026-07-01'],
    ['近4周', '2026-08-31', '2026-09-28'],
    ['2026年7月到9月', '2026-07-01', '2026-10-01'],
    ['from July to September 2026', '2026-07-01', '2026-10-01'],
  ];
  for (const [words, start, end] of table) {
    it(`reads "${words}" as ${start} .. ${end}`, () => {
      expect(resolveTimeExpression(words, AS_OF, 'en').range).toEqual({ start, end });
    });
  }

  it('marks 本季度 / this quarter as empty and offers the last quarter', () => {
    for (const words of ['本季度', '这个季度', 'this quarter', 'QTD']) {
      const r = resolveTimeExpression(words, AS_OF, 'zh');
      expect(r.range).toEqual({ start: '2026-10-01', end: '2026-10-01' });
      expect(r.empty).toBe(true);
      expect(r.alternative).toEqual({ range: { start: '2026-07-01', end: '2026-10-01' }, label: '上个季度' });
    }
  });

  it('marks 本月 / MTD as empty and offers last month', () => {
    const r = resolveTimeExpression('本月', AS_OF, 'en');
    expect(r.empty).toBe(true);
    expect(r.alternative).toEqual({ range: { start: '2026-09-01', end: '2026-10-01' }, label: 'last month' });
    expect(resolveTimeExpression('MTD', AS_OF, 'en').empty).toBe(true);
  });

  it('reads comparisons as compare modes, not ranges', () => {
    expect(resolveTimeExpression('环比', AS_OF, 'zh').compare).toBe('previous_period');
    expect(resolveTimeExpression('环比', AS_OF, 'zh').range).toBeUndefined();
    expect(resolveTimeExpression('month over month', AS_OF, 'en').compare).toBe('previous_period');
    expect(resolveTimeExpression('quarter over quarter', AS_OF, 'en').compare).toBe('previous_period');
    expect(resolveTimeExpression('同比', AS_OF, 'zh').compare).toBe('same_period_last_year');
    expect(resolveTimeExpression('去年同期', AS_OF, 'zh').compare).toBe('same_period_last_year');
    expect(resolveTimeExpression('去年同期', AS_OF, 'zh').range).toBeUndefined();
    expect(resolveTimeExpression('YoY', AS_OF, 'en').compare).toBe('same_period_last_year');
    expect(resolveTimeExpression('上个季度流失率环比', AS_OF, 'zh')).toMatchObject({
      compare: 'previous_period',
      range: { start: '2026-07-01', end: '2026-10-01' },
    });
  });

  it('reads grains, with 趋势 alone meaning month', () => {
    const grains: [string, string][] = [
      ['按天', 'day'],
      ['daily', 'day'],
      ['每周', 'week'],
      ['weekly', 'week'],
      ['按月', 'month'],
      ['月度', 'month'],
      ['monthly', 'month'],
      ['按季度', 'quarter'],
      ['季度趋势', 'quarter'],
      ['quarterly', 'quarter'],
      ['按年', 'year'],
      ['yearly', 'year'],
      ['趋势', 'month'],
      ['trend', 'month'],
      ['over time', 'month'],
    ];
    for (const [words, grain] of grains)
      expect(resolveTimeExpression(words, AS_OF, 'zh').grain, words).toBe(grain);
  });

  it('names a month read without a year as an assumption, in the question language', () => {
    expect(resolveTimeExpression('7月的订单', AS_OF, 'zh').assumption).toBe('“7月”按 2026年7月 计算');
    expect(resolveTimeExpression('orders in July', AS_OF, 'en').assumption).toBe(
      'Taking "in July" as July 2026',
    );
  });

  it('returns the matched words as written, full-width included', () => {
    expect(resolveTimeExpression('按月看今年的流失率趋势', AS_OF, 'zh').matchedText).toEqual([
      '按月',
      '今年',
      '趋势',
    ]);
    expect(resolveTimeExpression('Ｑ３ 2026', AS_OF, 'en').range).toEqual({
      start: '2026-07-01',
      end: '2026-10-01',
    });
  });

  it('does not read durations or plain numbers as periods', () => {
    expect(resolveTimeExpression('前五个地区', AS_OF, 'zh').range).toBeUndefined();
    expect(resolveTimeExpression('top 5 regions', AS_OF, 'en').range).toBeUndefined();
    expect(resolveTimeExpression('按月合约', AS_OF, 'zh').grain).toBe('month'); // the matcher prefers the longer catalog word
    expect(resolveTimeExpression('what may happen', AS_OF, 'en').range).toBeUndefined();
  });

  it('treats a future period as empty', () => {
    expect(resolveTimeExpression('2027年', AS_OF, 'zh')).toMatchObject({ empty: true });
  });
});

describe('resolveTimeExpression against as-of 2026-02-15', () => {
  const asOf = '2026-02-15';
  it('reads relative periods from mid-February', () => {
    expect(range('上个季度', asOf)).toEqual({ start: '2025-10-01', end: '2026-01-01' });
    expect(range('上个月', asOf)).toEqual({ start: '2026-01-01', end: '2026-02-01' });
    expect(range('本月', asOf)).toEqual({ start: '2026-02-01', end: '2026-02-15' });
    expect(range('本季度', asOf)).toEqual({ start: '2026-01-01', end: '2026-02-15' });
    expect(range('近三个月', asOf)).toEqual({ start: '2025-11-01', end: '2026-02-01' });
    expect(range('近90天', asOf)).toEqual({ start: '2025-11-17', end: '2026-02-15' });
    expect(range('今年', asOf)).toEqual({ start: '2026-01-01', end: '2026-02-15' });
    expect(range('去年', asOf)).toEqual({ start: '2025-01-01', end: '2026-01-01' });
  });
  it('takes the latest complete half and quarter, and the latest month not after as-of', () => {
    expect(range('上半年', asOf)).toEqual({ start: '2025-01-01', end: '2025-07-01' });
    expect(range('下半年', asOf)).toEqual({ start: '2025-07-01', end: '2026-01-01' });
    expect(range('三季度', asOf)).toEqual({ start: '2025-07-01', end: '2025-10-01' });
    expect(range('一季度', asOf)).toEqual({ start: '2025-01-01', end: '2025-04-01' });
    expect(range('7月', asOf)).toEqual({ start: '2025-07-01', end: '2025-08-01' });
    expect(range('2月', asOf)).toEqual({ start: '2026-02-01', end: '2026-02-15' });
    expect(range('12月', asOf)).toEqual({ start: '2025-12-01', end: '2026-01-01' });
  });
  it('does not mark a partly elapsed period as empty', () => {
    expect(resolveTimeExpression('本季度', asOf, 'zh').empty).toBeUndefined();
  });
});

describe('resolveTimeExpression against as-of 2026-07-01', () => {
  it('takes this year H1 once it is complete', () => {
    expect(range('上半年', '2026-07-01')).toEqual({ start: '2026-01-01', end: '2026-07-01' });
    expect(range('Q2', '2026-07-01')).toEqual({ start: '2026-04-01', end: '2026-07-01' });
    expect(range('Q3', '2026-07-01')).toEqual({ start: '2025-07-01', end: '2025-10-01' });
  });
});

describe('defaultTrendRange', () => {
  it('gives 12 months, 8 quarters, 13 Monday-aligned weeks and the years of data', () => {
    expect(defaultTrendRange('month', AS_OF, 2024)).toEqual({ start: '2025-10-01', end: '2026-10-01' });
    expect(defaultTrendRange('quarter', AS_OF, 2024)).toEqual({ start: '2024-10-01', end: '2026-10-01' });
    expect(defaultTrendRange('week', AS_OF, 2024)).toEqual({ start: '2026-06-29', end: '2026-09-28' });
    expect(defaultTrendRange('year', AS_OF, 2024)).toEqual({ start: '2024-01-01', end: '2026-10-01' });
  });
});
