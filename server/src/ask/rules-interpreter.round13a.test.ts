/**
 * Issue 13, round 13a: conditions on each customer read as a class (sentences of our own, not the batches'):
 * recency in any wording (durations read in days and said back, vague ones asked), counts and amounts per
 * customer in a window (a window the model holds no attribute for is asked), joined conditions, lists and
 * counts of the customers meeting them, telco conditions on numeric attributes.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });
const recency = (days: number, op = 'gt') => ({ member: 'recency_days', op, values: [days] });

describe('recency in any wording', () => {
  it('months, half a year and weeks before a negated attribute are read in days and said back', () => {
    const r = ask('两个月没下过单的会员有多少');
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([recency(60)]);
    expect(r.assumptions.join()).toContain('“两个月”按 60 天计算');
    expect(ask('大半年都没再来买的顾客数').query?.filters).toEqual([recency(180)]);
    expect(ask('三周没买东西的客户有几个').query?.filters).toEqual([recency(21)]);
  });

  it('a duration with a comparison or 以上 keeps its operator; 没有再下单 is the same attribute', () => {
    expect(ask('已经超过45天都没有再下单的客户有多少').query?.filters).toEqual([recency(45)]);
    expect(ask('60天以上没来买的客户数').query?.filters).toEqual([recency(60, 'gte')]);
    expect(ask('用户里有多少人120天没回购').query?.filters).toEqual([recency(120)]);
  });

  it('English: since/for/in the last N after the attribute, months in days', () => {
    const r = ask("How many customers haven't purchased for 4 months?");
    expect(r.query?.filters).toEqual([recency(120)]);
    expect(r.assumptions.join()).toContain('"4 months" read as 120 days');
    expect(ask("number of customers who haven't ordered in the last 45 days").query?.filters).toEqual([
      recency(45),
    ]);
    expect(ask('customers with no purchase in over 100 days, how many?').query?.filters).toEqual([
      recency(100),
    ]);
  });

  it('negated and positive words of recency: 没有购买的客户 is a condition, never the buyers; "last ordered … ago"', () => {
    const r = ask('60天内没有购买的客户有多少');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([recency(60)]);
    expect(ask('两个多月没来买的会员有几个').query?.filters).toEqual([recency(60)]);
    expect(ask('一年多没下单的客户数').query?.filters).toEqual([recency(365)]);
    expect(ask('距离上次下单超过100天的客户有多少').query?.filters).toEqual([recency(100)]);
    expect(ask('how many customers last purchased more than 75 days ago').query?.filters).toEqual([
      recency(75),
    ]);
    expect(ask('customers inactive for 45+ days, how many').query?.filters).toEqual([recency(45, 'gte')]);
  });

  it('a list of customers under a recency condition is the condition list, never the churned list', () => {
    const r = ask('哪些会员超过三个月没来买了？');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.dimensions).toContain('customer_id');
    expect(r.query?.filters).toEqual([recency(90)]);
  });

  it('a vague duration (很久没来, a long time) asks which threshold, never a guess', () => {
    const r = ask('好久没来的会员有多少');
    expect(r.kind).toBe('clarify');
    expect(r.reason).toContain('没有说多少天');
    // each offered threshold is the question read again with that number of days
    expect(r.options?.[1]?.question).toBe('超过60天没来的会员有多少');
    expect(r.options?.[1]?.query?.filters).toEqual([recency(60)]);
    const e = ask("how many customers haven't bought in a long time");
    expect(e.kind).toBe('clarify');
    expect(e.reason).toContain('gives no number of days');
  });
});

describe('counts and amounts per customer in a window', () => {
  it('the window the attribute holds is no period of the question; verbs are part of the condition', () => {
    const r = ask('How many customers made at least four orders in the past 12 months?');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member: 'orders_12m', op: 'gte', values: [4] }]);
    expect(r.unknownTerms).toEqual([]);
    const t = ask('近90天提交了2次以上工单的客户有多少');
    expect(t.query?.filters).toEqual([{ member: 'tickets_90d', op: 'gte', values: [2] }]);
    expect(t.unknownTerms).toEqual([]);
  });

  it('amounts with thousands separators and "exceeded"', () => {
    const r = ask('how many customers whose trailing 12-month spend exceeded 8,000?');
    expect(r.query?.filters).toEqual([{ member: 'spend_12m', op: 'gt', values: [8000] }]);
  });

  it('a window the model holds no attribute for is asked back, never replaced by another window', () => {
    const r = ask('近一周下单超过3次的客户有多少');
    expect(r.kind).toBe('clarify');
    expect(r.reason).toContain('近12个月订单数');
    const e = ask('customers with more than 2 tickets in the last 7 days, how many?');
    expect(e.kind).toBe('clarify');
    expect(e.reason).toContain('Tickets in 90 days');
  });
});

describe('customers led conditions', () => {
  it('"customers with orders > N" is a condition on each customer, never on the total', () => {
    const r = ask('customers with orders > 7, how many?');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member: 'orders_12m', op: 'gt', values: [7] }]);
  });

  it('a second condition written before its metric, joined by and, is one on each customer too', () => {
    const r = ask('customers with more than 4 orders and more than 1 ticket, how many?');
    expect(r.query?.filters).toEqual([
      { member: 'orders_12m', op: 'gt', values: [4] },
      { member: 'tickets_90d', op: 'gt', values: [1] },
    ]);
  });

  it('a calendar period on an attribute is read as its trailing window and said so', () => {
    const r = ask('去年消费超过8000的客户有多少');
    expect(r.query?.filters).toEqual([{ member: 'spend_12m', op: 'gt', values: [8000] }]);
    expect(r.assumptions.join()).toContain('“去年”按每个客户的“近12个月消费”计算');
    const e = ask('how many customers spent over 20k last year?');
    expect(e.assumptions.join()).toContain('"last year" read as each customer\'s 12-month spend');
  });
});

describe('joined conditions, lists and counts', () => {
  it('two conditions joined by 但是 / but are both filters', () => {
    const r = ask('近12个月买过4次以上但是50天没来买的客户有多少');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual(
      expect.arrayContaining([recency(50), { member: 'orders_12m', op: 'gte', values: [4] }]),
    );
    const e = ask(
      'How many customers placed 6 or more orders in the last 12 months but none in the past 45 days?',
    );
    expect(e.query?.filters).toEqual([{ member: 'orders_12m', op: 'gte', values: [6] }, recency(45)]);
    expect(e.unknownTerms).toEqual([]);
  });

  it('a list of the customers meeting the conditions is the customer list with the attributes', () => {
    const r = ask('消费超过2000而且两个月没来买的客户，拉个名单');
    expect(r.intent).toBe('breakdown');
    expect(r.query?.dimensions).toEqual(expect.arrayContaining(['customer_id', 'spend_12m', 'recency_days']));
    expect(r.query?.filters).toEqual(
      expect.arrayContaining([recency(60), { member: 'spend_12m', op: 'gt', values: [2000] }]),
    );
  });

  it('customers who churned under a spend condition: the churned list filtered by the attribute', () => {
    const r = ask('Which customers churned last quarter whose 12-month spend exceeded 3,000?');
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.filters).toEqual(
      expect.arrayContaining([{ member: 'spend_12m', op: 'gt', values: [3000] }]),
    );
    expect(r.query?.dimensions).toContain('customer_id');
  });
});

describe('telco conditions on numeric attributes', () => {
  it('tenure under N months and monthly charges above X are conditions on each customer', () => {
    const r = ask('churn rate for customers with tenure under 10 months and monthly charges above 70', TELCO);
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.dimensions).toEqual([]);
    expect(r.query?.filters).toEqual([
      { member: 'tenure_months', op: 'lt', values: [10] },
      { member: 'monthly_charges', op: 'gt', values: [70] },
    ]);
  });

  it('Chinese: 月费超过 N 的用户 reads the per-customer monthly charge', () => {
    const r = ask('月费超过90的用户离网率多少', TELCO);
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.filters).toEqual([{ member: 'monthly_charges', op: 'gt', values: [90] }]);
  });
});
