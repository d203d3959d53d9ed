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
const converse = (first: string, second: string, catalog: Catalog = RETAIL) => {
  const one = ask(first, catalog);
  const previous = nextConversationState(undefined, one, one.defaultedRange);
  return interpretWithRules({ question: second, catalog, asOf: AS_OF, previous });
};
const inF = (member: string, ...values: string[]) => ({ member, op: 'in', values });

describe('issue 13 class 1: variants of the same words are corrected and named back', () => {
  it.each([
    ['上個月華東的營收', 'revenue', [inF('region', '华东')], SEP],
    ['華南地區上季度的流失率', 'churn_rate', [inF('region', '华南')], Q3],
    ['上个季度的流逝率', 'churn_rate', [], Q3],
    ['华中区上个月的复够率', 'repeat_purchase_rate', [inF('region', '华中')], SEP],
    ['上各月的客单加', 'avg_order_value', [], SEP],
  ])('%s', (question, metric, filters, timeRange) => {
    const r = ask(question);
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({ metrics: [metric], filters, timeRange });
    expect(r.assumptions[0]).toMatch(/理解|繁体/);
  });
  it('為什麼 asks for reasons and 高價值客戶 filters the value tier', () => {
    const r = ask('為什麼高價值客戶會流失');
    expect(r.intent).toBe('reasons');
    expect(r.query?.filters).toEqual([inF('value_tier', 'high')]);
  });
  it('English typos and shorthand: citys, custmer, qtr, w/o, attrition', () => {
    expect(ask('churn rate by citys', TELCO).query?.dimensions).toEqual(['city']);
    expect(ask('custmer count last qtr').query).toMatchObject({ metrics: ['customers'], timeRange: Q3 });
    const wo = ask('# of churned custs w/o paperless billing', TELCO);
    expect(wo.query).toMatchObject({
      metrics: ['churned_customers'],
      filters: [inF('paperless_billing', 'false')],
    });
    expect(wo.assumptions[0]).toContain('Read "w/o" as "without"');
    expect(ask('attrition rate for fibre customers', TELCO).query?.metrics).toEqual(['churn_rate']);
  });
});

describe('issue 13 class 2: everyday words for catalog concepts', () => {
  it.each([
    ['上个月下了多少单', 'orders'],
    ['上个月有多少人来买过东西', 'buyers'],
    ['上个月投诉了几次', 'tickets'],
    ['上个月有多少customer又回来买了', 'reactivated_customers'],
    ['上季度跑了多少客户', 'churned_customers'],
    ['请问上个月战败客户有多少？谢谢', 'churned_customers'],
    ['全国上个月的营业额', 'revenue'],
  ])('%s → %s', (question, metric) => {
    const r = ask(question);
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual([metric]);
    expect(r.query?.filters).toEqual([]);
  });
  it('"walked away" and "cancelled" are churned customers (telco)', () => {
    expect(ask('how many people walked away', TELCO).query?.metrics).toEqual(['churned_customers']);
  });
});

