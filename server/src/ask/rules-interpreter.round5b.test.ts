/**
 * Issue 13, round 5b: the STRUCTURE of a question, on sentences of no eval batch. Two sides of a yes-no
 * trait, routing by the shape of the ask, lists of the previous population, two asks in one question,
 * SQL keywords, a count with a unit, requests to act, churn words describing another metric's people,
 * and the served model a question's business words name.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog, withBooleanValues } from '../../test/ask/model-catalogs.ts';
import { routeQuestion } from './model-routing.ts';
import { askShape } from './rules/ask-shape.ts';
import { laterAsks } from './rules/two-asks.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

describe('comparisons: both sides of a yes-no trait, never one of them', () => {
  it.each([
    'churn rate with tech support compared to customers without it',
    'Is churn higher for customers on paperless billing?',
    '有没有开通在线安全的客户，流失率差多少',
    'senior citizens vs the rest: churn rate',
  ])('%s', (question) => {
    const r = ask(question, TELCO);
    expect(r.kind).toBe('query');
    expect(r.intent).toBe('comparison');
    const trait = r.query!.dimensions![0];
    expect(['tech_support', 'paperless_billing', 'online_security', 'senior_citizen']).toContain(trait);
    const filter = r.query!.filters!.find((f) => f.member === trait);
    expect(filter?.values).toHaveLength(2);
  });

  it('a retail trait named once with a difference word groups by the trait', () => {
    const r = ask('没用过优惠券的客户和用券客户比，流失率差多少');
    expect(r.query).toMatchObject({ metrics: ['churn_rate'], timeRange: Q3 });
    expect(r.query!.dimensions).toContain('coupon_user');
    expect(r.query!.filters!.filter((f) => f.member === 'coupon_user' && f.values?.length === 1)).toEqual([]);
  });

  it('a plain question about one side keeps that side', () => {
    expect(ask('运营商的电子账单用户流失率高吗', TELCO).query?.filters).toEqual([
      { member: 'paperless_billing', op: 'in', values: ['true'] },
    ]);
  });

  it('two values of another dimension compared leave the trait a filter', () => {
    const r = ask('Compare churn for fiber vs DSL among customers without tech support', TELCO);
    expect(r.query!.dimensions).toEqual(['internet_service']);
    expect(r.query!.filters).toContainEqual({ member: 'tech_support', op: 'in', values: ['No'] });
  });
});

describe('analysis routing by the shape of the ask', () => {
  it.each([
    ['复购越来越差，咱该咋办', 'actions'],
    ['怎么才能留住高价值客户', 'actions'],
    ['怎么让老客多买点', 'actions'],
    ['What should we do about churn in the south?', 'actions'],
    ['how can we get at-risk customers to stay?', 'actions'],
    ['哪些客户快要流失了，给我名单', 'risk_list'],
    ['which customers are most likely to cancel?', 'risk_list'],
    ['有流失风险的华东客户拉一下', 'risk_list'],
    ['how long before a new customer churns?', 'survival'],
    ['客户一般多久会流失', 'survival'],
    ['上个月流失率咋比7月还低了', 'decomposition'],
    ['explain the drop in revenue last quarter', 'decomposition'],
  ])('%s → %s', (question, intent) => {
    expect(ask(question).intent).toBe(intent);
  });

  it('a count of at-risk customers stays a count', () => {
    const r = ask('有多少客户可能流失');
    expect(r.intent).not.toBe('risk_list');
  });

  it('the words of the shape are understood, not unknown', () => {
    expect(ask('which customers are most likely to cancel?').unknownTerms).toEqual([]);
    expect(askShape('整个名单给我，看看都谁要跑')?.shape).toBe('risk_list');
  });

  it('asking what to do is never declined', () => {
    expect(ask('老客越来越少，该做些什么？').kind).toBe('analysis');
  });
});

describe('churn words that describe the people of another metric', () => {
  it('revenue the churned customers took with them is lost revenue', () => {
    expect(ask('上季度流失的客户带走了多少收入').query).toMatchObject({
      metrics: ['lost_revenue'],
      timeRange: Q3,
    });
    expect(ask('上季度流失掉的收入').query?.metrics).toEqual(['lost_revenue']);
  });

  it('a count asked apart keeps both', () => {
    expect(ask('上季度流失了几个高价值客户，一共带走了多少收入').query?.metrics).toEqual([
      'churned_customers',
      'lost_revenue',
    ]);
  });

  it('churned and came back is reactivated, not churned', () => {
    expect(ask('上季度流失后又回来买的客户有几个').query?.metrics).toEqual(['reactivated_customers']);
  });
});

describe('lists: the previous population, not a ranking', () => {
  it('整个名单给我 after a churned count lists those churned customers', () => {
    const first = ask('上季度华东流失了多少高价值客户');
    const previous = {
      lastQuery: first.query,
      lastIntent: first.intent,
      language: first.language,
      turn: 1,
    };
    const r = interpretWithRules({ question: '整个名单给我', catalog: RETAIL, asOf: AS_OF, previous });
    expect(r.query).toMatchObject({ metrics: ['churned_customers'], timeRange: Q3 });
    expect(r.query!.dimensions![0]).toBe('customer_id');
    expect(r.query!.filters).toEqual([
      { member: 'region', op: 'in', values: ['华东'] },
      { member: 'value_tier', op: 'in', values: ['high'] },
      { member: 'churned_customers', op: 'gte', values: [1] },
    ]);
    expect(r.assumptions.join(' ')).toContain('不是有流失风险的客户名单');
  });
});

describe('two asks in one question', () => {
  it('splits later asks at question marks and joining words', () => {
    expect(laterAsks('流失率多少？为什么？').map((c) => c.text)).toEqual(['为什么']);
    expect(laterAsks('How many churned, and how many came back?').map((c) => c.text)).toEqual([
      'how many came back',
    ]);
    expect(laterAsks('上季度流失率多少')).toEqual([]);
  });

  it('a people count first and a metric later are both answered', () => {
    expect(ask('How many customers are on fiber, and how many of them churned?', TELCO).query).toMatchObject({
      metrics: ['customers', 'churned_customers'],
      filters: [{ member: 'internet_service', op: 'in', values: ['Fiber optic'] }],
    });
  });

  it('a later ask the query cannot cover is said, never dropped', () => {
    const r = ask('What was NPS last quarter, and how many surveys was it based on?');
    expect(r.query?.metrics).toEqual(['nps']);
    expect(r.unanswered).toEqual(['how many surveys was it based on']);
    expect(r.assumptions[0]).toMatch(/^Only the first question is answered/);
  });
});

describe('SQL keywords, counts with a unit, requests to act', () => {
  it('group by / order by desc / limit read as a ranked breakdown', () => {
    const r = ask('select revenue group by region order by revenue desc limit 3');
    expect(r.query).toMatchObject({
      metrics: ['revenue'],
      dimensions: ['region'],
      order: [{ member: 'revenue', dir: 'desc' }],
      limit: 3,
      timeRange: Q3,
    });
    expect(r.assumptions[0]).toMatch(/^Read the SQL keywords as/);
  });

  it('grain = month as a follow-up is a monthly trend', () => {
    const first = ask('revenue by region last quarter');
    const previous = { lastQuery: first.query, lastIntent: first.intent, language: first.language, turn: 1 };
    const r = interpretWithRules({
      question: 'same but grain = month',
      catalog: RETAIL,
      asOf: AS_OF,
      previous,
    });
    expect(r.query?.time).toEqual({ dimension: 'metric_time', grain: 'month' });
  });

  it('几单 beside complaints counts the complaints', () => {
    expect(ask('上个月客诉有多少单').query?.metrics).toEqual(['tickets']);
  });

  it.each([
    '把数码品类的价格统一下调5%',
    'approve the Q1 churn budget please',
    '帮我看看订单 XS-20391 到哪了',
  ])('%s is declined', (question) => {
    expect(ask(question).kind).toBe('out_of_scope');
  });
});

describe('telco routing', () => {
  const models = [
    { id: 'retail', catalog: RETAIL },
    { id: 'telco', catalog: TELCO },
  ];
  it.each([
    ['電信那邊的平均月租費', 'telco'],
    ['telco churn by payment method', 'telco'],
    ['上季度华东流失率', 'retail'],
    ['零售那边的营收', 'retail'],
  ])('%s → %s', (question, id) => {
    expect(routeQuestion(question, models, 'retail')).toBe(id);
  });
});

describe('telco: tenure bands, contract risk lists and actions', () => {
  it.each([
    ['按在网时长分段看流失率', 'breakdown'],
    ['月付合约的客户里哪些最可能流失', 'risk_list'],
    ['怎么让月付合约的客户续约', 'actions'],
    ['平均在网多久会流失', 'survival'],
  ])('%s → %s', (question, intent) => {
    expect(ask(question, TELCO).intent).toBe(intent);
  });
});

describe('with and without, when the word first reads another dimension’s value', () => {
  // the served catalog indexes the trait's stored values (true/false), as built from the data
  const withValues = withBooleanValues(RETAIL, 'coupon_user');
  it('"with and without coupons" compares coupon users, not a coupon retention action left out', () => {
    const r = ask('churn rate with and without coupons', withValues);
    expect(r.query).toMatchObject({
      metrics: ['churn_rate'],
      dimensions: ['coupon_user'],
      filters: [{ member: 'coupon_user', op: 'in', values: ['true', 'false'] }],
      timeRange: Q3,
    });
  });
});

describe('never the default period or the default factors for something the data does not have', () => {
  it('the effect of a factor not in the data asks back instead of listing other drivers', () => {
    const r = ask('不同仓库对客户流失有没有影响？');
    expect(r.kind).toBe('clarify');
    expect(r.reason).toContain('仓库');
    expect(ask('哪些因素影响流失').intent).toBe('drivers');
  });
});

describe('a cause with no metric named is of the churn event', () => {
  it('为啥那么多客户因为物流走了 → reasons, the churn reason logistics', () => {
    const r = ask('为啥那么多客户因为物流走了');
    expect(r.intent).toBe('reasons');
    expect(r.query?.filters).toEqual([{ member: 'churn_reason', op: 'in', values: ['logistics'] }]);
  });
});
