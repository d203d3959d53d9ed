/**
 * Hand-written reference SQL for the blind batch 1 expected values, keyed by case id.
 *
 * Written from DOMAIN.md §3-4 over the RAW canonical tables of the eval data (.data/eval/retail.duckdb,
 * .data/eval/telco.duckdb), never from the product's answers or its semantic layer. Only the current value
 * tier (customer_snapshot.value_tier) comes from a derived table, as the team's conventions allow.
 *
 * Definitions used (retail, as-of 2026-10-01, churn window 90 days, activity = a completed order):
 * - order day d = CAST(order_ts AS DATE) of a completed order.
 * - churn event: an order day L whose next order day is later than L + 90 (or absent); churn date = L + 90.
 * - active at the start s of P = a completed order day in [s − 90, s) (so a churn date ≥ s is still pending).
 * - churned in P = active at s and a churn date in [s, e); customers who signed up in P are excluded from both.
 * - churn_rate = churned ÷ active; retention_rate = 1 − churn_rate.
 * - revenue / orders / buyers over completed orders with d in [s, e); avg_order_value = revenue ÷ orders;
 *   repeat_purchase_rate = buyers with ≥ 2 orders ÷ buyers; revenue_per_customer = revenue ÷ active at s.
 * - reactivated in P = customers with an order day in P whose previous order day is more than 90 days before it.
 * - new_customers = signup_date in [s, e); tickets = created_ts in [s, e);
 *   nps = 100 × (share of nps 9-10 − share of nps 0-6) over feedback with an nps score in [s, e).
 * - recency_days = 2026-10-01 − last completed order day; spend_12m / orders_12m over order days in
 *   [2025-10-01, 2026-10-01).
 * Telco: churn = customers.churn_label; attributes from customer_attributes.
 *
 * Run: npx tsx evals/blind/batch-1/run-reference.ts [--data-dir .data/eval]
 */
import {
  ALL,
  AUG,
  CO,
  churnSql,
  monthlyChurnSql,
  newCustomersSql,
  npsSql,
  orderSql,
  PROFILE,
  Q2,
  Q3,
  type Reference,
  r,
  reactivatedSql,
  revenuePerCustomerSql,
  SEP,
  SEP_LY,
  T,
  T_CHURN,
  T_CHURNED,
  T_MC,
  t,
  ticketsSql,
  withPrevious,
  Y2025,
  YTD,
  YTD_LY,
} from './building-blocks.ts';

export * from './building-blocks.ts';

