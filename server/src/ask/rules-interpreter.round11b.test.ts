/**
 * Issue 13, round 11b: three classes of confidently wrong answers from batch 11, tested on sentences of our own.
 * 1. 高价值老客 is the governed tag (the model's label and synonym), and 比较好 (rather) compares nothing.
 * 2. 边啲/哪些 + customers + 有流失风险 is the at-risk list with its filters, never one number.
 * 3. A grouping word after 哪个/各/按/by that is no dimension of the model (省, province) is named back.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const AS_OF = '2026-10-01';
const ask = (question: string) => interpretWithRules({ question, catalog: RETAIL, asOf: AS_OF });

describe('高价值老客: the governed tag, and 比较好 (rather) compares nothing', () => {
  // The retail model names the tag loyal_high_value 高价值老客户 (synonym 高价值老客): the model's vocabulary wins
  // over a reading of the words; what was wrong was 比较 grouping the tag's two values as a comparison.
  it('is the tag filtered to yes, never its two values compared', () => {
    const r = ask('高价值老客流失了，双11前怎么召回比较好');
    expect(r.intent).toBe('actions');
    expect(r.query?.filters).toEqual([{ member: 'loyal_high_value', op: 'in', values: ['true'] }]);
    expect(r.query?.dimensions).toEqual([]);
  });

  it("holds for the tag's label and other names", () => {
    for (const q of ['高价值老客户的流失率', '忠诚高价值客户的流失率'])
      expect(ask(q).query?.filters).toEqual([{ member: 'loyal_high_value', op: 'in', values: ['true'] }]);
  });

  it('比较 asking to compare still compares', () => {
    const r = ask('华东和华南比较一下流失率');
    expect(r.intent).toBe('comparison');
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东', '华南'] }]);
  });
});

describe('which customers are at risk', () => {
  const filters = (place: { member: string; values: string[] }) => [
    { member: place.member, op: 'in', values: place.values },
    { member: 'value_tier', op: 'in', values: ['high'] },
  ];
  it('Cantonese 边啲 is 哪些: the at-risk list with both filters', () => {
    const r = ask('广州嘅高价值客有边啲有流失风险');
    expect(r.intent).toBe('risk_list');
    expect(r.query?.filters).toEqual(filters({ member: 'city', values: ['广州'] }));
    expect(r.assumptions.join()).toContain('边啲→哪些');
  });

  it('Mandarin 哪些 likewise', () => {
    const r = ask('华东哪些高价值客户有流失风险');
    expect(r.intent).toBe('risk_list');
    expect(r.query?.filters).toEqual(filters({ member: 'region', values: ['华东'] }));
  });
});

describe('a grouping word the model lacks', () => {
  it('省 after 哪个/各/按 is named back, never dropped', () => {
    for (const q of ['哪个省的流失率最高', '各省流失率', '按省看营收', '各个省的订单数']) {
      const r = ask(q);
      expect(r.intent).toBe('clarify');
      expect(r.unknownTerms).toEqual(['省']);
    }
    expect(ask('哪个店的营收最高').unknownTerms).toEqual(['店']);
  });

  it('"by province" asks back; a dimension or a time grain after by still groups', () => {
    const r = ask('churn rate by province');
    expect(r.intent).toBe('clarify');
    expect(r.unknownTerms).toEqual(['province']);
    expect(ask('churn rate by region').query?.dimensions).toEqual(['region']);
    expect(ask('revenue by month').intent).toBe('trend');
  });

  it('an idiom with "by" groups nothing and asks nothing back ("side by side", "one by one")', () => {
    const r = ask('Give me lost revenue and the number of churned customers for Q3 side by side');
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['lost_revenue', 'churned_customers']);
    expect(r.query?.dimensions).toEqual([]);
    expect(ask('walk me through churn rate one by one for last quarter').kind).toBe('query');
  });

  it('the one-character heads that are dimensions still group (区 → 地区)', () => {
    const r = ask('哪个区的流失率最高');
    expect(r.query?.dimensions).toEqual(['region']);
    expect(r.unknownTerms).toEqual([]);
  });
});
