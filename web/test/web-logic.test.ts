/** The web app's pure logic, without a browser: chip edits, CSV, SSE parsing, at-risk rows, the member form. */
import { describe, expect, it } from 'vitest';
import { parseSse } from '../src/api/ask.ts';
import type { SemanticQuery } from '../src/api/types.ts';
import { atRiskPage, atRiskRows } from '../src/at-risk-rows.ts';
import { codeLabel } from '../src/code-labels.ts';
import { toCsv } from '../src/components/csv.ts';
import { compareCells } from '../src/components/data-table.ts';
import { issuesByField, splitList, withEdits } from '../src/editor/member-form.ts';
import { reviewNote } from '../src/editor/review-notes.ts';
import { setLang } from '../src/i18n/i18n.ts';
import {
  intentFor,
  removeDimension,
  replaceMetric,
  setFilter,
  setGrain,
  setTimeRange,
  shiftDate,
} from '../src/query-edits.ts';

const byRegion: SemanticQuery = {
  model: 'retail',
  metrics: ['churn_rate'],
  dimensions: ['region'],
  timeRange: { start: '2026-07-01', end: '2026-10-01' },
  filters: [{ member: 'value_tier', op: 'in', values: ['high'] }],
  order: [{ member: 'churn_rate', dir: 'desc' }],
};

describe('chip edits', () => {
  it('replaces the metric and the ordering that named it, without touching the input', () => {
    const next = replaceMetric(byRegion, 'churn_rate', 'revenue');
    expect(next.metrics).toEqual(['revenue']);
    expect(next.order).toEqual([{ member: 'revenue', dir: 'desc' }]);
    expect(byRegion.metrics).toEqual(['churn_rate']);
  });

  it('turns a breakdown into a plain metric when its dimension is removed, and into a trend with a grain', () => {
    const plain = removeDimension(byRegion, 'region');
    expect(plain.dimensions).toEqual([]);
    expect(intentFor('breakdown', plain)).toBe('metric');
    expect(intentFor('breakdown', setGrain(plain, 'month'))).toBe('trend');
    expect(intentFor('reasons', plain)).toBe('reasons');
  });

  it('keeps the period end exclusive when the chip edits inclusive dates', () => {
    expect(shiftDate('2026-09-30', 1)).toBe('2026-10-01');
    expect(shiftDate('2024-03-01', -1)).toBe('2024-02-29');
    const next = setTimeRange(byRegion, { start: '2026-01-01', lastDay: '2026-03-31' });
    expect(next.timeRange).toEqual({ start: '2026-01-01', end: '2026-04-01' });
  });

  it('drops a filter whose values are all unticked', () => {
    expect(setFilter(byRegion, 0, { member: 'value_tier', op: 'in', values: [] }).filters).toEqual([]);
    expect(setFilter(byRegion, null, { member: 'region', op: 'in', values: ['华南'] }).filters).toHaveLength(
      2,
    );
  });
});

describe('CSV export', () => {
  it('quotes separators, keeps Chinese text and neutralises spreadsheet formulas', () => {
    const csv = toCsv(
      [
        { name: 'region', label: '地区' },
        { name: 'note', label: 'note, "quoted"' },
        { name: 'rate', label: '流失率' },
      ],
      [{ region: '华南', note: '=HYPERLINK("x")', rate: -0.12 }],
    );
    expect(csv).toBe('地区,"note, ""quoted""",流失率\r\n华南,"\'=HYPERLINK(""x"")",-0.12\r\n');
  });

  it('sorts numbers numerically and empty cells last', () => {
    const values = [10, null, 9, 100];
    expect([...values].sort((a, b) => compareCells(a, b, 'number'))).toEqual([9, 10, 100, null]);
  });
});

describe('server-sent events', () => {
  it('splits complete events and keeps the unfinished rest', () => {
    const { events, rest } = parseSse(
      'event: progress\ndata: {"stage":"interpret","elapsedMs":3}\n\nevent: answer\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: prog',
    );
    expect(events).toEqual([
      { event: 'progress', data: '{"stage":"interpret","elapsedMs":3}' },
      { event: 'answer', data: '{"a":\n1}' },
    ]);
    expect(rest).toBe('event: prog');
  });
});

