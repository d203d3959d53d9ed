import { describe, expect, it } from 'vitest';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import { RETAIL_CATALOG } from '../../test/ask/fixtures/retail-catalog.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (question: string) => interpretWithRules({ question, catalog: RETAIL_CATALOG, asOf: AS_OF });
const q = (parts: Partial<SemanticQueryInput>): SemanticQueryInput => ({
  model: 'retail',
  metrics: ['churn_rate'],
  dimensions: [],
  filters: [],
  order: [],
  ...parts,
});
const inF = (member: string, ...values: string[]) => ({ member, op: 'in' as const, values });

type Case = [question: string, kind: string, intent: string, query: SemanticQueryInput];

/** Chinese questions on the retail fixture, as-of 2026-10-01, with exact expected queries. */
const CASES: Case[] = [
  [
    '上个季度流失客户的主要原因是什么?',
    'analysis',
    'reasons',
    q({ metrics: ['churned_customers'], timeRange: Q3 }),
  ],
  [
    '哪些高价值客户有流失风险?',
    'analysis',
    'risk_list',
    q({ metrics: ['at_risk_customers'], filters: [inF('value_tier', 'high')] }),
  ],
  [
    '华东和华南对比流失率',
    'query',
    'comparison',
    q({ dimensions: ['region'], timeRange: Q3, filters: [inF('region', '华东', '华南')] }),
  ],
  [
    '按月看今年的流失率趋势',
    'query',
    'trend',
    q({
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
    }),
  ],
  [
    '近90天的收入',
    'query',
    'metric',
    q({ metrics: ['revenue'], timeRange: { start: '2026-07-03', end: '2026-10-01' } }),
  ],
  [
    '2026年7月母婴的订单数',
    'query',
    'metric',
    q({
      metrics: ['orders'],
      timeRange: { start: '2026-07-01', end: '2026-08-01' },
      filters: [inF('category', '母婴')],
    }),
  ],
  ['流失情况怎么样', 'query', 'metric', q({ timeRange: Q3 })],
  ['流失情况咋样?', 'query', 'metric', q({ timeRange: Q3 })],
  [
    '上个月流失了多少客户',
    'query',
    'metric',
    q({ metrics: ['churned_customers'], timeRange: { start: '2026-09-01', end: '2026-10-01' } }),
  ],
  ['上季度掉了多少客户', 'query', 'metric', q({ metrics: ['churned_customers'], timeRange: Q3 })],
  ['上个季度的留存率', 'query', 'metric', q({ metrics: ['retention_rate'], timeRange: Q3 })],
  [
    '去年各品类的收入',
    'query',
    'breakdown',
    q({
      metrics: ['revenue'],
      dimensions: ['category'],
      timeRange: { start: '2025-01-01', end: '2026-01-01' },
    }),
  ],
  [
    '2025年每个月的订单数',
    'query',
    'trend',
    q({
      metrics: ['orders'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2025-01-01', end: '2026-01-01' },
    }),
  ],
  [
    '近三个月华东地区的新客户数',
    'query',
    'metric',
    q({ metrics: ['new_customers'], timeRange: Q3, filters: [inF('region', '华东')] }),
  ],
  [
    '上半年各渠道的获客数量',
    'query',
    'breakdown',
    q({
      metrics: ['new_customers'],
      dimensions: ['acquisition_channel'],
      timeRange: { start: '2026-01-01', end: '2026-07-01' },
    }),
  ],
  [
    '按季度看流失率',
    'query',
    'trend',
    q({
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: '2024-10-01', end: '2026-10-01' },
    }),
  ],
  [
    '每周工单数趋势',
    'query',
    'trend',
    q({
      metrics: ['tickets'],
      time: { dimension: 'metric_time', grain: 'week' },
      timeRange: { start: '2026-06-29', end: '2026-09-28' },
    }),
  ],
  [
    '流失率趋势',
    'query',
    'trend',
    q({
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2025-10-01', end: '2026-10-01' },
    }),
  ],
  [
    '流失率最低的三个品类',
    'query',
    'breakdown',
    q({ dimensions: ['category'], timeRange: Q3, order: [{ member: 'churn_rate', dir: 'asc' }], limit: 3 }),
  ],
  [
    '流失率最高的前五个城市',
    'query',
    'breakdown',
    q({ dimensions: ['city'], timeRange: Q3, order: [{ member: 'churn_rate', dir: 'desc' }], limit: 5 }),
  ],
  [
    '哪个地区流失率最高',
    'query',
    'breakdown',
    q({ dimensions: ['region'], timeRange: Q3, order: [{ member: 'churn_rate', dir: 'desc' }] }),
  ],
  [
    '流失率前5的城市',
    'query',
    'breakdown',
    q({ dimensions: ['city'], timeRange: Q3, order: [{ member: 'churn_rate', dir: 'desc' }], limit: 5 }),
  ],
  [
    '流失率最好的地区',
    'query',
    'breakdown',
    q({ dimensions: ['region'], timeRange: Q3, order: [{ member: 'churn_rate', dir: 'asc' }] }),
  ],
  ['2026Q3 女性客户的流失率', 'query', 'metric', q({ timeRange: Q3, filters: [inF('gender', 'female')] })],
  [
    '高价值和中价值客户的流失率对比',
    'query',
    'comparison',
    q({ dimensions: ['value_tier'], timeRange: Q3, filters: [inF('value_tier', 'high', 'medium')] }),
  ],
  [
    '上个季度流失客户的流失原因分布',
    'analysis',
    'reasons',
    q({ metrics: ['churned_customers'], timeRange: Q3 }),
  ],
  [
    '按流失原因看上个季度的流失客户数',
    'query',
    'breakdown',
    q({ metrics: ['churned_customers'], dimensions: ['churn_reason'], timeRange: Q3 }),
  ],
  [
    '各年龄段的复购率',
    'query',
    'breakdown',
    q({ metrics: ['repeat_purchase_rate'], dimensions: ['age_band'], timeRange: Q3 }),
  ],
  [
    '直播带货渠道的客户流失率',
    'query',
    'metric',
    q({ timeRange: Q3, filters: [inF('acquisition_channel', 'live_stream')] }),
  ],
  [
    '投诉率最高的地区',
    'query',
    'breakdown',
    q({
      metrics: ['complaint_rate'],
      dimensions: ['region'],
      timeRange: Q3,
      order: [{ member: 'complaint_rate', dir: 'desc' }],
    }),
  ],
  [
    '平均解决时长按工单类别',
    'query',
    'breakdown',
    q({ metrics: ['avg_resolution_hours'], dimensions: ['ticket_category'], timeRange: Q3 }),
  ],
  [
    '客单价同比',
    'query',
    'comparison',
    q({ metrics: ['avg_order_value'], timeRange: Q3, compare: 'same_period_last_year' }),
  ],
  [
    '上个月的流失率环比',
    'query',
    'comparison',
    q({ timeRange: { start: '2026-09-01', end: '2026-10-01' }, compare: 'previous_period' }),
  ],
  [
    '为什么上个季度流失率上升了?',
    'analysis',
    'decomposition',
    q({ timeRange: Q3, compare: 'previous_period' }),
  ],
  ['流失的驱动因素有哪些', 'analysis', 'drivers', q({ timeRange: Q3 })],
  ['怎么挽回高价值客户?', 'analysis', 'actions', q({ timeRange: Q3, filters: [inF('value_tier', 'high')] })],
  ['留存曲线', 'analysis', 'cohorts', q({ metrics: ['retention_rate'], timeRange: Q3 })],
  [
    '价格问题的流失客户数',
    'query',
    'metric',
    q({ metrics: ['churned_customers'], timeRange: Q3, filters: [inF('churn_reason', 'price')] }),
  ],
  [
    '价格类工单数',
    'query',
    'metric',
    q({ metrics: ['tickets'], timeRange: Q3, filters: [inF('ticket_category', 'price')] }),
  ],
  [
    '除了华南以外各地区的流失率',
    'query',
    'breakdown',
    q({
      dimensions: ['region'],
      timeRange: Q3,
      filters: [{ member: 'region', op: 'not_in', values: ['华南'] }],
    }),
  ],
  [
    '非高价值客户的流失率',
    'query',
    'metric',
    q({ timeRange: Q3, filters: [{ member: 'value_tier', op: 'not_in', values: ['high'] }] }),
  ],
  [
    '高价值客户有多少',
    'query',
    'metric',
    q({ metrics: ['customers'], filters: [inF('value_tier', 'high')] }),
  ],
  ['华南有多少客户', 'query', 'metric', q({ metrics: ['customers'], filters: [inF('region', '华南')] })],
  [
    '上海和北京的流失客户数',
    'query',
    'comparison',
    q({
      metrics: ['churned_customers'],
      dimensions: ['city'],
      timeRange: Q3,
      filters: [inF('city', '上海', '北京')],
    }),
  ],
  ['三季度高风险客户的流失率', 'query', 'metric', q({ timeRange: Q3, filters: [inF('risk_tier', 'high')] })],
  [
    '７月份线上商城的客单价',
    'query',
    'metric',
    q({
      metrics: ['avg_order_value'],
      timeRange: { start: '2026-07-01', end: '2026-08-01' },
      filters: [inF('sales_channel', 'online')],
    }),
  ],
  [
    '去年三季度B2B客户流失率',
    'query',
    'metric',
    q({ timeRange: { start: '2025-07-01', end: '2025-10-01' }, filters: [inF('customer_type', 'B2B')] }),
  ],
  [
    '列出华南的高风险客户',
    'analysis',
    'risk_list',
    q({ timeRange: Q3, filters: [inF('region', '华南'), inF('risk_tier', 'high')] }),
  ],
  ['客户分群', 'analysis', 'segments', q({ timeRange: Q3 })],
];

