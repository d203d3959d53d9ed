/**
 * Issue 13, round 12b: classes of terse asks, actions and acting on accounts, tested on sentences of our own
 * (not the batches'). 1. Format clauses and joined month abbreviations; 2. what to do / how to keep them →
 * actions with the scope kept; 3. an order to act on customers in another system → declined naming the act,
 * a question about the act answered.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

describe('terse and dictated asks', () => {
  it('a line that says how to show the answer is set aside and said back', () => {
    const r = ask('Orders by category, Q2.\n- one line\n- numbers only');
    expect(r.intent).toBe('breakdown');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.dimensions).toEqual(['category']);
    expect(r.query?.timeRange).toEqual({ start: '2026-04-01', end: '2026-07-01' });
    expect(r.unknownTerms).toEqual([]);
    expect(r.assumptions[0]).toContain('how to present the answer');
  });

  it('month abbreviations set against each other are those months', () => {
    const r = ask('Revenue — Jul vs Jun');
    expect(r.query?.timeRange).toEqual({ start: '2026-07-01', end: '2026-08-01' });
    expect(r.query?.compare).toBe('previous_period');
    expect(r.unknownTerms).toEqual([]);
    expect(r.assumptions[0]).toBe('Read "Jul" as july, "Jun" as june');
  });

  it('desc and ppl are read as shorthand', () => {
    const r = ask('top 3 regions by churned custs desc');
    expect(r.query?.order).toEqual([{ member: 'churned_customers', dir: 'desc' }]);
    expect(r.query?.limit).toBe(3);
    expect(r.unknownTerms).toEqual([]);
    const t = ask('churn rate for ppl on two year contracts', TELCO);
    expect(t.query?.filters).toEqual([{ member: 'contract', op: 'in', values: ['Two year'] }]);
  });
});

describe('ordering and period-on-period words', () => {
  it('"X first" orders by the rank word; "first" is no unknown word', () => {
    const r = ask('Orders by region, fewest first');
    expect(r.query?.order).toEqual([{ member: 'orders', dir: 'asc' }]);
    expect(r.unknownTerms).toEqual([]);
  });

  it('MoM or QoQ over several periods is the series by that grain; over one period, the comparison', () => {
    const r = ask('AOV QoQ, last 6 quarters');
    expect(r.intent).toBe('trend');
    expect(r.query?.time?.grain).toBe('quarter');
    expect(r.query?.compare).toBeUndefined();
    const one = ask('new customers MoM for last month');
    expect(one.query?.compare).toBe('previous_period');
  });
});

describe('what to do about them: actions with the scope kept', () => {
  it('a plan to keep people is the actions analysis', () => {
    const r = ask('Win-back strategy for high value customers in 华北\n- 5 ideas');
    expect(r.intent).toBe('actions');
    expect(r.query?.filters).toContainEqual({ member: 'region', op: 'in', values: ['华北'] });
    expect(r.unknownTerms).toEqual([]);
  });

  it('what to offer or say to them is advice, not a figure', () => {
    const r = ask('what should we offer senior customers on fiber who call to cancel?', TELCO);
    expect(r.intent).toBe('actions');
    expect(r.query?.filters).toContainEqual({
      member: 'internet_service',
      op: 'in',
      values: ['Fiber optic'],
    });
  });

  it('a resultative verb of keeping (留得住, 留返) is how to keep them', () => {
    for (const q of ['怎样才能把华东的老客户留得住', '如何才留得住西南的高价值客户']) {
      const r = ask(q);
      expect(r.intent).toBe('actions');
      expect(r.query?.filters?.length).toBeGreaterThan(0);
    }
  });
});

describe('acting on customers in another system', () => {
  it('an order to send, credit, tag or change an account is declined, naming the act', () => {
    const cases: [string, string][] = [
      ['帮我给华南的沉睡会员发个召回短信', '发个召回短信'],
      ['麻烦在CRM里把这些客户的等级改成VIP', ''],
      ['please text all churned customers a 15% off code', 'text all churned customers a 15% off code'],
      ['refund 7590-VHVEG for last month', 'refund 7590-vhveg'],
      ['flag those accounts as do-not-call', 'flag those accounts'],
    ];
    for (const [q, act] of cases) {
      const r = ask(q, q.includes('VHVEG') ? TELCO : RETAIL);
      expect(r.intent, q).toBe('out_of_scope');
      if (act) expect(r.reason, q).toContain(act);
    }
  });

  it('a question about the act is answered', () => {
    expect(ask('给流失客户发短信以后回流率多少').intent).not.toBe('out_of_scope');
    expect(ask('发货慢的客户流失率').intent).not.toBe('out_of_scope');
    expect(ask('text message campaign results last month').intent).toBe('campaign_outcomes');
    expect(ask('帮我联系一下数据团队').intent).not.toBe('out_of_scope');
    expect(ask('give me a list of customers most likely to cancel so I can call them').intent).toBe(
      'risk_list',
    );
  });
});

describe('out of scope, unknown and answerable', () => {
  it('an unknown main metric term beside a people word is asked back, never the count of customers', () => {
    for (const [q, term] of [
      ['customer effort score last month?', 'effort score'],
      ['上个月客户忠诚指数是多少', '指数'],
    ]) {
      const r = ask(q);
      expect(r.intent, q).toBe('clarify');
      expect(r.reason, q).toContain(term);
    }
  });

  it('planning the team is declined, whatever catalog word it holds', () => {
    expect(ask('Support team headcount plan for churned-customer callbacks — draft it').intent).toBe(
      'out_of_scope',
    );
  });

  it('an unknown kind of plan is a filter asked back', () => {
    const r = ask('churn rate on the family bundle plans', TELCO);
    expect(r.intent).toBe('clarify');
    expect(r.unknownTerms).toContain('family');
  });
});

describe('lists and who acts on them', () => {
  it('what the list is for (who follows up, when) is no filter', () => {
    for (const q of [
      '华东的高风险客户名单，需要坐席下周回访',
      'list at-risk customers in 深圳 so our agents can call them',
    ]) {
      const r = ask(q);
      expect(r.intent, q).toBe('risk_list');
      expect(r.unknownTerms, q).toEqual([]);
    }
  });

  it('a value naming who acts (门店团队, store teams) filters nothing', () => {
    const r = ask('APP团队该怎么留住华南的高价值客户');
    expect(r.intent).toBe('actions');
    expect(r.query?.filters?.map((f) => f.member).sort()).toEqual(['region', 'value_tier']);
    expect(r.unknownTerms).toEqual([]);
    expect(ask('门店客户的流失率').query?.filters).toEqual([
      { member: 'sales_channel', op: 'in', values: ['store'] },
    ]);
  });
});

describe('campaign and e-commerce ops words from the model', () => {
  it('客单 is AOV, 出单 and 几张单 are orders', () => {
    expect(ask('华北上个月客单多少').query?.metrics).toEqual(['avg_order_value']);
    expect(ask('国庆期间出单量按地区').query?.metrics).toEqual(['orders']);
    expect(ask('APP渠道上季度出了几张单').query?.metrics).toEqual(['orders']);
    expect(ask('今年唤醒率多少').query?.metrics).toEqual(['winback_rate']);
    expect(ask('上季度召回了多少个客户').query?.metrics).toEqual(['reactivated_customers']);
    // the model's own tag keeps its words
    expect(ask('高频低客单客户的流失率').query?.filters).toEqual([
      { member: 'frequent_small_basket', op: 'in', values: ['true'] },
    ]);
  });
});

describe('a word shared by several stored values of one dimension', () => {
  it('names those values together as one filter, also in a follow-up', () => {
    const r = ask('churn rate for customers on automatic payment methods', TELCO);
    expect(r.query?.filters).toContainEqual({
      member: 'payment_method',
      op: 'in',
      values: ['Bank transfer (automatic)', 'Credit card (automatic)'],
    });
    expect(r.unknownTerms).toEqual([]);
  });
});
