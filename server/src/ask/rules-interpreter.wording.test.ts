/**
 * Issue 13, the failure classes of blind batch 2: holidays from the model's calendar, the telco model's
 * own words, Cantonese wording, comparison and ranking wording, and "why did X go up" → decomposition.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { nextConversationState } from './conversation.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const SEP = { start: '2026-09-01', end: '2026-10-01' };
const ask = (question: string, catalog: Catalog = RETAIL) =>
  interpretWithRules({ question, catalog, asOf: AS_OF });
const converse = (first: string, second: string) => {
  const one = ask(first);
  const previous = nextConversationState(undefined, one, one.defaultedRange);
  return interpretWithRules({ question: second, catalog: RETAIL, asOf: AS_OF, previous });
};
const inF = (member: string, ...values: string[]) => ({ member, op: 'in', values });

describe('class 1: the business calendar is model vocabulary, read back', () => {
  it.each([
    ['双11当天的revenue是多少', { start: '2025-11-11', end: '2025-11-12' }, '2025年双11当天'],
    [
      '双十一期间的订单数',
      { start: '2025-11-01', end: '2025-11-12' },
      '2025年双11（2025-11-01 至 2025-11-11）',
    ],
    ['2024年双11的收入', { start: '2024-11-01', end: '2024-11-12' }, '2024年双11'],
    ['618那天卖了多少钱', { start: '2026-06-18', end: '2026-06-19' }, '2026年618大促当天'],
    ['去年618大促期间的收入', { start: '2025-06-01', end: '2025-06-19' }, '2025年618大促'],
    ['春节期间的订单数', { start: '2026-02-15', end: '2026-02-24' }, '2026年春节'],
    ['去年春节的订单数', { start: '2025-01-28', end: '2025-02-05' }, '2025年春节'],
    // the 2026 holiday starts on the as-of date: the latest one that has begun is 2025's
    ['国庆期间的收入', { start: '2025-10-01', end: '2025-10-08' }, '2025年国庆'],
    ['黑五的订单数', { start: '2025-11-28', end: '2025-12-02' }, '2025年黑五'],
  ])('%s', (question, timeRange, reading) => {
    const r = ask(question);
    expect(r.kind).toBe('query');
    expect(r.query?.timeRange).toEqual(timeRange);
    expect(r.assumptions.join(' ')).toContain(reading);
    expect(r.unknownTerms).toEqual([]);
  });
  it('English names: Black Friday, singles day; read back in English', () => {
    const r = ask('black friday revenue');
    expect(r.query?.timeRange).toEqual({ start: '2025-11-28', end: '2025-12-02' });
    expect(r.assumptions[0]).toContain('Black Friday 2025 (2025-11-28 to 2025-12-01)');
    expect(ask('orders on singles day itself').query?.timeRange).toEqual({
      start: '2025-11-11',
      end: '2025-11-12',
    });
  });
  it('a campaign named after an event is not its period; a model without a calendar has none', () => {
    expect(ask("What's the win-back rate for the Black Friday campaign?").kind).toBe('clarify');
    expect(ask('帮我写一个双十一的营销活动方案').kind).toBe('out_of_scope');
    const bare = { ...RETAIL, calendar: [] };
    expect(ask('双11期间的订单数', bare).kind).toBe('clarify');
  });
  it.each([
    ['截至9月底今年一共多少orders', { start: '2026-01-01', end: '2026-10-01' }],
    ['截至6月底的流失客户数', { start: '2026-01-01', end: '2026-07-01' }],
    ['前三季度的收入', { start: '2026-01-01', end: '2026-10-01' }],
    ['上半年的收入', { start: '2026-01-01', end: '2026-07-01' }],
  ])('cumulative and part-year ranges: %s', (question, timeRange) => {
    expect(ask(question).query?.timeRange).toEqual(timeRange);
  });
});

describe('class 2: the telco model’s own words are understood, not filters', () => {
  it.each([
    ['电信客户按支付方式看平均客户终身价值', { metrics: ['avg_cltv'], dimensions: ['payment_method'] }],
    ['电信那边用电子支票付费的客户流失率多少', { filters: [inF('payment_method', 'Electronic check')] }],
    ['运营商的电子账单用户流失率高吗', { filters: [inF('paperless_billing', 'true')] }],
    [
      'telco churn rate, 2yr contract + fiber',
      { filters: [inF('contract', 'Two year'), inF('internet_service', 'Fiber optic')] },
    ],
    [
      'telecom avg mthly charges seniors vs non-seniors',
      { metrics: ['avg_monthly_charges'], dimensions: ['senior_citizen'] },
    ],
  ])('%s', (question, query) => {
    const r = ask(question, TELCO);
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject(query);
    expect(r.unknownTerms).toEqual([]);
  });
  it('电信的客户为啥要走 → reasons; keep … from leaving → actions', () => {
    expect(ask('电信的客户为啥要走', TELCO).intent).toBe('reasons');
    expect(ask('What can we do to keep month-to-month telco customers from leaving?', TELCO).intent).toBe(
      'actions',
    );
  });
});

describe('class 3: Cantonese wording is read as Mandarin and named back', () => {
  it('流失咗幾多個客 is a count, not a rate', () => {
    const r = ask('深圳嘅客上季流失咗幾多個？');
    expect(r.query).toMatchObject({
      metrics: ['churned_customers'],
      filters: [inF('city', '深圳')],
      timeRange: Q3,
    });
    expect(r.assumptions[0]).toContain('粤语按普通话理解');
    expect(ask('今年到而家累計流失咗幾多個客？').query).toMatchObject({
      metrics: ['churned_customers'],
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
    });
  });
  it('邊個地區, 咩原因, 點解, 今季', () => {
    expect(ask('上季邊個地區流失率最高？').query).toMatchObject({
      dimensions: ['region'],
      order: [{ member: 'churn_rate', dir: 'desc' }],
    });
    expect(ask('上季啲客係咩原因流失嘅？').intent).toBe('reasons');
    expect(ask('點解上個月流失嘅客多咗？').intent).toBe('decomposition');
    const now = ask('今季嘅流失率係幾多？');
    expect(now.kind).toBe('clarify');
    expect(now.options?.[0]?.label).toBe('上个季度');
  });
  it('有…同冇… compares both values', () => {
    const r = ask('電信嗰邊有技術支援同冇技術支援嘅流失率差幾多？', TELCO);
    expect(r.query).toMatchObject({
      dimensions: ['tech_support'],
      filters: [inF('tech_support', 'Yes', 'No')],
    });
  });
  it('Mandarin words with 系 and 同 are left alone', () => {
    expect(ask('有技术支持和流失有关系吗', TELCO).intent).toBe('drivers');
    expect(ask('上个月收入同比').query?.compare).toBe('same_period_last_year');
  });
});

describe('class 4: comparison wording', () => {
  it.each([
    [
      '去年下半年的流失收入和前一个半年相比是多了还是少了？',
      { start: '2025-07-01', end: '2026-01-01' },
      'previous_period',
    ],
    ['直播间来的新客，上季度比再上一个季度多了还是少了', Q3, 'previous_period'],
    ['上个月收入环比', SEP, 'previous_period'],
    ['上个月收入同比', SEP, 'same_period_last_year'],
    ['churn rate Q4 2025 vs Q4 2024', { start: '2025-10-01', end: '2026-01-01' }, 'same_period_last_year'],
    ['Q3 churn rate vs prior quarter', Q3, 'previous_period'],
    ['revenue last month q/q', SEP, 'previous_period'],
    ['revenue last month y/y', SEP, 'same_period_last_year'],
    ['September revenue vs same month last year', SEP, 'same_period_last_year'],
  ])('%s', (question, timeRange, compare) => {
    const r = ask(question);
    expect(r.query).toMatchObject({ timeRange, compare });
  });
  it('a follow-up "比上上个月呢" compares the previous month with the one before', () => {
    const r = converse('上个月的收入', '比上上个月呢？');
    expect(r.query).toMatchObject({ metrics: ['revenue'], timeRange: SEP, compare: 'previous_period' });
    expect(converse('revenue last month', 'vs same month ly').query?.compare).toBe('same_period_last_year');
  });
  it('two whole years side by side are shown by year', () => {
    const r = ask('2024年和2025年的营收并排比较');
    expect(r.query).toMatchObject({
      timeRange: { start: '2024-01-01', end: '2026-01-01' },
      time: { dimension: 'metric_time', grain: 'year' },
    });
  });
});

describe('class 5: ranking wording', () => {
  it.each([
    ['上个季度各品类销售额排个名', 'revenue', 'desc', undefined],
    ['各获客渠道的流失率从高到低排一下', 'churn_rate', 'desc', undefined],
    ['各地区收入从低到高排', 'revenue', 'asc', undefined],
    ['流失率前五的城市', 'churn_rate', 'desc', 5],
    ['top 5 cities by revenue last quarter', 'revenue', 'desc', 5],
    ['bottom 3 regions by revenue last quarter', 'revenue', 'asc', 3],
  ])('%s', (question, member, dir, limit) => {
    const r = ask(question);
    expect(r.query?.order).toEqual([{ member, dir }]);
    expect(r.query?.limit).toBe(limit);
  });
});

describe('"break down … by X" groups by X and leaves nothing unread (blind batch 3 read "Break" as the telco city Brea)', () => {
  it.each([
    ['Break down churn by contract type, please', 'contract'],
    ['break it down by gender', 'gender'],
  ])('%s', (question, dimension) => {
    const r = ask(question, TELCO);
    expect(r.query?.dimensions).toEqual([dimension]);
    expect(r.query?.filters).toEqual([]);
    expect(r.unknownTerms).toEqual([]);
  });
});

describe('class 6: why did it go up → the change decomposition, never one number', () => {
  it.each([
    '为什么上个月流失的客户多了',
    '为什么上季度流失率比上个季度高',
    '为什么Q3 churn rate 比 Q2 高了',
    'why did churn go up last quarter',
    'decompose the q/q change in churn rate',
  ])('%s', (question) => {
    const r = ask(question);
    expect(r.intent).toBe('decomposition');
    expect(r.query?.compare).toBe('previous_period');
  });
  it('why customers left (no change asked) stays a reasons analysis', () => {
    expect(ask('上个季度客户为什么流失').intent).toBe('reasons');
  });
});
