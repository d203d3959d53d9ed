/**
 * Reference SQL of blind batch 7, second half (see reference-sql.ts): the strategy consultant, the
 * broadband product manager (telco) and the investor-relations manager.
 */
import {
  every,
  H1,
  LAST_8_QUARTERS,
  NPS,
  newCustomersSql,
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
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import { H1_LY, pair, ranked, retail, T_BAND, telco, telcoBy } from '../batch-3/reference-sql.ts';
import {
  AOV,
  churn,
  churnedBy,
  churnedCount,
  DOUBLE_11_2025,
  LOST,
  rate,
  rateBy,
  revenue,
  STARTED,
  Y2024_2025,
} from '../batch-4/building-blocks.ts';
import { quarterlyRate, quarterlyRevenue, YTD_LY } from '../batch-5/building-blocks.ts';
import { feedback, money, rateByPeriod, table, telcoRate } from '../batch-6/building-blocks.ts';
import { DOUBLE_11_2024, H2_2025 } from './building-blocks.ts';

const ranking = { rows: true, ordered: true };
const FIBER = "a.internet_service = 'Fiber optic'";
const activeAtStart = churn({ range: Q3, select: `${STARTED} AS active_customers` });

export const LATER_REFERENCES: Record<string, Reference> = {
  // strategy consultant (en)
  'b7-cs-01': retail([], activeAtStart),
  'b7-cs-02': retail(['region'], ranked(rateBy(Q3, 'region'), 'churn_rate', 'DESC'), ranking),
  'b7-cs-03': retail(
    ['city'],
    ranked(churnedBy(Q3, 'city'), 'churned_customers', 'DESC', 5),
    table, // 广州 and 深圳 tie at the top (25): the five rows are checked, not their order
  ),
  'b7-cs-10': retail(['period'], quarterlyRate(every(LAST_8_QUARTERS, 'QUARTER')), table),
  'b7-cs-11': retail(['customer_type'], rateBy(Q3, 'customer_type'), table),
  'b7-cs-12': retail(
    ['customer_type'],
    churn({ range: Q3, select: `customer_type, ${LOST} AS lost_revenue`, group: 'customer_type' }),
    { ...table, ...money },
  ),
  'b7-cs-13': retail(
    ['acquisition_channel', 'value_tier'],
    rateBy(Q3, 'acquisition_channel, value_tier', 'value_tier IS NOT NULL', true),
  ),
  'b7-cs-25': retail([], `SELECT 1 - churn_rate AS retention_rate FROM (${rate(Q3)})`),
  'b7-cs-15': retail([], feedback(Q3, `${NPS} AS nps`)),
  'b7-cs-17': retail([], churnedCount(H2_2025)),
  'b7-cs-18': retail([], pair('revenue', revenue(YTD), revenue(YTD_LY)), money),
  'b7-cs-20': retail([], feedback(Q3, 'count(*) FILTER (WHERE f.nps IS NOT NULL) AS nps_responses')),
  'b7-cs-21': retail(['gender'], repeatSql(YTD, 'gender'), table),
  'b7-cs-22': telco(
    ['contract'],
    ranked(telcoBy('contract', `${T_RATE} AS churn_rate`), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b7-cs-23': telco([], telcoRate(`${FIBER} AND a.tech_support = 'No'`)),
  'b7-cs-24': retail(
    ['sales_channel'],
    ordersSql(Q3, 'sales_channel, sum(amount) AS revenue', 'TRUE', 'sales_channel'),
    { ...table, ...money },
  ),

  // broadband product manager (telco, zh)
  'b7-bb-01': telco([], telcoRate()),
  'b7-bb-02': telco([], telcoRate(FIBER)),
  'b7-bb-03': telco(
    ['internet_service'],
    telcoBy('internet_service', `${T_RATE} AS churn_rate`, "a.internet_service IN ('Fiber optic', 'DSL')"),
    table,
  ),
  'b7-bb-04': telco(
    ['internet_service'],
    telcoBy('internet_service', `${T_CHURNED} AS churned_customers`),
    table,
  ),
  'b7-bb-05': telco([], telcoRate(`${FIBER} AND a.tech_support = 'No'`)),
  'b7-bb-06': telco(
    ['online_security'],
    telcoBy('online_security', `${T_RATE} AS churn_rate`, "a.online_security IN ('Yes', 'No')"),
  ),
  'b7-bb-07': telco(
    ['contract'],
    telcoBy('contract', 'avg(a.monthly_charges) AS avg_monthly_charges'),
    table,
  ),
  'b7-bb-08': telco([], telcoRate('a.senior_citizen')),
  'b7-bb-09': telco(
    ['tenure_band'],
    telcoSql(`${T_BAND} AS tenure_band, ${T_RATE} AS churn_rate`, 'TRUE', '1'),
    table,
  ),
  'b7-bb-10': telco([], telcoSql(`${T_CHURNED} AS churned_customers`)),
  'b7-bb-12': telco(
    ['churn_category'],
    telcoBy('churn_category', 'count(DISTINCT c.customer_id) AS churned_customers', 'c.churn_label'),
  ),
  'b7-bb-16': telco([], telcoRate("a.payment_method = 'Electronic check'")),
  'b7-bb-17': telco(
    [],
    telcoRate("a.payment_method IN ('Bank transfer (automatic)', 'Credit card (automatic)')"),
  ),
  'b7-bb-18': telco([], telcoSql('avg(a.tenure_months) AS avg_tenure_months')),
  'b7-bb-19': telco([], telcoRate('a.satisfaction_score IN (1, 2)')),
  'b7-bb-22': telco([], telcoSql('avg(a.cltv) AS avg_cltv', "a.internet_service = 'DSL'")),
  'b7-bb-23': telco([], telcoRate(`a.contract = 'Month-to-month' AND ${FIBER}`)),

  // investor-relations manager (traditional zh / en)
  'b7-ir-01': retail([], revenue(Y2025), money),
  'b7-ir-02': retail([], pair('revenue', revenue(H1), revenue(H1_LY)), money),
  'b7-ir-03': retail([], pair('churn_rate', rate(Q3), rate(Q3_LY))),
  'b7-ir-04': retail([], churnedCount(YTD)),
  'b7-ir-05': retail([], activeAtStart),
  'b7-ir-06': retail(
    ['period'],
    ordersSql(
      Y2024_2025,
      "strftime(date_trunc('year', order_ts), '%Y-%m-%d') AS period, sum(amount) AS revenue",
      'TRUE',
      '1',
    ),
    { ...table, ...money },
  ),
  'b7-ir-07': retail(['period'], quarterlyRevenue(LAST_8_QUARTERS), { ...table, ...money }),
  'b7-ir-08': retail(['period'], newCustomersSql(every(YTD, 'MONTH'), 'TRUE', '', true), table),
  'b7-ir-09': retail([], feedback(Q3, `${NPS} AS nps`)),
  'b7-ir-10': retail([], pair('avg_order_value', ordersSql(Q3, AOV), ordersSql(Q2, AOV)), money),
  'b7-ir-11': retail(
    ['customer_type'],
    ordersSql(Q3, 'customer_type, sum(amount) AS revenue', 'TRUE', 'customer_type'),
    { ...table, ...money },
  ),
  'b7-ir-14': retail([], churn({ range: Y2025, select: `${LOST} AS lost_revenue` }), money),
  'b7-ir-16': retail([], revenue(SEP, "region = '华南'"), money),
  'b7-ir-17': retail([], rate(Q3, "value_tier = 'high'", true)),
  'b7-ir-18': retail([], `SELECT 1 - churn_rate AS retention_rate FROM (${rate(Y2025)})`),
  'b7-ir-19': retail([], pair('revenue', revenue(DOUBLE_11_2025), revenue(DOUBLE_11_2024)), money),
  'b7-ir-20': telco([], telcoRate()),
  'b7-ir-21': telco([], telcoSql('avg(a.monthly_charges) AS avg_monthly_charges')),
  'b7-ir-23': retail(['period'], quarterlyRate(every(Y2025, 'QUARTER')), table),
  'b7-ir-24': retail(['period'], rateByPeriod(every(Y2025, 'QUARTER'), "region = '华东'"), table),
  'b7-ir-25': retail(
    ['region'],
    ranked(ordersSql(Y2025, 'region, sum(amount) AS revenue', 'TRUE', 'region'), 'revenue', 'DESC'),
    { ...ranking, ...money },
  ),
};
