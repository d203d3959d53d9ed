/**
 * Hand-written reference SQL for blind batch 6 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. The retail personas are here (live commerce,
 * executive assistant, key account); the telco store, UX researcher and data scientist are in
 * reference-sql-later.ts. Reuses batches 2-5's blocks; this batch's few additions are in building-blocks.ts.
 */
import {
  every,
  H1,
  HOURS,
  LAST_8_QUARTERS,
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
  pair,
  sqlList as quoted,
  ranked,
  retail,
  telco,
  telcoBy,
} from '../batch-3/reference-sql.ts';
import {
  AOV,
  churn,
  churnedBy,
  churnedCount,
  DOUBLE_11_2025,
  DOUBLE_11_DAY,
  LEFT,
  LOST,
  MID_YEAR_618,
  orderCount,
  pairBy,
  RATE,
  rate,
  rateBy,
  revenue,
  SPRING_FESTIVAL_2026,
  WINBACK,
} from '../batch-4/building-blocks.ts';
import { quarterlyRate, repeatBuyers, YTD_LY } from '../batch-5/building-blocks.ts';
import {
  CSAT,
  customerIn,
  feedback,
  money,
  ranking,
  rateByPeriod,
  table,
  telcoRate,
  YEARS_2024_2025,
} from './building-blocks.ts';
import { LATER_REFERENCES } from './reference-sql-later.ts';

const LIVE = "acquisition_channel = 'live_stream'";
const B2B = "customer_type = 'B2B'";
const b2bCustomer = (column: string) => customerIn(column, B2B);

export const REFERENCES: Record<string, Reference> = {
  // live-commerce operator (zh)
  'b6-lc-01': retail([], churnedCount(SEP)),
  'b6-lc-02': retail([], rate(Q3, LIVE)),
  'b6-lc-03': retail(
    ['acquisition_channel'],
    ranked(rateBy(Q3, 'acquisition_channel'), 'churn_rate', 'DESC'),
    ranking,
  ),
  'b6-lc-04': retail([], revenue(DOUBLE_11_2025), money),
  'b6-lc-05': retail([], orderCount(DOUBLE_11_DAY)),
  'b6-lc-06': retail([], ordersSql(MID_YEAR_618, AOV), money),
  'b6-lc-08': retail(
    ['acquisition_channel'],
    rateBy(Q3, 'acquisition_channel', `acquisition_channel IN (${quoted(['live_stream', 'social'])})`),
    table,
  ),
  'b6-lc-09': retail([], newCustomersSql(one(YTD), `c.${LIVE}`)),
  'b6-lc-10': retail(['period'], newCustomersSql(every(YTD, 'MONTH'), 'TRUE', '', true), table),
  'b6-lc-11': retail([], repeatSql(Q3, null, "o.category = '美妆'")),
  'b6-lc-19': retail([], revenue(SPRING_FESTIVAL_2026), money),
  'b6-lc-20': retail(
    ['category'],
    ranked(ordersSql(Q3, 'category, sum(amount) AS revenue', 'TRUE', 'category'), 'revenue', 'DESC', 3),
    { ...ranking, ...money },
  ),
  'b6-lc-21': retail([], rate(Q3_LY, LIVE)),
  'b6-lc-22': retail(
    ['acquisition_channel'],
    rateBy(Q3, 'acquisition_channel', "value_tier = 'high'", true),
    table,
  ),
  'b6-lc-23': retail([], repeatBuyers(DAYS_90)),
  'b6-lc-24': retail([], ordersSql(SEP, 'count(*) AS orders', "sales_channel = 'app'")),
  'b6-lc-26': telco([], telcoRate("a.internet_service = 'Fiber optic'")),

  // executive assistant (zh, formal)
  'b6-ea-01': retail([], rate(Q3)),
  'b6-ea-02': retail([], revenue(YTD), money),
  'b6-ea-03': retail([], pair('churn_rate', rate(H1), rate(H1_LY))),
  'b6-ea-04': retail(
    ['region'],
    churn({
      range: Q3,
      select: `region, ${LEFT} AS churned_customers, ${RATE} AS churn_rate`,
      group: 'region',
    }),
    table,
  ),
  'b6-ea-05': retail([], churn({ range: Q3, select: `${LOST} AS lost_revenue` }), money),
  'b6-ea-06': retail(['period'], quarterlyRate(every(LAST_8_QUARTERS, 'QUARTER')), table),
  'b6-ea-07': retail([], pair('churn_rate', rate(Q3), rate(Q2))),
  'b6-ea-11': retail([], feedback(Q3, `${NPS} AS nps`)),
  'b6-ea-12': retail([], feedback(SEP, CSAT)),
  'b6-ea-13': retail([], revenue(Y2025), money),
  'b6-ea-15': retail(['region'], ranked(rateBy(Q3, 'region'), 'churn_rate', 'DESC', 3), ranking),
  'b6-ea-18': retail(['customer_type'], rateBy(Q3, 'customer_type'), table),
  'b6-ea-19': retail(
    ['customer_type'],
    pairBy('churn_rate', 'customer_type', rateBy(Q3, 'customer_type'), rateBy(Q2, 'customer_type')),
    table,
  ),
  'b6-ea-20': retail([], winbackSql(Q3, WINBACK)),
  'b6-ea-21': retail([], churnedCount(Q3, B2B)),
  // 2024 has no customers active at its start (the data begins 2024-01-01): only 2025's row has a rate.
  'b6-ea-23': retail(
    ['period'],
    `SELECT * FROM (${rateByPeriod(YEARS_2024_2025)}) WHERE period = '2025-01-01'`,
  ),
  'b6-ea-25': telco([], telcoRate()),
  'b6-ea-26': telco(['contract'], telcoBy('contract', `${T_RATE} AS churn_rate`), table),

  // key-account manager (zh / mixed)
  'b6-ka-01': retail([], rate(Q3, B2B)),
  'b6-ka-02': retail(['customer_type'], rateBy(Q3, 'customer_type'), table),
  'b6-ka-03': retail([], revenue(YTD, B2B), money),
  'b6-ka-04': retail([], ordersSql(Q3, AOV, B2B), money),
  'b6-ka-05': retail(['region'], churnedBy(Q3, 'region', B2B)),
  'b6-ka-08': retail([], churn({ range: YTD, select: `${LOST} AS lost_revenue`, where: B2B }), money),
  'b6-ka-09': retail([], `SELECT count(*) AS customers FROM customers WHERE region = '华东' AND ${B2B}`),
  'b6-ka-13': retail(['period'], rateByPeriod(every(LAST_8_QUARTERS, 'QUARTER'), B2B), table),
  'b6-ka-14': retail([], repeatSql(SEP, null, `c.${B2B}`)),
  'b6-ka-15': retail([], newCustomersSql(one(Q3), `c.${B2B}`)),
  'b6-ka-17': retail([], pair('churned_customers', churnedCount(YTD, B2B), churnedCount(YTD_LY, B2B))),
  'b6-ka-19': retail([], feedback(Q3, `${NPS} AS nps`, b2bCustomer('f.customer_id'))),
  'b6-ka-21': retail([], rate(Q3, `${B2B} AND region = '华南'`)),
  'b6-ka-23': retail([], ticketsSql(SEP, 'count(*) AS tickets', b2bCustomer('customer_id'))),
  'b6-ka-24': telco([], telcoSql('count(DISTINCT c.customer_id) AS customers', "a.contract = 'Two year'")),
  'b6-ka-25': retail([], ticketsSql(Q3, `${HOURS} AS avg_resolution_hours`, b2bCustomer('customer_id'))),
  ...LATER_REFERENCES,
};
