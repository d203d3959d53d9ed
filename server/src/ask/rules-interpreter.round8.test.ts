/**
 * Issue 13, round 8: batch 8's classes, tested on sentences of our own beside the batch's, with negatives.
 * 1. Kind words (哪类/按类别/by type) group by the metric's own kind dimension, also in a follow-up.
 * 2. Homophones: corrected after a one-character joiner (跟话南 → 华南), never across a known word's edge.
 * 3. Misheard terms (还比 → 环比, 复古率 → 复购率); everyday wording of resolution time.
 * 4. "A和B谁更…" compares both groups; one-word follow-ups asking what to do are actions on the same filters.
 * 5. Routing: segments, actions, drivers over generic factor words, highest-risk lists; declines of
 *    requests to act in other systems (导进外呼系统) or to write marketing copy.
 */
import { describe, expect, it } from 'vitest';
import { converse as conversation } from '../../test/ask/converse.ts';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';
import { correctQuestion } from './text/correct-question.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

const converse = (turns: string[]) => conversation(turns, RETAIL, AS_OF);

describe('kind words group by the metric’s own kind dimension', () => {
  it.each([
    '近90天哪类工单最多',
    '上个月哪种工单最多',
    'tickets last month by type',
    'which type of tickets do we get most',
    '工单按类别看看',
  ])('%s → tickets by ticket_category', (question) => {
    const r = ask(question);
    expect(r.intent).toBe('breakdown');
    expect(r.query?.metrics).toEqual(['tickets']);
    expect(r.query?.dimensions).toEqual(['ticket_category']);
  });

  it.each(['按类别拆开呢', '按类型看看'])('"%s" after tickets → by ticket category', (followUp) => {
    const r = converse(['上个月工单有多少', followUp]);
    expect(r.query?.metrics).toEqual(['tickets']);
    expect(r.query?.dimensions).toEqual(['ticket_category']);
  });

  it('a category value named with its dimension stays a filter (母婴 category 的 AOV)', () => {
    const r = ask('母婴 category 的 AOV');
    expect(r.query?.dimensions).toEqual([]);
    expect(r.query?.metrics).toEqual(['avg_order_value']);
  });

  it('a metric with no kind dimension of its own is not grouped by another one', () => {
    expect(converse(['上个月营收', '按类别拆开呢']).query?.dimensions ?? []).not.toContain('ticket_category');
  });
});

describe('homophones against the catalog, never across a known word', () => {
  it.each([
    ['上个季度华东跟话南哪个刘失率高', '上个季度华东跟华南哪个流失率高'],
    ['华北和话南的营收', '华北和华南的营收'],
    ['上各月的流逝率', '上个月的流失率'],
  ])('%s → %s', (question, text) => {
    expect(correctQuestion(question, RETAIL).text).toBe(text);
  });

  it.each(['看一下各月的流失率', '一个个列出来', '帮我把流失率写进年报'])(
    '%s is left as written',
    (question) => {
      expect(correctQuestion(question, RETAIL).text).toBe(question);
    },
  );

  it('华东跟话南 compares both regions', () => {
    const r = ask('上个季度华东跟话南哪个刘失率高');
    expect(r.intent).toBe('comparison');
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东', '华南'] }]);
    expect(r.assumptions.join()).toContain('华南');
  });
});

describe('misheard terms and everyday wording', () => {
  it.each(['上个月的课单价 还比是涨了还是跌了', '上个月营收还比怎么样'])(
    '%s → previous period',
    (question) => {
      expect(ask(question).query?.compare).toBe('previous_period');
    },
  );

  it('还比 followed by a comparand is left as written', () => {
    expect(correctQuestion('上个月营收还比上上个月高吗', RETAIL).text).toBe('上个月营收还比上上个月高吗');
  });

  it('复古率 is the repeat purchase rate', () => {
    const r = ask('各个大区的复古率 上季度的 给我排个序');
    expect(r.query?.metrics).toEqual(['repeat_purchase_rate']);
    expect(r.query?.dimensions).toEqual(['region']);
  });

  it.each([
    '上个月工单平均多少小时解决',
    '工单一般几个小时解决',
    'how many hours does it take to resolve a ticket on average',
  ])('%s → avg_resolution_hours', (question) => {
    expect(ask(question).query?.metrics).toEqual(['avg_resolution_hours']);
  });
});

