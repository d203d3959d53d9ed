/**
 * Issue 13, round 10b: general mechanisms against confident misreadings, tested on sentences of our own
 * beside the blind batches' shapes, with negatives.
 * 1. People joined to another metric are its population, never a second metric (流失会员的挽回率).
 * 2. The figure asked decides the kind of metric: a share word after a count's word is the rate (回流比例).
 * 3. A restriction the metric's definition already meets is understood (只算完成的订单).
 * 4. One value set against the rest of its dimension is the whole dimension side by side.
 * 5. A dimension's coarser kind (流失原因 → 大类), stage words with people (沉睡会员), 人数 as a headcount.
 * 6. The last check: a value read and then lost on the way is named back, never silently dropped.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { analyseQuestion } from './rules/analyse-question.ts';
import { unaccountedValues } from './rules/words-accounted.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

describe('people joined to another metric are its population', () => {
  it('流失会员的挽回率 → the win-back rate only, its people understood', () => {
    const r = ask('上个月流失会员的挽回率是多少');
    expect(r.query?.metrics).toEqual(['winback_rate']);
    expect(r.query?.timeRange).toEqual({ start: '2026-09-01', end: '2026-10-01' });
    expect(r.understood.some((u) => u.text === '流失会员' && u.meaning.includes('挽回率'))).toBe(true);
  });

  it('"churn rate for livestream-acquired customers" → churn rate filtered by acquisition channel', () => {
    const r = ask('Churn rate for livestream-acquired customers last quarter, quarter over quarter?');
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.filters).toEqual([{ member: 'acquisition_channel', op: 'in', values: ['live_stream'] }]);
    expect(r.query?.compare).toBe('previous_period');
  });

  it('people the metric does not define are named back, never dropped silently (流失客户的客单价)', () => {
    const r = ask('流失客户的客单价是多少');
    expect(r.query?.metrics).toEqual(['avg_order_value']);
    expect(r.unknownTerms).toContain('流失客户');
    expect(r.kind).not.toBe('query');
  });

  it('negatives: a counted or listed people word stays a metric of its own', () => {
    expect(ask('上个月流失会员数和挽回率').query?.metrics).toEqual(['churned_customers', 'winback_rate']);
    expect(ask('流失会员有多少，挽回率多少').query?.metrics).toEqual(['churned_customers', 'winback_rate']);
  });
});

describe('the figure asked decides the kind of metric', () => {
  it('企微触达过的客户 回流比例 → the return rate after the action, not the returned count', () => {
    const r = ask('企微触达过的客户 回流比例多少');
    expect(r.query?.metrics).toEqual(['action_return_rate']);
    expect(r.query?.filters).toEqual([{ member: 'message_channel', op: 'in', values: ['wecom'] }]);
  });

  it('回流率 → the rate; negative: 回流客户数 stays the count', () => {
    expect(ask('回流率是多少').query?.metrics).toEqual(['action_return_rate']);
    expect(ask('上季度回流客户数').query?.metrics).toEqual(['reactivated_customers']);
  });

  it('a ratio of money is never lost revenue; negative: 流失掉的收入 is', () => {
    expect(ask('流失客户的客单价是多少').query?.metrics).not.toContain('lost_revenue');
    expect(ask('流失掉的收入').query?.metrics).toEqual(['lost_revenue']);
  });
});

describe('a restriction the metric already meets', () => {
  it.each(['上个月一共出了多少单？只算完成的订单', 'How many orders last month, completed orders only?'])(
    '%s → orders, the restriction understood by definition',
    (question) => {
      const r = ask(question);
      expect(r.kind).toBe('query');
      expect(r.query?.metrics).toEqual(['orders']);
      expect(r.unknownTerms).toEqual([]);
      expect(r.understood.some((u) => /已完成订单数|completed orders/.test(u.meaning))).toBe(true);
    },
  );

  it('negative: a restriction the definition does not name is asked back', () => {
    const r = ask('上个月订单数，只算退货的订单');
    expect(r.kind).toBe('clarify');
    expect(r.unknownTerms.join()).toContain('退货');
  });
});

describe('one value against the rest, two values side by side', () => {
  it.each([
    '用電子支票付款的用戶流失率是不是特別高？跟其他付款方式比一下',
    'Is churn higher for electronic check payers than for other payment methods?',
    '电子支票用户的流失率和其他人比高多少',
  ])('%s → churn rate by payment method, no filter', (question) => {
    const r = ask(question, TELCO);
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.dimensions).toEqual(['payment_method']);
    expect(r.query?.filters).toEqual([]);
    expect(r.unknownTerms).not.toContain('other');
  });

  it('negative: the value alone stays a filter', () => {
    const r = ask('电子支票用户的流失率', TELCO);
    expect(r.query?.filters).toEqual([{ member: 'payment_method', op: 'in', values: ['Electronic check'] }]);
    expect(r.query?.dimensions).toEqual([]);
  });

  it('APP和门店两个渠道的订单量对比 → both channels compared (渠道 after a count of values)', () => {
    const r = ask('上个月APP和门店两个渠道的订单量对比');
    expect(r.intent).toBe('comparison');
    expect(r.query?.dimensions).toEqual(['sales_channel']);
    expect(r.query?.filters).toEqual([{ member: 'sales_channel', op: 'in', values: ['app', 'store'] }]);
  });

  it('churned vs still-here customers: the churn label splits them (round 13b), never two unrelated figures', () => {
    const r = ask('解約的客戶跟還在的客戶 平均月租費差多少', TELCO);
    expect(r.intent).toBe('comparison');
    expect(r.query?.metrics).toEqual(['avg_monthly_charges']);
    expect(r.query?.dimensions).toEqual(['churn_label']);
  });

  it('one figure against an earlier period reads as a comparison', () => {
    const r = ask('CSAT last month vs the month before');
    expect(r.intent).toBe('comparison');
    expect(r.query?.compare).toBe('previous_period');
  });
});

describe('kinds, stages and headcounts the model has', () => {
  it('流失原因分成幾大類？每類流失幾位，由多到少排 → churned customers by churn category, descending', () => {
    const r = ask('流失原因分成幾大類？每類流失幾位，由多到少排', TELCO);
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.dimensions).toEqual(['churn_category']);
    expect(r.query?.order).toEqual([{ member: 'churned_customers', dir: 'desc' }]);
    expect(r.unanswered ?? []).toEqual([]);
  });

  it('negative: 流失原因 alone stays the reason', () => {
    expect(ask('按流失原因看流失客户数', TELCO).query?.dimensions).toEqual(['churn_reason']);
  });

  it('沉睡会员有多少 → customers in the dormant stage', () => {
    const r = ask('沉睡会员有多少');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member: 'lifecycle_stage', op: 'in', values: ['dormant'] }]);
  });

  it('negative: 活跃客户 stays the active-customers metric', () => {
    expect(ask('活跃客户有多少').query?.metrics).toEqual(['active_customers']);
  });

  it.each(['会员生命周期各阶段的人数分布', '各地区人数'])(
    '%s → the customer count by the grouping',
    (question) => {
      const r = ask(question);
      expect(r.intent).toBe('breakdown');
      expect(r.query?.metrics).toEqual(['customers']);
    },
  );
});

describe('the last check: values read must show in the query', () => {
  const analysed = (question: string) => analyseQuestion(question, RETAIL, AS_OF);

  it('a value missing from the query is returned to be named back', () => {
    const lost = unaccountedValues(analysed('华东的流失率'), RETAIL, {
      model: 'retail',
      metrics: ['churn_rate'],
      dimensions: [],
      filters: [],
    });
    expect(lost.map((w) => w.text)).toEqual(['华东']);
  });

  it('a value used as a filter, a grouping or its count metric is accounted for', () => {
    const q = { model: 'retail', metrics: ['churn_rate'], dimensions: [] as string[] };
    expect(
      unaccountedValues(analysed('华东的流失率'), RETAIL, {
        ...q,
        filters: [{ member: 'region', op: 'in', values: ['华东'] }],
      }),
    ).toEqual([]);
    expect(unaccountedValues(analysed('华东的流失率'), RETAIL, { ...q, dimensions: ['region'] })).toEqual([]);
  });

  it('answers keep every value they read (none named back on ordinary questions)', () => {
    for (const question of [
      '上个季度华东高价值客户的流失率',
      '女客户流失率',
      'churn rate in East China by channel',
    ])
      expect(ask(question).assumptions.join()).not.toMatch(/没有用进|was not applied/);
  });
});
