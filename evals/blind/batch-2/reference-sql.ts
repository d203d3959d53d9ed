/**
 * Hand-written reference SQL for blind batch 2 (README.md here): per case id, the query whose result
 * is the table the answer must show. Written from DOMAIN.md §3-4 and the model definitions over the
 * canonical tables (orders, customers, tickets, feedback, communications; telco's customers and
 * customer_attributes), never from the product's answers. Analytical attributes come from the derived
 * tables: value tier, age, tenure, coupon use, lifecycle stage, RFM segment, risk tier, the at-risk
 * flag, main sales channel (customer_snapshot) and a churn's reason (customer_spells.reason_category,
 * joined on the spell this file computes itself).
 *
 * Churn (retail, inactivity, window 90 days, as-of 2026-10-01): a spell is a run of completed-order
 * days with gaps of at most 90 days; it churns on its last order day + 90 when that date is not after
 * the as-of date. Active at d: a spell with spell_start <= d and churn date after d (none: still
 * active). Churned in [start, end): active at start and churn date before end. Lost revenue of a
 * churner: completed-order amount of the 365 days ending on the spell's last order day (the metric's
 * description says "流失前 12 个月", read as the 12 months of activity before going quiet).
 */
import type { Reference } from '../reference-runner.ts';
import {
  ACTION_RETURN,
  AUG,
  CHURNED,
  churnSql,
  every,
  feedbackSql,
  H1,
  LAST_8_QUARTERS,
  LAST_12_MONTHS,
  LOST,
  MONEY,
  NPS,
  newCustomersSql,
  one,
  ordersSql,
  PER_CUSTOMER,
  PERIOD,
  Q2,
  Q3,
  Q3_LY,
  RATE,
  r,
  reactivatedSql,
  repeatSql,
  revenuePerCustomerSql,
  SEP,
  T_CHURNED,
  T_RATE,
  telcoSql,
  WB_CONTACTED,
  WB_RETURNED,
  winbackSql,
  Y2025,
  YTD,
} from './building-blocks.ts';
import { LATER_REFERENCES } from './reference-sql-later.ts';

export * from './building-blocks.ts';