describe('issue 13 class 5: conditions on each customer, never on the total', () => {
  it('订单数大于5的客户流失率 filters each customer on 近12个月订单数, and says so', () => {
    const r = ask('订单数大于5的客户流失率');
    expect(r.query).toMatchObject({
      metrics: ['churn_rate'],
      filters: [{ member: 'orders_12m', op: 'gt', values: [5] }],
    });
    expect(r.assumptions[0]).toContain('近12个月订单数');
  });
  it.each([
    ['超过30天没来买的有多少人', 'customers', [{ member: 'recency_days', op: 'gt', values: [30] }]],
    [
      '近12個月消費超過一萬元的客戶流失率',
      'churn_rate',
      [{ member: 'spend_12m', op: 'gt', values: [10000] }],
    ],
    ['买了3次以上的客户有多少走了', 'churned_customers', [{ member: 'orders_12m', op: 'gte', values: [3] }]],
    [
      'churn rate last quarter among customers with more than 10 orders in the past year',
      'churn_rate',
      [{ member: 'orders_12m', op: 'gt', values: [10] }],
    ],
    [
      "how many customers haven't bought in over 45 days but spent 5000+ in the last 12 months",
      'customers',
      [
        { member: 'recency_days', op: 'gt', values: [45] },
        { member: 'spend_12m', op: 'gte', values: [5000] },
      ],
    ],
  ])('%s', (question, metric, filters) => {
    const r = ask(question);
    expect(r.kind).toBe('query');
    expect(r.intent).toBe('metric');
    expect(r.query).toMatchObject({ metrics: [metric], dimensions: [], filters, timeRange: Q3 });
  });
  it('高频低客单价客户 is the governed tag (tags.yaml) and filters on it; the same words loosely phrased ask instead of answering the total', () => {
    const tagged = ask('高频低客单价客户的流失率');
    expect(tagged.kind).toBe('query');
    expect(tagged.query?.metrics).toEqual(['churn_rate']);
    expect(tagged.query?.filters).toEqual([{ member: 'frequent_small_basket', op: 'in', values: ['true'] }]);
    const loose = ask('高頻但客單價低的客戶有多少位');
    expect(loose.kind).toBe('clarify');
    expect(loose.reason).toContain('每个客户');
  });
  it('a metric condition on groups stays a condition on the metric ("客单价超过200元的地区")', () => {
    expect(ask('客单价超过200元的地区').query?.filters).toEqual([
      { member: 'avg_order_value', op: 'gt', values: [200] },
    ]);
  });
});

describe('issue 13 class 7: analysis routing by question form', () => {
  it.each([
    ['大家好，想请教一下，客户流失和投诉有关系吗？', 'drivers', RETAIL],
    ["what's driving churn", 'drivers', TELCO],
    ['does having tech support have anything to do with whether people churn?', 'drivers', TELCO],
    ['怎么把流失的客人拉回来', 'actions', RETAIL],
    ['how do we fix churn among fiber customers', 'actions', TELCO],
    ['转发：针对最近流失的客户，我们应该采取哪些措施挽回？', 'actions', RETAIL],
    ['客户一般多久就不来了', 'survival', RETAIL],
    ['客戶通常多久之後會流失', 'survival', RETAIL],
    ['為什麼客戶會流失？', 'reasons', RETAIL],
  ])('%s → %s', (question, intent, catalog) => {
    expect(ask(question, catalog).intent).toBe(intent);
  });
});

describe('issue 13 class 8: conversation', () => {
  it('a follow-up naming a metric replaces it and keeps the grouping ("订单呢")', () => {
    expect(converse('上季度各区的营收', '订单呢').query).toMatchObject({
      metrics: ['orders'],
      dimensions: ['region'],
      timeRange: Q3,
    });
  });
  it('"他们为什么流失" keeps the filters and the period', () => {
    const r = converse('上个月华东流失了多少客户', '他们为什么流失');
    expect(r.intent).toBe('reasons');
    expect(r.query).toMatchObject({ filters: [inF('region', '华东')], timeRange: SEP });
  });
  it('"去年这时候呢 / this time last year" is the same range a year earlier', () => {
    expect(converse('上个月华南的营收', '去年这时候呢').query?.timeRange).toEqual({
      start: '2025-09-01',
      end: '2025-10-01',
    });
    expect(converse('churn rate last month', 'how about this time last year?').query?.timeRange).toEqual({
      start: '2025-09-01',
      end: '2025-10-01',
    });
  });
  it('after a clarify, the chosen period continues the first question', () => {
    const r = converse('这个月流失多少人', '那就上个月');
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({ metrics: ['churned_customers'], timeRange: SEP });
    expect(converse('本季度流失率多少', '那看上个季度的吧').query).toMatchObject({
      metrics: ['churn_rate'],
      timeRange: Q3,
    });
  });
});

