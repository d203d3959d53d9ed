import { describe, expect, it } from 'vitest';
import {
  appliesTo,
  lastQtr,
  lineBreak,
  rewrites,
  swapCjkSpacing,
  swapContraction,
  swapHowMuch,
  swapLastQuarterZh,
  swapPunctuationWidth,
  swapWe,
  traditional,
  typo,
} from './invariance-rewrites.ts';

const WORDS = new Set(['customers', 'attributes', 'strongest']);
const all = rewrites((w) => WORDS.has(w));
const byId = (id: string) => {
  const r = all.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

describe('Chinese rewrites', () => {
  it('lead-ins and tails keep the question and its closing punctuation', () => {
    expect(byId('zh-lead-老板想知道').apply('上季度流失率是多少？')).toBe('老板想知道，上季度流失率是多少？');
    expect(byId('zh-lead-请问').apply('请问上季度流失率是多少？')).toBeNull();
    expect(byId('zh-tail-哈').apply('上季度流失率是多少？')).toBe('上季度流失率是多少哈？');
    expect(byId('zh-tail-谢谢').apply('上季度流失率是多少？')).toBe('上季度流失率是多少？谢谢');
    expect(byId('zh-tail-？？').apply('上季度流失率是多少。')).toBe('上季度流失率是多少？？');
  });

  it('punctuation width swaps both ways, never inside a number', () => {
    expect(swapPunctuationWidth('华东，华南？')).toBe('华东,华南?');
    expect(swapPunctuationWidth('流失率高于3.5%的城市?')).toBe('流失率高于3.5%的城市？');
    expect(swapPunctuationWidth('流失率')).toBeNull();
  });

  it('a space between Chinese and Latin letters or digits is added, or removed where there is one', () => {
    expect(swapCjkSpacing('2026年Q3的NPS')).toBe('2026 年 Q3 的 NPS');
    expect(swapCjkSpacing('上季度 NPS 多少')).toBe('上季度NPS多少');
    expect(swapCjkSpacing('流失率多少')).toBeNull();
  });

  it('traditional characters by OpenCC; words swapped by one cycle step', () => {
    expect(traditional('上个月华东的营收')).toBe('上個月華東的營收');
    expect(swapWe('我们的客户')).toBe('咱们的客户');
    expect(swapWe('我司客户')).toBe('我们公司客户');
    expect(swapHowMuch('流失率是多少？')).toBe('流失率多少？');
    expect(swapHowMuch('流失率多少？')).toBe('流失率是多少？');
    expect(swapHowMuch('流失了多少客户')).toBeNull();
    expect(swapLastQuarterZh('上季度流失率')).toBe('上个季度流失率');
    expect(swapLastQuarterZh('上个季度流失率')).toBe('上一季度流失率');
    expect(swapLastQuarterZh('上上个季度流失率')).toBeNull();
  });
});

describe('English rewrites', () => {
  it('case, lead-ins and tails', () => {
    expect(byId('en-lowercase').apply('Churn rate by Region')).toBe('churn rate by region');
    expect(byId('en-lowercase').apply('Profile of C0000888')).toBeNull();
    expect(byId('en-titlecase').apply('churn rate by region')).toBe('Churn Rate By Region');
    expect(byId('en-lead-can-you-tell-me').apply('What was NPS last quarter?')).toBe(
      'can you tell me what was NPS last quarter?',
    );
    expect(byId('en-lead-can-you-tell-me').apply('Show churn by region')).toBeNull();
    expect(byId('en-tail-please').apply('Churn by region?')).toBe('Churn by region please?');
    expect(byId('en-no-question-mark').apply('Churn by region?')).toBe('Churn by region');
  });

  it('contractions, quarter words, one typo that is no word', () => {
    expect(swapContraction("What's the churn rate")).toBe('What is the churn rate');
    expect(swapContraction('What is the churn rate')).toBe("What's the churn rate");
    expect(lastQtr('churn rate for the previous quarter')).toBe('churn rate for the last qtr');
    expect(typo('which customers churned', (w) => WORDS.has(w))).toBe('which custmers churned');
    expect(typo('the strongest drivers', (w) => w === 'strogest' || WORDS.has(w))).toBeNull();
  });
});

describe('both languages', () => {
  it('a sentence of context and a line break', () => {
    expect(byId('both-context').apply('流失率多少')).toBe('流失率多少。需要给老板汇报。');
    expect(byId('both-context').apply('Churn by region?')).toBe("Churn by region? It's for a board deck.");
    expect(lineBreak('按地区看，流失率多少')).toBe('按地区看\n流失率多少');
    expect(lineBreak('churn rate by region last quarter')).toBe('churn rate by\nregion last quarter');
    expect(lineBreak('流失率多少')).toBeNull();
  });

  it('zh rewrites apply to questions with Chinese characters, en ones to the others', () => {
    expect(appliesTo(byId('zh-we'), 'NPS 多少')).toBe(true);
    expect(appliesTo(byId('en-typo'), 'NPS 多少')).toBe(false);
    expect(appliesTo(byId('both-context'), 'NPS')).toBe(true);
  });
});
