/**
 * Hand-written reference SQL for blind batch 11 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. Reuses batches 2-10's blocks; this batch's few
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
  monthlyRevenue,
  NATIONAL_DAY_2025,
  RATE,
  rate,
  rateBy,
  revenue,
  SPRING_FESTIVAL_2026,
  WINBACK,
} from '../batch-4/building-blocks.ts';
import { DOUBLE_12_2025, quarterlyRevenue, YTD_LY } from '../batch-5/building-blocks.ts';
import { money, ranking, rateByPeriod, table, telcoRate } from '../batch-6/building-blocks.ts';
import { MID_YEAR_618_2025 } from '../batch-7/building-blocks.ts';
import { telcoByBand } from '../batch-10/building-blocks.ts';
import { inCity, lost, SEP_LY, yearlyRevenue } from './building-blocks.ts';

const moneyTable = { ...table, ...money };
const moneyRanking = { ...ranking, ...money };
const ORDERS = 'count(*) AS orders';
const HIGH = "value_tier = 'high'";
const LIVE = "acquisition_channel = 'live_stream'";
const GZ = "city = '广州'";
const churnRateBy = (key: string, where = 'TRUE') => telcoBy(key, `${T_RATE} AS churn_rate`, where);
const M2M = "a.contract = 'Month-to-month'";
const revenueBy = (range: typeof Q3, key: string, where = 'TRUE') =>
  ordersSql(range, `${key}, sum(amount) AS revenue`, where, key);

export const REFERENCES: Record<string, Reference> = {
  // Tmall campaign manager (zh)
  'b11-tm-01': retail([], revenue(DOUBLE_11_2025), money),
  'b11-tm-02': retail([], revenue(DOUBLE_11_DAY), money),
  'b11-tm-03': retail([], ordersSql(MID_YEAR_618, AOV), money),
  'b11-tm-04': retail([], pair('revenue', revenue(MID_YEAR_618), revenue(MID_YEAR_618_2025)), money),
  'b11-tm-05': retail([], ordersSql(DOUBLE_12_2025, ORDERS)),
  'b11-tm-06': retail([], newCustomersSql(one(Q3))),
  'b11-tm-07': retail(
    ['acquisition_channel'],
    newCustomersSql(one(Q3), 'TRUE', 'acquisition_channel'),
    table,
  ),
  'b11-tm-08': retail([], rate(Q3, LIVE)),
  'b11-tm-09': retail([], repeatSql(YTD, null)),
  'b11-tm-10': retail(['category'], ranked(revenueBy(SEP, 'category'), 'revenue', 'DESC'), moneyRanking),
  'b11-tm-11': retail(['category'], ranked(revenueBy(Q3, 'category'), 'revenue', 'DESC', 3), moneyRanking),
  'b11-tm-15': retail(['period'], monthlyRevenue(Q3), moneyTable),
  'b11-tm-16': retail(['period'], rateByPeriod(every(LAST_12_MONTHS, 'MONTH')), table),
  'b11-tm-21': retail(['sales_channel'], revenueBy(SEP, 'sales_channel'), moneyTable),
  'b11-tm-22': retail([], revenue(MID_YEAR_618_2025), money),
  'b11-tm-24': retail([], lost(Q3), money),
  'b11-tm-25': retail(
    ['region'],
    ordersSql(SEP, `region, ${AOV}`, "region IN ('华东', '华南')", 'region'),
    moneyTable,
  ),

  // telco retention desk agent (en)
  'b11-td-01': telco([], telcoRate(M2M)),
  'b11-td-02': telco([], telcoSql(`${T_CHURNED} AS churned_customers`, "a.contract = 'Two year'")),
  'b11-td-03': telco(['contract'], churnRateBy('contract'), table),
  'b11-td-06': telco(
    [],
    telcoSql('avg(a.monthly_charges) AS avg_monthly_charges', "a.internet_service = 'Fiber optic'"),
  ),
  'b11-td-07': telco(
    ['internet_service'],
    churnRateBy('internet_service', "a.internet_service IN ('DSL', 'Fiber optic')"),
    table,
  ),
  'b11-td-08': telco([], telcoRate("a.payment_method = 'Electronic check'")),
  'b11-td-09': telco([], telcoRate(`a.senior_citizen AND ${M2M}`)),
  'b11-td-13': telco(
    ['churn_category'],
    ranked(
      telcoBy('churn_category', `${T_CHURNED} AS churned_customers`, 'c.churn_label'),
      'churned_customers',
      'DESC',
    ),
    { ordered: true },
  ),
  'b11-td-15': telco([], telcoSql('avg(a.tenure_months) AS avg_tenure_months')),
  'b11-td-16': telco(['tenure_band'], telcoByBand(`${T_RATE} AS churn_rate`), table),
  'b11-td-19': telco([], telcoRate()),
  'b11-td-22': telco(
    ['payment_method'],
    churnRateBy(
      'payment_method',
      "a.payment_method IN ('Bank transfer (automatic)', 'Credit card (automatic)')",
    ),
    table,
  ),
  'b11-td-23': telco([], telcoRate("a.contract = 'One year'")),
  'b11-td-24': telco(
    ['contract'],
    telcoBy('contract', 'avg(a.satisfaction_score) AS avg_satisfaction'),
    table,
  ),
  'b11-td-25': telco([], telcoSql(`${T_CHURNED} AS churned_customers`, "a.city = 'San Diego'")),
  'b11-td-26': telco([], telcoSql('avg(a.cltv) AS avg_cltv')),

  // Guangzhou franchisee, Cantonese traces (zh)
  'b11-gz-01': retail([], churnedCount(SEP, GZ)),
  'b11-gz-02': retail(['city'], rateBy(Q3, 'city', "city IN ('广州', '深圳')"), table),
  'b11-gz-03': retail(['city'], ranked(rateBy(Q3, 'city', "region = '华南'"), 'churn_rate', 'DESC'), ranking),
  'b11-gz-04': retail([], revenue(SEP, "sales_channel = 'store'"), money),
  'b11-gz-05': retail(
    ['sales_channel'],
    ordersSql(Q3, `sales_channel, ${AOV}`, "sales_channel IN ('store', 'app')", 'sales_channel'),
    moneyTable,
  ),
  'b11-gz-10': retail([], revenue(SPRING_FESTIVAL_2026), money),
  'b11-gz-11': retail([], revenue(NATIONAL_DAY_2025), money),
  'b11-gz-12': retail(['period'], monthlyRevenue(YTD, inCity('广州')), moneyTable),
  'b11-gz-13': retail([], `SELECT complaint_rate FROM (${complaintRateBy(Q3, 'city')}) WHERE ${GZ}`),
  'b11-gz-15': retail(['city'], rateBy(Q3, 'city', "city IN ('佛山', '东莞')"), table),
  'b11-gz-17': retail([], churnedCount(Q3, "churn_reason = 'competitor'")),
  'b11-gz-19': retail([], repeatSql(YTD, null, "c.region = '华南'")),
  'b11-gz-20': retail([], pair('churn_rate', rate(Q3, GZ), rate(Q3_LY, GZ))),
  'b11-gz-21': retail(['category'], revenueBy(SEP, 'category', "region = '华南'"), moneyTable),
  // a tie at rows 2-3: checked unordered
  'b11-gz-25': retail(['category'], rateBy(Q3, 'category', GZ), table),
  'b11-gz-14': retail([], ticketsSql(Q3, `${HOURS} AS avg_resolution_hours`, inCity('广州'))),

  // board member, formal written Chinese (zh)
  'b11-bd-01': retail([], rate(Q3)),
  'b11-bd-02': retail([], pair('churn_rate', rate(Q3), rate(Q2))),
  'b11-bd-03': retail([], pair('revenue', revenue(YTD), revenue(YTD_LY)), money),
  'b11-bd-04': retail([], lost(Q3), money),
  'b11-bd-05': retail(['region'], churnedBy(Q3, 'region'), table),
  'b11-bd-06': retail(['period'], rateByPeriod(every(Y2025, 'QUARTER')), table),
  'b11-bd-10': retail([], rate(Q3, HIGH, true)),
  'b11-bd-11': retail(['value_tier'], rateBy(Q3, 'value_tier', 'TRUE', true), table),
  'b11-bd-14': retail([], newCustomersSql(one(DAYS_90))),
  'b11-bd-15': retail(['period'], yearlyRevenue(['2024-01-01', '2026-01-01']), moneyTable),
  'b11-bd-17': telco([], telcoRate()),
  'b11-bd-18': telco(['contract'], churnRateBy('contract'), table),
  'b11-bd-19': retail([], repeatSql(Q3, null)),
  'b11-bd-20': retail([], feedbackSql(one(Q3), `${NPS} AS nps`)),
  'b11-bd-21': retail([], rate(Q3, "region = '华东'")),
  'b11-bd-22': retail([], pair('revenue', revenue(Q3), revenue(Q2)), money),

  // Malaysian ops lead, English/Malay/Chinese (mixed)
  'b11-my-01': retail([], churnedCount(SEP)),
  'b11-my-02': retail([], rate(Q3)),
  'b11-my-03': retail(['region'], rateBy(Q3, 'region'), table),
  'b11-my-04': retail(['region'], rateBy(Q3, 'region', "region IN ('华东', '华南')"), table),
  'b11-my-05': retail([], revenue(YTD), money),
  'b11-my-09': retail(
    ['category'],
    ranked(ordersSql(SEP, `category, ${AOV}`, 'TRUE', 'category'), 'avg_order_value', 'DESC'),
    moneyRanking,
  ),
  'b11-my-10': retail([], ordersSql(DOUBLE_11_2025, ORDERS)),
  'b11-my-13': retail([], ticketsSql(SEP, 'count(*) AS tickets')),
  'b11-my-14': retail(
    [],
    ticketsSql(Q3, `${HOURS} AS avg_resolution_hours`, "ticket_category = 'logistics'"),
  ),
  'b11-my-15': retail([], rate(Q3, LIVE)),
  'b11-my-18': retail(['period'], rateByPeriod(every(YTD, 'MONTH')), table),
  'b11-my-19': retail(['region'], revenueBy(SEP, 'region'), moneyTable),
  'b11-my-20': retail([], rate(Q3, HIGH, true)),
  'b11-my-22': retail([], feedbackSql(one(SEP), `${NPS} AS nps`)),
  'b11-my-23': telco(['payment_method'], churnRateBy('payment_method'), table),
  'b11-my-24': retail([], winbackSql(YTD, WINBACK)),

  // COO, bullet style (en)
  'b11-coo-01': retail([], rate(Q3)),
  'b11-coo-02': retail(['region'], churnedBy(SEP, 'region'), table),
  'b11-coo-03': retail([], pair('revenue', revenue(YTD), revenue(YTD_LY)), money),
  'b11-coo-04': retail(['category'], ranked(revenueBy(Q3, 'category'), 'revenue', 'DESC', 3), moneyRanking),
  'b11-coo-05': retail(
    ['acquisition_channel'],
    ranked(rateBy(Q3, 'acquisition_channel'), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b11-coo-06': retail(
    [],
    pair(
      'avg_order_value',
      ordersSql(SEP, 'sum(amount) / count(*)'),
      ordersSql(AUG, 'sum(amount) / count(*)'),
    ),
    money,
  ),
  'b11-coo-07': retail(
    ['region'],
    churn({ range: Q3, select: `region, ${LOST} AS lost_revenue`, group: 'region' }),
    moneyTable,
  ),
  'b11-coo-11': retail(
    ['ticket_category'],
    ticketsSql(DAYS_90, 'ticket_category, count(*) AS tickets', 'TRUE', 'ticket_category'),
    table, // a tie at rows 7-8: checked unordered
  ),
  'b11-coo-12': retail([], ticketsSql(Q3, `${FCR} AS first_contact_resolution_rate`)),
  'b11-coo-13': retail(['period'], quarterlyRevenue(LAST_8_QUARTERS), moneyTable),
  'b11-coo-18': retail(['value_tier'], rateBy(Q3, 'value_tier', 'TRUE', true), table),
  'b11-coo-19': retail([], revenue(SEP_LY), money),
  'b11-coo-20': telco(['internet_service'], churnRateBy('internet_service'), table),
  'b11-coo-21': telco(
    ['city'],
    ranked(telcoBy('city', `${T_CHURNED} AS churned_customers`), 'churned_customers', 'DESC', 5),
    ranking,
  ),
  'b11-coo-22': retail([], churn({ range: H1, select: `1 - ${RATE} AS retention_rate` })),
};
