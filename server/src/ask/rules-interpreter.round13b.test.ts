/**
 * Issue 13, round 13b: harmless rewording (evals/invariance.ts) reads as the bare question — lead-ins,
 * tails, pictographs, a line break mid-sentence, a closing sentence of purpose, Title Case, "clients";
 * a SQL-looking question nothing maps reads once, never recursing. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const AS_OF = '2026-10-01';
const ask = (question: string) => interpretWithRules({ question, catalog: RETAIL, asOf: AS_OF });
const Q3 = { start: '2026-07-01', end: '2026-10-01' };

/** The parts of an interpretation an answer depends on. */
const reading = (question: string) => {
  const r = ask(question);
  return { kind: r.kind, intent: r.intent, query: r.query && { ...r.query, model: undefined } };
};

describe('openings and closings that change nothing', () => {
  it('an @mention, a polite lead-in and a reported ask are dropped, never left unread', () => {
    const bare = reading('华南上个月的订单数是多少？');
    for (const q of [
      '@数据助手 华南上个月的订单数是多少？',
      '请问华南上个月的订单数是多少？',
      '麻烦帮我看一下华南上个月的订单数是多少？',
      '总监想知道，华南上个月的订单数是多少？',
    ]) {
      expect(reading(q)).toEqual(bare);
      expect(ask(q).unknownTerms).toEqual([]);
    }
    expect(bare.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华南'] }]);
  });

  it('thanks, laughter, tildes, pictographs and repeated question marks after a ranking keep its limit', () => {
    for (const q of [
      '哪些品类订单最多？只要前三谢谢',
      '哪些品类订单最多？只要前三哈',
      '哪些品类订单最多？只要前三～',
      '哪些品类订单最多？只要前三👍',
      '哪些品类订单最多？只要前三？？',
    ]) {
      const r = ask(q);
      expect(r.query?.limit).toBe(3);
      expect(r.unknownTerms).toEqual([]);
    }
  });

  it('English tails (please, thanks!) and a closing sentence of purpose leave the reading alone', () => {
    const bare = reading('Revenue by channel last month?');
    expect(reading('Revenue by channel last month please?')).toEqual(bare);
    expect(reading('Revenue by channel last month? thanks!')).toEqual(bare);
    expect(reading('Revenue by channel last month? This is for the quarterly review.')).toEqual(bare);
    expect(ask('Revenue by channel last month? This is for the quarterly review.').unknownTerms).toEqual([]);
    expect(reading('华东的复购率？要给管理层汇报。')).toEqual(reading('华东的复购率？'));
  });
});

describe('layout and case', () => {
  it('a line break mid-sentence is a clause break (zh) or a space (en), not a second sentence', () => {
    const zh = ask('请按地区统计上季度订单数\n并按订单数从高到低排列');
    expect(zh.query?.dimensions).toEqual(['region']);
    expect(zh.query?.order).toEqual([{ member: 'orders', dir: 'desc' }]);
    expect(reading('average order value by\nregion last quarter')).toEqual(
      reading('average order value by region last quarter'),
    );
  });

  it('Title Case reads as lower case; names the dictionary lacks and acronyms stay', () => {
    const r = ask('What Was The Average Order Value Of Female Customers In Q3?');
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['avg_order_value']);
    expect(r.query?.filters).toEqual([{ member: 'gender', op: 'in', values: ['female'] }]);
    expect(r.query?.timeRange).toEqual(Q3);
  });

  it('"clients" are customers, named back; "what should the client do" is still the actions shape', () => {
    const r = ask('How many active clients did we have last quarter?');
    expect(r.query?.metrics).toEqual(
      ask('How many active customers did we have last quarter?').query?.metrics,
    );
    expect(r.assumptions.join()).toContain('"clients" as "customers"');
    expect(ask('Churn is up in the south. What should the client do?').intent).toBe('actions');
  });

  it('a SQL-looking question that nothing maps is read once (no endless re-reading)', () => {
    const r = ask('count(distnct customer_id) where region = 华南');
    expect(r.kind).toBeDefined();
  });
});

describe('churned vs stayed customers (class 4: both groups side by side)', () => {
  const TELCO = modelCatalog('telco');
  it('on a model whose data labels who churned, the metric is compared across the churn label', () => {
    const r = interpretWithRules({
      question: 'Mean tenure, churned compared with retained customers?',
      catalog: TELCO,
      asOf: AS_OF,
    });
    expect(r.kind).toBe('query');
    expect(r.intent).toBe('comparison');
    expect(r.query?.metrics).toEqual(['avg_tenure_months']);
    expect(r.query?.dimensions).toEqual(['churn_label']);
    expect(r.query?.filters).toEqual([{ member: 'churn_label', op: 'in', values: ['true', 'false'] }]);
    expect(r.unknownTerms).toEqual([]);
    const zh = interpretWithRules({
      question: '流失用户和留存用户的平均月费差多少',
      catalog: TELCO,
      asOf: AS_OF,
    });
    expect(zh.query?.metrics).toEqual(['avg_monthly_charges']);
    expect(zh.query?.dimensions).toEqual(['churn_label']);
  });

  it('a model where churn is an event in a period (retail) still asks back, never one overall figure', () => {
    const r = ask('留存会员和流失会员的平均客单价对比');
    expect(r.kind).toBe('clarify');
    expect(r.query?.metrics).toEqual(['avg_order_value']);
  });
});