export const REFERENCES: Record<string, Reference> = {
  // ── CFO (zh) ─────────────────────────────────────────────────────────────────────────────
  'b2-cfo-01': r('retail', [], churnSql(one(Q3), `${LOST} AS lost_revenue`), { tolerance: MONEY }),
  'b2-cfo-02': r('retail', [], churnSql(one(YTD), `${LOST} AS lost_revenue`), { tolerance: MONEY }),
  'b2-cfo-03': r(
    'retail',
    ['region'],
    churnSql(one(Q3), `region, ${LOST} AS lost_revenue`, 'TRUE', 'region'),
    {
      tolerance: MONEY,
    },
  ),
  'b2-cfo-04': r(
    'retail',
    ['value_tier'],
    churnSql(one(Q3), `value_tier, ${LOST} AS lost_revenue`, 'TRUE', 'value_tier', 'ORDER BY 2 DESC'),
    { ordered: true, tolerance: MONEY },
  ),
  'b2-cfo-05': r(
    'retail',
    [],
    `SELECT (${ordersSql(Q3, 'sum(amount)')}) AS revenue, (${ordersSql(Q3_LY, 'sum(amount)')}) AS revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-cfo-06': r(
    'retail',
    [],
    `SELECT (${ordersSql(SEP, 'sum(amount)')}) AS revenue, (${ordersSql(AUG, 'sum(amount)')}) AS revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-cfo-07': r('retail', [], ordersSql(Y2025, 'sum(amount) AS revenue'), { tolerance: MONEY }),
  'b2-cfo-08': r('retail', [], ordersSql(H1, 'sum(amount) / count(*) AS avg_order_value'), {
    tolerance: MONEY,
  }),
  'b2-cfo-09': r(
    'retail',
    ['period'],
    `WITH ${every(LAST_8_QUARTERS, 'QUARTER')}
SELECT ${PERIOD} AS period, sum(o.amount) AS revenue
FROM periods p JOIN orders o ON o.status = 'completed' AND o.order_ts >= p.ps AND o.order_ts < p.pe GROUP BY p.ps`,
    { rows: true, tolerance: MONEY },
  ),
  'b2-cfo-10': r(
    'retail',
    [],
    churnSql(one(Q3), `${CHURNED} AS churned_customers, ${LOST} AS lost_revenue`, "value_tier = 'high'"),
    { tolerance: MONEY },
  ),
  'b2-cfo-11': r('retail', [], revenuePerCustomerSql(Q3, 'c.customer_type', true, true), {
    tolerance: MONEY,
  }),
  'b2-cfo-12': r('retail', ['customer_type'], revenuePerCustomerSql(Q3, 'c.customer_type', false), {
    rows: true,
    tolerance: MONEY,
  }),
  'b2-cfo-13': r(
    'retail',
    [],
    `SELECT (${churnSql(one(['2025-07-01', '2026-01-01']), LOST)}) AS lost_revenue,
            (${churnSql(one(['2025-01-01', '2025-07-01']), LOST)}) AS lost_revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-cfo-14': r(
    'retail',
    ['city'],
    churnSql(one(Q3), `city, ${LOST} AS lost_revenue`, 'TRUE', 'city', 'ORDER BY 2 DESC LIMIT 5'),
    { ordered: true, rows: true, tolerance: MONEY },
  ),
  'b2-cfo-15': r(
    'retail',
    ['period'],
    churnSql(
      every(LAST_12_MONTHS, 'MONTH'),
      `strftime(ps, '%Y-%m-%d') AS period, ${LOST} AS lost_revenue`,
      'TRUE',
      'ps',
    ),
    { rows: true, tolerance: MONEY },
  ),
  'b2-cfo-20': r(
    'retail',
    [],
    `SELECT (${churnSql(one(Q2), RATE)}) AS churn_rate, (${churnSql(one(['2026-01-01', '2026-04-01']), RATE)}) AS churn_rate__previous`,
  ),
  'b2-cfo-21': r('retail', [], reactivatedSql(one(YTD), false)),
  'b2-cfo-22': r('retail', [], ordersSql(['2026-07-03', '2026-10-01'], 'count(*) AS orders')),
  'b2-cfo-24': r('retail', [], ordersSql(Y2025, 'sum(amount) AS revenue', "customer_type = 'B2B'"), {
    tolerance: MONEY,
  }),
  'b2-cfo-25': r('telco', [], telcoSql('sum(a.total_revenue) AS total_revenue'), { tolerance: MONEY }),
  'b2-cfo-26': r(
    'telco',
    ['contract'],
    telcoSql('a.contract, avg(a.monthly_charges) AS avg_monthly_charges', 'TRUE', 'a.contract'),
    { rows: true },
  ),
  'b2-cfo-27': r(
    'telco',
    ['payment_method'],
    telcoSql('a.payment_method, avg(a.cltv) AS avg_cltv', 'TRUE', 'a.payment_method'),
    {
      rows: true,
    },
  ),
  'b2-cfo-28': r(
    'telco',
    ['internet_service'],
    telcoSql(`a.internet_service, ${T_RATE} AS churn_rate`, 'TRUE', 'a.internet_service', 'ORDER BY 2 DESC'),
    { ordered: true, rows: true },
  ),
  'b2-cfo-29': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`)),
  'b2-cfo-30': r(
    'telco',
    ['city'],
    telcoSql('c.city, sum(a.total_revenue) AS total_revenue', 'TRUE', 'c.city', 'ORDER BY 2 DESC LIMIT 3'),
    { ordered: true, rows: true, tolerance: MONEY },
  ),
  'b2-cfo-31': r(
    'telco',
    [],
    telcoSql('avg(a.monthly_charges) AS avg_monthly_charges', "a.contract = 'Two year'"),
  ),

  // ── customer-success lead (en) ───────────────────────────────────────────────────────────
  'b2-cs-01': r('retail', [], winbackSql(YTD, `${WB_RETURNED} * 1.0 / ${WB_CONTACTED} AS winback_rate`)),
  'b2-cs-02': r('retail', [], winbackSql(Q3, `${WB_CONTACTED} AS winback_contacted`)),
  'b2-cs-03': r('retail', [], winbackSql(Q3, `${WB_RETURNED} AS winback_returned`)),
  'b2-cs-04': r(
    'retail',
    ['region'],
    `SELECT * FROM (${winbackSql(Y2025, `region, ${WB_RETURNED} * 1.0 / nullif(${WB_CONTACTED}, 0) AS winback_rate`, 'region')}) WHERE winback_rate IS NOT NULL`,
  ),
  'b2-cs-05': r('retail', ['period'], reactivatedSql(every(YTD, 'MONTH'), true)),
  'b2-cs-10': r(
    'retail',
    ['churn_reason'],
    churnSql(one(Q3), `churn_reason, ${CHURNED} AS churned_customers`, 'churned', 'churn_reason'),
    { rows: true },
  ),
  'b2-cs-11': r(
    'retail',
    [],
    churnSql(one(Q3), `${CHURNED} AS churned_customers`, "churn_reason = 'silent'"),
  ),
  'b2-cs-12': r(
    'retail',
    ['risk_tier'],
    'SELECT risk_tier, count(DISTINCT customer_id) AS at_risk_customers FROM customer_snapshot WHERE at_risk GROUP BY risk_tier',
    { rows: true },
  ),
  'b2-cs-13': r(
    'retail',
    [],
    'SELECT count(DISTINCT customer_id) AS at_risk_customers FROM customer_snapshot WHERE at_risk',
  ),
  'b2-cs-15': r(
    'retail',
    ['message_group'],
    winbackSql(
      Q3,
      `CASE WHEN status = 'held_out' THEN 'control' ELSE 'treated' END AS message_group, ${ACTION_RETURN} AS action_return_rate`,
      '1',
    ),
    { rows: true },
  ),
  'b2-cs-16': r(
    'retail',
    ['retention_action'],
    winbackSql(Q3, `action_id AS retention_action, ${ACTION_RETURN} AS action_return_rate`, 'action_id'),
    { rows: true },
  ),
  'b2-cs-17': r('retail', [], churnSql(one(Q3), `${RATE} AS churn_rate`, "value_tier = 'high'")),
  'b2-cs-18': r('retail', [], churnSql(one(Q3_LY), `${RATE} AS churn_rate`, "value_tier = 'high'")),
  'b2-cs-22': r(
    'retail',
    ['period'],
    feedbackSql(every(LAST_12_MONTHS, 'MONTH'), 'avg(f.csat) AS csat', 'TRUE', true),
    { rows: true },
  ),
  'b2-cs-23': r(
    'retail',
    [],
    `SELECT (${feedbackSql(one(Q3), NPS)}) AS nps, (${feedbackSql(one(Q2), NPS)}) AS nps__previous`,
  ),
  'b2-cs-24': r(
    'retail',
    [],
    churnSql(one(Q2), `${CHURNED} AS churned_customers`, "main_sales_channel = 'app'"),
  ),
  'b2-cs-27': r(
    'telco',
    ['contract'],
    telcoSql(`a.contract, ${T_RATE} AS churn_rate`, 'TRUE', 'a.contract'),
    {
      rows: true,
    },
  ),
  'b2-cs-29': r(
    'telco',
    [],
    telcoSql(`${T_CHURNED} AS churned_customers`, "a.churn_category = 'Competitor'"),
  ),
  'b2-cs-30': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, "a.online_security = 'No'")),

  // ── marketing manager (zh) ───────────────────────────────────────────────────────────────
  'b2-mkt-01': r('retail', [], newCustomersSql(one(SEP))),
  'b2-mkt-02': r(
    'retail',
    ['acquisition_channel'],
    newCustomersSql(one(YTD), 'TRUE', 'c.acquisition_channel'),
    {
      rows: true,
    },
  ),
  'b2-mkt-03': r(
    'retail',
    [],
    churnSql(one(Q3), `${RATE} AS churn_rate`, "acquisition_channel = 'live_stream'"),
  ),
  'b2-mkt-04': r(
    'retail',
    ['acquisition_channel'],
    churnSql(
      one(Q3),
      `acquisition_channel, ${RATE} AS churn_rate`,
      "acquisition_channel IN ('social', 'referral')",
      'acquisition_channel',
    ),
    { rows: true },
  ),
  'b2-mkt-05': r(
    'retail',
    ['coupon_user'],
    churnSql(one(Q3), `coupon_user, ${RATE} AS churn_rate`, 'TRUE', 'coupon_user'),
    {
      rows: true,
    },
  ),
  'b2-mkt-06': r(
    'retail',
    [],
    'SELECT count(DISTINCT customer_id) AS customers FROM customer_snapshot WHERE coupon_user',
  ),
  'b2-mkt-08': r(
    'retail',
    ['period'],
    newCustomersSql(every(LAST_12_MONTHS, 'MONTH'), "c.acquisition_channel = 'paid_search'", '', true),
  ),
  'b2-mkt-10': r('retail', [], ordersSql(['2025-11-01', '2025-12-01'], 'sum(amount) AS revenue'), {
    tolerance: MONEY,
  }),
  'b2-mkt-11': r('retail', [], repeatSql(YTD, null, "o.category = '美妆'")),
  'b2-mkt-12': r(
    'retail',
    ['category'],
    ordersSql(Q3, 'category, sum(amount) AS revenue', 'TRUE', 'category', 'ORDER BY 2 DESC'),
    { ordered: true, rows: true, tolerance: MONEY },
  ),
  'b2-mkt-13': r(
    'retail',
    ['sales_channel'],
    ordersSql(
      Q3,
      'sales_channel, sum(amount) / count(*) AS avg_order_value',
      "sales_channel IN ('store', 'online')",
      'sales_channel',
    ),
    { rows: true, tolerance: MONEY },
  ),
  'b2-mkt-14': r('retail', [], churnSql(one(Q3), `${RATE} AS churn_rate`, 'age < 25')),
  'b2-mkt-15': r('retail', ['gender'], repeatSql(Q3, 'gender', "c.gender IN ('female', 'male')"), {
    rows: true,
  }),
  'b2-mkt-16': r(
    'retail',
    [],
    feedbackSql(one(Q3), "count(*) FILTER (WHERE f.sentiment = 'negative') AS negative_feedback"),
  ),
  'b2-mkt-17': r(
    'retail',
    [],
    `SELECT (${newCustomersSql(one(Q3), "c.acquisition_channel = 'live_stream'")}) AS new_customers,
            (${newCustomersSql(one(Q2), "c.acquisition_channel = 'live_stream'")}) AS new_customers__previous`,
  ),
  'b2-mkt-20': r(
    'retail',
    ['acquisition_channel'],
    churnSql(one(YTD), `acquisition_channel, ${RATE} AS churn_rate`, 'TRUE', 'acquisition_channel'),
    { rows: true },
  ),
  'b2-mkt-21': r(
    'retail',
    [],
    churnSql(one(Q3), `${RATE} AS churn_rate`, "acquisition_channel = 'social' AND value_tier = 'high'"),
  ),
  'b2-mkt-23': r(
    'retail',
    ['acquisition_channel'],
    churnSql(
      one(Q3),
      `acquisition_channel, ${RATE} AS churn_rate`,
      'TRUE',
      'acquisition_channel',
      'ORDER BY 2 DESC',
    ),
    { ordered: true, rows: true },
  ),
  'b2-mkt-26': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, "a.payment_method = 'Electronic check'")),
  'b2-mkt-27': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, 'a.paperless_billing')),
  'b2-mkt-28': r(
    'telco',
    ['senior_citizen'],
    telcoSql('a.senior_citizen, count(DISTINCT c.customer_id) AS customers', 'TRUE', 'a.senior_citizen'),
    { rows: true },
  ),
  'b2-mkt-29': r(
    'telco',
    ['gender'],
    telcoSql(`lower(c.gender) AS gender, ${T_RATE} AS churn_rate`, 'TRUE', 'lower(c.gender)'),
    { rows: true },
  ),
  'b2-mkt-30': r(
    'telco',
    [],
    telcoSql('count(DISTINCT c.customer_id) AS customers', "a.contract = 'Month-to-month'"),
  ),
  'b2-mkt-31': r('retail', [], `${PER_CUSTOMER} SELECT count(*) AS customers FROM pc WHERE orders_12m > 10`),

  ...LATER_REFERENCES,
};
