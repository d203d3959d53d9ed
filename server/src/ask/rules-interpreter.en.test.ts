import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import { RETAIL_CATALOG } from '../../test/ask/fixtures/retail-catalog.ts';
import { TELCO_CATALOG } from '../../test/ask/fixtures/telco-catalog.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (question: string, catalog: Catalog = RETAIL_CATALOG) =>
  interpretWithRules({ question, catalog, asOf: AS_OF });
const retail = (parts: Partial<SemanticQueryInput>): SemanticQueryInput => ({
  model: 'retail',
  metrics: ['churn_rate'],
  dimensions: [],
  filters: [],
  order: [],
  ...parts,
});
const telco = (parts: Partial<SemanticQueryInput>): SemanticQueryInput => ({
  ...retail(parts),
  model: 'telco',
});
const inF = (member: string, ...values: string[]) => ({ member, op: 'in' as const, values });

type Case = [question: string, lang: 'zh' | 'en', intent: string, query: SemanticQueryInput];

const RETAIL_CASES: Case[] = [
  [
    'Which regions lost the most high-value customers last quarter?',
    'en',
    'breakdown',
    retail({
      metrics: ['churned_customers'],
      dimensions: ['region'],
      timeRange: Q3,
      filters: [inF('value_tier', 'high')],
      order: [{ member: 'churned_customers', dir: 'desc' }],
    }),
  ],
  [
    'churned customers last quarter by region',
    'en',
    'breakdown',
    retail({ metrics: ['churned_customers'], dimensions: ['region'], timeRange: Q3 }),
  ],
  [
    'top 5 cities by churn rate',
    'en',
    'breakdown',
    retail({ dimensions: ['city'], timeRange: Q3, order: [{ member: 'churn_rate', dir: 'desc' }], limit: 5 }),
  ],
  [
    'What is the retention rate this year?',
    'en',
    'metric',
    retail({ metrics: ['retention_rate'], timeRange: { start: '2026-01-01', end: '2026-10-01' } }),
  ],
  [
    'How many customers churned last month?',
    'en',
    'metric',
    retail({ metrics: ['churned_customers'], timeRange: { start: '2026-09-01', end: '2026-10-01' } }),
  ],
  [
    'revenue by category in July 2026',
    'en',
    'breakdown',
    retail({
      metrics: ['revenue'],
      dimensions: ['category'],
      timeRange: { start: '2026-07-01', end: '2026-08-01' },
    }),
  ],
  [
    'why did churn rise last quarter?',
    'en',
    'decomposition',
    retail({ timeRange: Q3, compare: 'previous_period' }),
  ],
  ['What drives churn?', 'en', 'drivers', retail({ timeRange: Q3 })],
  ['Which customers are at risk?', 'en', 'risk_list', retail({ metrics: ['at_risk_customers'] })],
  [
    'Which high-value customers are at risk?',
    'en',
    'risk_list',
    retail({ metrics: ['at_risk_customers'], filters: [inF('value_tier', 'high')] }),
  ],
  [
    'how can we win back lost customers?',
    'en',
    'actions',
    retail({ metrics: ['churned_customers'], timeRange: Q3 }),
  ],
  [
    'churn rate of high value customers in south china',
    'en',
    'metric',
    retail({ timeRange: Q3, filters: [inF('value_tier', 'high'), inF('region', '华南')] }),
  ],
  [
    'customer lifetime value by value tier',
    'en',
    'breakdown',
    retail({ metrics: ['clv'], dimensions: ['value_tier'] }),
  ],
  [
    'NPS trend',
    'en',
    'trend',
    retail({
      metrics: ['nps'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2025-10-01', end: '2026-10-01' },
    }),
  ],
  [
    'monthly churn rate over the past 6 months',
    'en',
    'trend',
    retail({
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-04-01', end: '2026-10-01' },
    }),
  ],
  [
    "What's the chrun rate last month?",
    'en',
    'metric',
    retail({ timeRange: { start: '2026-09-01', end: '2026-10-01' } }),
  ],
  [
    'reveune by regoin in Q3 2026',
    'en',
    'breakdown',
    retail({ metrics: ['revenue'], dimensions: ['region'], timeRange: Q3 }),
  ],
  [
    'churn rate excluding South China',
    'en',
    'metric',
    retail({ timeRange: Q3, filters: [{ member: 'region', op: 'not_in', values: ['华南'] }] }),
  ],
  [
    'orders year over year for beauty',
    'en',
    'comparison',
    retail({
      metrics: ['orders'],
      timeRange: Q3,
      compare: 'same_period_last_year',
      filters: [inF('category', '美妆')],
    }),
  ],
  [
    'lowest 3 channels by retention',
    'en',
    'breakdown',
    retail({
      metrics: ['retention_rate'],
      dimensions: ['acquisition_channel'],
      timeRange: Q3,
      order: [{ member: 'retention_rate', dir: 'asc' }],
      limit: 3,
    }),
  ],
  [
    'East China vs South China churn rate',
    'en',
    'comparison',
    retail({ dimensions: ['region'], timeRange: Q3, filters: [inF('region', '华东', '华南')] }),
  ],
  [
    '华东 vs 华南 churn rate',
    'en',
    'comparison',
    retail({ dimensions: ['region'], timeRange: Q3, filters: [inF('region', '华东', '华南')] }),
  ],
  [
    'What is the churn rate in 华南?',
    'en',
    'metric',
    retail({ timeRange: Q3, filters: [inF('region', '华南')] }),
  ],
  [
    'VIP 客户上个月的 churn rate',
    'zh',
    'metric',
    retail({ timeRange: { start: '2026-09-01', end: '2026-10-01' }, filters: [inF('value_tier', 'high')] }),
  ],
  ['Show me the cohort retention', 'en', 'cohorts', retail({ metrics: ['retention_rate'], timeRange: Q3 })],
];

const TELCO_CASES: Case[] = [
  ['churn rate by contract', 'en', 'breakdown', telco({ dimensions: ['contract'] })],
  ['Month-to-month 客户的流失率', 'zh', 'metric', telco({ filters: [inF('contract', 'Month-to-month')] })],
  ['按支付方式看流失率', 'zh', 'breakdown', telco({ dimensions: ['payment_method'] })],
  [
    '光纤用户的平均月费',
    'zh',
    'metric',
    telco({ metrics: ['avg_monthly_charges'], filters: [inF('internet_service', 'Fiber optic')] }),
  ],
  [
    'churn rate for seniors without tech support',
    'en',
    'metric',
    telco({ filters: [inF('senior_citizen', 'true'), inF('tech_support', 'No')] }),
  ],
  ['没有技术支持的客户流失率', 'zh', 'metric', telco({ filters: [inF('tech_support', 'No')] })],
  [
    'how many customers churned by churn category',
    'en',
    'breakdown',
    telco({ metrics: ['churned_customers'], dimensions: ['churn_category'] }),
  ],
  [
    '一年合约和两年合约的流失率对比',
    'zh',
    'comparison',
    telco({ dimensions: ['contract'], filters: [inF('contract', 'One year', 'Two year')] }),
  ],
  ['What drives churn?', 'en', 'drivers', telco({})],
  [
    'total revenue by tenure',
    'en',
    'breakdown',
    telco({ metrics: ['total_revenue'], dimensions: ['tenure_band'] }),
  ],
];

describe('interpretWithRules: English and mixed questions (retail)', () => {
  for (const [question, lang, intent, query] of RETAIL_CASES) {
    it(`reads "${question}" as ${intent}`, () => {
      const r = ask(question);
      expect(r.query).toEqual(query);
      expect(r.intent).toBe(intent);
      expect(r.language).toBe(lang);
      expect(r.unknownTerms).toEqual([]);
    });
  }
  it('states the default quarter in English', () => {
    expect(ask('churn rate by region').assumptions).toEqual(['Using the last complete quarter, 2026 Q3']);
  });
});

describe('interpretWithRules: the telco model (no dates)', () => {
  for (const [question, lang, intent, query] of TELCO_CASES) {
    it(`reads "${question}" as ${intent} without a time range`, () => {
      const r = ask(question, TELCO_CATALOG);
      expect(r.query).toEqual(query);
      expect(r.intent).toBe(intent);
      expect(r.language).toBe(lang);
    });
  }
  it('names time words back as not applicable instead of dropping them silently', () => {
    const r = ask('上个季度的流失率', TELCO_CATALOG);
    expect(r.query).toEqual(telco({}));
    expect(r.assumptions).toEqual(['该数据模型没有日期，已忽略时间条件“上个季度”']);
  });
  it('does not turn a trend request into a time grouping', () => {
    const r = ask('churn rate trend by contract', TELCO_CATALOG);
    expect(r.intent).toBe('breakdown');
    expect(r.query).toEqual(telco({ dimensions: ['contract'] }));
    expect(r.assumptions).toEqual(['This model has no dates, so "trend" was ignored']);
  });
  it('reads a generic value next to its dimension ("no internet service") as that dimension', () => {
    const r = ask('churn rate of customers with no internet service', TELCO_CATALOG);
    expect(r.query).toEqual(telco({ filters: [inF('internet_service', 'No')] }));
  });
});
