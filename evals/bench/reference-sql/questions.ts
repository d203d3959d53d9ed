import { readFileSync } from 'node:fs';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';

/**
 * Ten typical questions of the ratio benchmark (semantic-ratio-bench.ts): each as the `SemanticQuery`
 * an interpreter produces and as hand-written reference SQL (DuckDB, `<id>.sql` beside this file) that
 * returns the same table. The reference SQL reads the same physical tables as the compiled query, the
 * canonical ones and the governed derived ones (customer_spells, customer_snapshot), written the way an
 * analyst would: so the ratio measures what the compiler's generic SQL costs, not what materialisation
 * saves. Dates are fixed: the demo's as-of date is 2026-10-01 at every size ("last quarter" = Q3 2026).
 */
export interface BenchQuestion {
  id: string;
  question: { zh: string; en: string };
  query: SemanticQueryInput;
  /** The as-of date the query is compiled against. */
  asOf: string;
}

export const BENCH_AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };

const questions: Omit<BenchQuestion, 'asOf'>[] = [
  {
    id: 'q01-churn-rate-last-quarter',
    question: { zh: '上个季度流失率是多少?', en: 'What was the churn rate last quarter?' },
    query: { model: 'retail', metrics: ['churn_rate'], timeRange: Q3 },
  },
  {
    id: 'q02-churn-rate-by-region',
    question: { zh: '上个季度各地区流失率', en: 'Churn rate by region last quarter' },
    query: { model: 'retail', metrics: ['churn_rate'], dimensions: ['region'], timeRange: Q3 },
  },
  {
    id: 'q03-churn-trend-by-quarter',
    question: { zh: '近四个季度流失率趋势', en: 'Churn rate trend over the last four quarters' },
    query: {
      model: 'retail',
      metrics: ['churn_rate'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: '2025-10-01', end: '2026-10-01' },
    },
  },
  {
    id: 'q04-high-value-churners-top-regions',
    question: {
      zh: '上个季度哪些地区流失的高价值客户最多?',
      en: 'Which regions lost the most high-value customers last quarter?',
    },
    query: {
      model: 'retail',
      metrics: ['churned_customers'],
      dimensions: ['region'],
      timeRange: Q3,
      filters: [{ member: 'value_tier', op: 'in', values: ['high'] }],
      order: [{ member: 'churned_customers', dir: 'desc' }],
      limit: 5,
    },
  },
  {
    id: 'q05-churn-reasons',
    question: { zh: '上个季度流失客户的原因分布', en: 'Churned customers by reason last quarter' },
    query: { model: 'retail', metrics: ['churned_customers'], dimensions: ['churn_reason'], timeRange: Q3 },
  },
  {
    id: 'q06-revenue-orders-tickets-by-region',
    question: {
      zh: '上个季度各地区的收入、订单数和工单数',
      en: 'Revenue, orders and tickets by region last quarter',
    },
    query: {
      model: 'retail',
      metrics: ['revenue', 'orders', 'tickets'],
      dimensions: ['region'],
      timeRange: Q3,
    },
  },
  {
    id: 'q07-aov-by-channel-yoy',
    question: { zh: '各渠道客单价与去年同期对比', en: 'AOV by sales channel vs the same quarter last year' },
    query: {
      model: 'retail',
      metrics: ['avg_order_value'],
      dimensions: ['sales_channel'],
      timeRange: Q3,
      compare: 'same_period_last_year',
    },
  },
  {
    id: 'q08-repeat-rate-by-month',
    question: { zh: '近六个月每月复购率', en: 'Repeat purchase rate by month, last six months' },
    query: {
      model: 'retail',
      metrics: ['repeat_purchase_rate'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-04-01', end: '2026-10-01' },
    },
  },
  {
    id: 'q09-nps-by-region',
    question: { zh: '上个季度各地区NPS', en: 'NPS by region last quarter' },
    query: { model: 'retail', metrics: ['nps'], dimensions: ['region'], timeRange: Q3 },
  },
  {
    id: 'q10-cohort-retention',
    question: { zh: '今年上半年新客的同期群留存', en: 'Cohort retention of the first-half 2026 cohorts' },
    query: {
      model: 'retail',
      metrics: ['cohort_retention'],
      timeRange: { start: '2026-01-01', end: '2026-07-01' },
    },
  },
];

export const BENCH_QUESTIONS: BenchQuestion[] = questions.map((q) => ({ ...q, asOf: BENCH_AS_OF }));

/** The hand-written reference SQL of a question. */
export function referenceSql(id: string): string {
  return readFileSync(new URL(`./${id}.sql`, import.meta.url), 'utf8');
}
