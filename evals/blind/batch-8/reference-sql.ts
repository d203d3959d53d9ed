/**
 * Hand-written reference SQL for blind batch 8 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. Reuses batches 2-7's blocks; this batch's few
 * additions are in building-blocks.ts.
 */
import {
  AUG,
  every,
  FCR,
  feedbackSql,
  H1,
  HOURS,
  LAST_8_QUARTERS,
  LAST_12_MONTHS,
  NPS,
  newCustomersSql,
  one,
  ordersSql,
  Q2,
  Q3,
  Q3_LY,
  type Reference,
  repeatSql,
  SEP,
  SEP_LY,
  T_CHURNED,
  T_RATE,
  telcoSql,
  ticketsSql,
  winbackSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import {
  DAYS_90,
  H1_LY,
  LAST_6_MONTHS,
  pair,
  ranked,
  retail,
  T_BAND,
  telco,
  telcoBy,
  ticketsByCategory,
} from '../batch-3/reference-sql.ts';
import {
  AOV,
  churn,
  churnedBy,
  churnedCount,
  complaintRateBy,
  DOUBLE_11_2025,
  DOUBLE_11_DAY,
  LOST,
  MID_YEAR_618,
  rate,
  rateBy,
  revenue,
  SPRING_FESTIVAL_2026,
  STARTED,
  WINBACK,
} from '../batch-4/building-blocks.ts';
import {
  BLACK_FRIDAY_2025,
  quarterlyRevenue,
  revenueByCity,
  snapshotCustomers,
  YTD_LY,
} from '../batch-5/building-blocks.ts';
import {
  feedback,
  money,
  NEGATIVE,
  ranking,
  rateByPeriod,
  table,
  telcoRate,
} from '../batch-6/building-blocks.ts';
import {
  DOUBLE_11_2024,
  DOUBLE_12_DAY_2025,
  MID_YEAR_618_2025,
  repeatByCustomer,
} from '../batch-7/building-blocks.ts';
import {
  churnedByReason,
  complaintRateOf,
  monthlyWinback,
  retentionBy,
  retentionOf,
} from './building-blocks.ts';

const ORDERS = 'count(*) AS orders';
const FIBER = "a.internet_service = 'Fiber optic'";
const M2M = "a.contract = 'Month-to-month'";
const churnRateBy = (key: string, where = 'TRUE') => telcoBy(key, `${T_RATE} AS churn_rate`, where);
const moneyTable = { ...table, ...money };

export const REFERENCES: Record<string, Reference> = {
  // regional sales VP by voice (zh)
  'b8-vp-01': retail([], rate(Q3, "region = '华东'")),
  'b8-vp-02': retail([], churnedCount(SEP, "region = '华南'")),
  'b8-vp-03': retail([], revenue(YTD), money),
  'b8-vp-04': retail(['region'], repeatByCustomer(Q3, 'region'), table),
  'b8-vp-05': retail(['region'], ranked(rateBy(Q3, 'region'), 'churn_rate', 'DESC'), ranking),
  'b8-vp-06': retail(['region'], rateBy(Q3, 'region', "region IN ('华北', '华中')"), table),
  'b8-vp-07': retail([], pair('revenue', revenue(Q3), revenue(Q3_LY)), money),
  'b8-vp-08': retail([], pair('avg_order_value', ordersSql(SEP, AOV), ordersSql(AUG, AOV)), money),
  'b8-vp-09': retail([], revenue(DOUBLE_11_2025), money),
  'b8-vp-10': retail([], ordersSql(SPRING_FESTIVAL_2026, ORDERS)),
  'b8-vp-11': retail(['period'], rateByPeriod(every(Q3, 'MONTH')), table),
  'b8-vp-12': retail([], churnedCount(Q3, "value_tier = 'high'", true)),
  'b8-vp-13': retail([], rate(Q3, "region = '华东' AND value_tier = 'high'", true)),
  'b8-vp-19': retail(['period'], rateByPeriod(every(LAST_8_QUARTERS, 'QUARTER')), table),
  'b8-vp-20': retail(
    ['region'],
    ordersSql(Q3_LY, 'region, sum(amount) AS revenue', 'TRUE', 'region'),
    moneyTable,
  ),
  'b8-vp-24': retail(['region'], rateBy(Q3, 'region', "region IN ('华东', '华南')"), table),
  'b8-vp-25': telco([], telcoRate(M2M)),

  // product-ops new hire, internet slang (zh)
  'b8-nb-01': retail([], rate(SEP)),
  'b8-nb-02': retail([], churnedCount(Q3)),
  'b8-nb-03': retail(
    ['category'],
    ranked(repeatSql(YTD, 'category'), 'repeat_purchase_rate', 'DESC'),
    ranking,
  ),
  'b8-nb-04': retail(['acquisition_channel'], rateBy(Q3, 'acquisition_channel'), table),
  'b8-nb-05': retail([], rate(Q3, "acquisition_channel = 'live_stream'")),
  'b8-nb-06': retail([], newCustomersSql(one(DAYS_90))),
  'b8-nb-07': retail([], ordersSql(SEP, ORDERS, "sales_channel = 'app'")),
  'b8-nb-08': retail(['period'], newCustomersSql(every(LAST_12_MONTHS, 'MONTH'), 'TRUE', '', true), table),
  'b8-nb-09': retail([], rate(Q3, 'age < 25')),
  'b8-nb-10': retail(['gender'], rateBy(Q3, 'gender', "gender IN ('female', 'male')"), table),
  'b8-nb-16': retail([], snapshotCustomers('count(DISTINCT customer_id) AS at_risk_customers', 'at_risk')),
  'b8-nb-20': retail(
    ['category'],
    ordersSql(Q3, 'category, sum(amount) AS revenue', "value_tier = 'high'", 'category'),
    moneyTable,
  ),
  'b8-nb-21': retail([], rate(Q3)),
  'b8-nb-22': retail([], retentionOf(YTD)),
  'b8-nb-25': retail(['city'], ranked(churnedBy(SEP, 'city'), 'churned_customers', 'DESC', 5), table),
  'b8-nb-26': retail([], ordersSql(DOUBLE_12_DAY_2025, ORDERS)),

  // Shenzhen cross-border seller (mixed)
  'b8-cb-01': retail([], rate(Q3)),
  'b8-cb-02': retail([], revenue(SEP), money),
  'b8-cb-03': retail(
    ['category'],
    ranked(repeatSql(YTD, 'category'), 'repeat_purchase_rate', 'DESC'),
    ranking,
  ),
  'b8-cb-04': retail(
    ['sales_channel'],
    ordersSql(SEP, `sales_channel, ${AOV}`, 'TRUE', 'sales_channel'),
    moneyTable,
  ),
  'b8-cb-05': retail(['period'], newCustomersSql(every(YTD, 'MONTH'), 'TRUE', '', true), table),
  'b8-cb-06': retail([], revenue(BLACK_FRIDAY_2025), money),
  'b8-cb-07': retail(
    [],
    pair('orders', ordersSql(MID_YEAR_618, ORDERS), ordersSql(MID_YEAR_618_2025, ORDERS)),
  ),
  'b8-cb-08': retail([], churnedCount(Q3, "customer_type = 'B2B'")),
  'b8-cb-09': retail(
    ['acquisition_channel'],
    retentionBy(Q3, 'acquisition_channel', "acquisition_channel IN ('paid_search', 'organic_search')"),
    table,
  ),
  'b8-cb-10': retail([], churn({ range: Q3, select: `${LOST} AS lost_revenue` }), money),
  'b8-cb-11': retail(['city'], ranked(revenueByCity(YTD), 'revenue', 'DESC', 3), { ...ranking, ...money }),
  'b8-cb-16': retail([], ordersSql(DOUBLE_11_DAY, AOV), money),
  'b8-cb-17': retail([], pair('revenue', revenue(H1), revenue(H1_LY)), money),
  'b8-cb-18': retail(['acquisition_channel'], rateBy(Q3, 'acquisition_channel'), table),
  'b8-cb-19': retail([], revenue(SEP_LY), money),
  'b8-cb-20': retail([], rate(Q3, "region = '华东'")),
  'b8-cb-23': retail([], churn({ range: Q3, select: `${STARTED} AS active_customers` })),
  'b8-cb-24': retail(['ticket_category'], ticketsByCategory(DAYS_90), table),
  'b8-cb-25': retail([], revenue(SEP, "category = '服饰'"), money),

  // telco churn modeller (en)
  'b8-tm-01': telco([], telcoRate()),
  'b8-tm-02': telco(['contract'], ranked(churnRateBy('contract'), 'churn_rate', 'DESC'), ranking),
  'b8-tm-03': telco([], telcoSql(`${T_CHURNED} AS churned_customers`)),
  'b8-tm-04': telco([], telcoRate(`${FIBER} AND ${M2M}`)),
  'b8-tm-05': telco(['payment_method'], churnRateBy('payment_method'), table),
  'b8-tm-06': telco(
    ['tenure_band'],
    telcoSql(`${T_BAND} AS tenure_band, ${T_RATE} AS churn_rate`, 'TRUE', '1'),
    table,
  ),
  'b8-tm-07': telco(['senior_citizen'], churnRateBy('senior_citizen'), table),
  'b8-tm-08': telco(
    ['internet_service'],
    telcoBy('internet_service', 'avg(a.monthly_charges) AS avg_monthly_charges'),
    table,
  ),
  'b8-tm-09': telco([], telcoSql('avg(a.cltv) AS avg_cltv', "a.tech_support = 'No'")),
  'b8-tm-10': telco(
    ['churn_category'],
    ranked(
      telcoBy('churn_category', `${T_CHURNED} AS churned_customers`, 'c.churn_label'),
      'churned_customers',
      'DESC',
    ),
    { ordered: true },
  ),
  'b8-tm-17': telco([], telcoRate('a.satisfaction_score = 1')),
  'b8-tm-18': telco([], telcoRate('a.paperless_billing')),
  'b8-tm-19': telco(['contract'], churnRateBy('contract', "a.payment_method = 'Electronic check'"), table),
  'b8-tm-20': telco([], telcoRate(FIBER)),
  'b8-tm-21': telco([], telcoRate()),
  'b8-tm-25': telco(['contract'], telcoBy('contract', 'avg(a.tenure_months) AS avg_tenure_months'), table),

  // outbound retention call-centre team lead (zh)
  'b8-cc-01': retail([], ticketsSql(SEP, 'count(*) AS tickets')),
  'b8-cc-02': retail([], ticketsSql(SEP, `${HOURS} AS avg_resolution_hours`)),
  'b8-cc-03': retail(
    ['ticket_category'],
    ticketsSql(Q3, `ticket_category, ${FCR} AS first_contact_resolution_rate`, 'TRUE', 'ticket_category'),
    table,
  ),
  'b8-cc-04': retail(['ticket_category'], ticketsByCategory(DAYS_90), table),
  'b8-cc-05': retail([], complaintRateOf(Q3)),
  'b8-cc-06': retail([], winbackSql(YTD, WINBACK)),
  'b8-cc-07': retail(['period'], monthlyWinback(YTD), table),
  'b8-cc-10': retail([], ticketsSql(SEP, 'count(*) AS tickets', "ticket_category = 'logistics'")),
  'b8-cc-11': retail([], churnedCount(Q3, "churn_reason = 'service'")),
  'b8-cc-12': retail(['churn_reason'], churnedByReason(Q3)),
  'b8-cc-13': retail([], feedback(Q3, `${NPS} AS nps`)),
  'b8-cc-14': retail(
    ['period'],
    feedbackSql(every(LAST_6_MONTHS, 'MONTH'), 'avg(f.csat) AS csat', 'TRUE', true),
    table,
  ),
  'b8-cc-15': retail([], feedback(Q3, NEGATIVE)),
  'b8-cc-19': retail(['ticket_category'], ticketsByCategory(SEP), table),
  'b8-cc-20': retail(['region'], complaintRateBy(Q3, 'region'), table),
  'b8-cc-21': telco([], telcoRate("a.tech_support = 'No'")),
  'b8-cc-22': telco([], telcoSql('avg(a.satisfaction_score) AS avg_satisfaction')),
  'b8-cc-23': telco([], telcoSql(`${T_CHURNED} AS churned_customers`, "a.churn_category = 'Competitor'")),
  'b8-cc-26': retail([], ticketsSql(SEP, `${HOURS} AS avg_resolution_hours`)),

  // CEO, terse one-liners (en)
  'b8-ceo-01': retail([], rate(Q3)),
  'b8-ceo-02': retail([], revenue(YTD), money),
  'b8-ceo-03': retail([], rate(SEP)),
  'b8-ceo-04': retail(['region'], rateBy(Q3, 'region'), table),
  'b8-ceo-05': retail(['region'], ranked(rateBy(Q3, 'region'), 'churn_rate', 'DESC'), ranking),
  'b8-ceo-06': retail([], pair('churn_rate', rate(Q3), rate(Q2))),
  'b8-ceo-07': retail([], pair('revenue', revenue(Q3), revenue(Q3_LY)), money),
  'b8-ceo-08': retail(['period'], rateByPeriod(every(LAST_12_MONTHS, 'MONTH')), table),
  'b8-ceo-09': retail([], churn({ range: Q3, select: `${LOST} AS lost_revenue` }), money),
  'b8-ceo-10': retail([], rate(Q3, "value_tier = 'high'", true)),
  'b8-ceo-15': retail(['period'], quarterlyRevenue(Y2025), moneyTable),
  'b8-ceo-16': retail([], feedback(Q3, `${NPS} AS nps`)),
  'b8-ceo-17': retail([], pair('repeat_purchase_rate', repeatSql(H1, null), repeatSql(H1_LY, null))),
  'b8-ceo-18': retail([], newCustomersSql(one(SEP))),
  'b8-ceo-19': retail([], pair('revenue', revenue(DOUBLE_11_2025), revenue(DOUBLE_11_2024)), money),
  'b8-ceo-20': telco([], telcoRate()),
  'b8-ceo-21': telco(['contract'], churnRateBy('contract'), table),
  'b8-ceo-25': retail([], pair('churned_customers', churnedCount(YTD), churnedCount(YTD_LY))),
  'b8-ceo-26': retail(['value_tier'], retentionBy(Q3, 'value_tier', 'TRUE', true), table),
};
