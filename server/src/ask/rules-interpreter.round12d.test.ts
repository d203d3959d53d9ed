/**
 * Issue 13, round 12d: tuning after batch 13's first sight, tested on sentences of our own (not the batch's):
 * northeastern colloquial words named back, a ranking clause after the question kept as its limit, a
 * comparison clause opened by "and", H1/H2 after a year, first-contact resolution in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { nextConversationState } from './conversation.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

describe('northeastern colloquial Chinese', () => {
  it('客户跑得最多 counts churned customers; 老跑 is churning again and again, asked why', () => {
    const r = ask('哪疙瘩的会员跑得最多？去年的');
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.dimensions).toEqual(['region']);
    expect(r.query?.order).toEqual([{ member: 'churned_customers', dir: 'desc' }]);
    expect(r.assumptions.join()).toContain('跑得→流失客户');
    const s = ask('高价值客户咋总跑呢？咋回事');
    expect(s.intent).toBe('reasons');
    expect(s.query?.filters).toEqual([{ member: 'value_tier', op: 'in', values: ['high'] }]);
  });

  it('那阵子 is the period of the event; "卖了老多了吧，多少钱" asks the revenue', () => {
    const r = ask('618那阵子卖了贼多吧，究竟多少钱？');
    expect(r.query?.metrics).toEqual(['revenue']);
    expect(r.assumptions.join()).toContain('那阵子→期间');
    expect(ask('618那阵子下了多少单').query?.metrics).toEqual(['orders']);
  });
});

describe('clauses after the question', () => {
  it('a clause that only says how many to rank sets the limit', () => {
    const r = ask('哪些城市客单价最低？只要前3名。');
    expect(r.query?.order).toEqual([{ member: 'avg_order_value', dir: 'asc' }]);
    expect(r.query?.limit).toBe(3);
    expect(ask('Which categories had the most orders last month? Top 4 please.').query?.limit).toBe(4);
  });

  it('"one" after a rank word is singular (Singlish "the most one lah"): no limit; "top 1" keeps it', () => {
    const r = ask('which city order the most one lah, last month');
    expect(r.query?.order).toEqual([{ member: 'orders', dir: 'desc' }]);
    expect(r.query?.limit).toBeUndefined();
    expect(ask('top 1 city by orders last month').query?.limit).toBe(1);
  });

  it('"and vs last year" compares with the same period of last year', () => {
    const r = ask('今年到目前的订单数? 还有 vs last year');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.compare).toBe('same_period_last_year');
  });

  it('H1 / H2 after a year are its halves', () => {
    expect(ask('去年 H1 的客单价是多少').query?.timeRange).toEqual({
      start: '2025-01-01',
      end: '2025-07-01',
    });
    expect(ask('2025年H2流失率').query?.timeRange).toEqual({ start: '2025-07-01', end: '2026-01-01' });
  });
});

describe('first-contact resolution', () => {
  it('首次接触解决率 is the metric, kept by a follow-up that groups it', () => {
    const first = ask('上个月首次接触解决率怎么样');
    expect(first.query?.metrics).toEqual(['first_contact_resolution_rate']);
    const r = interpretWithRules({
      question: '按渠道拆开看',
      catalog: RETAIL,
      asOf: AS_OF,
      previous: nextConversationState(undefined, first),
    });
    expect(r.query?.metrics).toEqual(['first_contact_resolution_rate']);
  });
});

describe('requests to act, not to look', () => {
  it('messaging customers, changing their points or plan, building software: declined', () => {
    for (const q of [
      '帮我 send 封 email 给 CS team 说 repeat rate 跌了',
      '把高价值客户的积分都加上200',
      'pls sms all the high-value customers a promo code',
      'Build us a retention model in R and deploy it to prod.',
    ])
      expect(ask(q).kind).toBe('out_of_scope');
    expect(ask('Move all month-to-month subscribers onto a one-year contract.', TELCO).kind).toBe(
      'out_of_scope',
    );
  });

  it('the same words in a question about the data are still read', () => {
    expect(ask('积分多的客户流失率是多少').query?.metrics).toEqual(['churn_rate']);
    expect(ask('how many customers were emailed last month').kind).not.toBe('out_of_scope');
  });
});

describe('drivers asked with degree words', () => {
  it('"the strongest / key drivers", "the subscriber base" name no factor of their own', () => {
    const r = ask('What are the key drivers of churn across our customer base?');
    expect(r.intent).toBe('drivers');
    expect(ask('Which attributes are the biggest drivers of churn?').intent).toBe('drivers');
    expect(ask('Across the subscriber base, what are the main drivers of churn?', TELCO).intent).toBe(
      'drivers',
    );
  });

  it('a factor the data lacks is still asked back', () => {
    expect(ask('Does the weather drive churn?').kind).toBe('clarify');
  });

  it('northeastern: 啥玩意儿影响会员跑 asks the drivers, named back', () => {
    const r = ask('啥玩意儿影响会员跑啊？整出来');
    expect(r.intent).toBe('drivers');
    expect(r.assumptions.join()).toContain('啥玩意儿→什么');
    expect(ask('这个月跑了多少会员').query?.metrics).toEqual(['churned_customers']);
  });
});

describe('Cantonese mixed with English', () => {
  it('應該點 + an English verb asks how (actions); 點 elsewhere (重點) is left alone', () => {
    const r = ask('我哋應該點 win back 返啲 VIP 客?');
    expect(r.intent).toBe('actions');
    expect(r.assumptions.join()).toContain('点→怎么');
    expect(ask('我哋可以點留住高價值客?').intent).toBe('actions');
  });
});

describe('durations ranked', () => {
  it('最长 / longest rank a duration high first, 最短 / shortest low first; 找出 is no filter', () => {
    const r = ask('按城市看上个月平均处理时长，找出最长的城市');
    expect(r.query?.order).toEqual([{ member: 'avg_resolution_hours', dir: 'desc' }]);
    expect(r.unknownTerms).toEqual([]);
    const s = ask('which city had the shortest resolution time last month');
    expect(s.query?.order).toEqual([{ member: 'avg_resolution_hours', dir: 'asc' }]);
  });
});
