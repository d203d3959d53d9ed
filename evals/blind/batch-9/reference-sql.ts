/**
 * Hand-written reference SQL for blind batch 9 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. Reuses batches 2-8's blocks; this batch's few
 * additions are in building-blocks.ts.
 */
import {
  every,
  FCR,
  feedbackSql,
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
  DOUBLE_11_DAY,
  LOST,
  MID_YEAR_618,
  RATE,
  rate,
  rateBy,
  revenue,
  SPRING_FESTIVAL_2026,
  WINBACK,
} from '../batch-4/building-blocks.ts';
import { BLACK_FRIDAY_2025, snapshotCustomers, YTD_LY } from '../batch-5/building-blocks.ts';
import {
  DETRACTORS,
  feedback,
  money,
  ranking,
  rateByPeriod,
  table,
  telcoRate,
} from '../batch-6/building-blocks.ts';
import { DOUBLE_12_DAY_2025, MID_YEAR_618_2025 } from '../batch-7/building-blocks.ts';
import { monthlyWinback, retentionBy } from '../batch-8/building-blocks.ts';
import { ordersByPeriod, snapshotBy } from './building-blocks.ts';

const ORDERS = 'count(*) AS orders';
const moneyTable = { ...table, ...money };
const FIBER = "a.internet_service = 'Fiber optic'";
const churnRateBy = (key: string, where = 'TRUE') => telcoBy(key, `${T_RATE} AS churn_rate`, where);
const EAST = "region = '华东'";
const HIGH = "value_tier = 'high'";
const LIVE = "acquisition_channel = 'live_stream'";
const LOGISTICS = "ticket_category = 'logistics'";

