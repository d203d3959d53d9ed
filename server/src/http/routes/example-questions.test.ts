import { describe, expect, it } from 'vitest';
import { RETAIL_CATALOG } from '../../../test/ask/fixtures/retail-catalog.ts';
import { exampleQuestions } from './example-questions.ts';

describe('example questions (from the model labels, words in http/messages)', () => {
  it('builds the home examples in both languages from the default metric and a small dimension', () => {
    const examples = exampleQuestions(RETAIL_CATALOG);
    expect(examples.zh).toEqual([
      '上个季度流失率是多少?',
      '上个季度哪个地区的流失率最高?',
      '近12个月流失率的月度趋势',
      '上个季度流失客户的主要原因是什么?',
      '哪些高价值客户有流失风险? 怎么挽回?',
    ]);
    expect(examples.en.slice(0, 3)).toEqual([
      'What was the churn rate last quarter?',
      'Which region had the highest churn rate last quarter?',
      'Monthly churn rate trend over the past 12 months',
    ]);
  });

  it('gives each member an example: with a period for time-based metrics, lower case mid-sentence in English', () => {
    const { byMember } = exampleQuestions(RETAIL_CATALOG);
    expect(byMember.churn_rate).toEqual({
      zh: '上个季度的流失率是多少?',
      en: 'What was churn rate last quarter?',
    });
    expect(byMember.customers).toEqual({ zh: '客户数是多少?', en: 'What is the customers?' });
    expect(byMember.region).toEqual({
      zh: '上个季度按地区看流失率',
      en: 'Churn rate by region last quarter',
    });
  });
});
