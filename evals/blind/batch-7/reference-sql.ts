/**
 * Hand-written reference SQL for blind batch 7 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. The pricing manager, private-domain operator and
 * auditor are here; the consultant, broadband PM and IR manager are in reference-sql-later.ts. Reuses
 * batches 2-6's blocks; this batch's few additions are in building-blocks.ts.
 */
import {
  every,
  FCR,
  H1,
  HOURS,
  LAST_12_MONTHS,
  newCustomersSql,
  one,
  ordersSql,
  Q2,
  Q3,
  Q3_LY,
  type Reference,
  reactivatedSql,
  repeatSql,
  SEP,
  ticketsSql,
  winbackSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import { DAYS_90, H1_LY, pair, ranked, retail, telco, telcoBy } from '../batch-3/reference-sql.ts';
import {
  AOV,
  churn,
  churnedCount,
  complaintRateBy,
  DOUBLE_11_2025,
  LOST,
  MID_YEAR_618,
  NATIONAL_DAY_2025,
  rate,
  rateBy,
  revenue,
  SPRING_FESTIVAL_2026,
  STARTED,
  WINBACK,
} from '../batch-4/building-blocks.ts';
import {
  BLACK_FRIDAY_2025,
  DOUBLE_12_2025,
  monthlyRepeat,
  snapshotCustomers,
} from '../batch-5/building-blocks.ts';
import { money, table, telcoRate } from '../batch-6/building-blocks.ts';
import {
  churnedByPeriod,
  couponUser,
  DOUBLE_12_DAY_2025,
  MID_YEAR_618_2025,
  Q4_2025,
  reactivatedWhere,
  repeatByCustomer,
} from './building-blocks.ts';
import { LATER_REFERENCES } from './reference-sql-later.ts';

const B2B = "customer_type = 'B2B'";
const ranking = { rows: true, ordered: true };

export const REFERENCES: Record<string, Reference> = {
  // pricing & promotions manager (zh)
  'b7-pp-01': retail([], rate(Q3, 'coupon_user', true)),
  'b7-pp-02': retail([], ordersSql(BLACK_FRIDAY_2025, AOV), money),
  'b7-pp-03': retail([], ordersSql(DOUBLE_12_DAY_2025, 'count(*) AS orders')),
  'b7-pp-04': retail(['coupon_user'], rateBy(Q3, 'coupon_user', 'coupon_user IS NOT NULL', true)),
  'b7-pp-05': retail([], snapshotCustomers('count(*) AS customers', 'price_sensitive')),
  'b7-pp-06': retail(
    ['category'],
    ranked(ordersSql(Q3, `category, ${AOV}`, 'TRUE', 'category'), 'avg_order_value', 'DESC', 3),
    { ...ranking, ...money },
  ),
  'b7-pp-07': retail([], pair('revenue', revenue(MID_YEAR_618), revenue(MID_YEAR_618_2025)), money),
  'b7-pp-08': retail([], churnedCount(Q3, "churn_reason = 'price'")),
  'b7-pp-13': retail([], ordersSql(NATIONAL_DAY_2025, 'count(*) AS orders')),
  'b7-pp-14': retail([], repeatSql(YTD, null, couponUser('o.customer_id'))),
  'b7-pp-15': retail(['value_tier'], ordersSql(SEP, `value_tier, ${AOV}`, 'TRUE', 'value_tier'), {
    ...table,
    ...money,
  }),
  'b7-pp-16': retail([], pair('churn_rate', rate(Q3, 'coupon_user', true), rate(Q2, 'coupon_user', true))),
  'b7-pp-17': retail([], ticketsSql(SEP, 'count(*) AS tickets', "ticket_category = 'price'")),
  'b7-pp-18': retail([], churn({ range: Q3, select: `${LOST} AS lost_revenue` }), money),
  'b7-pp-20': retail([], rate(DOUBLE_11_2025)),
  'b7-pp-21': retail([], churnedCount(Q3, "coupon_user AND value_tier = 'high'", true)),
  'b7-pp-23': retail(
    ['coupon_user'],
    ordersSql(YTD, `${couponUser('customer_id')} AS coupon_user, ${AOV}`, 'TRUE', '1'),
    { ...table, ...money },
  ),
  'b7-pp-25': retail([], revenue(DOUBLE_12_2025), money),
  'b7-pp-24': telco(
    ['contract'],
    telcoBy('contract', 'avg(a.monthly_charges) AS avg_monthly_charges'),
    table,
  ),

  // private-domain operator (zh)
  'b7-pd-02': retail([], reactivatedSql(one(SEP), false)),
  'b7-pd-03': retail([], winbackSql(YTD, WINBACK)),
  'b7-pd-04': retail([], repeatSql(Q3, null)),
  'b7-pd-05': retail(['region'], repeatByCustomer(Q3, 'region'), table),
  'b7-pd-06': retail(['period'], monthlyRepeat(LAST_12_MONTHS), table),
  'b7-pd-10': retail([], newCustomersSql(one(DAYS_90))),
  'b7-pd-11': retail([], rate(Q3, "acquisition_channel = 'social'")),
  'b7-pd-12': retail([], repeatSql(Q3, null, "c.acquisition_channel = 'referral'")),
  'b7-pd-15': retail([], pair('churned_customers', churnedCount(Q3), churnedCount(Q3_LY))),
  'b7-pd-16': retail([], snapshotCustomers('count(DISTINCT customer_id) AS at_risk_customers', 'at_risk')),
  'b7-pd-17': retail(
    ['region'],
    `SELECT c.region, count(*) AS customers FROM customer_snapshot s JOIN customers c USING (customer_id)
WHERE s.risk_tier = 'high' GROUP BY c.region`,
    table,
  ),
  'b7-pd-18': retail([], newCustomersSql(one(MID_YEAR_618))),
  'b7-pd-19': retail([], rate(SPRING_FESTIVAL_2026)),
  'b7-pd-23': retail(['period'], reactivatedSql(every(YTD, 'MONTH'), true), table),
  'b7-pd-25': retail(
    ['acquisition_channel'],
    newCustomersSql(one(SEP), 'TRUE', 'c.acquisition_channel'),
    table,
  ),
  'b7-pd-24': retail(['period'], reactivatedWhere(every(YTD, 'MONTH'), "c.region = '华东'")),

  // internal auditor (en)
  'b7-au-01': retail([], rate(Q3)),
  'b7-au-02': retail([], churn({ range: Q3, select: `${STARTED} AS active_customers` })),
  'b7-au-03': retail([], churnedCount(Q3)),
  'b7-au-04': retail(['period'], churnedByPeriod(every(Y2025, 'QUARTER')), table),
  'b7-au-05': retail([], churnedCount(Y2025)),
  'b7-au-07': retail([], revenue(Y2025), money),
  'b7-au-08': retail([], churn({ range: YTD, select: `${LOST} AS lost_revenue` }), money),
  'b7-au-09': retail(
    ['value_tier'],
    churn({ range: Q3, select: `value_tier, ${LOST} AS lost_revenue`, group: 'value_tier' }),
    { ...table, ...money },
  ),
  'b7-au-12': retail([], winbackSql(Y2025, WINBACK)),
  'b7-au-13': retail([], ticketsSql(Q3, `${HOURS} AS avg_resolution_hours`)),
  'b7-au-14': retail([], ticketsSql(SEP, `${FCR} AS first_contact_resolution_rate`)),
  'b7-au-15': retail(
    ['customer_type'],
    'SELECT customer_type, count(*) AS customers FROM customers GROUP BY 1',
    table,
  ),
  'b7-au-16': retail([], pair('churn_rate', rate(H1), rate(H1_LY))),
  'b7-au-17': retail(['customer_type'], complaintRateBy(Q3, 'customer_type'), table),
  'b7-au-18': retail(['period'], churnedByPeriod(every(LAST_12_MONTHS, 'MONTH')), table),
  'b7-au-19': telco([], telcoRate()),
  'b7-au-20': telco(['contract'], telcoBy('contract', 'count(DISTINCT c.customer_id) AS customers'), table),
  'b7-au-25': retail([], ordersSql(Q4_2025, 'count(*) AS orders')),
  'b7-au-23': retail([], churnedCount(YTD, B2B)),
  ...LATER_REFERENCES,
};
