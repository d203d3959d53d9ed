/**
 * Issue 13, round 4 (blind batch 4's failure classes, new sentences of the same class): pinyin initials
 * of catalog words, Taiwanese wording and traditional characters, and near-homophone misspellings of
 * catalog words, each read from the model's vocabulary and named back.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';
import { correctQuestion } from './text/correct-question.ts';

const RETAIL = modelCatalog('retail');
const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (question: string) => interpretWithRules({ question, catalog: RETAIL, asOf: AS_OF });

describe('class 1: pinyin initials of catalog words', () => {
  it('reads initials as the one catalog word that has them, named back', () => {
    const r = ask('华东上季度的kdj');
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({ metrics: ['avg_order_value'], timeRange: Q3 });
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
    expect(r.assumptions.join(' ')).toContain('按“客单价”理解“kdj”');
  });

  it('reads several initials in one question', () => {
    const r = ask('上季度各品类的lsl');
    expect(r.query).toMatchObject({ metrics: ['churn_rate'], dimensions: ['category'], timeRange: Q3 });
    expect(r.assumptions.join(' ')).toContain('按“流失率”理解“lsl”');
  });

  it('leaves letters alone in an English question and English words in a Chinese one', () => {
    expect(correctQuestion('what is lsl', RETAIL).text).toBe('what is lsl');
    expect(correctQuestion('华东的revenue', RETAIL).text).toBe('华东的revenue');
  });
});

describe('class 2: Taiwanese wording and traditional characters', () => {
  it('上一季 is last quarter and 通路 a sales channel', () => {
    const r = ask('上一季各通路的營收');
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({ metrics: ['revenue'], dimensions: ['sales_channel'], timeRange: Q3 });
  });

  it('檔期 after a calendar event is its window', () => {
    const r = ask('618檔期的訂單數');
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.timeRange?.start).toMatch(/^2026-06/);
  });

  it('會員 counts are customer counts, 新會員 new customers', () => {
    expect(ask('上一季新會員數').query).toMatchObject({ metrics: ['new_customers'], timeRange: Q3 });
  });
});

describe('class 3: misspelt catalog words', () => {
  it('a near-homophone (s for sh) of a catalog word is corrected and named back', () => {
    const r = ask('各区域上季度的投述数');
    expect(r.query).toMatchObject({ metrics: ['tickets'], dimensions: ['region'], timeRange: Q3 });
    expect(r.assumptions.join(' ')).toMatch(/按“投诉数?”理解“投述数?”/);
  });

  it('a homophone before a known word is corrected without rewriting the known word', () => {
    const c = correctQuestion('华南活越客户数', RETAIL);
    expect(c.text).toBe('华南活跃客户数');
    expect(c.corrections).toContainEqual({ kind: 'homophone', from: '活越', to: '活跃' });
  });

  it('never reads 三 as 上 (two sounds apart)', () => {
    expect(correctQuestion('最近三个月的营收', RETAIL).text).toBe('最近三个月的营收');
  });
});