describe('issue 13 class 6: lists of customers who churned, never the at-risk list', () => {
  const listOf = (question: string) => ask(question).query;
  it.each([
    ['上个季度流失的高价值客户名单', Q3, [inF('value_tier', 'high')]],
    ['上个月走了的客户名单发我', SEP, []],
    ['上季度流失的客戶名單', Q3, []],
    ['list the customers who churned in September', SEP, []],
    ['请列一下上个月流失的客户，以及他们各自的流失原因', SEP, []],
  ])('%s', (question, timeRange, filters) => {
    const r = ask(question);
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({
      metrics: ['churned_customers'],
      dimensions: ['customer_id', 'value_tier', 'churn_reason', 'spend_12m'],
      filters: [...filters, { member: 'churned_customers', op: 'gte', values: [1] }],
      timeRange,
    });
  });
  it('"top 20 by spend" orders the churned customers by 12-month spend', () => {
    expect(listOf('上季度流失的 top 20 客户 by spend')).toMatchObject({
      order: [{ member: 'spend_12m', dir: 'desc' }],
      limit: 20,
    });
  });
  it('at-risk wording keeps the at-risk list', () => {
    expect(ask('哪些高价值客户有流失风险').intent).toBe('risk_list');
    expect(ask('哪些老客要流失了').intent).toBe('risk_list');
    const top = ask('top 10 at-risk customers by 12-month spend');
    expect(top.intent).toBe('risk_list');
    // ordered by expected loss (probability × 12-month spend), as the list's assumptions say
    expect(top.query).toMatchObject({ dimensions: [], limit: 10 });
  });
});

describe('issue 13: forwarded messages, homophones beside cue words, year to date', () => {
  it('drops a forwarding wrapper, whose nouns (区域经理) are not filters', () => {
    const r = ask('转发一下区域经理的问题：上季度丢了多少高价值客户？');
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({
      metrics: ['churned_customers'],
      dimensions: [],
      filters: [inF('value_tier', 'high')],
    });
  });
  it('corrects a homophone that runs into a cue word ("客单加上个月")', () => {
    expect(ask('客单加上个月多少').query).toMatchObject({ metrics: ['avg_order_value'], timeRange: SEP });
  });
  it('reads 今年迄今 as year to date', () => {
    expect(ask('今年迄今的訂單數').query).toMatchObject({
      metrics: ['orders'],
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
    });
  });
  it('"买过5次以上" is counted per customer even when the customers are named later', () => {
    const r = ask('近一年买过5次以上、但最近两个月都没有下单的客户有多少？');
    expect(r.query?.filters).toContainEqual({ member: 'orders_12m', op: 'gte', values: [5] });
    expect(r.query?.filters).toContainEqual({ member: 'recency_days', op: 'gt', values: [60] });
  });
});

describe('issue 13 class 4: "是不是更高" on a customer flag compares both groups', () => {
  it.each([
    ['用了coupon的客户流失率是不是更高', 'coupon_user'],
    ['请帮忙看下：90天内提了3次以上工单的客户，流失率是不是明显更高', 'many_tickets_90d'],
  ])('%s', (question, dimension) => {
    const r = ask(question);
    expect(r.query).toMatchObject({ metrics: ['churn_rate'], dimensions: [dimension], filters: [] });
    expect(r.unknownTerms).toEqual([]);
  });
});

describe('issue 13 class 4: churned vs retained customers is said to be impossible, not one overall figure', () => {
  it.each([
    ['流失客户 vs 留存客户 的 purchase frequency 差多少', 'purchase_frequency', '无法'],
    [
      "churned vs retained customers: what's the difference in average order value?",
      'avg_order_value',
      'cannot',
    ],
  ])('%s', (question, metric, says) => {
    const r = ask(question);
    expect(r.kind).toBe('clarify');
    expect(r.query?.metrics).toEqual([metric]);
    expect(r.reason).toContain(says);
  });
});
