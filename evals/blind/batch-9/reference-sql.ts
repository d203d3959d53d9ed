/**
 * Hand-written reference SQL for blind batch 9 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. Reuses batches 2-8's blocks; this batch's few
 * additions are in building-blocks.ts.
 */
import {
  every,
  HOURS,
  newCustomersSql,
  ordersSql,
  Q3,
  Q3_LY,
  type Reference,
  repeatSql,
  SEP,
  T_CHURNED,
  T_RATE,
  telcoSql,
  ticketsSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import { DAYS_90, pair, ranked, retail, telco, telcoBy } from '../batch-3/reference-sql.ts';
import {
  AOV,
  churnedBy,
  churnedCount,
  DOUBLE_11_2025,
  DOUBLE_11_DAY,
  MID_YEAR_618,
  rate,
  rateBy,
  revenue,
  SPRING_FESTIVAL_2026,
} from '../batch-4/building-blocks.ts';
import { money, ranking, rateByPeriod, table, telcoRate } from '../batch-6/building-blocks.ts';
import { MID_YEAR_618_2025 } from '../batch-7/building-blocks.ts';
import { ordersByPeriod } from './building-blocks.ts';

const ORDERS = 'count(*) AS orders';
const moneyTable = { ...table, ...money };
const FIBER = "a.internet_service = 'Fiber optic'";
const churnRateBy = (key: string, where = 'TRUE') => telcoBy(key, `${T_RATE} AS churn_rate`, where);
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
};