export const REFERENCES: Record<string, Reference> = {
  // supply-chain planner (zh)
  'b9-sp-01': retail([], ordersSql(SEP, ORDERS)),
  'b9-sp-02': retail(
    ['category'],
    ranked(ordersSql(SEP, `category, ${ORDERS}`, 'TRUE', 'category'), 'orders', 'DESC'),
    ranking,
  ),
  'b9-sp-03': retail([], ordersSql(DOUBLE_11_2025, ORDERS)),
  'b9-sp-04': retail([], ordersSql(DOUBLE_11_DAY, ORDERS)),
  'b9-sp-05': retail([], ordersSql(MID_YEAR_618, ORDERS, "category = '家电'")),
  'b9-sp-06': retail(
    [],
    pair(
      'orders',
      ordersSql(MID_YEAR_618, ORDERS, "category = '家电'"),
      ordersSql(MID_YEAR_618_2025, ORDERS, "category = '家电'"),
    ),
  ),
  'b9-sp-07': retail(['period'], ordersByPeriod(Q3, 'month'), table),
  'b9-sp-08': retail([], ticketsSql(Q3, 'count(*) AS tickets', LOGISTICS)),
  'b9-sp-09': retail([], ticketsSql(DAYS_90, `${HOURS} AS avg_resolution_hours`, LOGISTICS)),
  'b9-sp-10': retail(
    ['region'],
    ordersSql(Q3, `region, ${AOV}`, "region IN ('华南', '西南')", 'region'),
    moneyTable,
  ),
  'b9-sp-11': retail(['period'], ordersByPeriod(Y2025, 'quarter'), table),
  'b9-sp-12': retail([], revenue(Q3, "category = '数码'"), money),
  'b9-sp-13': retail(
    [],
    pair('revenue', revenue(Q3, "category = '数码'"), revenue(Q3_LY, "category = '数码'")),
    money,
  ),
  'b9-sp-14': retail([], churnedCount(Q3, "churn_reason = 'logistics'")),
  'b9-sp-15': retail(['region'], churnedBy(Q3, 'region', "churn_reason = 'logistics'"), table),
  'b9-sp-19': retail(
    ['sales_channel'],
    ordersSql(SEP, `sales_channel, ${ORDERS}`, "sales_channel IN ('app', 'store')", 'sales_channel'),
    table,
  ),
  'b9-sp-20': retail([], revenue(SEP, "region = '华东' AND category = '服饰'"), money),
  'b9-sp-22': retail(['period'], newCustomersSql(every(YTD, 'MONTH'), 'TRUE', '', true), table),

  // Chengdu shop owner, Sichuan dialect (zh)
  'b9-cd-01': retail([], churnedCount(SEP)),
  'b9-cd-02': retail([], rate(Q3)),
  'b9-cd-03': retail([], rate(Q3, "region = '西南'")),
  'b9-cd-04': retail([], churnedCount(Q3, "city = '成都'")),
  'b9-cd-05': retail(['city'], rateBy(Q3, 'city', "city IN ('成都', '重庆')"), table),
  'b9-cd-10': retail([], revenue(YTD), money),
  'b9-cd-11': retail([], revenue(SPRING_FESTIVAL_2026), money),
  'b9-cd-12': retail([], ordersSql(SEP, AOV, "sales_channel = 'store'"), money),
  'b9-cd-13': retail(['period'], rateByPeriod(every(YTD, 'MONTH')), table),
  'b9-cd-14': retail([], rate(Q3, "acquisition_channel = 'referral'")),
  'b9-cd-15': retail(
    ['acquisition_channel'],
    ranked(rateBy(Q3, 'acquisition_channel'), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b9-cd-16': retail([], repeatSql(YTD, null)),
  'b9-cd-21': retail([], pair('churn_rate', rate(Q3), rate(Q3_LY))),
  'b9-cd-22': retail(['region'], rateBy(Q3, 'region', "region IN ('华南', '西南')"), table),
  'b9-cd-23': retail([], rate(SEP, "gender = 'female'")),
  'b9-cd-24': retail([], churnedCount(Q3, "churn_reason = 'price'")),

  // Taiwanese telco CFO, traditional characters (zh)
  'b9-tc-01': telco([], telcoRate()),
  'b9-tc-02': telco([], telcoSql(`${T_CHURNED} AS churned_customers`)),
  'b9-tc-03': telco(['contract'], churnRateBy('contract'), table),
  'b9-tc-04': telco([], telcoRate(`${FIBER} AND a.contract = 'Month-to-month'`)),
  'b9-tc-05': telco(
    ['payment_method'],
    telcoBy('payment_method', 'avg(a.monthly_charges) AS avg_monthly_charges'),
    table,
  ),
  'b9-tc-06': telco(['payment_method'], churnRateBy('payment_method'), table),
  'b9-tc-07': telco([], telcoSql('avg(a.tenure_months) AS avg_tenure_months')),
  'b9-tc-08': telco([], telcoSql('avg(a.cltv) AS avg_cltv')),
  'b9-tc-09': telco([], telcoRate('a.senior_citizen')),
  'b9-tc-10': telco(
    ['churn_category'],
    ranked(
      telcoBy('churn_category', `${T_CHURNED} AS churned_customers`, 'c.churn_label'),
      'churned_customers',
      'DESC',
    ),
    { ordered: true },
  ),
  'b9-tc-14': telco([], telcoRate()),
  'b9-tc-17': telco([], telcoRate(`${FIBER} AND a.tech_support = 'No'`)),
  'b9-tc-18': telco([], telcoRate("a.contract = 'Two year'")),
  'b9-tc-19': telco(['internet_service'], churnRateBy('internet_service'), table),
  'b9-tc-20': telco([], telcoSql('avg(a.satisfaction_score) AS avg_satisfaction')),
  'b9-tc-21': telco(
    ['city'],
    ranked(telcoBy('city', `${T_CHURNED} AS churned_customers`), 'churned_customers', 'DESC', 5),
    table,
  ),

  // HR-minded regional director, long polite emails (en)
  'b9-rd-01': retail([], rate(Q3, EAST)),
  'b9-rd-02': retail([], rate(Q3_LY, EAST)),
  'b9-rd-03': retail(['region'], rateBy(Q3, 'region', "region IN ('华东', '华南')"), table),
  'b9-rd-04': retail(['region'], ranked(rateBy(Q3, 'region'), 'churn_rate', 'ASC'), ranking),
  'b9-rd-05': retail([], churnedCount(SEP, "region = '华北'")),
  'b9-rd-06': retail(['region'], complaintRateBy(Q3, 'region'), table),
  'b9-rd-07': retail([], ticketsSql(Q3, `${HOURS} AS avg_resolution_hours`)),
  'b9-rd-08': retail([], ticketsSql(SEP, `${FCR} AS first_contact_resolution_rate`)),
  'b9-rd-09': retail([], feedback(Q3, `${NPS} AS nps`)),
  'b9-rd-10': retail([], pair('nps', feedback(Q3, `${NPS} AS nps`), feedback(Q2, `${NPS} AS nps`))),
  'b9-rd-16': retail([], rate(Q3, `${EAST} AND value_tier = 'high'`, true)),
  'b9-rd-17': retail([], churn({ range: Q3, select: `1 - ${RATE} AS retention_rate`, where: EAST })),
  'b9-rd-21': retail(['region'], ranked(churnedBy(Q3, 'region'), 'churned_customers', 'DESC'), ranking),
  'b9-rd-22': retail(
    [],
    churn({ range: Q3, select: `${LOST} AS lost_revenue`, where: "region = '华南'" }),
    money,
  ),
  'b9-rd-23': retail([], winbackSql(YTD, WINBACK)),
  'b9-rd-24': telco([], telcoRate("a.contract = 'Month-to-month' AND a.payment_method = 'Electronic check'")),

  // US product marketer (en)
  'b9-mk-01': retail([], repeatSql(YTD, null)),
  'b9-mk-02': retail([], revenue(BLACK_FRIDAY_2025), money),
  'b9-mk-04': retail(['acquisition_channel'], newCustomersSql(one(Q3), 'TRUE', 'acquisition_channel'), table),
  'b9-mk-05': retail(
    ['acquisition_channel'],
    ranked(rateBy(Q3, 'acquisition_channel'), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b9-mk-06': retail(
    ['acquisition_channel'],
    rateBy(Q3, 'acquisition_channel', "acquisition_channel IN ('paid_search', 'social')"),
    table,
  ),
  'b9-mk-07': retail([], pair('churn_rate', rate(Q3, LIVE), rate(Q2, LIVE))),
  'b9-mk-09': retail(
    ['sales_channel'],
    ordersSql(SEP, `sales_channel, ${AOV}`, 'TRUE', 'sales_channel'),
    moneyTable,
  ),
  'b9-mk-10': retail(['period'], newCustomersSql(every(LAST_12_MONTHS, 'MONTH'), 'TRUE', '', true), table),
  'b9-mk-13': retail([], rate(Q3, 'age < 25')),
  'b9-mk-14': retail([], repeatSql(YTD, null, "o.category = '服饰'")),
  'b9-mk-15': retail([], repeatSql(YTD, null, "o.category = '美妆'")),
  'b9-mk-19': retail(['period'], feedbackSql(every(YTD, 'MONTH'), `${NPS} AS nps`, 'TRUE', true), table),
  'b9-mk-20': retail([], pair('revenue', revenue(MID_YEAR_618), revenue(MID_YEAR_618_2025)), money),
  'b9-mk-21': retail(['customer_type'], rateBy(Q3, 'customer_type'), table),
  'b9-mk-25': telco(['internet_service'], churnRateBy('internet_service'), table),

  // retail membership manager (zh)
  'b9-vip-01': retail([], rate(Q3, HIGH, true)),
  'b9-vip-02': retail([], churnedCount(Q3, HIGH, true)),
  'b9-vip-03': retail(['value_tier'], retentionBy(Q3, 'value_tier', 'TRUE', true), table),
  'b9-vip-04': retail(['rfm_segment'], snapshotBy('rfm_segment'), table),
  'b9-vip-05': retail(
    [],
    snapshotCustomers('count(DISTINCT customer_id) AS customers', "rfm_segment = 'at_risk'"),
  ),
  'b9-vip-06': retail(
    [],
    snapshotCustomers('count(DISTINCT customer_id) AS customers', "lifecycle_stage = 'dormant'"),
  ),
  'b9-vip-07': retail([], pair('repeat_purchase_rate', repeatSql(YTD, null), repeatSql(YTD_LY, null))),
  'b9-vip-08': retail([], ordersSql(DOUBLE_12_DAY_2025, ORDERS)),
  'b9-vip-09': retail([], winbackSql(SEP, WINBACK)),
  'b9-vip-10': retail(['period'], monthlyWinback(YTD), table),
  'b9-vip-15': retail(['lifecycle_stage'], snapshotBy('lifecycle_stage'), table),
  'b9-vip-16': retail([], newCustomersSql(one(SEP))),
  'b9-vip-18': retail([], feedback(Q3, DETRACTORS)),
  'b9-vip-21': retail([], rate(Q3, "value_tier = 'medium'", true)),
  'b9-vip-23': retail(
    ['value_tier'],
    ranked(rateBy(Q3, 'value_tier', 'TRUE', true), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b9-vip-25': telco([], telcoRate("a.contract = 'One year'")),
  'b9-vip-26': retail([], revenue(SEP, "category = '美妆' AND value_tier = 'high'"), money),

  // supply-chain planner, later cases
  'b9-sp-25': retail(['period'], ordersByPeriod(Q3, 'month', EAST), table),
  'b9-sp-26': retail(
    ['region'],
    ranked(ordersSql(Q3, `region, ${ORDERS}`, 'TRUE', 'region'), 'orders', 'DESC', 3),
    ranking,
  ),
  'b9-sp-27': retail([], pair('orders', ordersSql(Q3, ORDERS), ordersSql(Q3_LY, ORDERS))),

  'b9-tc-26': telco([], telcoRate('a.paperless_billing')),
  'b9-tc-27': telco(['contract'], telcoBy('contract', 'avg(a.tenure_months) AS avg_tenure_months'), table),
};
