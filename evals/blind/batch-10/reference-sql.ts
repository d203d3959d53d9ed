/**
 * Hand-written reference SQL for blind batch 10 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. Reuses batches 2-9's blocks; this batch's few
 * additions are in building-blocks.ts.
 */
import {
  AUG,
  every,
  FCR,
  feedbackSql,
  H1,
  HOURS,
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
  T_CHURNED,
  T_RATE,
  telcoSql,
  ticketsSql,
  winbackSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import { DAYS_90, pair, ranked, retail, telco, telcoBy } from '../batch-3/reference-sql.ts';
import {
  AOV,
  churn,
  churnedBy,
  churnedCount,
  complaintRateBy,
  DOUBLE_11_2025,
  LEFT,
  LOST,
  MID_YEAR_618,
  monthlyRevenue,
  pairBy,
  rate,
  rateBy,
  revenue,
  SPRING_FESTIVAL_2026,
  ticketsWithRegion,
  WINBACK,
} from '../batch-4/building-blocks.ts';
import { DOUBLE_12_2025, quarterlyRevenue, YTD_LY } from '../batch-5/building-blocks.ts';
import {
  CSAT,
  customerIn,
  DETRACTORS,
  feedback,
  money,
  NEGATIVE,
  ranking,
  rateByPeriod,
  table,
  telcoRate,
} from '../batch-6/building-blocks.ts';
import { churnedByPeriod, DOUBLE_11_2024, MID_YEAR_618_2025 } from '../batch-7/building-blocks.ts';
import { complaintRateOf, retentionOf } from '../batch-8/building-blocks.ts';
import { JULY, LAST_WEEK, only, revenuePerCustomer, telcoByBand } from './building-blocks.ts';

const ORDERS = 'count(*) AS orders';
const moneyTable = { ...table, ...money };
const moneyRanking = { ...ranking, ...money };
const FIBER = "a.internet_service = 'Fiber optic'";
const churnRateBy = (key: string, where = 'TRUE') => telcoBy(key, `${T_RATE} AS churn_rate`, where);
const EAST = "region = '华东'";
const HIGH = "value_tier = 'high'";
const STORE = "sales_channel = 'store'";
const lost = (range: typeof Q3, where = 'TRUE') => churn({ range, select: `${LOST} AS lost_revenue`, where });

export const REFERENCES: Record<string, Reference> = {
  // Hong Kong store-chain manager, Cantonese-flavoured traditional (zh)
  'b10-hk-01': retail([], churnedCount(Q3)),
  'b10-hk-02': retail([], rate(Q3, "region = '华南'")),
  'b10-hk-03': retail(['city'], rateBy(Q3, 'city', "city IN ('深圳', '广州')"), table),
  'b10-hk-05': retail([], revenue(DOUBLE_11_2025), money),
  'b10-hk-06': retail([], revenue(DOUBLE_11_2024), money),
  'b10-hk-07': retail(['region'], ranked(rateBy(Q3, 'region'), 'churn_rate', 'DESC'), ranking),
  'b10-hk-08': retail([], churnedCount(Q3, HIGH, true)),
  'b10-hk-12': retail([], ordersSql(SEP, ORDERS, STORE)),
  'b10-hk-13': retail(['period'], rateByPeriod(every(YTD, 'MONTH')), table),
  'b10-hk-14': retail([], churnedCount(SPRING_FESTIVAL_2026)),
  'b10-hk-16': retail([], pair('churn_rate', rate(Q3, EAST), rate(Q3_LY, EAST))),
  'b10-hk-20': retail(
    ['category'],
    ranked(rateBy(Q3, 'category', 'TRUE', true), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b10-hk-21': retail([], complaintRateOf(Q3)),
  'b10-hk-22': retail(['region'], complaintRateBy(Q3, 'region'), table),
  'b10-hk-23': retail([], ordersSql(SEP, AOV), money),
  'b10-hk-24': retail(['period'], newCustomersSql(every(YTD, 'MONTH'), 'TRUE', '', true), table),
  'b10-hk-27': telco([], telcoRate("a.contract = 'Month-to-month'")),

  // finance controller (en)
  'b10-fc-01': retail([], lost(Q3), money),
  'b10-fc-02': retail([], revenue(Q3), money),
  'b10-fc-03': retail([], pair('avg_order_value', ordersSql(SEP, AOV), ordersSql(AUG, AOV)), money),
  'b10-fc-04': retail(
    ['region'],
    ranked(
      churn({ range: Q3, select: `region, ${LOST} AS lost_revenue`, group: 'region' }),
      'lost_revenue',
      'DESC',
    ),
    moneyRanking,
  ),
  'b10-fc-05': retail([], `SELECT ${revenuePerCustomer(H1)} AS revenue_per_customer`, money),
  'b10-fc-06': retail([], pair('revenue', revenue(YTD), revenue(YTD_LY)), money),
  'b10-fc-07': retail(['period'], monthlyRevenue(LAST_12_MONTHS), moneyTable),
  'b10-fc-08': retail(['period'], quarterlyRevenue(Y2025), moneyTable),
  'b10-fc-09': retail(
    [],
    churn({ range: Q3, select: `${LOST} AS lost_revenue, ${LEFT} AS churned_customers` }),
    money,
  ),
  'b10-fc-10': retail(
    ['customer_type'],
    ordersSql(Q3, 'customer_type, sum(amount) AS revenue', 'TRUE', 'customer_type'),
    moneyTable,
  ),
  'b10-fc-11': retail([], lost(Q3, HIGH), money),
  'b10-fc-12': retail(
    ['sales_channel'],
    ordersSql(Q3, `sales_channel, ${AOV}`, "sales_channel IN ('app', 'store')", 'sales_channel'),
    moneyTable,
  ),
  'b10-fc-14': retail([], winbackSql(YTD, WINBACK)),
  'b10-fc-19': retail([], revenue(DOUBLE_12_2025), money),
  'b10-fc-20': retail(
    [],
    revenue(YTD, customerIn('customer_id', "lifecycle_stage = 'churned'", 'customer_snapshot')),
    money,
  ),
  'b10-fc-21': retail([], lost(Q2), money),
  'b10-fc-22': retail(
    ['category'],
    ranked(ordersSql(Q3, 'category, sum(amount) AS revenue', 'TRUE', 'category'), 'revenue', 'DESC'),
    moneyRanking,
  ),
  'b10-fc-23': telco(
    ['contract'],
    telcoBy('contract', 'avg(a.monthly_charges) AS avg_monthly_charges'),
    table,
  ),
  'b10-fc-24': telco([], telcoSql('avg(a.monthly_charges) AS avg_monthly_charges', FIBER)),
  'b10-fc-25': retail(
    [],
    `SELECT (${ordersSql(Q3, AOV)}) AS avg_order_value, ${revenuePerCustomer(Q3)} AS revenue_per_customer`,
    money,
  ),

  // Slack customer-success lead (mixed)
  'b10-sl-01': retail([], churnedCount(LAST_WEEK)),
  'b10-sl-02': retail([], pair('csat', feedback(Q3, CSAT), feedback(Q2, CSAT))),
  'b10-sl-03': retail([], ticketsSql(SEP, `${FCR} AS first_contact_resolution_rate`)),
  'b10-sl-04': retail(
    ['ticket_category'],
    ticketsSql(Q3, `ticket_category, ${HOURS} AS avg_resolution_hours`, 'TRUE', 'ticket_category'),
    table,
  ),
  'b10-sl-05': retail(['period'], feedbackSql(every(YTD, 'MONTH'), `${NPS} AS nps`, 'TRUE', true), table),
  'b10-sl-08': retail(
    ['region'],
    ranked(
      ticketsWithRegion(SEP, 'c.region AS region, count(*) AS tickets', 'TRUE', 'c.region'),
      'tickets',
      'DESC',
      3,
    ),
    ranking,
  ),
  'b10-sl-09': retail(['region'], only(complaintRateBy(Q3, 'region'), 'region', ['华东', '华南']), table),
  'b10-sl-15': retail([], feedback(SEP, NEGATIVE)),
  'b10-sl-16': retail([], feedback(Q3, DETRACTORS)),
  'b10-sl-20': retail(
    ['region'],
    pairBy('churn_rate', 'region', rateBy(Q3, 'region'), rateBy(Q3_LY, 'region')),
    table,
  ),
  'b10-sl-21': telco(['tech_support'], churnRateBy('tech_support', "a.tech_support IN ('Yes', 'No')"), table),
  'b10-sl-22': telco([], telcoRate("a.online_security = 'No'")),
  'b10-sl-25': retail(
    ['ticket_category'],
    ticketsSql(SEP, 'ticket_category, count(*) AS tickets', 'TRUE', 'ticket_category'),
    table,
  ),

  // telco marketing manager (zh)
  'b10-tm-01': telco([], telcoRate()),
  'b10-tm-02': telco([], telcoSql(`${T_CHURNED} AS churned_customers`)),
  'b10-tm-03': telco(['contract'], churnRateBy('contract'), table),
  'b10-tm-04': telco(
    ['contract'],
    churnRateBy('contract', "a.contract IN ('Month-to-month', 'Two year')"),
    table,
  ),
  'b10-tm-06': telco([], telcoRate(FIBER)),
  'b10-tm-07': telco(
    ['internet_service'],
    ranked(churnRateBy('internet_service'), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b10-tm-08': telco([], telcoRate("a.internet_service = 'No'")),
  'b10-tm-09': telco(['senior_citizen'], churnRateBy('senior_citizen'), table),
  'b10-tm-10': telco([], telcoSql('avg(a.monthly_charges) AS avg_monthly_charges')),
  'b10-tm-11': telco(
    ['churn_category'],
    ranked(
      telcoBy('churn_category', `${T_CHURNED} AS churned_customers`, 'c.churn_label'),
      'churned_customers',
      'DESC',
    ),
    { ordered: true },
  ),
  'b10-tm-14': telco(['payment_method'], churnRateBy('payment_method'), table),
  'b10-tm-15': telco([], telcoRate()),
  'b10-tm-16': telco(
    ['city'],
    ranked(telcoBy('city', `${T_CHURNED} AS churned_customers`), 'churned_customers', 'DESC', 3),
    ranking,
  ),
  'b10-tm-17': telco(['tenure_band'], telcoByBand(`${T_RATE} AS churn_rate`), table),
  'b10-tm-18': telco([], telcoRate('a.satisfaction_score IN (1, 2)')),
  'b10-tm-23': telco(['contract'], churnRateBy('contract', FIBER), table),
  'b10-tm-24': telco([], telcoRate("a.internet_service = 'DSL'")),
  'b10-tm-27': telco(
    ['payment_method'],
    telcoBy('payment_method', 'avg(a.tenure_months) AS avg_tenure_months'),
    table,
  ),

  // retail intern (en)
  'b10-in-01': retail([], churnedCount(SEP)),
  'b10-in-02': retail([], rate(Q3)),
  'b10-in-03': retail(['region'], rateBy(Q3, 'region'), table),
  'b10-in-07': retail([], revenue(JULY), money),
  'b10-in-08': retail([], ordersSql(DOUBLE_11_2025, ORDERS)),
  'b10-in-09': retail([], ordersSql(Q2, AOV, "category = '美妆'"), money),
  'b10-in-10': retail([], newCustomersSql(one(YTD))),
  'b10-in-11': retail(['period'], newCustomersSql(every(YTD, 'MONTH'), 'TRUE', '', true), table),
  'b10-in-12': retail([], repeatSql(Q3, null)),
  'b10-in-17': retail(['gender'], rateBy(Q3, 'gender', "gender IN ('female', 'male')"), table),
  'b10-in-18': retail([], churnedCount(Q3, "city = '上海'")),
  'b10-in-19': retail([], ticketsSql(SEP, 'count(*) AS tickets')),
  'b10-in-22': telco([], telcoSql('count(DISTINCT c.customer_id) AS customers')),
  'b10-in-23': telco(['payment_method'], churnRateBy('payment_method'), table),
  'b10-in-24': retail([], revenue(SPRING_FESTIVAL_2026), money),
  'b10-in-25': retail([], rate(Q3, 'age >= 25 AND age < 35')),

  // WeCom forwarder (zh)
  'b10-fw-01': retail([], churnedCount(Q3)),
  'b10-fw-02': retail([], pair('revenue', revenue(YTD), revenue(YTD_LY)), money),
  'b10-fw-04': retail(['region'], rateBy(SEP, 'region'), table),
  'b10-fw-05': retail([], ordersSql(MID_YEAR_618, ORDERS)),
  'b10-fw-06': retail([], pair('revenue', revenue(MID_YEAR_618), revenue(MID_YEAR_618_2025)), money),
  'b10-fw-07': retail(['period'], churnedByPeriod(every(Q3, 'MONTH')), table),
  'b10-fw-10': retail([], churnedCount(Q3, "churn_reason = 'price'")),
  'b10-fw-11': retail([], repeatSql(YTD, null)),
  'b10-fw-13': retail(['region'], rateBy(Q3, 'region', "region IN ('华北', '东北')"), table),
  'b10-fw-14': retail(['region'], rateBy(Q3_LY, 'region', "region IN ('华北', '东北')"), table),
  'b10-fw-15': retail(['acquisition_channel'], churnedBy(Q3, 'acquisition_channel'), table),
  'b10-fw-16': retail([], rate(Q3, "acquisition_channel = 'live_stream'")),
  'b10-fw-18': retail([], revenue(SEP), money),
  'b10-fw-21': telco([], telcoRate("a.contract = 'Two year'")),
  'b10-fw-22': retail([], ordersSql(SEP, AOV, EAST), money),
  'b10-fw-23': retail([], ticketsSql(DAYS_90, 'count(*) AS tickets')),
  'b10-fw-25': retail(
    ['acquisition_channel'],
    newCustomersSql(one(YTD), 'TRUE', 'acquisition_channel'),
    table,
  ),
  'b10-fw-26': retail([], retentionOf(Q3)),
};
