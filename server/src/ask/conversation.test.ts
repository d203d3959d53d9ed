import { describe, expect, it } from 'vitest';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import { RETAIL_CATALOG } from '../../test/ask/fixtures/retail-catalog.ts';
import { type ConversationState, nextConversationState } from './conversation.ts';
import { interpretWithRules, type RulesResult } from './rules-interpreter.ts';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const q = (parts: Partial<SemanticQueryInput>): SemanticQueryInput => ({
  model: 'retail',
  metrics: ['churn_rate'],
  dimensions: [],
  filters: [],
  order: [],
  ...parts,
});
const high = { member: 'value_tier', op: 'in' as const, values: ['high'] };

/** Runs a conversation and returns each turn's interpretation. */
function converse(...questions: string[]): RulesResult[] {
  let state: ConversationState | undefined;
  return questions.map((question) => {
    const r = interpretWithRules({ question, catalog: RETAIL_CATALOG, asOf: '2026-10-01', previous: state });
    state = nextConversationState(state, r, r.defaultedRange);
    return r;
  });
}

describe('follow-ups (CONVENTIONS.md "Follow-ups")', () => {
  it('"按地区看呢?" replaces the dimension and keeps the period', () => {
    const [, r] = converse('上个季度的流失率', '按地区看呢?');
    expect(r.query).toEqual(q({ dimensions: ['region'], timeRange: Q3 }));
    expect(r.intent).toBe('breakdown');
  });

  it('"只看高价值客户" adds a filter', () => {
    const [, r] = converse('上个季度各地区的流失率', '只看高价值客户');
    expect(r.query).toEqual(q({ dimensions: ['region'], timeRange: Q3, filters: [high] }));
  });

  it('"那去年同期呢" moves the range one year back (not a compare)', () => {
    const [, , r] = converse('上个季度各地区的流失率', '只看高价值客户', '那去年同期呢?');
    expect(r.query).toEqual(
      q({ dimensions: ['region'], timeRange: { start: '2025-07-01', end: '2025-10-01' }, filters: [high] }),
    );
    expect(r.assumptions).toEqual(['去年同期：2025-07-01 至 2025-09-30']);
  });

  it('"换成华东" narrows a grouping to one value', () => {
    const [, r] = converse('上个季度各地区的流失率', '换成华东');
    expect(r.query).toEqual(
      q({ timeRange: Q3, filters: [{ member: 'region', op: 'in', values: ['华东'] }] }),
    );
  });

  it('"换成华东" replaces an earlier value of the same dimension', () => {
    const [, r] = converse('华南上个季度的流失客户数', '换成华东');
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
    expect(r.query?.metrics).toEqual(['churned_customers']);
  });

  it('"top 3 呢" ranks and limits without naming 3 as unknown', () => {
    const [, r] = converse('上个季度各城市的流失客户数', 'top 3 呢');
    expect(r.query).toEqual(
      q({
        metrics: ['churned_customers'],
        dimensions: ['city'],
        timeRange: Q3,
        order: [{ member: 'churned_customers', dir: 'desc' }],
        limit: 3,
      }),
    );
    expect(r.unknownTerms).toEqual([]);
    expect(r.language).toBe('zh');
  });

  it('"what about by channel?" then "show the trend" widens a default range to 12 months', () => {
    const [, byChannel, trend] = converse(
      'What is the churn rate?',
      'what about by channel?',
      'show the trend',
    );
    expect(byChannel.query).toEqual(q({ dimensions: ['acquisition_channel'], timeRange: Q3 }));
    expect(trend.query).toEqual(
      q({
        dimensions: ['acquisition_channel'],
        time: { dimension: 'metric_time', grain: 'month' },
        timeRange: { start: '2025-10-01', end: '2026-10-01' },
      }),
    );
    expect(trend.intent).toBe('trend');
  });

  it('"趋势呢" keeps a range the user chose', () => {
    const [, r] = converse('今年华南的流失率', '趋势呢');
    expect(r.query).toEqual(
      q({
        time: { dimension: 'metric_time', grain: 'month' },
        timeRange: { start: '2026-01-01', end: '2026-10-01' },
        filters: [{ member: 'region', op: 'in', values: ['华南'] }],
      }),
    );
  });

  it('"why?" turns the previous query into reasons on the same period and filters', () => {
    const [, r] = converse('churn rate of high-value customers by region last quarter', 'why?');
    expect(r.kind).toBe('analysis');
    expect(r.intent).toBe('reasons');
    expect(r.query).toEqual(q({ timeRange: Q3, filters: [high] }));
  });

  it('"怎么挽回他们?" asks for actions on the previous risk list', () => {
    const [, r] = converse('哪些高价值客户有流失风险?', '怎么挽回他们?');
    expect(r.intent).toBe('actions');
    expect(r.query).toEqual(q({ metrics: ['at_risk_customers'], filters: [high] }));
  });

  it('"流失客户数呢" swaps the metric and keeps everything else', () => {
    const [, r] = converse('上个月各品类的收入', '流失客户数呢');
    expect(r.query).toEqual(
      q({
        metrics: ['churned_customers'],
        dimensions: ['category'],
        timeRange: { start: '2026-09-01', end: '2026-10-01' },
      }),
    );
  });

  it('a complete new question starts over', () => {
    const [, r] = converse('上个季度各地区的流失率', '去年各品类的收入');
    expect(r.query).toEqual(
      q({
        metrics: ['revenue'],
        dimensions: ['category'],
        timeRange: { start: '2025-01-01', end: '2026-01-01' },
      }),
    );
    expect(r.assumptions).toEqual([]);
  });

  it('a clarify turn keeps the last answered query for the next follow-up', () => {
    const [, clarify, r] = converse('上个季度的流失率', '本季度呢', '按地区看呢');
    expect(clarify.kind).toBe('clarify');
    expect(r.query).toEqual(q({ dimensions: ['region'], timeRange: Q3 }));
  });
});

describe('conversation state', () => {
  it('counts turns and keeps the language of the last question', () => {
    const r = interpretWithRules({
      question: 'churn rate by region',
      catalog: RETAIL_CATALOG,
      asOf: '2026-10-01',
    });
    const s = nextConversationState(undefined, r, r.defaultedRange);
    expect(s).toEqual({
      lastQuery: r.query,
      lastIntent: 'breakdown',
      language: 'en',
      turn: 1,
      defaultedRange: true,
    });
  });
});