describe('interpretWithRules: Chinese questions (retail, as-of 2026-10-01)', () => {
  for (const [question, kind, intent, query] of CASES) {
    it(`reads "${question}" as ${kind}/${intent}`, () => {
      const r = ask(question);
      expect(r.query).toEqual(query);
      expect([r.kind, r.intent]).toEqual([kind, intent]);
      expect(r.language).toBe('zh');
    });
  }

  it('states the default quarter in Chinese, in the convention wording', () => {
    expect(ask('华东和华南对比流失率').assumptions).toEqual(['未指定时间，按最近一个完整季度 2026Q3 计算']);
  });

  it('states the default metric when none is named', () => {
    expect(ask('怎么挽回高价值客户?').assumptions[0]).toBe('未指定指标，按默认指标“流失率”回答');
  });

  it('names what each word was understood as', () => {
    expect(ask('上个季度华南的流失率').understood).toEqual([
      { text: '华南', meaning: '筛选：地区 = 华南' },
      { text: '流失率', meaning: '指标：流失率' },
      { text: '上个季度', meaning: '时间：2026-07-01 至 2026-09-30' },
    ]);
  });

  it('says which year a month without a year was read as', () => {
    expect(ask('7月的订单数').assumptions).toContain('“7月”按 2026年7月 计算');
  });
});
