import type { SemanticQueryInput, TimeGrain } from '../src/query.ts';

/**
 * Typical questions as `SemanticQuery`s on the retail model: the golden SQL cases (golden/<name>.<dialect>.sql)
 * and the compile-time benchmark (evals/bench/semantic-compile-bench.ts). Each exercises a different
 * path of the compiler; the comment says which.
 */
export interface GoldenQuery {
  name: string;
  query: SemanticQueryInput;
  /** The asking user's attributes (row-level security). */
  attributes?: Record<string, string[]>;
  /** Grains at which the shipped rollups (rollups.yaml) are materialised; none when absent. */
  rollupGrains?: TimeGrain[];
}

/** The as-of date the golden SQL is compiled against (cohort retention reads it). */
export const GOLDEN_AS_OF = '2026-10-01';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };

export const GOLDEN_QUERIES: GoldenQuery[] = [
  // A state ratio (active at start, churned during) by a dimension on another source.
  {
    name: 'churn-rate-by-region',
    query: { model: 'retail', metrics: ['churn_rate'], dimensions: ['region'], timeRange: Q3 },
  },
  // A trend of a state metric by quarter with the previous period beside each row.
  {
    name: 'churn-trend-by-quarter-vs-previous',
    query: {
      model: 'retail',
      metrics: ['churn_rate', 'churned_customers'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: '2025-10-01', end: '2026-10-01' },
      compare: 'previous_period',
    },
  },
  // Three fact tables' measures in one query: each aggregates alone, then they meet at the region grain.
  {
    name: 'revenue-orders-tickets-by-region',
    query: {
      model: 'retail',
      metrics: ['revenue', 'orders', 'tickets'],
      dimensions: ['region'],
      timeRange: Q3,
    },
  },
  // A ratio of event measures with a comparison to the same period last year.
  {
    name: 'aov-by-sales-channel-yoy',
    query: {
      model: 'retail',
      metrics: ['avg_order_value'],
      dimensions: ['sales_channel'],
      timeRange: Q3,
      compare: 'same_period_last_year',
    },
  },
  // An entity-threshold measure (≥ 2 orders) by month.
  {
    name: 'repeat-purchase-rate-by-month',
    query: {
      model: 'retail',
      metrics: ['repeat_purchase_rate'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-04-01', end: '2026-10-01' },
    },
  },
  // A derived metric with a division (NULLIF) over filtered counts.
  {
    name: 'nps-by-region',
    query: { model: 'retail', metrics: ['nps'], dimensions: ['region'], timeRange: Q3 },
  },
  // Cohort retention, compiled on its own path.
  {
    name: 'cohort-retention-2026-h1',
    query: {
      model: 'retail',
      metrics: ['cohort_retention'],
      timeRange: { start: '2026-01-01', end: '2026-07-01' },
    },
  },
  // A ranking with a filter on a snapshot dimension, order and limit.
  {
    name: 'high-value-churners-top-regions',
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
  // A numeric band dimension (CASE from the model) with a derived metric over a ratio.
  {
    name: 'clv-by-tenure-band',
    query: {
      model: 'retail',
      metrics: ['clv', 'retention_rate'],
      dimensions: ['tenure_band'],
      timeRange: Q3,
    },
  },
  // A static snapshot metric by a snapshot dimension, no time.
  {
    name: 'at-risk-by-risk-tier',
    query: { model: 'retail', metrics: ['at_risk_customers'], dimensions: ['risk_tier'] },
  },
  // A running total by month.
  {
    name: 'cumulative-revenue-by-month',
    query: {
      model: 'retail',
      metrics: ['revenue', 'cumulative_revenue'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
    },
  },
  // Churners by reason for a regional manager (row-level security) with an adversarial filter value:
  // the value must travel as a parameter only.
  {
    name: 'churn-reasons-regional-manager-adversarial',
    query: {
      model: 'retail',
      metrics: ['churned_customers'],
      dimensions: ['churn_reason'],
      timeRange: Q3,
      filters: [{ member: 'city', op: 'in', values: ["广州' OR 1=1 --", '深圳'] }],
    },
    attributes: { region: ['华南'] },
  },
  // A tag (tags.yaml) as a filter: 高频低客单价客户的流失率 — the tag compiles to a boolean dimension on the
  // customer snapshot whose expression is built from the orders and spend members' own SQL.
  {
    name: 'churn-rate-frequent-small-basket-by-region',
    query: {
      model: 'retail',
      metrics: ['churn_rate'],
      dimensions: ['region'],
      timeRange: Q3,
      filters: [{ member: 'frequent_small_basket', op: 'eq', values: [true] }],
    },
  },
  // Rollups (rollups.yaml): churn by region for a regional manager, read from the quarter rollup with
  // row-level security on its region column.
  {
    name: 'rollup-churn-rate-by-value-tier-regional-manager',
    query: { model: 'retail', metrics: ['churn_rate'], dimensions: ['value_tier'], timeRange: Q3 },
    attributes: { region: ['华东'] },
    rollupGrains: ['month', 'quarter', 'year'],
  },
  // Sales by quarter summed from the month rollup (only months built), compared with the previous quarter.
  {
    name: 'rollup-revenue-by-quarter-from-months',
    query: {
      model: 'retail',
      metrics: ['revenue', 'avg_order_value'],
      dimensions: ['sales_channel'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
      compare: 'previous_period',
    },
    rollupGrains: ['month'],
  },
  // Not covered (churn over half a year is counted at its start): the base tables, rollups built or not.
  {
    name: 'rollup-not-covering-half-year-churn',
    query: {
      model: 'retail',
      metrics: ['churn_rate'],
      timeRange: { start: '2026-01-01', end: '2026-07-01' },
    },
    rollupGrains: ['month', 'quarter', 'year'],
  },
];
