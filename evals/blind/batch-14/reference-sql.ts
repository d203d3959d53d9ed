/**
 * Hand-written reference SQL for blind batch 14 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. Reuses the blocks of batches 2-13 (imported).
 */
import {
  every,
  feedbackSql,
  LAST_12_MONTHS,
  NPS,
  one,
  ordersSql,
  Q2,
  Q3,
  Q3_LY,
  type Reference,
  repeatSql,
  SEP,
  T_CHURNED,
  telcoSql,
  YTD,
} from '../batch-2/reference-sql.ts';
import { DAYS_90, pair, ranked, retail, telco } from '../batch-3/reference-sql.ts';
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
} from '../batch-4/building-blocks.ts';
import { BLACK_FRIDAY_2025, YTD_LY } from '../batch-5/building-blocks.ts';
import { money, ranking, rateByPeriod, table, telcoRate } from '../batch-6/building-blocks.ts';
import { complaintRate, revenueBy, telcoChurnedBy, telcoRateBy } from '../batch-12/building-blocks.ts';

const _moneyRanking = { ...ranking, ...money };
const ORDERS = 'count(*) AS orders';
const HIGH = "value_tier = 'high'";
const M2M = "a.contract = 'Month-to-month'";
const FIBER = "a.internet_service = 'Fiber optic'";
const telcoChurned = (where = 'TRUE') => telcoSql(`${T_CHURNED} AS churned_customers`, where);
const telcoRateRanked = (key: string) =>
  telco([key], ranked(telcoRateBy(key), 'churn_rate', 'DESC'), ranking);
const q3Rate = retail([], rate(Q3));

export const REFERENCES: Record<string, Reference> = {
  // app product ops (zh)
  'b14-po-01': retail([], churnedCount(Q3)),
  'b14-po-02': q3Rate,
  'b14-po-03': retail([], repeatSql(YTD, null)),
  'b14-po-05': retail(
    ['acquisition_channel'],
    ranked(rateBy(Q3, 'acquisition_channel'), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b14-po-07': retail([], churnedCount(Q3, "acquisition_channel = 'live_stream'")),
  'b14-po-09': retail([], ordersSql(DOUBLE_11_2025, ORDERS)),
  'b14-po-10': retail([], revenue(MID_YEAR_618), money),
  'b14-po-13': retail([], pair('churn_rate', rate(Q3), rate(Q2))),
  // India analyst (en)
  'b14-in-01': q3Rate,
  'b14-in-02': retail([], churnedCount(SEP)),
  'b14-in-03': retail([], rate(Q2)),
  'b14-in-06': retail(['region'], ranked(churnedBy(Q3, 'region'), 'churned_customers', 'DESC'), ranking),
  'b14-in-09': retail([], rate(Q3, "customer_type = 'B2B'")),
  'b14-in-11': retail(['region'], rateBy(Q3, 'region', "region IN ('华北', '华东')"), table),
  'b14-in-12': retail([], pair('revenue', revenue(YTD), revenue(YTD_LY)), money),
  'b14-in-13': retail([], revenue(DOUBLE_11_DAY), money),
  'b14-in-21': telco([], telcoRate()),
  'b14-in-22': telcoRateRanked('contract'),
  'b14-in-23': telco([], telcoChurned(FIBER)),
  'b14-in-26': retail(['region'], rateBy(Q3, 'region', HIGH, true), table),
  // Shenzhen founder (mixed)
  'b14-sz-01': q3Rate,
  'b14-sz-02': retail([], revenue(YTD), money),
  'b14-sz-04': retail([], ordersSql(SEP, AOV), money),
  'b14-sz-05': retail(['region'], revenueBy(Q3, 'region'), { ...table, ...money }),
  'b14-sz-08': retail([], pair('churn_rate', rate(Q3), rate(Q2))),
  'b14-sz-09': retail(
    ['customer_type'],
    rateBy(Q3, 'customer_type', "customer_type IN ('B2B', 'B2C')"),
    table,
  ),
  'b14-sz-10': retail([], pair('revenue', revenue(YTD), revenue(YTD_LY)), money),
  'b14-sz-11': retail(['period'], rateByPeriod(every(LAST_12_MONTHS, 'MONTH')), table),
  'b14-sz-13': retail([], churnedCount(Q3, HIGH, true)),
  'b14-sz-23': retail(['category'], revenueBy(Q3, 'category'), { ...table, ...money }),
  'b14-sz-24': retail([], rate(Q3_LY)),
  // telco retention centre (zh)
  'b14-tr-01': telco([], telcoRate()),
  'b14-tr-02': telco([], telcoChurned()),
  'b14-tr-05': telcoRateRanked('contract'),
  'b14-tr-06': telco(['internet_service'], telcoRateBy('internet_service'), table),
  'b14-tr-07': telco(
    ['payment_method'],
    ranked(telcoChurnedBy('payment_method'), 'churned_customers', 'DESC'),
    ranking,
  ),
  'b14-tr-11': telco([], telcoRate(`${M2M} AND ${FIBER}`)),
  'b14-tr-12': telco([], telcoChurned("a.contract = 'Two year'")),
  'b14-tr-13': telco([], telcoRate('a.senior_citizen')),
  'b14-tr-15': telco(['contract'], telcoRateBy('contract', "a.contract IN ('One year', 'Two year')"), table),
  'b14-tr-24': telco(['contract'], telcoRateBy('contract', FIBER), table),
  // European manager (en)
  'b14-eu-01': retail([], churnedCount(Q3)),
  'b14-eu-02': q3Rate,
  'b14-eu-03': retail([], feedbackSql(one(Q3), `${NPS} AS nps`)),
  'b14-eu-06': retail(['category'], revenueBy(SEP, 'category'), { ...table, ...money }),
  'b14-eu-08': retail([], rate(Q3, "city = '上海'")),
  'b14-eu-11': retail([], pair('revenue', revenue(YTD), revenue(YTD_LY)), money),
  'b14-eu-12': retail(['period'], rateByPeriod(every(YTD, 'MONTH')), table),
  'b14-eu-13': retail([], ordersSql(BLACK_FRIDAY_2025, ORDERS)),
  'b14-eu-21': telco(['contract'], telcoRateBy('contract'), table),
  'b14-eu-22': telco([], telcoChurned("a.payment_method = 'Electronic check'")),
  'b14-eu-25': retail(['period'], rateByPeriod(every(YTD, 'MONTH'), HIGH), table),
  // WeCom group (zh)
  'b14-wc-01': q3Rate,
  'b14-wc-02': retail([], ordersSql(SEP, ORDERS)),
  'b14-wc-03': retail([], revenue(YTD), money),
  'b14-wc-04': retail([], complaintRate(DAYS_90)),
  'b14-wc-05': retail(['region'], churnedBy(Q3, 'region'), table),
  'b14-wc-08': retail([], churnedCount(SEP, "region = '华南'")),
  'b14-wc-10': retail(['region'], rateBy(Q3, 'region', "region IN ('华北', '东北')"), table),
  'b14-wc-11': retail([], pair('churn_rate', rate(SEP), rate(['2026-08-01', '2026-09-01']))),
  'b14-wc-22': telco(['contract'], telcoRateBy('contract'), table),
  'b14-wc-24': retail(['region'], churnedBy(Q3, 'region', HIGH), table),
};
