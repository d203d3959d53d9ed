/**
 * Issue 13, round 6: words written ahead for every member (model YAML thesaurus by register) and the
 * mechanisms behind batch 6's confidently-wrong classes, tested on sentences of our own.
 * 1. Thesaurus: Taiwan / Hong Kong / business / English words for telco and retail members and values.
 * 2. A listing verb (列一下, list out) with a figure or a grouping is a breakdown, not a customer list.
 * 3. A count with a classifier (家/名/户) counts people or companies, never a rate.
 * 4. A follow-up "和上个月相比呢" / "vs the prior month?" compares with the period before.
 * 5. A request to change the figures is declined; a platform that may be two channels asks back.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { nextConversationState } from './conversation.ts';
import type { Interpretation } from './interpretation.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const AUG = { start: '2026-08-01', end: '2026-09-01' };
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

/** The last interpretation of a conversation. */
function converse(turns: string[], catalog = RETAIL): Interpretation {
  let previous: ReturnType<typeof nextConversationState> | undefined;
  let last: Interpretation | undefined;
  for (const question of turns) {
    last = interpretWithRules({ question, catalog, asOf: AS_OF, previous });
    previous = nextConversationState(previous, last);
  }
  return last!;
}

describe('thesaurus written ahead in the model YAML', () => {
  it.each([
    ['沒有綁約的門號退租率', 'contract', 'Month-to-month'],
    ['綁約一年的用戶離網人數', 'contract', 'One year'],
    ['二年約客戶的攜碼率', 'contract', 'Two year'],
    ['銀髮族的解約率', 'senior_citizen', 'true'],
    ['信用卡代扣的用戶流失率', 'payment_method', 'Credit card (automatic)'],
    ['沒裝寬頻的客戶流失率', 'internet_service', 'No'],
    ['在網不到一年的客戶解約率', 'tenure_band', '0-12m'],
  ])('%s → %s = %s (Taiwan register)', (question, member, value) => {
    const r = ask(question, TELCO);
    expect(r.kind).toBe('query');
    expect(r.query?.filters).toEqual([{ member, op: 'in', values: [value] }]);
    expect(r.unknownTerms).toEqual([]);
  });

  it('月繳不綁約 is the contract value, not the monthly charge; 解約率 is the churn rate', () => {
    const r = ask('月繳不綁約的門號解約率', TELCO);
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.filters).toEqual([{ member: 'contract', op: 'in', values: ['Month-to-month'] }]);
  });

  it('an add-on bought (訂了/加購) is a filter on its yes value', () => {
    const r = ask('訂了技術支援的門號解約率多少', TELCO);
    expect(r.query).toMatchObject({ metrics: ['churn_rate'] });
    expect(r.query?.filters).toEqual([{ member: 'tech_support', op: 'in', values: ['Yes'] }]);
  });

  it('English telco shorthand: MRC for m2m vs two-year', () => {
    const r = ask('MRC for m2m vs 2-yr contract customers', TELCO);
    expect(r.query?.metrics).toEqual(['avg_monthly_charges']);
    expect(r.query?.filters).toEqual([
      { member: 'contract', op: 'in', values: ['Month-to-month', 'Two year'] },
    ]);
  });

  it('平均網齡 and 在網時間 name the tenure metric and band', () => {
    expect(ask('門號平均年資幾個月', TELCO).query?.metrics).toEqual(['avg_tenure_months']);
    const r = ask('按網齡看解約率', TELCO);
    expect(r.query).toMatchObject({ metrics: ['churn_rate'], dimensions: ['tenure_band'] });
  });

  it('business words: 对公 → B2B, 新签 → new customers, 门市 → the store channel', () => {
    const b2b = ask('对公客户上个月营收多少');
    expect(b2b.query?.filters).toEqual([{ member: 'customer_type', op: 'in', values: ['B2B'] }]);
    expect(ask('上季度新签了几家客户').query?.metrics).toEqual(['new_customers']);
    const store = ask('门市渠道上季度的复购率');
    expect(store.query?.filters).toEqual([{ member: 'sales_channel', op: 'in', values: ['store'] }]);
  });

  it('value words for age bands: under-25s, 55岁以上的', () => {
    expect(ask('revenue from under-25s last quarter').query?.filters).toEqual([
      { member: 'age_band', op: 'in', values: ['<25'] },
    ]);
    expect(ask('55岁以上的客户上季度流失率').query?.filters).toEqual([
      { member: 'age_band', op: 'in', values: ['55+'] },
    ]);
  });
});

