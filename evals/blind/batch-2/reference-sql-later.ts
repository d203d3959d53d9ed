/** Blind batch 2's reference SQL, second half: the HK/TW operations manager, the terse PM and the new employee. */
import type { Reference } from '../reference-runner.ts';
import {
  ACTIVE,
  AUG,
  CHURNED,
  churnSql,
  complaintSql,
  every,
  FCR,
  feedbackSql,
  H1,
  HOURS,
  LAST_8_QUARTERS,
  LAST_12_MONTHS,
  MONEY,
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
  repeatSql,
  revenuePerCustomerSql,
  SEP,
  SEP_LY,
  T_CHURNED,
  T_RATE,
  telcoSql,
  ticketsSql,
  YTD,
} from './building-blocks.ts';

export const LATER_REFERENCES: Record<string, Reference> = {
  // ── HK/TW operations manager (traditional Chinese) ───────────────────────────────────────
  'b2-hk-01': r('retail', [], ticketsSql(SEP, 'count(*) AS tickets')),
  'b2-hk-02': r('retail', [], ticketsSql(Q3, `${HOURS} AS avg_resolution_hours`)),
  'b2-hk-03': r('retail', ['region'], complaintSql(Q3, 'region'), { rows: true }),
  'b2-hk-04': r('retail', [], ticketsSql(Q3, `${FCR} AS first_contact_resolution_rate`)),
  'b2-hk-05': r(
    'retail',
    ['period'],
    `WITH ${every(LAST_12_MONTHS, 'MONTH')}
SELECT ${PERIOD} AS period, count(*) AS tickets
FROM periods p JOIN tickets t ON t.created_ts >= p.ps AND t.created_ts < p.pe AND t.category = 'logistics' GROUP BY p.ps`,
    { rows: true },
  ),
  'b2-hk-06': r(
    'retail',
    ['region'],
    churnSql(one(Q3), `region, ${RATE} AS churn_rate`, 'TRUE', 'region', 'ORDER BY 2 DESC'),
    { rows: true },
  ),
  'b2-hk-07': r(
    'retail',
    ['region'],
    churnSql(one(Q3), `region, ${RATE} AS churn_rate`, "region IN ('华南', '华东')", 'region'),
    { rows: true },
  ),
  'b2-hk-08': r('retail', [], churnSql(one(YTD), `${CHURNED} AS churned_customers`)),
  'b2-hk-09': r(
    'retail',
    ['ticket_category'],
    ticketsSql(SEP, 'ticket_category, count(*) AS tickets', 'TRUE', 'ticket_category'),
    {
      rows: true,
    },
  ),
  'b2-hk-10': r('retail', [], ticketsSql(Q3, 'count(*) AS tickets', "ticket_category = 'service'")),
  'b2-hk-14': r(
    'retail',
    ['period'],
    feedbackSql(every(LAST_8_QUARTERS, 'QUARTER'), 'avg(f.csat) AS csat', 'TRUE', true),
    { rows: true },
  ),
  'b2-hk-15': r('retail', [], ticketsSql(['2026-09-21', '2026-09-28'], 'count(*) AS tickets')),
  'b2-hk-16': r('retail', [], churnSql(one(Q3), `${CHURNED} AS churned_customers`, "city = '深圳'")),
  'b2-hk-17': r(
    'retail',
    [],
    `SELECT (${churnSql(one(Q3), RATE)}) AS churn_rate, (${churnSql(one(Q3_LY), RATE)}) AS churn_rate__previous`,
  ),
  'b2-hk-19': r('retail', ['region'], complaintSql(Q3, 'region', "customer_type = 'B2B'"), { rows: true }),
  'b2-hk-20': r('retail', [], churnSql(one(Q3_LY), `${RATE} AS churn_rate`)),
  'b2-hk-24': r(
    'telco',
    ['tech_support'],
    telcoSql(`a.tech_support, ${T_RATE} AS churn_rate`, "a.tech_support IN ('Yes', 'No')", 'a.tech_support'),
    { rows: true },
  ),
  'b2-hk-25': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, "a.internet_service = 'Fiber optic'")),
  'b2-hk-26': r('telco', [], telcoSql('avg(a.tenure_months) AS avg_tenure_months')),
  'b2-hk-27': r(
    'telco',
    ['payment_method'],
    telcoSql(
      `a.payment_method, ${T_CHURNED} AS churned_customers`,
      'TRUE',
      'a.payment_method',
      'ORDER BY 2 DESC',
    ),
    { ordered: true, rows: true },
  ),
  'b2-hk-28': r(
    'telco',
    ['satisfaction_score'],
    telcoSql(
      'a.satisfaction_score, count(DISTINCT c.customer_id) AS customers',
      'TRUE',
      'a.satisfaction_score',
    ),
    { rows: true },
  ),
  'b2-hk-29': r(
    'telco',
    [],
    telcoSql('count(DISTINCT c.customer_id) AS customers', 'a.satisfaction_score = 1'),
  ),

  // ── product manager (en, terse) ──────────────────────────────────────────────────────────
  'b2-pm-01': r('retail', [], churnSql(one(Q2), `${RATE} AS churn_rate`)),
  'b2-pm-02': r(
    'retail',
    ['region'],
    `SELECT a.region, a.churn_rate, b.churn_rate AS churn_rate__previous
FROM (${churnSql(one(Q3), `region, ${RATE} AS churn_rate`, 'TRUE', 'region')}) a
JOIN (${churnSql(one(Q2), `region, ${RATE} AS churn_rate`, 'TRUE', 'region')}) b USING (region)`,
    { rows: true },
  ),
  'b2-pm-03': r(
    'retail',
    [],
    `SELECT (${ordersSql(SEP, 'sum(amount) / count(*)')}) AS avg_order_value,
            (${ordersSql(SEP_LY, 'sum(amount) / count(*)')}) AS avg_order_value__previous`,
    { tolerance: MONEY },
  ),
  'b2-pm-04': r('retail', [], churnSql(one(Q3), `${ACTIVE} AS active_customers`)),
  'b2-pm-05': r('retail', ['category'], repeatSql(H1, 'category'), { rows: true }),
  'b2-pm-06': r('retail', [], churnSql(one(YTD), `1 - ${RATE} AS retention_rate`)),
  'b2-pm-07': r(
    'retail',
    ['city'],
    churnSql(one(Q3), `city, ${CHURNED} AS churned_customers`, 'TRUE', 'city', 'ORDER BY 2 DESC LIMIT 3'),
    { rows: true },
  ),
  'b2-pm-09': r('retail', ['value_tier'], revenuePerCustomerSql(Q3, 'cs.value_tier', true), {
    rows: true,
    tolerance: MONEY,
  }),
  'b2-pm-10': r(
    'retail',
    [],
    ticketsSql(['2026-07-03', '2026-10-01'], `${FCR} AS first_contact_resolution_rate`),
  ),
  'b2-pm-11': r(
    'retail',
    ['ticket_category'],
    ticketsSql(
      ['2026-07-01', '2026-08-01'],
      'ticket_category, count(*) AS tickets',
      'TRUE',
      'ticket_category',
    ),
    { rows: true },
  ),
  'b2-pm-15': r(
    'retail',
    ['customer_type'],
    churnSql(one(Q3), `customer_type, ${RATE} AS churn_rate`, 'TRUE', 'customer_type'),
    { rows: true },
  ),
  'b2-pm-16': r('retail', [], churnSql(one(Q3), `${RATE} AS churn_rate`, 'age >= 35 AND age < 45')),
  'b2-pm-17': r('retail', [], `${PER_CUSTOMER} SELECT count(*) AS customers FROM pc WHERE tickets_90d > 3`),
  'b2-pm-18': r(
    'retail',
    [],
    `${PER_CUSTOMER} SELECT count(*) AS customers FROM pc WHERE spend_12m > 10000 AND recency_days > 60`,
  ),
  'b2-pm-20': r(
    'retail',
    [],
    `SELECT (${ordersSql(SEP, 'sum(amount)')}) AS revenue, (${ordersSql(SEP_LY, 'sum(amount)')}) AS revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-pm-23': r(
    'retail',
    ['lifecycle_stage'],
    'SELECT lifecycle_stage, count(DISTINCT customer_id) AS customers FROM customer_snapshot GROUP BY lifecycle_stage',
    { rows: true },
  ),
  'b2-pm-25': r('retail', [], ticketsSql(SEP, `${HOURS} AS avg_resolution_hours`)),
  'b2-pm-26': r(
    'telco',
    ['tenure_band'],
    telcoSql(
      `CASE WHEN a.tenure_months < 12 THEN '0-12m' WHEN a.tenure_months < 24 THEN '12-24m'
            WHEN a.tenure_months < 48 THEN '24-48m' ELSE '48m+' END AS tenure_band, ${T_RATE} AS churn_rate`,
      'TRUE',
      '1',
    ),
    { rows: true },
  ),
  'b2-pm-27': r(
    'telco',
    ['senior_citizen'],
    telcoSql('a.senior_citizen, avg(a.monthly_charges) AS avg_monthly_charges', 'TRUE', 'a.senior_citizen'),
    { rows: true },
  ),
  'b2-pm-29': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, "c.city = 'San Francisco'")),
  'b2-pm-30': r(
    'telco',
    [],
    telcoSql(`${T_RATE} AS churn_rate`, "a.contract = 'Two year' AND a.internet_service = 'Fiber optic'"),
  ),
  'b2-pm-31': r(
    'telco',
    ['churn_category'],
    telcoSql('a.churn_category, avg(a.cltv) AS avg_cltv', 'TRUE', 'a.churn_category'),
    {
      rows: true,
    },
  ),
  'b2-pm-32': r(
    'telco',
    [],
    telcoSql(`${T_CHURNED} AS churned_customers`, "a.churn_reason = 'Price too high'"),
  ),

  // ── new employee (zh) ────────────────────────────────────────────────────────────────────
  'b2-new-01': r('retail', [], churnSql(one(Q3), `${RATE} AS churn_rate`)),
  'b2-new-03': r('retail', [], 'SELECT count(DISTINCT customer_id) AS customers FROM customers'),
  'b2-new-06': r(
    'retail',
    [],
    "SELECT count(DISTINCT customer_id) AS customers FROM customer_snapshot WHERE rfm_segment = 'hibernating'",
  ),
  'b2-new-07': r('retail', ['region'], churnSql(one(Q3), `region, ${RATE} AS churn_rate`, 'TRUE', 'region'), {
    rows: true,
  }),
  'b2-new-09': r(
    'retail',
    [],
    `SELECT (${ordersSql(SEP, 'sum(amount)')}) AS revenue, (${ordersSql(AUG, 'sum(amount)')}) AS revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-new-10': r(
    'retail',
    ['acquisition_channel'],
    `${newCustomersSql(one(YTD), 'TRUE', 'c.acquisition_channel')} ORDER BY new_customers DESC`,
    { ordered: true, rows: true },
  ),
  'b2-new-13': r(
    'retail',
    [],
    ordersSql(
      Q3,
      'count(*) AS repeat_buyers FROM (SELECT customer_id',
      'TRUE',
      'customer_id HAVING count(*) >= 2)',
    ),
  ),
  'b2-new-14': r('retail', [], churnSql(one(Q3), `${CHURNED} AS churned_customers`, "region = '东北'")),
  'b2-new-15': r('retail', [], ordersSql(Q3, 'count(DISTINCT customer_id) AS buyers')),
  'b2-new-16': r(
    'retail',
    [],
    ordersSql(Q3, 'count(*) * 1.0 / count(DISTINCT customer_id) AS purchase_frequency'),
  ),
  'b2-new-19': r(
    'retail',
    ['city'],
    'SELECT city, count(DISTINCT customer_id) AS customers FROM customers GROUP BY city',
    { rows: true },
  ),
  'b2-new-20': r('retail', [], repeatSql(SEP, null)),
  'b2-new-21': r('retail', ['gender'], churnSql(one(Q3), `gender, ${RATE} AS churn_rate`, 'TRUE', 'gender'), {
    rows: true,
  }),
  'b2-new-24': r(
    'retail',
    ['period'],
    churnSql(
      every(LAST_12_MONTHS, 'MONTH'),
      `strftime(ps, '%Y-%m-%d') AS period, ${RATE} AS churn_rate`,
      'TRUE',
      'ps',
    ),
    { rows: true },
  ),
  'b2-new-26': r(
    'retail',
    ['category'],
    ordersSql(Q3, 'category, sum(amount) AS revenue', 'TRUE', 'category', 'ORDER BY 2 DESC LIMIT 3'),
    { ordered: true, rows: true, tolerance: MONEY },
  ),
  'b2-new-27': r('telco', [], telcoSql('count(DISTINCT c.customer_id) AS customers')),
  'b2-new-29': r(
    'telco',
    ['contract'],
    telcoSql(`a.contract, ${T_CHURNED} AS churned_customers`, 'TRUE', 'a.contract'),
    { rows: true },
  ),
  'b2-new-30': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, 'a.senior_citizen')),
  'b2-new-31': r(
    'telco',
    ['internet_service'],
    telcoSql(`a.internet_service, ${T_RATE} AS churn_rate`, 'TRUE', 'a.internet_service'),
    { rows: true },
  ),
};
