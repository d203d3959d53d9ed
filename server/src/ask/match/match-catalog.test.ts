import { describe, expect, it } from 'vitest';
import { RETAIL_CATALOG } from '../../../test/ask/fixtures/retail-catalog.ts';
import { TELCO_CATALOG } from '../../../test/ask/fixtures/telco-catalog.ts';
import { analyseQuestion } from '../rules/analyse-question.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import { parseNumber } from '../text/numerals.ts';
import { catalogIndex } from './catalog-index.ts';
import { editDistance } from './edit-distance.ts';
import { membersNamedInPart } from './partial-names.ts';

const matchesOf = (question: string, catalog = RETAIL_CATALOG) =>
  analyseQuestion(question, catalog, '2026-10-01').matches.map((m) => ({
    text: m.text,
    targets: m.targets.map((t) => t.target),
  }));

describe('normaliseForMatch', () => {
  it('folds full-width and case, turns punctuation into single spaces, and maps back to the original', () => {
    const n = normaliseForMatch('ＶＩＰ客户，Month-to-month？');
    expect(n.text).toBe('vip客户 month to month');
    expect(n.map[n.text.indexOf('month')]).toBe(6);
  });
});

describe('parseNumber', () => {
  it('reads digits, Chinese numerals and English words', () => {
    expect([
      parseNumber('5'),
      parseNumber('五'),
      parseNumber('两'),
      parseNumber('十二'),
      parseNumber('二十四'),
      parseNumber('ninety'),
    ]).toEqual([5, 5, 2, 12, 24, undefined]);
  });
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('chrun', 'churn')).toBe(1);
    expect(editDistance('regoin', 'region')).toBe(1);
    expect(editDistance('revenue', 'reveune')).toBe(1);
    expect(editDistance('abcde', 'badce')).toBe(2);
  });
});

describe('catalog matching', () => {
  it('prefers the longest word: 高价值客户 is a value, not 客户 the metric', () => {
    expect(matchesOf('高价值客户流失率')).toEqual([
      { text: '高价值客户', targets: [{ kind: 'value', dimension: 'value_tier', value: 'high' }] },
      { text: '流失率', targets: [{ kind: 'metric', id: 'churn_rate' }] },
    ]);
  });

  it('matches English on word boundaries only ("app" is not inside "happy"), with plurals', () => {
    expect(matchesOf('happy regions')).toEqual([
      { text: 'regions', targets: [{ kind: 'dimension', id: 'region' }] },
    ]);
  });

  it('matches English inside Chinese text without spaces', () => {
    expect(matchesOf('VIP客户的churn rate')).toEqual([
      { text: 'VIP客户', targets: [{ kind: 'value', dimension: 'value_tier', value: 'high' }] },
      { text: 'churn rate', targets: [{ kind: 'metric', id: 'churn_rate' }] },
    ]);
  });

  it('lets a catalog word beat a time word of equal length or shorter (按月合约 is a contract, not a grain)', () => {
    expect(matchesOf('按月合约的流失率', TELCO_CATALOG)[0]).toEqual({
      text: '按月合约',
      targets: [{ kind: 'value', dimension: 'contract', value: 'Month-to-month' }],
    });
  });

  it('tolerates one typo in English words of five letters or more', () => {
    const [m] = analyseQuestion('chrun rate', RETAIL_CATALOG, '2026-10-01').matches;
    expect(m).toMatchObject({
      text: 'chrun rate',
      fuzzy: true,
      targets: [{ target: { kind: 'metric', id: 'churn_rate' } }],
    });
    expect(matchesOf('chrn rate')).toEqual([]);
  });

  it('never indexes generic values alone ("no", "是") but does with their dimension', () => {
    const keys = catalogIndex(TELCO_CATALOG).keys;
    expect(keys.has('no')).toBe(false);
    expect(keys.has('是')).toBe(false);
    expect(keys.get('技术支持为否')?.[0].target).toEqual({
      kind: 'value',
      dimension: 'tech_support',
      value: 'No',
    });
  });

  it('keeps every candidate of equal rank for the interpreter to disambiguate', () => {
    expect(matchesOf('价格')[0].targets).toEqual([
      { kind: 'value', dimension: 'ticket_category', value: 'price' },
      { kind: 'value', dimension: 'churn_reason', value: 'price' },
    ]);
  });

  it('treats 咋样/怎么样/多少个 as question words, not unknown content', () => {
    const a = analyseQuestion('华南流失率咋样？流失客户有多少个', RETAIL_CATALOG, '2026-10-01');
    expect(a.unknown).toEqual([]);
  });

  it('names leftover content words with their place in the question', () => {
    const a = analyseQuestion('拉萨的量子流失率', RETAIL_CATALOG, '2026-10-01');
    expect(a.unknown).toEqual([
      { text: '拉萨', start: 0, end: 2 },
      { text: '量子', start: 3, end: 5 },
    ]);
  });
});

describe('keys made from the language around a dimension', () => {
  const keys = catalogIndex(TELCO_CATALOG).keys;
  const first = (key: string) => keys.get(key)?.[0].target;

  it('reads 有/with and 没有/without before a yes-no dimension as its values, in both languages', () => {
    expect(first('有技术支持')).toEqual({ kind: 'value', dimension: 'tech_support', value: 'Yes' });
    expect(first('没有 tech support')).toEqual({ kind: 'value', dimension: 'tech_support', value: 'No' });
    expect(first('without online security')).toEqual({
      kind: 'value',
      dimension: 'online_security',
      value: 'No',
    });
  });

  it('reads 是否/有无 before a dimension, and "with and without", as the dimension', () => {
    expect(first('是否无纸化账单')).toEqual({ kind: 'dimension', id: 'paperless_billing' });
    expect(first('有无技术支持')).toEqual({ kind: 'dimension', id: 'tech_support' });
    expect(first('with and without tech support')).toEqual({ kind: 'dimension', id: 'tech_support' });
  });

  it('joins a dimension and its value with 只有 / of ("满意度评分只有1分", "satisfaction score of 5")', () => {
    expect(first('满意度评分只有1分')).toEqual({
      kind: 'value',
      dimension: 'satisfaction_score',
      value: '1',
    });
    expect(first('satisfaction score of 5')).toEqual({
      kind: 'value',
      dimension: 'satisfaction_score',
      value: '5',
    });
  });

  it('lets a real word beat the mere plural of another name ("senior citizens" is the value)', () => {
    expect(first('senior citizens')).toEqual({ kind: 'value', dimension: 'senior_citizen', value: 'true' });
  });
});

describe('membersNamedInPart', () => {
  it('finds the members whose names hold a word: inside Chinese, as whole English words', () => {
    expect(membersNamedInPart('价值', RETAIL_CATALOG, true)).toEqual([
      { kind: 'metric', id: 'clv' },
      { kind: 'dimension', id: 'value_tier' },
    ]);
    expect(membersNamedInPart('valu', RETAIL_CATALOG, true)).toEqual([]);
  });

  it('gives up on a word shared by more than three members', () => {
    expect(membersNamedInPart('客户', RETAIL_CATALOG, true)).toEqual([]);
  });
});
