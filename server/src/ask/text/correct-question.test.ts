import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../../test/ask/model-catalogs.ts';
import { correctQuestion, describeCorrections } from './correct-question.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');

describe('correctQuestion: traditional Chinese, homophones, English shorthand and typos (issue 13 class 1)', () => {
  it.each([
    ['上個月華東的營收', '上个月华东的营收'],
    ['為什麼高價值客戶會流失', '为什么高价值客户会流失'],
    ['歷史以來總共有多少筆訂單', '历史以来总共有多少笔订单'],
  ])('traditional → simplified: %s', (question, text) => {
    const c = correctQuestion(question, RETAIL);
    expect(c.text).toBe(text);
    expect(c.corrections[0].kind).toBe('traditional');
  });

  it.each([
    ['上个季度的流逝率', '上个季度的流失率', '流逝率', '流失率'],
    ['复够率是多少', '复购率是多少', '复够率', '复购率'],
    ['华中区的付够率', '华中区的复购率', '付够率', '复购率'],
    ['上各月的营收', '上个月的营收', '上各月', '上个月'],
    // 客单 is now a model word (AOV), so 客单加 reads as 客单 without a correction; another two-character case
    ['营手多少', '营收多少', '营手', '营收'],
    ['上个月流逝了多少客户', '上个月流失了多少客户', '流逝', '流失'],
  ])('homophone: %s', (question, text, from, to) => {
    const c = correctQuestion(question, RETAIL);
    expect(c.text).toBe(text);
    expect(c.corrections).toContainEqual({ kind: 'homophone', from, to });
  });

  it('leaves correct Chinese alone', () => {
    for (const q of [
      '上个月华东的流失率',
      '各区域的客单价排名',
      '为什么客户会流失',
      '复购率和流失率有关系吗',
    ])
      expect(correctQuestion(q, RETAIL)).toEqual({ text: q, corrections: [] });
  });

  it.each([
    ['churn rate by citys', 'churn rate by city'],
    ['attrition rate for fibre custmers', 'attrition rate for fibre customers'],
    ['customers who loose service', 'customers who lose service'],
    ['churn rate last qtr', 'churn rate last quarter'],
    ['revenue in sept', 'revenue in september'],
    ['avg resolution hrs', 'avg resolution hours'],
    ['churned custs w/o paperless billing', 'churned customers without paperless billing'],
    ['avg monthly chrgs by contarct type', 'avg monthly charges by contract type'],
    ['# of churned customers by pymt method', 'number of churned customers by payment method'],
  ])('English: %s', (question, text) => {
    expect(correctQuestion(question, TELCO).text).toBe(text);
  });

  it('leaves known English, abbreviations of the lexicon and the catalog alone', () => {
    for (const q of ['churn rate in aug vs sep', 'YoY change in attrition', 'AOV QoQ', 'MoM revenue growth'])
      expect(correctQuestion(q, RETAIL).text).toBe(q);
  });

  it('names every correction back in the question language', () => {
    const zh = correctQuestion('上个季度的流逝率', RETAIL);
    expect(describeCorrections(zh.corrections, 'zh')).toBe('按“流失率”理解“流逝率”');
    const en = correctQuestion('custmer count last qtr', RETAIL);
    expect(describeCorrections(en.corrections, 'en')).toBe(
      'Read "custmer" as "customer"; read "qtr" as "quarter"',
    );
    const tw = correctQuestion('上個月', RETAIL);
    expect(describeCorrections(tw.corrections, 'zh')).toBe('繁体按简体理解（個→个）');
  });
});
