/**
 * Issue 13, round 11: general mechanisms for batch 10's classes, tested on sentences of our own with negatives.
 * 1. Cantonese and one-character dimension heads (各区, 按市, 邊個區) read through the normalisation stage.
 * 2. Follow-ups naming the period before the last one (that period alone) or a comparing word (compare kept).
 * 3. Requests to send figures to a person, or gifts to everyone named: declined, never a metric.
 * 4. Drivers wording (drives churn, key drivers, 影响用户流失的…因素).
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { type ConversationState, nextConversationState } from './conversation.ts';
import { interpretWithRules } from './rules-interpreter.ts';
import { correctQuestion } from './text/correct-question.ts';

const RETAIL = modelCatalog('retail');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });
/** The last turn of a conversation. */
function converse(...turns: string[]) {
  let previous: ConversationState | undefined;
  let r = ask(turns[0]);
  for (const question of turns) {
    r = interpretWithRules({ question, catalog: RETAIL, asOf: AS_OF, previous });
    previous = nextConversationState(previous, r);
  }
  return r;
}

describe('one-character heads of dimension names after a grouping lead', () => {
  it('区 after 哪个/各/按 is the region, 市 the city, named back', () => {
    const r = ask('哪个区的订单数最多？');
    expect(r.intent).toBe('breakdown');
    expect(r.query?.dimensions).toEqual(['region']);
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.assumptions[0]).toContain('按“地区”理解“区”');
    expect(ask('按市看一下营收').query?.dimensions).toEqual(['city']);
  });

  it('Cantonese 邊個區 (traditional) reads as 哪个地区', () => {
    const r = ask('上個月邊個區嘅營收最高？');
    expect(r.query?.dimensions).toEqual(['region']);
    expect(r.query?.metrics).toEqual(['revenue']);
    expect(r.query?.timeRange).toEqual({ start: '2026-09-01', end: '2026-10-01' });
  });

  it('a word of the model starting at the character is left alone, and an ambiguous head is not read', () => {
    expect(correctQuestion('按城市看订单', RETAIL).text).toBe('按城市看订单');
    expect(correctQuestion('各区域的流失率', RETAIL).text).toBe('各区域的流失率');
    // 类 ends both 品类 and 流失原因分类: not read as either
    expect(correctQuestion('哪类客户流失多', RETAIL).text).toBe('哪类客户流失多');
    // the head must end a word: 群体 is not 客户分群 + 体
    expect(correctQuestion('各个群体的流失率', RETAIL).text).toBe('各个群体的流失率');
    // time units are grains, not dimensions
    expect(correctQuestion('按月看流失率', RETAIL).text).toBe('按月看流失率');
  });

  it('Cantonese 走 after a likelihood word is churning, in a marked question', () => {
    expect(correctQuestion('啲客最易走', RETAIL).text).toBe('些客户最容易流失');
    // outside Cantonese nothing changes
    expect(correctQuestion('客户最易走的原因', RETAIL).text).toBe('客户最易走的原因');
  });
});

describe('follow-ups about another period', () => {
  it('"the month before" with no comparing word is that month alone', () => {
    const r = converse('How many orders did we get in August 2026?', 'And the month before?');
    expect(r.intent).toBe('metric');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.timeRange).toEqual({ start: '2026-07-01', end: '2026-08-01' });
    expect(r.query?.compare).toBeUndefined();
    expect(r.assumptions.join(' ')).toContain("The period before the previous question's");
  });

  it('再上一个季度呢 after Q2 is Q1, the filters kept', () => {
    const r = converse('2026年Q2华东的营收', '再上一个季度呢');
    expect(r.query?.timeRange).toEqual({ start: '2026-01-01', end: '2026-04-01' });
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
    expect(r.query?.compare).toBeUndefined();
  });

  it('negative: "vs the month before" still compares', () => {
    const r = converse('How many orders did we get in August 2026?', 'vs the month before?');
    expect(r.query?.timeRange).toEqual({ start: '2026-08-01', end: '2026-09-01' });
    expect(r.query?.compare).toBe('previous_period');
  });

  it('a comparing word alone (同比呢, YoY?) keeps the period and adds the comparison', () => {
    const r = converse('上个月各地区的订单数', '同比呢');
    expect(r.query?.timeRange).toEqual({ start: '2026-09-01', end: '2026-10-01' });
    expect(r.query?.dimensions).toEqual(['region']);
    expect(r.query?.compare).toBe('same_period_last_year');
    expect(converse('revenue last month', 'YoY?').query?.compare).toBe('same_period_last_year');
  });

  it('negative: 去年同期呢 is still the same range a year earlier', () => {
    const r = converse('上个月各地区的订单数', '去年同期呢');
    expect(r.query?.timeRange).toEqual({ start: '2025-09-01', end: '2025-10-01' });
    expect(r.query?.compare).toBeUndefined();
  });
});

describe('requests to send or give, not questions about the data', () => {
  it('sending figures to a person is declined', () => {
    expect(ask('please send the revenue numbers to my boss').kind).toBe('out_of_scope');
    expect(ask('could you email our director the churn figures').kind).toBe('out_of_scope');
    expect(ask('把上个月的营收发给领导').kind).toBe('out_of_scope');
  });

  it('a gift to everyone named, as an imperative, is declined; asking about one is not', () => {
    expect(ask('给这些沉睡客户私信一张满100减20的券').kind).toBe('out_of_scope');
    expect(ask('给客户发券以后回流率有没有提升').kind).not.toBe('out_of_scope');
    expect(ask('how many customers did we email last month').kind).toBe('query');
  });
});

describe('drivers wording', () => {
  it('"what drives churn" and key drivers route to drivers', () => {
    expect(ask('what really drives churn for us?').intent).toBe('drivers');
    expect(ask('show me the key drivers of churn').intent).toBe('drivers');
  });

  it('影响用户流失的因素 routes to drivers', () => {
    expect(ask('影响会员流失的主要因素是什么').intent).toBe('drivers');
  });
});

describe('which group is most likely to leave: a ranking of groups, not the at-risk list', () => {
  it('哪个地区的客户最容易流失 groups by region; 哪些客户 stays the at-risk list', () => {
    const r = ask('哪个地区的会员最容易流失？');
    expect(r.intent).not.toBe('risk_list');
    expect(r.query?.dimensions).toEqual(['region']);
    expect(ask('哪些客户最容易流失').intent).toBe('risk_list');
  });
});
