/**
 * Issue 13, round 7b: VOCABULARY (words for members, in the model YAML, and the grammar that lets them be
 * said as people say them) and HONESTY (words read but not used are named back), on sentences of our own.
 * 1. Telco churn words (拆机/销户/离网), 新拉, 券客/非券客, 電訊業務 as the business word.
 * 2. 的 inside a name ("沉睡的客户", "挽回活动的成功率"); a value overlapping its dimension's name ("高风险等级").
 * 3. A value naming people counted right after ("休眠客户数"); a value whose people name a count metric
 *    ("customers who were active" → active customers).
 * 4. Values side by side describing people ("打1分2分的用户") are one group, not groups compared.
 * 5. A service dimension right before its people ("宽带用户") is those who have it, not a split by kind.
 * 6. A metric word in a restriction ("(completed orders only)") is not a second figure: dropped, named back.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog, withBooleanValues } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const COUPONS = withBooleanValues(RETAIL, 'coupon_user');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

describe('words for members, from the model YAML', () => {
  it.each([
    ['拆机的用户有几个', 'churned_customers'],
    ['销户用户一共多少', 'churned_customers'],
    ['拆机率是多少', 'churn_rate'],
    ['整体的离网占比', 'churn_rate'],
  ])('%s → %s (telco churn words)', (question, metric) => {
    const r = ask(question, TELCO);
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual([metric]);
    expect(r.unknownTerms).toEqual([]);
  });

  it('新拉 is new customers, with words between (新拉了几个会员)', () => {
    const r = ask('这个季度新拉了几个会员', RETAIL);
    expect(r.query?.metrics).toEqual(['new_customers']);
    expect(r.query?.filters).toEqual([]);
  });

  it('券客 / 非券客 are the coupon-user values', () => {
    expect(ask('非券客的复购率', COUPONS).query?.filters).toEqual([
      { member: 'coupon_user', op: 'in', values: ['false'] },
    ]);
    const both = ask('券客跟非券客的复购率对比', COUPONS);
    expect(both.query?.metrics).toEqual(['repeat_purchase_rate']);
    expect(both.query?.filters).toEqual([{ member: 'coupon_user', op: 'in', values: ['true', 'false'] }]);
  });

  it.each(['電訊業務整體流失率', '电讯公司的客户流失率', '电信业务的用户流失率'])(
    '%s: the business word is covered, never a filter',
    (question) => {
      const r = ask(question, TELCO);
      expect(r.kind).toBe('query');
      expect(r.query?.metrics).toEqual(['churn_rate']);
      expect(r.query?.filters).toEqual([]);
    },
  );

  it('ticket resolution time is the resolution metric, never the average ticket (order value)', () => {
    const r = ask('average ticket resolution time last month', RETAIL);
    expect(r.query?.metrics).toEqual(['avg_resolution_hours']);
  });
});

describe('names as people say them', () => {
  it.each([
    ['沉睡的客户一共多少个', 'rfm_segment', 'hibernating'],
    ['休眠的客户有几个', 'lifecycle_stage', 'dormant'],
  ])('%s: 的 inside the value name', (question, member, value) => {
    const r = ask(question, RETAIL);
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member, op: 'in', values: [value] }]);
  });

  it('挽回活动的成功率 is the win-back rate', () => {
    expect(ask('上个月挽回活动的成功率', RETAIL).query?.metrics).toEqual(['winback_rate']);
  });

  it.each([
    ['中风险等级的客户 按品类', 'risk_tier', 'medium', 'category'],
    ['高价值分层的客户数 分城市', 'value_tier', 'high', 'city'],
  ])(
    '%s: the value said with its dimension is a filter, the grouping is the other dimension',
    (q, member, value, by) => {
      const r = ask(q, RETAIL);
      expect(r.query?.filters).toEqual([{ member, op: 'in', values: [value] }]);
      expect(r.query?.dimensions).toEqual([by]);
    },
  );
});

describe('counts of the people a value names', () => {
  it.each([
    ['低价值客户数', 'value_tier', 'low'],
    ['休眠客户数量', 'lifecycle_stage', 'dormant'],
  ])('%s: the count word right after the value counts customers', (question, member, value) => {
    const r = ask(question, RETAIL);
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member, op: 'in', values: [value] }]);
  });

  it('customers who were active → the active-customer count, not customers filtered by a stage', () => {
    const r = ask('how many customers were active in Q2 2026', RETAIL);
    expect(r.query?.metrics).toEqual(['active_customers']);
    expect(r.query?.filters).toEqual([]);
  });
});

describe('values side by side describing people', () => {
  it('满意度打4分5分的用户 → one group (a filter), not 4 vs 5', () => {
    const r = ask('满意度打4分5分的用户流失率', TELCO);
    expect(r.intent).toBe('metric');
    expect(r.query?.filters).toEqual([{ member: 'satisfaction_score', op: 'in', values: ['4', '5'] }]);
    expect(r.query?.dimensions).toEqual([]);
  });

  it('still compared when the question compares (对比, 分别) or joins them with 和', () => {
    expect(ask('满意度4分和5分的用户流失率对比', TELCO).intent).toBe('comparison');
    expect(ask('满意度4分和5分的用户流失率分别多少', TELCO).intent).toBe('comparison');
    expect(ask('满意度4分和5分的用户流失率', TELCO).intent).toBe('comparison');
  });
});

describe('a service named right before its people', () => {
  it('宽带用户的流失率 → those with broadband (≠ No), not a split by broadband type', () => {
    const r = ask('宽带用户的流失率', TELCO);
    expect(r.intent).toBe('metric');
    expect(r.query?.dimensions).toEqual([]);
    expect(r.query?.filters).toEqual([{ member: 'internet_service', op: 'not_in', values: ['No'] }]);
  });

  it('按宽带类型 still groups; another grouping keeps the people filter', () => {
    expect(ask('按宽带类型看流失率', TELCO).query?.dimensions).toEqual(['internet_service']);
    const r = ask('宽带用户按合约看流失率', TELCO);
    expect(r.query?.dimensions).toEqual(['contract']);
    expect(r.query?.filters).toEqual([{ member: 'internet_service', op: 'not_in', values: ['No'] }]);
  });
});

describe('honesty: a metric word that restricts is named back, not answered', () => {
  it('revenue (completed orders only) answers revenue and names the restriction back', () => {
    const r = ask('Revenue in 2024 (paid orders only)', RETAIL);
    expect(r.query?.metrics).toEqual(['revenue']);
    expect(r.unknownTerms).toContain('orders');
    expect(r.unknownTerms).toContain('paid');
  });

  it('two metrics asked side by side stay two', () => {
    expect(ask('revenue and orders in 2024', RETAIL).query?.metrics).toEqual(['revenue', 'orders']);
  });
});

describe('a yes-no trait named as its people beside its no value', () => {
  it('券客和非券客 → both values (true, false), compared', () => {
    const r = ask('券客和非券客的客单价分别多少', COUPONS);
    expect(r.query?.filters).toEqual([{ member: 'coupon_user', op: 'in', values: ['true', 'false'] }]);
    expect(r.intent).toBe('comparison');
    expect(r.query?.dimensions).toEqual(['coupon_user']);
  });

  it('开了网络安全服务的用户 stays the yes-no trait (not "≠ No")', () => {
    const r = ask('开了网络安全服务的用户 流失率是不是低一些', TELCO);
    expect(r.query?.filters?.some((f) => f.op === 'not_in')).toBe(false);
  });
});

describe('honesty: an unknown main term is asked back, not dropped', () => {
  it('a period dated from an event the calendar lacks (改版以后, 提速降费以后) asks back', () => {
    for (const [q, catalog, word] of [
      ['APP改版之后的复购率', RETAIL, '改版'],
      ['提速降费之后离网率变了吗', TELCO, '提速降费'],
    ] as const) {
      const r = ask(q, catalog);
      expect(r.kind).toBe('clarify');
      expect(r.reason).toContain(word);
    }
  });

  it('a window counted from each customer (注册以后30天) is not a calendar date', () => {
    expect(ask('注册以后30天内流失的客户数', RETAIL).reason ?? '').not.toContain('日历');
  });

  it('a half-known word is never half-corrected by sound (社群活跃度: 跃度 is not 月度)', () => {
    const r = ask('社群活跃度高的客户流失率', RETAIL);
    expect(r.intent).not.toBe('trend');
    expect(r.unknownTerms).toContain('活跃度');
    expect(r.assumptions.join()).not.toContain('月度');
  });
});
