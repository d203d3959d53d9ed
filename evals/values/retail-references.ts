import { inList, is, type ReferenceSpec, retail } from './reference-spec.ts';

/** The retail demo's eval questions with expected values and their references (see reference-questions.ts). */

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const Q2 = { start: '2026-04-01', end: '2026-07-01' };
const SEP = { start: '2026-09-01', end: '2026-10-01' };
const JUL = { start: '2026-07-01', end: '2026-08-01' };
const YTD = { start: '2026-01-01', end: '2026-10-01' };
const Y2025 = { start: '2025-01-01', end: '2026-01-01' };
const LAST_12M = { start: '2025-10-01', end: '2026-10-01' };
const LAST_90D = { start: '2026-07-03', end: '2026-10-01' };

const churn = retail('churn');
const orders = retail('orders');
const tickets = retail('tickets');
const feedback = retail('feedback');
const REGION = { region: 'a.region' };
const HIGH = is('a.value_tier', 'high');

export const RETAIL_REFERENCES: Record<string, ReferenceSpec> = {
  // ── retail: one number ───────────────────────────────────────────────────────────────────────
  'retail-zh-metric-001': churn('churn_rate', Q3),
  'retail-en-metric-001': churn('churn_rate', Q3),
  'retail-zh-metric-003': churn('churned_customers', SEP),
  'retail-en-metric-003': churn('churned_customers', SEP),
  'retail-zh-metric-004': churn('churned_customers', YTD),
  'retail-en-metric-004': churn('churned_customers', YTD),
  'retail-zh-metric-005': churn('retention_rate', Q3),
  'retail-en-metric-005': churn('retention_rate', Q3),
  'retail-zh-metric-006': orders('revenue', Y2025),
  'retail-en-metric-006': orders('revenue', Y2025),
  'retail-zh-metric-007': orders('orders', SEP),
  'retail-en-metric-007': orders('orders', JUL),
  'retail-zh-metric-008': orders('avg_order_value', Q3),
  'retail-en-metric-008': orders('avg_order_value', Q3),
  'retail-zh-metric-009': orders('repeat_purchase_rate', YTD),
  'retail-en-metric-009': orders('repeat_purchase_rate', YTD),
  'retail-zh-metric-010': retail('new')('new_customers', Q3),
  'retail-en-metric-010': retail('new')('new_customers', Q3),
  'retail-zh-metric-011': churn('active_customers', Q3),
  'retail-en-metric-011': churn('active_customers', Q3),
  'retail-zh-metric-012': retail('reactivated')('reactivated_customers', Q3),
  'retail-en-metric-012': retail('reactivated')('reactivated_customers', Q3),
  'retail-zh-metric-013': churn('lost_revenue', Q3),
  'retail-en-metric-013': churn('lost_revenue', Q2),
  'retail-zh-metric-015': feedback('nps', SEP),
  'retail-en-metric-015': feedback('nps', SEP),
  'retail-zh-metric-016': feedback('csat', Q3),
  'retail-en-metric-016': feedback('csat', YTD),
  'retail-zh-metric-017': tickets('tickets', SEP),
  'retail-en-metric-017': tickets('tickets', SEP),
  'retail-zh-metric-018': churn('complaint_rate', Q3),
  'retail-en-metric-018': churn('complaint_rate', Q3),
  'retail-zh-metric-019': tickets('avg_resolution_hours', SEP),
  'retail-en-metric-019': tickets('avg_resolution_hours', Q3),
  'retail-zh-metric-020': tickets('first_contact_resolution_rate', Q3),
  'retail-en-metric-020': tickets('first_contact_resolution_rate', Q3),
  'retail-zh-metric-022': retail('winback')('winback_rate', Q3),
  'retail-en-metric-022': retail('winback')('winback_rate', Q3),
  'retail-zh-metric-025': retail('customers')('customers', Q3),
  'retail-en-metric-028': retail('customers')('customers', Q3),
  'retail-zh-metric-026': orders('purchase_frequency', Q3),
  'retail-en-metric-026': orders('purchase_frequency', Q3),
  'retail-mixed-metric-001': churn('churned_customers', Q3),
  'retail-mixed-metric-002': orders('revenue', YTD),
  'retail-mixed-metric-005': churn('lost_revenue', Q3),
  'retail-mixed-metric-006': retail('new')('new_customers', { start: '2026-01-01', end: '2026-07-01' }),

  // ── retail: breakdowns and rankings ──────────────────────────────────────────────────────────
  'retail-zh-breakdown-001': churn('churn_rate', Q3, { keys: REGION }),
  'retail-en-breakdown-001': churn('churn_rate', Q3, { keys: REGION }),
  'retail-zh-breakdown-002': churn('churned_customers', Q3, {
    keys: { acquisition_channel: 'a.acquisition_channel' },
  }),
  'retail-en-breakdown-002': churn('churned_customers', Q3, {
    keys: { acquisition_channel: 'a.acquisition_channel' },
  }),
  'retail-zh-breakdown-003': orders('revenue', SEP, { keys: { category: 'o.category' } }),
  'retail-en-breakdown-003': orders('revenue', SEP, { keys: { category: 'o.category' } }),
  'retail-zh-breakdown-004': churn('churn_rate', Q3, { keys: { value_tier: 'a.value_tier' } }),
  'retail-en-breakdown-004': churn('churn_rate', Q3, { keys: { value_tier: 'a.value_tier' } }),
  'retail-zh-breakdown-005': orders('avg_order_value', Q3, { keys: { age_band: 'a.age_band' } }),
  'retail-zh-breakdown-007': churn('churn_rate', Q3, { keys: { gender: 'a.gender' } }),
  'retail-en-breakdown-007': churn('churn_rate', Q3, { keys: { gender: 'a.gender' } }),
  'retail-en-breakdown-010': orders('revenue', Q2, { keys: { customer_type: 'a.customer_type' } }),
  'retail-zh-breakdown-011': orders('revenue', Q3, { keys: { customer_type: 'a.customer_type' } }),
  'retail-zh-breakdown-012': tickets('tickets', Q3, { keys: { ticket_category: 't.category' } }),
  'retail-en-breakdown-011': tickets('tickets', Q3, { keys: { ticket_category: 't.category' } }),
  'retail-zh-breakdown-013': churn('churn_rate', Q3, { keys: { tenure_band: 'a.tenure_band' } }),
  'retail-en-breakdown-012': churn('churn_rate', Q3, { keys: { tenure_band: 'a.tenure_band' } }),
  'retail-zh-breakdown-014': orders('avg_order_value', SEP, { keys: { sales_channel: 'o.sales_channel' } }),
  'retail-en-breakdown-013': orders('avg_order_value', SEP, { keys: { sales_channel: 'o.sales_channel' } }),
  'retail-zh-breakdown-015': orders('revenue', Q3, { keys: { region: 'a.region', category: 'o.category' } }),
  'retail-zh-breakdown-016': churn('churn_rate', Q3, {
    keys: REGION,
    rank: { metric: 'churn_rate', dir: 'desc' },
  }),
  'retail-en-breakdown-014': churn('churn_rate', Q3, {
    keys: REGION,
    rank: { metric: 'churn_rate', dir: 'desc' },
  }),
  'retail-zh-breakdown-017': orders('repeat_purchase_rate', Q3, {
    keys: { category: 'o.category' },
    rank: { metric: 'repeat_purchase_rate', dir: 'asc' },
  }),
  // Churned customers by reason: only those who churned have one.
  'retail-zh-breakdown-018': churn('churned_customers', Q3, {
    keys: { churn_reason: 'x.reason' },
    where: 'x.did_churn',
  }),
  'retail-mixed-breakdown-001': orders('revenue', Q3, { keys: REGION }),
  'retail-mixed-breakdown-003': tickets('tickets', Q3, { keys: { ticket_category: 't.category' } }),
  'retail-mixed-breakdown-004': churn('churn_rate', Q3, { keys: { age_band: 'a.age_band' } }),
  'retail-zh-list-003': churn('churn_rate', Q3, {
    keys: { city: 'a.city' },
    rank: { metric: 'churn_rate', dir: 'desc', limit: 5 },
  }),
  'retail-en-list-003': churn('churn_rate', Q3, {
    keys: { city: 'a.city' },
    rank: { metric: 'churn_rate', dir: 'desc', limit: 5 },
  }),
  'retail-zh-list-005': churn('churned_customers', Q3, {
    keys: REGION,
    rank: { metric: 'churned_customers', dir: 'desc', limit: 3 },
  }),
  'retail-en-list-005': churn('churned_customers', Q3, {
    keys: REGION,
    rank: { metric: 'churned_customers', dir: 'desc', limit: 3 },
  }),
  'retail-zh-list-006': orders('avg_order_value', YTD, {
    keys: { city: 'a.city' },
    rank: { metric: 'avg_order_value', dir: 'asc', limit: 5 },
  }),
  'retail-en-list-006': orders('avg_order_value', YTD, {
    keys: { city: 'a.city' },
    rank: { metric: 'avg_order_value', dir: 'asc', limit: 5 },
  }),
  'retail-zh-list-009': churn('complaint_rate', Q3, {
    keys: { acquisition_channel: 'a.acquisition_channel' },
    rank: { metric: 'complaint_rate', dir: 'desc', limit: 3 },
  }),

  // ── retail: filters ──────────────────────────────────────────────────────────────────────────
  'retail-zh-filter-001': churn('churn_rate', Q3, { where: is('a.region', '华南') }),
  'retail-en-filter-001': churn('churn_rate', Q3, { where: is('a.region', '华南') }),
  'retail-mixed-filter-001': churn('churn_rate', Q3, { where: is('a.region', '华南') }),
  'retail-zh-filter-002': churn('churned_customers', Q3, { where: HIGH }),
  'retail-en-filter-002': churn('churned_customers', Q3, { where: HIGH }),
  'retail-zh-filter-003': orders('revenue', SEP, { where: is('o.category', '母婴') }),
  'retail-en-filter-003': orders('revenue', SEP, { where: is('o.category', '母婴') }),
  'retail-zh-filter-004': churn('churn_rate', YTD, { where: is('a.city', '深圳') }),
  'retail-en-filter-004': churn('churn_rate', YTD, { where: is('a.city', '深圳') }),
  'retail-en-filter-005': churn('retention_rate', Q3, { where: is('a.acquisition_channel', 'live_stream') }),
  'retail-zh-filter-006': churn('retention_rate', Q3, { where: is('a.acquisition_channel', 'referral') }),
  'retail-zh-filter-007': orders('revenue', Q3, { where: is('a.customer_type', 'B2B') }),
  'retail-en-filter-007': orders('revenue', Q3, { where: is('a.customer_type', 'B2B') }),
  'retail-zh-filter-008': orders('avg_order_value', Q3, { where: is('a.gender', 'female') }),
  'retail-zh-filter-009': churn('churn_rate', Q3, { where: is('a.age_band', '<25') }),
  'retail-zh-filter-010': churn('churned_customers', Q3, { where: `${is('a.region', '华东')} AND ${HIGH}` }),
  'retail-en-filter-010': churn('churned_customers', Q3, { where: `${is('a.region', '华东')} AND ${HIGH}` }),
  'retail-zh-filter-011': orders('orders', SEP, { where: is('o.sales_channel', 'app') }),
  'retail-en-filter-011': orders('orders', SEP, { where: is('o.sales_channel', 'app') }),
  'retail-zh-filter-012': churn('churned_customers', Q3, { churnedWhere: is('ch.reason', 'logistics') }),
  'retail-en-filter-012': churn('churned_customers', Q3, { churnedWhere: is('ch.reason', 'price') }),
  'retail-zh-filter-013': orders('repeat_purchase_rate', Q3, {
    where: `${is('o.category', '美妆')} AND ${HIGH}`,
  }),
  'retail-zh-filter-014': orders('revenue', Q3, { where: inList('o.category', ['数码', '家电']) }),
  'retail-en-filter-014': orders('revenue', Q3, { where: inList('o.category', ['数码', '家电']) }),
  'retail-zh-filter-015': orders('avg_order_value', Q3, { where: is('a.rfm_segment', 'champions') }),
  'retail-zh-filter-016': retail('customers')('customers', Q3, { where: is('a.risk_tier', 'high') }),
  'retail-zh-filter-017': orders('revenue', Q3, { where: is('a.lifecycle_stage', 'won_back') }),
  'retail-zh-filter-018': churn('churn_rate', Q3, { where: is('a.tenure_band', '24m+') }),
  'retail-zh-filter-019': churn('churned_customers', Q3, { churnedWhere: is('ch.reason', 'silent') }),
  'retail-mixed-filter-003': orders('avg_order_value', Q3, { where: is('o.category', '母婴') }),
  'retail-mixed-filter-005': churn('churned_customers', Q3, { where: is('a.customer_type', 'B2B') }),
  'retail-mixed-filter-006': orders('orders', SEP, { where: is('a.city', '深圳') }),
  'retail-mixed-filter-007': churn('churn_rate', Q3, {
    where: `${is('a.main_category', '服饰')} AND ${HIGH}`,
  }),

  // ── retail: comparisons ──────────────────────────────────────────────────────────────────────
  'retail-zh-comparison-001': churn('churn_rate', Q3, {
    keys: REGION,
    where: inList('a.region', ['华东', '华南']),
  }),
  'retail-en-comparison-001': churn('churn_rate', Q3, {
    keys: REGION,
    where: inList('a.region', ['华东', '华南']),
  }),
  'retail-zh-comparison-002': orders('avg_order_value', Q3, {
    keys: { sales_channel: 'o.sales_channel' },
    where: inList('o.sales_channel', ['online', 'store']),
  }),
  'retail-zh-comparison-003': orders('revenue', Q3, {
    keys: { category: 'o.category' },
    where: inList('o.category', ['母婴', '服饰']),
  }),
  'retail-en-comparison-003': orders('revenue', SEP, {
    keys: { category: 'o.category' },
    where: inList('o.category', ['服饰', '美妆']),
  }),
  'retail-zh-comparison-004': churn('churn_rate', Q3, { compare: 'previous_period' }),
  'retail-en-comparison-004': churn('churn_rate', Q3, { compare: 'previous_period' }),
  'retail-zh-comparison-005': orders('revenue', YTD, { compare: 'same_period_last_year' }),
  'retail-en-comparison-005': orders('revenue', YTD, { compare: 'same_period_last_year' }),
  'retail-zh-comparison-006': orders('orders', SEP, { compare: 'same_period_last_year' }),
  'retail-en-comparison-006': orders('orders', SEP, { compare: 'same_period_last_year' }),
  'retail-zh-comparison-007': churn('churn_rate', Q3, {
    keys: { value_tier: 'a.value_tier' },
    where: inList('a.value_tier', ['high', 'low']),
  }),
  'retail-zh-comparison-008': orders('repeat_purchase_rate', Q3, {
    keys: { gender: 'a.gender' },
    where: inList('a.gender', ['male', 'female']),
  }),
  'retail-en-comparison-008': churn('churn_rate', SEP, { compare: 'previous_period' }),
  'retail-zh-comparison-009': churn('churn_rate', Q3, { keys: REGION, compare: 'previous_period' }),
  'retail-zh-comparison-010': churn('retention_rate', Q3, {
    keys: { customer_type: 'a.customer_type' },
    where: inList('a.customer_type', ['B2B', 'B2C']),
  }),
  'retail-en-comparison-010': retail('new')('new_customers', Q3, { compare: 'previous_period' }),
  'retail-mixed-comparison-001': churn('churn_rate', Q3, { compare: 'same_period_last_year' }),
  'retail-mixed-comparison-002': orders('revenue', Q3, { compare: 'previous_period' }),

  // ── retail: trends ───────────────────────────────────────────────────────────────────────────
  'retail-zh-trend-001': churn('churn_rate', LAST_12M, { grain: 'month' }),
  'retail-en-trend-001': churn('churn_rate', LAST_12M, { grain: 'month' }),
  'retail-zh-trend-003': orders('revenue', YTD, { grain: 'month' }),
  'retail-en-trend-003': orders('revenue', YTD, { grain: 'month' }),
  'retail-zh-trend-004': churn(
    'churn_rate',
    { start: '2024-10-01', end: '2026-10-01' },
    { grain: 'quarter' },
  ),
  'retail-en-trend-004': churn(
    'churn_rate',
    { start: '2024-10-01', end: '2026-10-01' },
    { grain: 'quarter' },
  ),
  'retail-zh-trend-005': retail('new')('new_customers', LAST_12M, { grain: 'month' }),
  'retail-zh-trend-007': orders('revenue', { start: '2024-01-01', end: '2026-10-01' }, { grain: 'year' }),
  'retail-en-trend-007': orders('revenue', { start: '2024-01-01', end: '2026-10-01' }, { grain: 'year' }),
  'retail-zh-trend-008': churn(
    'churn_rate',
    { start: '2026-04-01', end: '2026-10-01' },
    {
      grain: 'month',
      where: is('a.region', '华南'),
    },
  ),
  'retail-zh-trend-009': churn('retention_rate', LAST_12M, { grain: 'month', where: HIGH }),
  'retail-zh-trend-010': feedback('nps', LAST_12M, { grain: 'month' }),
  'retail-en-trend-009': feedback('csat', LAST_12M, { grain: 'month' }),
  'retail-en-trend-010': orders('avg_order_value', Y2025, { grain: 'month' }),
  'retail-mixed-trend-001': churn('churn_rate', LAST_12M, { grain: 'month' }),

  // ── retail: time expressions ─────────────────────────────────────────────────────────────────
  'retail-zh-time-expression-004': churn('churned_customers', Q3),
  'retail-zh-time-expression-006': churn('churned_customers', LAST_90D),
  'retail-zh-time-expression-007': tickets('tickets', LAST_90D),
  'retail-en-time-expression-005': tickets('tickets', LAST_90D),
  'retail-en-time-expression-006': churn('churn_rate', LAST_90D),
  'retail-zh-time-expression-009': churn('churn_rate', Y2025),
  'retail-en-time-expression-009': churn('churn_rate', Y2025),
  'retail-zh-time-expression-010': retail('new')('new_customers', { start: '2026-01-01', end: '2026-07-01' }),
  'retail-zh-time-expression-011': churn('churn_rate', { start: '2025-07-01', end: '2026-01-01' }),
  'retail-en-time-expression-012': churn('churn_rate', { start: '2025-07-01', end: '2026-01-01' }),
  'retail-zh-time-expression-016': churn('churned_customers', JUL),
  'retail-en-time-expression-015': churn('churned_customers', JUL),
  'retail-zh-time-expression-018': feedback('nps', Q2),
  'retail-zh-time-expression-020': orders('revenue', { start: '2025-11-01', end: '2025-12-01' }),
  'retail-zh-time-expression-021': churn('churn_rate', { start: '2025-01-01', end: '2025-07-01' }),
  'retail-zh-time-expression-022': orders('avg_order_value', { start: '2025-10-01', end: '2026-01-01' }),
  'retail-zh-time-expression-023': orders('revenue', { start: '2024-01-01', end: '2025-01-01' }),
  'retail-en-time-expression-017': churn('churn_rate', { start: '2025-10-01', end: '2026-01-01' }),
  'retail-en-time-expression-019': orders('revenue', { start: '2026-01-01', end: '2026-04-01' }),
  'retail-en-time-expression-020': churn('churn_rate', { start: '2025-04-01', end: '2025-07-01' }),
  'retail-en-time-expression-026': orders('revenue', { start: '2026-08-01', end: '2026-08-15' }),
  'retail-zh-time-expression-034': orders('revenue', { start: '2025-09-01', end: '2025-10-01' }),
  'retail-zh-time-expression-035': orders('revenue', { start: '2025-01-01', end: '2025-07-01' }),
  'retail-en-time-expression-029': orders('orders', { start: '2026-01-01', end: '2026-03-15' }),

  // ── retail: follow-ups (the last turn) ───────────────────────────────────────────────────────
  'retail-zh-follow-up-001': churn('churn_rate', Q3, { keys: REGION }),
  'retail-zh-follow-up-002': churn('churn_rate', Q3, { where: HIGH }),
  'retail-zh-follow-up-003': churn('churn_rate', { start: '2025-07-01', end: '2025-10-01' }),
  'retail-zh-follow-up-004': churn('churn_rate', Q3, { keys: REGION, where: HIGH }),
  'retail-zh-follow-up-005': orders('revenue', Q3, { grain: 'month' }),
  'retail-zh-follow-up-010': orders('orders', SEP, { keys: { sales_channel: 'o.sales_channel' } }),
  'retail-zh-follow-up-011': churn('retention_rate', Q3),
  'retail-zh-follow-up-012': churn('churn_rate', SEP),
  'retail-zh-follow-up-013': churn('churn_rate', Q3, {
    keys: REGION,
    rank: { metric: 'churn_rate', dir: 'desc' },
  }),
  'retail-zh-follow-up-014': churn('churn_rate', Q3, {
    keys: REGION,
    rank: { metric: 'churn_rate', dir: 'desc', limit: 3 },
  }),
  'retail-zh-follow-up-015': churn('churn_rate', Q3, { where: `${HIGH} AND ${is('a.region', '华东')}` }),
  'retail-zh-follow-up-016': churn('churn_rate', Q3, { where: is('a.region', '华东') }),
  'retail-zh-follow-up-019': orders('avg_order_value', { start: '2025-09-01', end: '2025-10-01' }),
  'retail-en-follow-up-002': churn('churn_rate', Q3, {
    keys: { acquisition_channel: 'a.acquisition_channel' },
  }),
  'retail-en-follow-up-003': churn('churn_rate', Q3, { where: HIGH }),
  'retail-en-follow-up-004': churn('churned_customers', { start: '2025-07-01', end: '2025-10-01' }),
  'retail-en-follow-up-005': orders('revenue', Q3, { grain: 'month' }),
  'retail-en-follow-up-009': churn('churn_rate', Q3, {
    keys: REGION,
    rank: { metric: 'churn_rate', dir: 'desc' },
  }),
  'retail-en-follow-up-010': orders('revenue', Q3, { keys: { category: 'o.category' } }),
  'retail-en-follow-up-011': churn('retention_rate', Q3),
  'retail-en-follow-up-012': churn('churn_rate', SEP),
  'retail-en-follow-up-013': churn('churn_rate', Q3, { where: `${HIGH} AND ${is('a.region', '华东')}` }),
  'retail-en-follow-up-014': churn('churn_rate', Q3, {
    keys: REGION,
    where: HIGH,
    rank: { metric: 'churn_rate', dir: 'desc', limit: 3 },
  }),
  'retail-mixed-follow-up-001': churn('churn_rate', Q3, { keys: REGION }),
};
