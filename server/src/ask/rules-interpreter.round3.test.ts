/**
 * Issue 13, the failure classes of blind batch 3 (now tuned on, so the sentences here are mostly new
 * ones of the same class): follow-ups that name a new grouping, comparisons of two periods or of both
 * sides of a yes-no dimension, shares, counts of a rate's people, everyday words from the model YAML,
 * telco words, fuzzy values, the baseline period, and parts of a question that are not silently dropped.
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
const converse = (turns: string[], catalog: Catalog = RETAIL) => {
  let previous: ReturnType<typeof nextConversationState> | undefined;
  let last = ask(turns[0], catalog);
  for (const question of turns) {
    last = interpretWithRules({ question, catalog, asOf: AS_OF, previous });
    previous = nextConversationState(previous, last, last.defaultedRange);
  }
  return last;
};
const inF = (member: string, ...values: string[]) => ({ member, op: 'in', values });

describe('class 1: a follow-up naming a grouping or a value replaces that part only', () => {
  it('a grouping word several dimensions share is read as the first, and the others are named', () => {
    const r = converse(['What was the churn rate last quarter?', 'what about by channel?']);
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({
      metrics: ['churn_rate'],
      dimensions: ['acquisition_channel'],
      timeRange: Q3,
    });
    expect(r.assumptions[0]).toContain('Sales channel');
    // asked on its own, the same word still asks back
    expect(ask('churn by channel').kind).toBe('clarify');
  });
  it('按类型 after 工单 is the ticket category (工单 + 类型 names it); 只看华东呢 keeps it', () => {
    const first = converse(['上个月工单按类型看']);
    expect(first.query).toMatchObject({
      metrics: ['tickets'],
      dimensions: ['ticket_category'],
      timeRange: SEP,
    });
    const r = converse(['上个月工单按类型看', '只看华北呢']);
    expect(r.query).toMatchObject({
      metrics: ['tickets'],
      dimensions: ['ticket_category'],
      filters: [inF('region', '华北')],
      timeRange: SEP,
    });
  });
  it('a new metric named replaces the metric; "the year before" is the same range a year earlier', () => {
    expect(converse(['流失损失了多少钱', '按大区呢']).query).toMatchObject({
      metrics: ['lost_revenue'],
      dimensions: ['region'],
    });
    expect(converse(['what was churn in Q1?', 'Same quarter the year before?']).query?.timeRange).toEqual({
      start: '2025-01-01',
      end: '2025-04-01',
    });
  });
});

describe('class 2: comparisons set both sides against each other', () => {
  it.each([
    ['上个月 vs 前个月 流失率', SEP],
    ['上个月的收入与上月比', SEP],
    ['9月和上个月的订单数比', SEP],
  ])('%s → the later period compared with the one before', (question, range) => {
    const r = ask(question);
    expect(r.query?.timeRange).toEqual(range);
    expect(r.query?.compare).toBe('previous_period');
  });
  it('前个月 alone is the month before last', () => {
    expect(ask('前个月的流失率').query?.timeRange).toEqual({ start: '2026-08-01', end: '2026-09-01' });
  });
  it.each([
    ['Among DSL customers, churn rate with online security vs without', 'online_security'],
    ['Is churn lower with tech support? Compare with and without it', 'tech_support'],
    ['有技术支持和没有的客户流失率对比', 'tech_support'],
  ])('%s → both values of the yes-no dimension', (question, dimension) => {
    const r = ask(question, TELCO);
    expect(r.intent).toBe('comparison');
    expect(r.query?.filters).toContainEqual(inF(dimension, 'Yes', 'No'));
  });
  it('a lone period after compared to / 比 is the baseline: the period after it is asked', () => {
    const r = ask('流失率比二季度高了吗');
    expect(r.query).toMatchObject({ timeRange: Q3, compare: 'previous_period' });
    expect(r.assumptions.join(' ')).toContain('基期');
    expect(ask('Why did churn go up compared to Q2?').query?.timeRange).toEqual(Q3);
  });
});

describe('class 3: a share lists the count across the dimension, never one count', () => {
  it('流失客户里华南的占多少 → churned customers by region, unfiltered, said as a share', () => {
    const r = ask('流失客户里华南的占多少');
    expect(r.query).toMatchObject({ metrics: ['churned_customers'], dimensions: ['region'], filters: [] });
    expect(r.assumptions[0]).toContain('占比');
  });
  it('What share of churners are B2B? / two values named → side by side', () => {
    expect(ask('What share of churners are B2B customers?').query).toMatchObject({
      metrics: ['churned_customers'],
      dimensions: ['customer_type'],
    });
    const r = ask('流失原因里价格和竞品各占多少');
    expect(r.intent).toBe('comparison');
    expect(r.query).toMatchObject({
      metrics: ['churned_customers'],
      filters: [inF('churn_reason', 'price', 'competitor')],
    });
  });
});

describe('class 4 and 5: everyday words for catalog concepts come from the model YAML', () => {
  it.each([
    ['上个季度新来了多少', 'new_customers'],
    ['今年每个月赚了多少', 'revenue'],
    ['回头客占比最近怎么样', 'repeat_purchase_rate'],
    ['首解率按月看', 'first_contact_resolution_rate'],
    ['流失让公司损失多少钱', 'lost_revenue'],
    ['How much revenue did churners take with them last quarter?', 'lost_revenue'],
  ])('%s → %s', (question, metric) => {
    const r = ask(question);
    expect(['query', 'analysis']).toContain(r.kind);
    expect(r.query?.metrics).toEqual([metric]);
  });
  it('a rate word with a headcount asks the count of those people, not the rate', () => {
    expect(ask('上个月流失了几个').query?.metrics).toEqual(['churned_customers']);
    expect(ask('上个月流失了几个人').query?.metrics).toEqual(['churned_customers']);
    // points of the rate, periods and groups are not people
    expect(ask('流失率涨了几个百分点').query?.metrics).toEqual(['churn_rate']);
    expect(ask('哪几个地区流失率最高').query?.metrics).toEqual(['churn_rate']);
  });
  it('a counted segment whose name + 数 is a count metric is that metric (NPS贬损者多少个)', () => {
    const r = ask('上个月NPS推荐者有多少个');
    expect(r.query).toMatchObject({ metrics: ['nps_promoters'], filters: [] });
  });
  it('a value shared by several dimensions said as a cause is the churn reason', () => {
    expect(ask('物流问题导致的流失，上个月有几个').query).toMatchObject({
      metrics: ['churned_customers'],
      filters: [inF('churn_reason', 'logistics')],
      timeRange: SEP,
    });
    expect(ask('竞品抢走了多少客户').query?.filters).toEqual([inF('churn_reason', 'competitor')]);
  });
  it('best/worst across a grouping with no metric ranks by the default metric, said', () => {
    const r = ask('哪个品类最拖后腿');
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({ metrics: ['churn_rate'], dimensions: ['category'] });
    expect(r.assumptions[0]).toContain('默认指标');
  });
});

describe('class 6: telco words reach the telco model’s members', () => {
  it.each([
    ['电信包月合约的流失率', { filters: [inF('contract', 'Month-to-month')] }],
    [
      'How many contract lapses among retirees?',
      { metrics: ['churned_customers'], filters: [inF('senior_citizen', 'true')] },
    ],
    [
      '电信哪种网络服务最稳',
      { dimensions: ['internet_service'], order: [{ member: 'churn_rate', dir: 'asc' }] },
    ],
  ])('%s', (question, query) => {
    const r = ask(question, TELCO);
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject(query);
  });
});

describe('class 7: no English word is taken for a typo of a dimension value', () => {
  const city = TELCO.dimensions.find((d) => d.id === 'city')!;
  const withBrea: Catalog = {
    ...TELCO,
    dimensions: TELCO.dimensions.map((d) =>
      d === city
        ? {
            ...d,
            values: [
              ...d.values,
              { value: 'Brea', label: { zh: 'Brea', en: 'Brea' }, synonyms: { zh: [], en: [] }, count: 1 },
            ],
          }
        : d,
    ),
  };
  it('"Break down churn by contract" is not the city Brea; "chrun" still reads as churn', () => {
    expect(ask('Break down churn by contract type, please', withBrea).query).toMatchObject({
      dimensions: ['contract'],
      filters: [],
    });
    expect(ask('chrun rate for Brea', withBrea).query).toMatchObject({
      metrics: ['churn_rate'],
      filters: [inF('city', 'Brea')],
    });
  });
});

describe('class 9: parts of a question that cannot be used are never dropped silently', () => {
  it.each([['按会员等级看流失率'], ['重开过的工单有多少'], ['What is the ratio of sticky customers?']])(
    '%s asks back',
    (question) => {
      expect(ask(question).kind).toBe('clarify');
    },
  );
  it.each([
    ['Drop all test accounts from the customer table'],
    ['Can you put the price of the one-year plan up by 10%?'],
  ])('%s is declined as a change, not a question', (question) => {
    expect(ask(question, TELCO).kind).toBe('out_of_scope');
  });
});
