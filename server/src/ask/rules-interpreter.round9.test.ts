/**
 * Issue 13, round 9: batch 9's confidently wrong classes, tested on sentences of our own beside the batch's,
 * with negatives.
 * 1. Sichuan/colloquial 好多 ending a question = 多少 (count or amount, not a rate); 嫌贵 = price reason.
 * 2. Gender and age words as filters (女客户流失率, 年长用户), 月租型合约 as the month-to-month contract.
 * 3. English wording of resolution time, first-contact resolution, revenue lost to churn.
 * 4. "from the most to the fewest" is one descending direction (the word inside it does not flip it).
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

describe('好多 asking "how many / how much"', () => {
  it.each([
    ['上个月我们流失了好多客哦？', 'churned_customers'],
    ['成都的客户上个季度跑了好多个', 'churned_customers'],
    ['今年到现在卖了好多钱', 'revenue'],
    ['上个月卖了好多钱哦', 'revenue'],
  ])('%s → %s', (question, metric) => {
    expect(ask(question).query?.metrics).toEqual([metric]);
  });

  it('跑了的客户里头因为嫌贵跑的有好多 → churned customers with the price reason', () => {
    const r = ask('上个季度跑了的客户里头，因为嫌贵跑的有好多');
    expect(r.intent).toBe('metric');
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.filters).toEqual([{ member: 'churn_reason', op: 'in', values: ['price'] }]);
  });

  it('negative: 好多 as "many" in a statement is not read as 多少', () => {
    const r = ask('好多客户流失了');
    expect(r.query?.metrics).not.toContain('churned_customers');
  });
});

describe('gender, age and contract words as filters', () => {
  it.each([
    ['9月份女客户流失率是好多', 'female'],
    ['女客户流失率', 'female'],
    ['男客户流失率是多少', 'male'],
  ])('%s → churn rate of %s customers', (question, gender) => {
    const r = ask(question);
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.filters).toEqual([{ member: 'gender', op: 'in', values: [gender] }]);
  });

  it('negative: 男女客户流失率对比 stays a breakdown by gender', () => {
    const r = ask('男女客户流失率对比');
    expect(r.query?.dimensions).toEqual(['gender']);
    expect(r.query?.filters).toEqual([]);
  });

  it.each(['年長用戶的流失率呢？', '年长用户流失率是多少', '老年用户的流失率'])(
    '%s → senior citizens',
    (question) => {
      const r = ask(question, TELCO);
      expect(r.query?.metrics).toEqual(['churn_rate']);
      expect(r.query?.filters).toEqual([{ member: 'senior_citizen', op: 'in', values: ['true'] }]);
    },
  );

  it.each(['月租型合約、又是光纖用戶的流失率是多少', '月租型合约又是光纤用户的流失率'])(
    '%s → two filters',
    (question) => {
      const r = ask(question, TELCO);
      expect(r.intent).toBe('metric');
      expect(r.query?.metrics).toEqual(['churn_rate']);
      expect(r.query?.filters).toEqual([
        { member: 'contract', op: 'in', values: ['Month-to-month'] },
        { member: 'internet_service', op: 'in', values: ['Fiber optic'] },
      ]);
    },
  );
});

describe('English support and revenue wording', () => {
  it.each([
    [
      'on average, how many hours did it take us to resolve a customer ticket last quarter?',
      'avg_resolution_hours',
    ],
    ['how many hours does it take to resolve a ticket', 'avg_resolution_hours'],
    ['近90天物流类工单平均多少小时能解决', 'avg_resolution_hours'],
    ['what share of tickets we resolved on first contact last month?', 'first_contact_resolution_rate'],
    ['share of tickets resolved on first contact by region', 'first_contact_resolution_rate'],
    ['how much revenue did we lose from customers who churned in South China last quarter?', 'lost_revenue'],
    ['revenue we lost last quarter', 'lost_revenue'],
  ])('%s → %s', (question, metric) => {
    expect(ask(question).query?.metrics).toEqual([metric]);
  });

  it('negative: revenue from customers (no churn) stays revenue', () => {
    expect(ask('how much revenue did we make from customers in South China').query?.metrics).toEqual([
      'revenue',
    ]);
  });
});

describe('"from X to Y" ordering', () => {
  it.each([
    ['how many customers we lost in each region last quarter, from the most to the fewest?', 'desc'],
    ['churned customers by region from most to least', 'desc'],
    ['churn rate by region highest to lowest', 'desc'],
    ['churned customers by region from the fewest to the most', 'asc'],
    ['churn rate by region lowest to highest', 'asc'],
    ['churn rate by region, lowest first', 'asc'],
  ])('%s → %s', (question, dir) => {
    const r = ask(question);
    expect(r.query?.order?.[0]?.dir).toBe(dir);
  });
});

describe('letter courtesies are filler', () => {
  it.each([
    'Dear team, could you kindly share the churn rate for East China last quarter? Many thanks in advance. Warm regards, Helen',
    'Good morning, everyone. What was the churn rate in East China last quarter? With gratitude, Helen',
    'Dear colleagues, I hope this message finds you well. What was the churn rate in East China last quarter? Best.',
    'Hello team, churn rate in East China last quarter? Thank you for your patience with all my questions.',
  ])('%s → churn rate in East China', (question) => {
    const r = ask(question);
    expect(r.intent).toBe('metric');
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
  });

  it('negative: a greeting does not swallow the question after it', () => {
    const r = ask('Hi what is the churn rate in East China, last quarter');
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
  });
});

describe('member churn rate and 流失最凶', () => {
  it('member churn rate by tier, 从高到低 sort → ordered by the rate', () => {
    const r = ask('上季度 member churn rate by tier，从高到低 sort 一下');
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.order).toEqual([{ member: 'churn_rate', dir: 'desc' }]);
  });

  it('各个渠道来的客户，哪个流失最凶 → churn rate by channel, highest first', () => {
    const r = ask('各个渠道来的客户，哪个流失最凶');
    expect(r.query?.order?.[0]?.dir).toBe('desc');
  });
});