export const REFERENCE_SQL: Record<string, Reference> = {
  // store manager (phone)
  'blind1-variants-001': r(['churned_customers'], churnSql(SEP)),
  'blind1-variants-002': r(['repeat_purchase_rate'], orderSql(Q3)),
  'blind1-variants-003': r(['churn_rate'], churnSql(Y2025, { where: "c.region = '华东'" })),
  'blind1-variants-004': r(['avg_order_value'], orderSql(SEP)),
  'blind1-everyday-001': r(['orders'], orderSql(SEP)),
  'blind1-everyday-002': r(['churned_customers'], churnSql(Q3)),
  'blind1-everyday-003': r(['buyers'], orderSql(SEP)),
  'blind1-everyday-004': r(['tickets'], ticketsSql(SEP)),
  'blind1-time-001': r(['revenue'], orderSql(['2026-06-18', '2026-06-19'])),
  'blind1-time-002': r(['new_customers'], newCustomersSql(SEP)),
  'blind1-time-003': r(['churn_rate'], churnSql(Q2)),
  'blind1-comparison-001': r(
    ['churn_rate'],
    churnSql(Q3, { where: "c.region IN ('华东', '华南')", by: { region: 'c.region' } }),
    ['region'],
    { rows: true },
  ),
  'blind1-comparison-002': r(
    ['avg_order_value'],
    orderSql(Q3, {
      where: "o.sales_channel IN ('store', 'online')",
      by: { sales_channel: 'o.sales_channel' },
    }),
    ['sales_channel'],
    { rows: true },
  ),
  'blind1-condition-002': r(
    ['customers'],
    `WITH ${CO}, ${PROFILE} SELECT count(*) AS customers FROM profile p WHERE p.recency_days > 30`,
  ),
  'blind1-conversation-001': r(['churn_rate'], churnSql(SEP, { where: "c.region = '华南'" })),
  'blind1-conversation-002': r(['orders'], orderSql(Q3, { by: { region: 'c.region' } }), ['region'], {
    rows: true,
  }),
  'blind1-conversation-003': r(['churned_customers'], churnSql(SEP)),
  'blind1-plain-001': r(['churn_rate'], churnSql(SEP)),
  'blind1-plain-002': r(['revenue'], orderSql(Q3, { where: "c.city = '深圳'" })),
  'blind1-plain-003': r(['revenue'], orderSql(SEP, { by: { category: 'o.category' } }), ['category'], {
    rows: true,
  }),

  // telco analyst
  'blind1-variants-101': t(['avg_monthly_charges'], T(T_MC, '', { contract: 'a.contract' }), ['contract'], {
    rows: true,
  }),
  'blind1-variants-102': t(['churn_rate'], T(T_CHURN, "a.internet_service = 'Fiber optic'")),
  'blind1-variants-103': t(['churned_customers'], T(T_CHURNED, 'NOT a.paperless_billing')),
  'blind1-variants-104': t(
    ['churn_rate'],
    T(T_CHURN, '', { payment_method: 'a.payment_method' }),
    ['payment_method'],
    { rows: true },
  ),
  'blind1-variants-105': t(
    ['avg_cltv'],
    T('avg(a.cltv) AS avg_cltv', '', { senior_citizen: 'a.senior_citizen' }),
    ['senior_citizen'],
    { rows: true },
  ),
  'blind1-everyday-101': t(['churned_customers'], T(T_CHURNED)),
  'blind1-everyday-102': t(['customers'], T('count(*) AS customers')),
  'blind1-everyday-103': t(['avg_monthly_charges'], T(T_MC)),
  'blind1-everyday-104': t(['churned_customers'], T(T_CHURNED, "a.contract = 'Month-to-month'")),
  'blind1-time-101': t(['churn_rate'], T(T_CHURN)),
  'blind1-time-103': t(['churn_rate'], T(T_CHURN, "a.internet_service = 'DSL'")),
  'blind1-comparison-101': t(
    ['churn_rate'],
    T(T_CHURN, "a.internet_service IN ('Fiber optic', 'DSL')", { internet_service: 'a.internet_service' }),
    ['internet_service'],
    { rows: true },
  ),
  'blind1-comparison-102': t(
    ['churn_rate'],
    T(T_CHURN, '', { senior_citizen: 'a.senior_citizen' }),
    ['senior_citizen'],
    { rows: true },
  ),
  'blind1-comparison-103': t(
    ['avg_monthly_charges'],
    T(T_MC, "a.contract IN ('Month-to-month', 'Two year')", { contract: 'a.contract' }),
    ['contract'],
    { rows: true },
  ),
  'blind1-comparison-104': t(
    ['churn_rate'],
    T(T_CHURN, "a.payment_method IN ('Electronic check', 'Credit card (automatic)')", {
      payment_method: 'a.payment_method',
    }),
    ['payment_method'],
    { rows: true },
  ),
  'blind1-condition-103': t(
    ['churn_rate'],
    T(T_CHURN, "a.online_security = 'Yes' AND a.tech_support = 'Yes'"),
  ),
  'blind1-conversation-101': t(
    ['churn_rate'],
    T(T_CHURN, 'a.senior_citizen', { contract: 'a.contract' }),
    ['contract'],
    { rows: true },
  ),
  'blind1-conversation-102': t(['avg_monthly_charges'], T(T_MC, "a.internet_service = 'Fiber optic'")),
  'blind1-plain-101': t(['churn_rate'], T(T_CHURN)),
  'blind1-plain-102': t(
    ['avg_monthly_charges'],
    T(T_MC, '', { internet_service: 'a.internet_service' }),
    ['internet_service'],
    { rows: true },
  ),

  // regional manager (mixed)
  'blind1-variants-201': r(['churn_rate'], churnSql(SEP, { where: "c.region = '华北'" })),
  'blind1-variants-202': r(['avg_order_value'], orderSql(Q3, { by: { region: 'c.region' } }), ['region'], {
    rows: true,
  }),
  'blind1-variants-203': r(['revenue'], orderSql(Q3, { by: { category: 'o.category' } }), ['category'], {
    rows: true,
  }),
  'blind1-everyday-201': r(['reactivated_customers'], reactivatedSql(SEP)),
  'blind1-everyday-202': r(
    ['churned_customers'],
    churnSql(Q3, { by: { acquisition_channel: 'c.acquisition_channel' } }),
    ['acquisition_channel'],
    { rows: true },
  ),
  'blind1-everyday-203': r(['repeat_purchase_rate'], orderSql(SEP)),
  'blind1-time-201': r(['revenue'], withPrevious('revenue', orderSql(YTD), orderSql(YTD_LY))),
  'blind1-time-202': r(['orders'], orderSql(YTD)),
  'blind1-time-203': r(['revenue'], orderSql(['2025-11-11', '2025-11-12'])),
  'blind1-time-204': r(['new_customers'], newCustomersSql(['2026-07-03', '2026-10-01'])),
  'blind1-comparison-202': r(
    ['avg_order_value'],
    orderSql(Q3, { by: { customer_type: 'c.customer_type' } }),
    ['customer_type'],
    { rows: true },
  ),
  'blind1-conversation-201': r(['revenue'], orderSql(SEP_LY, { where: "c.region = '华南'" })),
  'blind1-plain-201': r(['revenue'], orderSql(SEP, { by: { category: 'o.category' } }), ['category'], {
    rows: true,
  }),
  'blind1-plain-202': t(['churn_rate'], T(T_CHURN, 'a.senior_citizen')),

  // traditional Chinese
  'blind1-variants-301': r(['churned_customers'], churnSql(SEP)),
  'blind1-variants-302': r(['churn_rate'], churnSql(Q3, { where: "c.region = '华南'" })),
  'blind1-variants-303': r(['repeat_purchase_rate'], orderSql(Q3, { where: "s.value_tier = 'high'" })),
  'blind1-variants-304': r(
    ['revenue'],
    orderSql(Q3, { by: { region: 'c.region' } }) + ' ORDER BY revenue DESC',
    ['region'],
    { rows: true, ordered: true },
  ),
  'blind1-variants-305': r(
    ['avg_order_value'],
    orderSql(Q3, { by: { sales_channel: 'o.sales_channel' } }),
    ['sales_channel'],
    { rows: true },
  ),
  'blind1-variants-306': r(['orders'], orderSql(YTD)),
  'blind1-everyday-301': r(['reactivated_customers'], reactivatedSql(SEP)),
  'blind1-everyday-302': r(['tickets'], ticketsSql(Q3)),
  'blind1-everyday-303': r(['revenue'], orderSql(SEP)),
  'blind1-everyday-304': r(['churn_rate'], churnSql(Q3, { where: "c.acquisition_channel = 'live_stream'" })),
  'blind1-time-301': r(['revenue'], orderSql(['2025-10-01', '2026-01-01'])),
  'blind1-time-302': r(
    ['revenue'],
    `SELECT DATE '2024-01-01' AS period, revenue FROM (${orderSql(['2024-01-01', '2025-01-01'])})
UNION ALL SELECT DATE '2025-01-01' AS period, revenue FROM (${orderSql(Y2025)})`,
    ['period'],
    { rows: true },
  ),
  'blind1-time-303': r(['orders'], orderSql(ALL)),
  'blind1-comparison-301': r(
    ['churn_rate'],
    churnSql(Q3, { where: "c.gender IN ('male', 'female')", by: { gender: 'c.gender' } }),
    ['gender'],
    { rows: true },
  ),
  'blind1-comparison-302': r(
    ['avg_order_value'],
    orderSql(Q3, { where: "c.region IN ('华东', '华北')", by: { region: 'c.region' } }),
    ['region'],
    { rows: true },
  ),
  'blind1-condition-301': r(
    ['customers'],
    `WITH ${CO}, ${PROFILE} SELECT count(*) AS customers FROM profile p JOIN customer_snapshot s USING (customer_id) WHERE p.recency_days > 60 AND s.value_tier = 'high'`,
  ),
  'blind1-condition-303': r(['churn_rate'], churnSql(Q3, { where: 'p.spend_12m > 10000' })),
  'blind1-conversation-301': r(['revenue'], orderSql(SEP, { by: { category: 'o.category' } }), ['category'], {
    rows: true,
  }),
  'blind1-conversation-302': r(['churned_customers'], churnSql(Q3, { where: "c.region = '华东'" })),
  'blind1-plain-301': r(['churn_rate'], churnSql(Q3, { by: { region: 'c.region' } }), ['region'], {
    rows: true,
  }),

  // WeCom forward
  'blind1-variants-401': r(['churn_rate'], churnSql(Q3)),
  'blind1-variants-402': r(['repeat_purchase_rate'], orderSql(SEP, { where: "c.region = '华中'" })),
  'blind1-everyday-401': r(['buyers'], orderSql(SEP)),
  'blind1-everyday-403': r(
    ['new_customers'],
    newCustomersSql(Q3, { by: { acquisition_channel: 'c.acquisition_channel' } }),
    ['acquisition_channel'],
    { rows: true },
  ),
  'blind1-everyday-404': r(['churned_customers'], churnSql(SEP)),
  'blind1-time-403': r(['churned_customers'], churnSql(AUG)),
  'blind1-time-404': r(['revenue'], withPrevious('revenue', orderSql(YTD), orderSql(YTD_LY))),
  'blind1-comparison-402': r(
    ['churn_rate'],
    withPrevious(
      'churn_rate',
      churnSql(Q3, { where: "c.region = '华东'" }),
      churnSql(Q2, { where: "c.region = '华东'" }),
    ),
  ),
  'blind1-comparison-403': t(
    ['avg_monthly_charges'],
    T(T_MC, "a.internet_service IN ('Fiber optic', 'DSL')", { internet_service: 'a.internet_service' }),
    ['internet_service'],
    { rows: true },
  ),
  'blind1-conversation-402': r(
    ['revenue'],
    orderSql(Q3, { where: "c.customer_type = 'B2B'", by: { region: 'c.region' } }),
    ['region'],
    { rows: true },
  ),
  'blind1-conversation-403': r(['churn_rate'], churnSql(Q3)),
  'blind1-plain-401': r(['churn_rate'], churnSql(Q3)),
  'blind1-plain-402': r(['nps'], npsSql(SEP)),
  'blind1-plain-403': t(['churn_rate'], T(T_CHURN, "a.contract = 'Month-to-month'")),

  // retail analyst (English)
  'blind1-variants-501': r(
    ['avg_order_value'],
    withPrevious('avg_order_value', orderSql(SEP), orderSql(AUG)),
  ),
  'blind1-variants-502': r(['revenue_per_customer'], revenuePerCustomerSql(Q3)),
  'blind1-variants-504': r(
    ['new_customers'],
    withPrevious(
      'new_customers',
      newCustomersSql(['2026-01-01', '2026-07-01']),
      newCustomersSql(['2025-01-01', '2025-07-01']),
    ),
  ),
  'blind1-everyday-501': r(['buyers'], orderSql(SEP)),
  'blind1-everyday-502': r(['churned_customers'], churnSql(Q3)),
  'blind1-everyday-503': r(['reactivated_customers'], reactivatedSql(SEP)),
  'blind1-everyday-504': r(['tickets'], ticketsSql(SEP)),
  'blind1-time-501': r(['revenue'], orderSql(['2026-07-03', '2026-10-01'])),
  'blind1-time-502': r(['revenue'], orderSql(ALL)),
  'blind1-time-503': r(
    ['orders'],
    `WITH ${CO} SELECT CAST(date_trunc('week', d) AS DATE) AS period, count(*) AS orders FROM co
WHERE d >= DATE '2026-06-29' AND d < DATE '2026-09-28' GROUP BY 1 ORDER BY 1`,
    ['period'],
    { rows: true },
  ),
  'blind1-time-504': r(
    ['churn_rate'],
    withPrevious(
      'churn_rate',
      churnSql(['2025-10-01', '2026-01-01']),
      churnSql(['2024-10-01', '2025-01-01']),
    ),
  ),
  'blind1-time-505': r(['repeat_purchase_rate'], orderSql(Q2)),
  'blind1-comparison-503': r(
    ['retention_rate'],
    churnSql(Q3, { where: "c.region IN ('西南', '华东')", by: { region: 'c.region' } }),
    ['region'],
    { rows: true },
  ),
  'blind1-condition-501': r(['churn_rate'], churnSql(Q3, { where: 'p.orders_12m > 10' })),
  'blind1-condition-503': r(
    ['customers'],
    `WITH ${CO}, ${PROFILE} SELECT count(*) AS customers FROM profile p WHERE p.recency_days > 45 AND p.spend_12m >= 5000`,
  ),
  'blind1-conversation-501': r(['orders'], orderSql(Q3, { by: { region: 'c.region' } }), ['region'], {
    rows: true,
  }),
  'blind1-conversation-502': r(['churn_rate'], churnSql(SEP_LY)),
  'blind1-conversation-503': r(['churn_rate'], churnSql(Q3)),
  'blind1-conversation-504': r(
    ['churn_rate'],
    churnSql(Q3, { where: "s.value_tier = 'high'", by: { region: 'c.region' } }),
    ['region'],
    { rows: true },
  ),
  'blind1-plain-501': r(
    ['revenue'],
    orderSql(SEP, { by: { sales_channel: 'o.sales_channel' } }),
    ['sales_channel'],
    { rows: true },
  ),
  'blind1-plain-502': r(['orders'], orderSql(['2026-07-01', '2026-08-01'])),
  'blind1-plain-503': r(['churn_rate'], monthlyChurnSql('2025-10-01', 12), ['period'], { rows: true }),
};
