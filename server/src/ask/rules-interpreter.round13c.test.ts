/**
 * Round 13c (batch 14's classes, sentences of our own): a European learner's English, trend grains said as
 * month on month / quarter wise / evolution, "last to last quarter", an event's "(only that day)".
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { nextConversationState } from './conversation.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });
const YTD = { start: '2026-01-01', end: '2026-10-01' };
const Q3 = { start: '2026-07-01', end: '2026-10-01' };

describe("a learner's English", () => {
  it('"the more high first" ranks from the highest, "the more low" from the lowest', () => {
    const r = ask('Give me the order count of each category, the more high first');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.dimensions).toEqual(['category']);
    expect(r.query?.order).toEqual([{ member: 'orders', dir: 'desc' }]);
    const low = ask('Which 2 cities have the more low repeat purchase rate?');
    expect(low.query?.order).toEqual([{ member: 'repeat_purchase_rate', dir: 'asc' }]);
    expect(low.query?.limit).toBe(2);
  });

  it('"since 2 months" is the last 2 months; "since the start of the year" is the year to date', () => {
    expect(ask('Which is the revenue since 2 months?').query?.timeRange).toEqual({
      start: '2026-08-01',
      end: '2026-10-01',
    });
    const ytd = ask('The orders by region since the start of the year');
    expect(ytd.query?.timeRange).toEqual(YTD);
    expect(ytd.unknownTerms).toEqual([]);
  });

  it('"since N months" after a negated purchase stays the condition on each customer', () => {
    const r = ask('How much customers did not buy nothing since 4 months?');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member: 'recency_days', op: 'gt', values: [120] }]);
  });

  it('"how much customers" counts them; "more high than the last year in the same period" compares', () => {
    const count = ask('How much clients do we have in each region?');
    expect(count.query?.metrics).toEqual(['customers']);
    expect(count.query?.dimensions).toEqual(['region']);
    expect(count.assumptions.join(' ')).toContain('read "How much" as "how many"');
    const r = ask('Are the orders of this year more high than the last year in the same period?');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.compare).toBe('same_period_last_year');
    expect(r.query?.timeRange).toEqual(YTD);
  });

  it('"make come back" and "what we should do" ask for actions', () => {
    const r = ask('How we can make come back the high value clients?');
    expect(r.intent).toBe('actions');
  });

  it('"which type of customers …, by X" is the grouping X, ranked', () => {
    const r = ask('Which kind of clients have the more high complaint rate, by region?');
    expect(r.kind).toBe('query');
    expect(r.query?.dimensions).toEqual(['region']);
    expect(r.query?.order).toEqual([{ member: 'complaint_rate', dir: 'desc' }]);
  });

  it('telco: "depending of the contract" groups; "how much clients with X have left" counts the churned', () => {
    const r = ask(
      'In the telco data, which is the average monthly charge depending of the payment method?',
      TELCO,
    );
    expect(r.query?.dimensions).toEqual(['payment_method']);
    const left = ask('Telco: how much clients with paperless billing have left?', TELCO);
    expect(left.query?.metrics).toEqual(['churned_customers']);
  });
});

describe('trend grains and periods', () => {
  it('month on month over this year to date is the monthly series; over one quarter the comparison', () => {
    const r = ask('Kindly share month on month orders for this year till date');
    expect(r.intent).toBe('trend');
    expect(r.query?.time?.grain).toBe('month');
    expect(r.query?.timeRange).toEqual(YTD);
    expect(ask('MoM orders for last quarter').query?.compare).toBe('previous_period');
  });

  it('"quarter wise" and "evolution … month per month" set the grain', () => {
    const q = ask('Revenue quarter wise for the last 6 quarters');
    expect(q.query?.time?.grain).toBe('quarter');
    const m = ask('The evolution of the AOV month per month since the beginning of the year');
    expect(m.intent).toBe('trend');
    expect(m.query?.time?.grain).toBe('month');
    expect(m.query?.timeRange).toEqual(YTD);
    expect(m.unknownTerms).toEqual([]);
  });

  it('a follow-up "Same for month on month" is the previous figure by month', () => {
    const first = ask('How many orders in Q3?');
    const previous = nextConversationState(undefined, first);
    const r = interpretWithRules({
      question: 'Same for month on month',
      catalog: RETAIL,
      asOf: AS_OF,
      previous,
    });
    expect(r.intent).toBe('trend');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.time?.grain).toBe('month');
    expect(r.query?.timeRange).toEqual(Q3);
  });

  it('"last to last quarter" is the quarter before last; 每个月的复购用户数 is the repeat buyers by month', () => {
    expect(ask('Orders for last to last quarter').query?.timeRange).toEqual({
      start: '2026-04-01',
      end: '2026-07-01',
    });
    const r = ask('今年每个月的复购用户数怎么走的');
    expect(r.query?.metrics).toEqual(['repeat_buyers']);
    expect(r.query?.time?.grain).toBe('month');
  });

  it('"(only that day)" after a holiday keeps it to its day, a year between them', () => {
    const r = ask('Orders on Singles Day 2024 (only that day)?');
    expect(r.query?.timeRange).toEqual({ start: '2024-11-11', end: '2024-11-12' });
    expect(r.unknownTerms).toEqual([]);
    expect(ask('双11（只算当天）的订单数').query?.timeRange).toEqual({
      start: '2025-11-11',
      end: '2025-11-12',
    });
  });

  it('渠道拉来的 is the acquisition channel', () => {
    const r = ask('今年各渠道拉来的新客户有多少');
    expect(r.query?.dimensions).toEqual(['acquisition_channel']);
    expect(r.query?.metrics).toEqual(['new_customers']);
  });
});

describe('cohorts by the month they joined, and what drives a rise', () => {
  it('one batch of sign-ups followed month by month is a cohort analysis, in both languages', () => {
    const zh = ask('2024年3月首购的这批会员，之后每个月还剩多少？');
    expect(zh.intent).toBe('cohorts');
    expect(zh.query?.timeRange).toEqual({ start: '2024-03-01', end: '2024-04-01' });
    expect(ask('The members who joined in May 2025, how many are still active each month?').intent).toBe(
      'cohorts',
    );
  });

  it('"what is driving the increase" after a rise is its decomposition, not the drivers of churn', () => {
    const r = ask('Orders went down in Q3 vs Q2, what is driving the decrease?');
    expect(r.intent).toBe('decomposition');
    expect(r.query?.metrics).toEqual(['orders']);
  });
});