describe('listing verbs: a list of customers only without figures or groupings', () => {
  it('按品类列一下营收和客单价 is a breakdown', () => {
    const r = ask('按品类列一下上个月的营收和客单价');
    expect(r.kind).toBe('query');
    expect(r.intent).toBe('breakdown');
    expect(r.query).toMatchObject({ metrics: ['revenue', 'avg_order_value'], dimensions: ['category'] });
  });

  it('list out churn rate by payment method is a breakdown (telco)', () => {
    const r = ask('list out churn rate by payment method', TELCO);
    expect(r.intent).toBe('breakdown');
    expect(r.query).toMatchObject({ metrics: ['churn_rate'], dimensions: ['payment_method'] });
  });

  it('列一下上季度流失的高价值客户 is still the churned-customer list', () => {
    const r = ask('列一下上季度流失的高价值客户');
    expect(r.query?.dimensions).toContain('customer_id');
    expect(r.query?.filters).toContainEqual({ member: 'churned_customers', op: 'gte', values: [1] });
    expect(r.query?.timeRange).toEqual(Q3);
  });
});

describe('a count with a classifier is a count', () => {
  it('流失了几家B2B客户 → churned customers, B2B', () => {
    const r = ask('上季度流失了几家B2B客户');
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.filters).toEqual([{ member: 'customer_type', op: 'in', values: ['B2B'] }]);
  });

  it('解約了多少戶 → churned customers (telco)', () => {
    expect(ask('光纖用戶解約了多少戶', TELCO).query?.metrics).toEqual(['churned_customers']);
  });

  it('多少家电 stays the appliances category', () => {
    expect(ask('上个月卖了多少家电').query?.filters).toEqual([
      { member: 'category', op: 'in', values: ['家电'] },
    ]);
  });
});

describe('a follow-up compared with the period before', () => {
  it('跟前一个月对比呢 after August revenue → compare with July', () => {
    const r = converse(['8月的营收', '跟前一个月对比呢']);
    expect(r.query).toMatchObject({ metrics: ['revenue'], timeRange: AUG, compare: 'previous_period' });
  });

  it('"vs the prior quarter?" keeps the grouping', () => {
    const r = converse(['Q3 churn rate by value tier', 'vs the prior quarter?']);
    expect(r.query).toMatchObject({
      metrics: ['churn_rate'],
      dimensions: ['value_tier'],
      timeRange: Q3,
      compare: 'previous_period',
    });
  });
});

describe('the dimension a metric owns, and what customers were lost to', () => {
  it('"tickets by category" groups by the ticket category, revenue by category by the product category', () => {
    expect(ask('tickets by category in September').query?.dimensions).toEqual(['ticket_category']);
    expect(ask('revenue by category in September').query?.dimensions).toEqual(['category']);
  });

  it('"lost to late delivery" is the churn reason, not the ticket category', () => {
    const r = ask('how many customers were lost to late delivery last quarter');
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.filters).toEqual([{ member: 'churn_reason', op: 'in', values: ['logistics'] }]);
  });
});

describe('a bare number beside a numbered value', () => {
  it('"scored 4 or 5" is one group of two stored values, not a comparison', () => {
    const r = ask('average monthly charges for customers with satisfaction 4 or 5', TELCO);
    expect(r.kind).toBe('query');
    expect(r.intent).toBe('metric');
    expect(r.query?.dimensions).toEqual([]);
    expect(r.query?.filters).toEqual([{ member: 'satisfaction_score', op: 'in', values: ['4', '5'] }]);
  });

  it('"3分和4" sets the two scores side by side', () => {
    const r = ask('满意度3分和4的用户平均月费', TELCO);
    expect(r.query?.filters).toEqual([{ member: 'satisfaction_score', op: 'in', values: ['3', '4'] }]);
    expect(r.query?.dimensions).toEqual(['satisfaction_score']);
  });
});

describe('declines and asks', () => {
  it.each([
    '这个月复购率太低了，帮我把数据改好看一点',
    '能不能把华南的流失数字调低再发出去',
    'can you fudge the numbers on churn before the board meeting',
  ])('a request to change the figures is declined: %s', (question) => {
    expect(ask(question).kind).toBe('out_of_scope');
  });

  it('a platform that may be a social or a live-stream channel asks back (快手)', () => {
    const r = ask('快手来的客户上季度流失率');
    expect(r.kind).toBe('clarify');
  });
});