describe('comparisons and terse follow-ups', () => {
  it.each([
    ['女生和男生谁更容易流失 上季度', 'gender'],
    ['华东和华南哪个更容易流失', 'region'],
  ])('%s compares both groups', (question, dimension) => {
    const r = ask(question);
    expect(r.intent).toBe('comparison');
    expect(r.query?.filters?.[0]?.member).toBe(dimension);
    expect(r.query?.filters?.[0]?.values).toHaveLength(2);
  });

  it('谁容易流失 with a list word is still the at-risk list', () => {
    expect(ask('谁容易流失 给我名单').intent).toBe('risk_list');
  });

  it.each([
    [
      ['Why are high-value customers leaving?', 'Fix?'],
      [{ member: 'value_tier', op: 'in', values: ['high'] }],
    ],
    [['上个月华南流失率', '对策？'], [{ member: 'region', op: 'in', values: ['华南'] }]],
  ])('%j → actions on the same customers', (turns, filters) => {
    const r = converse(turns);
    expect(r.intent).toBe('actions');
    expect(r.query?.filters).toEqual(filters);
  });

  it('"Fix?" with no conversation is not an action request', () => {
    expect(ask('Fix?').intent).not.toBe('actions');
  });
});

describe('routing by shape, and declines of requests to act elsewhere', () => {
  it.each([
    ['Which features drive churn the most? Give me the top drivers.', 'drivers', TELCO],
    ['哪些因素影响流失最大', 'drivers', RETAIL],
    ['Segment the subscriber base and show me which segments churn most', 'segments', TELCO],
    ['帮我把客户分分群 看看哪一群最容易跑', 'segments', RETAIL],
    ['客户流失了咋整 有啥招 在线求', 'actions', RETAIL],
    ['List the highest-risk customers who are still active', 'risk_list', RETAIL],
    ['show me the riskiest customers', 'risk_list', RETAIL],
  ])('%s → %s', (question, intent, catalog) => {
    const r = ask(question, catalog);
    expect(r.kind).not.toBe('clarify');
    expect(r.intent).toBe(intent);
  });

  it('a factor the data lacks still asks back', () => {
    expect(ask('不同供应商对客户流失有没有影响').kind).toBe('clarify');
  });

  it.each([
    '直接把高风险客户导进外呼系统 让坐席明早开始拨',
    '把这批客户同步到CRM',
    '帮我写个小红书文案挽回流失用户 要那种很有网感的',
    'draft a win-back email for churned customers',
    'load the at-risk list into the dialer',
  ])('%s is declined', (question) => {
    expect(ask(question).kind).toBe('out_of_scope');
  });

  it.each(['短信挽回的成功率', 'which channel worked best for win-back emails', '外呼渠道的挽回率'])(
    '%s is answered',
    (question) => {
      expect(ask(question).kind).not.toBe('out_of_scope');
    },
  );
});

describe('a value said as what the answer is for', () => {
  it('明天外呼用 is a purpose, not a filter on the call channel', () => {
    const r = ask('给我一份有流失风险的客户名单 明天外呼用');
    expect(r.intent).toBe('risk_list');
    expect(r.query?.filters).toEqual([]);
  });

  it.each(['外呼用户的挽回率', '短信渠道的挽回率'])('%s keeps the channel filter', (question) => {
    expect(ask(question).query?.filters?.length).toBeGreaterThan(0);
  });
});

describe('people heads with 的', () => {
  it.each(['这些沉睡的老客怎么唤醒', '沉睡老客怎么唤醒'])('%s → actions on dormant customers', (question) => {
    const r = ask(question);
    expect(r.intent).toBe('actions');
    expect(r.query?.filters).toEqual([{ member: 'lifecycle_stage', op: 'in', values: ['dormant'] }]);
  });
});

describe('ranked by headcount', () => {
  it.each(['哪个地区流失的人最多', '各地区流失率 按人数排'])(
    '%s → churned customers by region',
    (question) => {
      const r = ask(question);
      expect(r.query?.metrics).toEqual(['churned_customers']);
      expect(r.query?.dimensions).toEqual(['region']);
    },
  );

  it('流失原因大类 按人数排个序 ranks the reasons by people: never the reasons analysis over the rate', () => {
    const r = ask('流失原因大类 按人数排个序', TELCO);
    expect(r.intent).not.toBe('reasons');
    expect(r.unknownTerms).toEqual([]);
  });

  it('流失原因大类 alone is still the reasons analysis', () => {
    expect(ask('流失原因大类', TELCO).intent).toBe('reasons');
  });
});