describe('at-risk rows', () => {
  it('reads the risk list with its reasons from rules, causes and risk-raising factors', () => {
    const [row] = atRiskRows({
      customers: [
        {
          customerId: 'C1',
          name: '王芳',
          region: '华南',
          valueTier: 'high',
          risk: 0.62,
          riskTier: 'high',
          rules: ['高价值客户 30 天未购买'],
          causes: ['物流'],
          factors: [
            { feature: 'tickets_90d', label: '90 天工单', text: '4 张', contribution: 0.8 },
            { feature: 'tenure', label: '在网时长', text: '3 年', contribution: -0.4 },
          ],
          action: '专属客户经理回访',
        },
      ],
    });
    expect(row).toMatchObject({
      customerId: 'C1',
      region: '华南',
      riskScore: 0.62,
      action: '专属客户经理回访',
    });
    expect(row!.reasons).toEqual(['高价值客户 30 天未购买', '物流', '90 天工单: 4 张']);
  });

  it('reads a page with its total and the at-risk count, and shows each reason once', () => {
    const page = atRiskPage({
      page: 3,
      pageSize: 100,
      total: 1853,
      atRisk: 1853,
      customers: [
        {
          customerId: 'C9',
          risk: 0.41,
          expectedLoss: 820.5,
          reasons: ['近90天NPS贬损者', '近90天NPS贬损者', '距上次购买 75 天'],
        },
      ],
    });
    expect(page).toMatchObject({ page: 3, pageSize: 100, total: 1853, atRisk: 1853 });
    expect(page.rows[0]).toMatchObject({ customerId: 'C9', riskScore: 0.41, expectedLoss: 820.5 });
    expect(page.rows[0]!.reasons).toEqual(['近90天NPS贬损者', '距上次购买 75 天']);
    // A bare list (an action's targets) still reads, its length as the total.
    expect(atRiskPage([{ customerId: 'C1' }])).toMatchObject({ page: 1, total: 1, atRisk: 1 });
  });
});

describe('the member form', () => {
  it('splits synonyms typed one per line or with Chinese and English commas', () => {
    expect(splitList('流失率\n掉客率，客户流失、 churn , attrition')).toEqual([
      '流失率',
      '掉客率',
      '客户流失',
      'churn',
      'attrition',
    ]);
  });

  it('writes the form into the member and keeps the fields it does not show', () => {
    const member = { type: 'ratio', numerator: 'a', label: { zh: '流失率', en: 'Churn rate' } };
    const next = withEdits(member, { 'label.zh': '客户流失率', 'synonyms.zh': ['蒸发率'] });
    expect(next).toEqual({
      type: 'ratio',
      numerator: 'a',
      label: { zh: '客户流失率', en: 'Churn rate' },
      synonyms: { zh: ['蒸发率'] },
    });
    expect(member.label.zh).toBe('流失率');
  });

  it('puts each validation issue at its field, and others on the member', () => {
    const byField = issuesByField(
      [
        { message: 'too small', path: 'metrics.churn_rate.label.zh' },
        { message: 'bad synonym', path: 'metrics.churn_rate.synonyms.en[2]' },
        { message: 'missing', path: 'metrics.churn_rate.description' },
        { message: 'elsewhere', path: 'metrics.churn_rate_2.label.zh' },
      ],
      'metrics',
      'churn_rate',
    );
    expect([...byField.keys()].sort()).toEqual(['', 'label.zh', 'synonyms.en']);
    expect(byField.get('')?.[0]?.message).toBe('missing');
  });
});

describe('review notes and stored codes in the interface language', () => {
  it("reads the server's fixed rollback note in the user's language, and a reviewer's reason as written", () => {
    setLang('zh');
    expect(reviewNote('rollback to version 3')).toBe('已回滚到版本 3');
    expect(codeLabel('channel', 'wecom')).toBe('企业微信');
    expect(codeLabel('outbox', 'held_out')).toBe('对照组不发送');
    setLang('en');
    expect(reviewNote('rollback to version 3')).toBe('Rolled back to version 3');
    expect(reviewNote('Synonym only')).toBe('Synonym only');
    expect(codeLabel('arm', 'control')).toBe('Control');
    // A code without a label shows as itself.
    expect(codeLabel('channel', 'fax')).toBe('fax');
  });
});
