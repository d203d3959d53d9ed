/**
 * Hand-written reference SQL for blind batch 5 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. Reuses batch 2's orders/tickets/feedback/win-back/telco
 * blocks, batch 3's helpers and batch 4's churn population under the period-boundary convention; this
 * batch's few additions are in building-blocks.ts.
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
  MONEY,
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
  WB_RETURNED,
  winbackSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import { pair, sqlList as quoted, ranked, retail, T_BAND, telco, telcoBy } from '../batch-3/reference-sql.ts';
import {
  AOV,
  CUSTOMERS,
  churn,
  churnedBy,
  churnedCount,
  complaintRateBy,
  DOUBLE_11_2025,
  DOUBLE_11_DAY,
  LEFT,
  LOST,
  MID_YEAR_618,
  monthlyRevenue,
  NATIONAL_DAY_2025,
  orderCount,
  pairBy,
  RATE,
  rate,
  rateBy,
  reactivated,
  revenue,
  SPRING_FESTIVAL_2026,
  STARTED,
  tickets,
  ticketsWithRegion,
  WINBACK,
} from '../batch-4/building-blocks.ts';
import {
  BLACK_FRIDAY_2025,
  DOUBLE_12_2025,
  FORTNIGHT,
  LAST_6_MONTHS,
  monthlyRepeat,
  monthlyTickets,
  quarterlyRate,
  quarterlyRevenue,
  repeatBuyers,
  revenueByCity,
  snapshotCustomers,
  YTD_LY,
} from './building-blocks.ts';

const money = { tolerance: MONEY };
const table = { rows: true };
const moneyTable = { rows: true, tolerance: MONEY };
const ranking = { rows: true, ordered: true };
const byCategory = (range: readonly [string, string], select: string, where = 'TRUE') =>
  ordersSql(range, `category, ${select}`, where, 'category');
const logisticsByRegion = (range: readonly [string, string], where = 'TRUE') =>
  ticketsWithRegion(
    range,
    'c.region AS region, count(*) AS tickets',
    `t.category = 'logistics' AND ${where}`,
    'c.region',
  );
const telcoRate = (where = 'TRUE') => telcoSql(`${T_RATE} AS churn_rate`, where);

export const REFERENCES: Record<string, Reference> = {
  // category buyer (zh)
  'b5-cb-01': retail(['category'], byCategory(Q3, 'sum(amount) AS revenue'), moneyTable),
  'b5-cb-02': retail(
    ['category'],
    ranked(rateBy(Q3, 'category', 'TRUE', true), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b5-cb-03': retail([], repeatSql(SEP, null, "o.category = '美妆'")),
  'b5-cb-04': retail(
    ['category'],
    byCategory(Q3, AOV, `category IN (${quoted(['数码', '家电'])})`),
    moneyTable,
  ),
  'b5-cb-05': retail([], ordersSql(YTD, 'count(*) AS orders', "category = '母婴'")),
  'b5-cb-07': retail([], revenue(DOUBLE_11_2025, "category = '食品'"), money),
  'b5-cb-08': retail([], churnedCount(Q3, "category = '服饰'", true)),
  'b5-cb-10': retail(['period'], monthlyRevenue(LAST_12_MONTHS, "category = '美妆'"), moneyTable),
  'b5-cb-11': retail(
    [],
    pair('revenue', revenue(YTD, "category = '运动'"), revenue(YTD_LY, "category = '运动'")),
    money,
  ),
  'b5-cb-13': retail(
    ['category'],
    ranked(byCategory(MID_YEAR_618, 'sum(amount) AS revenue'), 'revenue', 'DESC'),
    { ...ranking, ...money },
  ),
  'b5-cb-15': retail(
    ['category'],
    ranked(byCategory(MID_YEAR_618, 'sum(amount) AS revenue', "region = '华东'"), 'revenue', 'DESC'),
    { ...ranking, ...money },
  ),
  'b5-cb-16': retail([], rate(Q3, "category = '母婴' AND value_tier = 'high'", true)),
  'b5-cb-22': retail(['category'], ranked(byCategory(SEP, 'count(*) AS orders'), 'orders', 'DESC'), ranking),
  'b5-cb-23': retail(
    ['category'],
    repeatSql(Q3, 'category', `o.category IN (${quoted(['美妆', '服饰'])})`),
    table,
  ),
  'b5-cb-25': retail(
    [],
    churn({ range: YTD, select: `${LOST} AS lost_revenue`, where: "category = '数码'" }),
    money,
  ),
  'b5-cb-26': retail(
    ['category'],
    snapshotCustomers('main_category AS category, count(*) AS customers', 'main_category IS NOT NULL', '1'),
  ),
  'b5-cb-27': telco(
    [],
    telcoSql('avg(a.monthly_charges) AS avg_monthly_charges', "a.internet_service = 'Fiber optic'"),
  ),

  // finance analyst (en, AU/IN)
  'b5-fa-01': retail([], revenue(FORTNIGHT), money),
  'b5-fa-02': retail([], revenue(Q3), money),
  'b5-fa-03': retail([], revenue(YTD), money),
  'b5-fa-04': retail([], rate(Q3)),
  'b5-fa-06': retail(
    ['sales_channel'],
    ordersSql(Q3, `sales_channel, ${AOV}`, 'TRUE', 'sales_channel'),
    moneyTable,
  ),
  'b5-fa-07': retail(
    ['value_tier'],
    churn({ range: Q3, select: `value_tier, ${LOST} AS lost_revenue`, group: 'value_tier' }),
    moneyTable,
  ),
  'b5-fa-10': retail([], pair('revenue', revenue(Q3), revenue(Q2)), money),
  'b5-fa-11': retail(['period'], monthlyRevenue(LAST_6_MONTHS), moneyTable),
  'b5-fa-13': retail([], revenue(BLACK_FRIDAY_2025), money),
  'b5-fa-14': retail([], orderCount(DOUBLE_12_2025)),
  'b5-fa-15': retail([], churnedCount(YTD, "customer_type = 'B2B'")),
  'b5-fa-19': telco([], telcoSql('sum(a.total_revenue) AS total_revenue'), money),
  'b5-fa-20': telco(
    ['payment_method'],
    telcoBy('payment_method', 'avg(a.monthly_charges) AS avg_monthly_charges'),
    table,
  ),
  'b5-fa-21': telco([], telcoRate("a.payment_method = 'Bank transfer (automatic)'")),
  'b5-fa-22': telco(
    ['contract'],
    ranked(telcoBy('contract', 'sum(a.total_revenue) AS total_revenue'), 'total_revenue', 'DESC'),
    { ...ranking, ...money },
  ),
  'b5-fa-24': telco([], telcoSql(CUSTOMERS, 'a.paperless_billing')),
  'b5-fa-27': retail(
    ['region'],
    ordersSql(Q3_LY, 'region, sum(amount) AS revenue', 'TRUE', 'region'),
    moneyTable,
  ),

  // loyalty programme manager (zh / mixed)
  'b5-lp-01': retail([], repeatSql(Q3, null)),
  'b5-lp-04': retail(['coupon_user'], rateBy(Q3, 'coupon_user', 'TRUE', true), table),
  'b5-lp-05': retail([], newCustomersSql(one(SEP))),
  'b5-lp-06': retail([], churnedCount(Q3, "value_tier = 'high'", true)),
  'b5-lp-07': retail(['period'], monthlyRepeat(YTD), table),
  'b5-lp-08': retail([], snapshotCustomers('count(*) AS customers', "rfm_segment = 'champions'")),
  'b5-lp-09': retail(
    ['rfm_segment'],
    snapshotCustomers('rfm_segment, count(*) AS customers', 'rfm_segment IS NOT NULL', '1'),
  ),
  'b5-lp-11': retail([], winbackSql(YTD, `${WB_RETURNED} AS winback_returned`)),
  'b5-lp-12': retail(['region'], winbackSql(YTD, `region, ${WINBACK}`, 'region'), table),
  'b5-lp-13': retail([], snapshotCustomers('count(*) AS customers', "lifecycle_stage = 'won_back'")),
  'b5-lp-15': retail(
    ['category'],
    ranked(repeatSql(YTD, 'category'), 'repeat_purchase_rate', 'DESC', 3),
    ranking,
  ),
  'b5-lp-16': retail([], reactivated(Q3)),
  'b5-lp-17': retail([], rate(Q3, "value_tier = 'high'", true)),
  'b5-lp-20': retail([], repeatBuyers(SEP)),
  'b5-lp-23': telco(['tech_support'], telcoBy('tech_support', `${T_RATE} AS churn_rate`), table),
  'b5-lp-24': telco([], telcoSql('avg(a.satisfaction_score) AS avg_satisfaction')),
  'b5-lp-25': telco([], telcoRate('a.senior_citizen')),

  // logistics lead (zh, traditional / Cantonese)
  'b5-lg-01': retail([], ticketsSql(SEP, 'count(*) AS tickets', "ticket_category = 'logistics'")),
  'b5-lg-03': retail([], churnedCount(Q3, "churn_reason = 'logistics'")),
  'b5-lg-04': retail(['region'], logisticsByRegion(Q3)),
  'b5-lg-05': retail([], ticketsSql(Q3, `${HOURS} AS avg_resolution_hours`)),
  'b5-lg-06': retail(
    [],
    ticketsSql(Q3, `${FCR} AS first_contact_resolution_rate`, "ticket_category = 'logistics'"),
  ),
  'b5-lg-07': retail([], rate(Q3, "region = '西北'")),
  'b5-lg-08': retail([], tickets(DOUBLE_11_2025)),
  'b5-lg-09': retail([], orderCount(DOUBLE_11_DAY)),
  'b5-lg-10': retail(['period'], monthlyTickets(LAST_12_MONTHS), table),
  'b5-lg-13': retail(
    [],
    `SELECT complaint_rate FROM (${complaintRateBy(Q3, 'region')}) WHERE region = '东北'`,
  ),
  'b5-lg-14': retail(['region'], logisticsByRegion(SEP, `c.region IN (${quoted(['华南', '华东'])})`)),
  'b5-lg-19': retail([], orderCount(NATIONAL_DAY_2025)),
  'b5-lg-20': retail(['region'], logisticsByRegion(SEP)),
  'b5-lg-21': retail(['region'], pairBy('tickets', 'region', logisticsByRegion(SEP), logisticsByRegion(AUG))),
  'b5-lg-23': telco([], telcoRate("a.tech_support = 'Yes'")),
  'b5-lg-24': telco([], telcoSql(CUSTOMERS, "a.internet_service = 'Fiber optic'")),
  'b5-lg-25': telco(
    ['churn_category'],
    telcoBy('churn_category', `${T_CHURNED} AS churned_customers`, 'c.churn_label'),
  ),

  // Northeast boss (zh, colloquial)
  'b5-ne-01': retail([], churnedCount(SEP)),
  'b5-ne-02': retail([], rate(Q3, "region = '东北'")),
  'b5-ne-03': retail([], rate(Q3, "city = '哈尔滨'")),
  'b5-ne-05': retail([], revenue(YTD), money),
  'b5-ne-06': retail([], pair('churn_rate', rate(Q3), rate(Q3_LY))),
  'b5-ne-12': retail(['city'], churnedBy(Q3, 'city', `city IN (${quoted(['沈阳', '大连'])})`), table),
  'b5-ne-13': retail([], rate(Q3, "customer_type = 'B2B'")),
  'b5-ne-14': retail([], repeatSql(SEP, null)),
  'b5-ne-15': retail([], revenue(SPRING_FESTIVAL_2026), money),
  'b5-ne-16': retail([], orderCount(DOUBLE_12_2025)),
  'b5-ne-18': retail(['period'], quarterlyRate(every(LAST_8_QUARTERS, 'QUARTER')), table),
  'b5-ne-19': retail(['city'], ranked(revenueByCity(Q3), 'revenue', 'DESC', 5), { ...ranking, ...money }),
  'b5-ne-20': retail([], ordersSql(Q3, AOV), money),
  'b5-ne-22': telco([], telcoRate("a.contract = 'Month-to-month'")),
  'b5-ne-23': telco(
    [],
    telcoSql(`${T_CHURNED} AS churned_customers`, "a.payment_method = 'Electronic check'"),
  ),
  'b5-ne-24': telco(['contract'], telcoBy('contract', 'avg(a.tenure_months) AS avg_tenure_months'), table),
  'b5-ne-26': retail([], rate(Q3, "region = '华北'")),

  // data journalist (en)
  'b5-dj-01': retail(
    [],
    churn({ range: Q3, select: `${LEFT} AS churned_customers, ${STARTED} AS active_customers` }),
  ),
  'b5-dj-03': retail([], rate(Y2025)),
  'b5-dj-04': retail([], churn({ range: H1, select: `1 - ${RATE} AS retention_rate` })),
  'b5-dj-05': retail(
    ['churn_reason'],
    `SELECT * FROM (${churnedBy(Q3, 'churn_reason')}) WHERE churned_customers > 0`,
  ),
  'b5-dj-06': retail(
    [],
    feedbackSql(one(Y2025), `${NPS} AS nps, count(*) FILTER (WHERE nps IS NOT NULL) AS nps_responses`),
  ),
  'b5-dj-07': retail([], feedbackSql(one(SEP), 'avg(f.csat) AS csat')),
  'b5-dj-08': retail([], tickets(Y2025)),
  'b5-dj-10': retail(['region'], ranked(rateBy(Q3, 'region'), 'churn_rate', 'ASC'), ranking),
  'b5-dj-11': retail([], newCustomersSql(one(Y2025), "c.acquisition_channel = 'referral'")),
  'b5-dj-12': retail([], rate(Q3, 'age >= 55')),
  'b5-dj-13': retail(['gender'], rateBy(Q3, 'gender', `gender IN (${quoted(['female', 'male'])})`)),
  'b5-dj-15': retail([], rate(Q3, "city = '广州' AND customer_type = 'B2C'")),
  'b5-dj-16': retail(['period'], quarterlyRevenue(Y2025), moneyTable),
  'b5-dj-18': telco([], telcoRate()),
  'b5-dj-19': telco([], telcoSql(CUSTOMERS)),
  'b5-dj-20': telco(['internet_service'], telcoBy('internet_service', `${T_RATE} AS churn_rate`), table),
  'b5-dj-21': telco([], telcoRate("a.online_security = 'No'")),
  'b5-dj-23': telco(
    ['tenure_band'],
    telcoSql(`${T_BAND} AS tenure_band, ${T_RATE} AS churn_rate`, 'TRUE', '1'),
    table,
  ),
  'b5-dj-24': telco(['gender'], telcoSql(`c.gender AS gender, ${T_RATE} AS churn_rate`, 'TRUE', '1'), table),
  'b5-dj-25': telco([], telcoRate()),
  'b5-dj-26': telco([], telcoRate('a.satisfaction_score = 1')),
  'b5-dj-27': telco(
    ['contract'],
    ranked(telcoBy('contract', `1 - ${T_RATE} AS retention_rate`), 'retention_rate', 'DESC'),
    ranking,
  ),
  'b5-dj-29': telco(
    ['internet_service'],
    telcoBy(
      'internet_service',
      'avg(a.monthly_charges) AS avg_monthly_charges',
      `a.internet_service IN (${quoted(['Fiber optic', 'DSL'])})`,
    ),
    table,
  ),
};
