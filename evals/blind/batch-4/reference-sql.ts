/**
 * Hand-written reference SQL for blind batch 4 (README.md here): per case id, the query whose result is
 * the table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over
 * the canonical tables, never from the product's answers. Orders, tickets, feedback, win-back, new customers
 * and telco reuse batch 2's building blocks (../batch-2/reference-sql.ts) and batch 3's helpers; the churn
 * population under the period-boundary convention is this batch's (building-blocks.ts). An independent
 * lead()-based computation of the spells, written first, gave identical values, and all 3,041 spells match
 * `customer_spells`. Age, RFM segment, lifecycle stage, the at-risk flag and a churn's reason come from the
 * derived tables.
 */
import {
  AUG,
  every,
  FCR,
  feedbackSql,
  H1,
  HOURS,
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
  winbackSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import {
  AGE_BAND,
  DAYS_90,
  pair,
  Q2_LY,
  sqlList as quoted,
  ranked,
  retail,
  T_BAND,
  telco,
  telcoBy,
} from '../batch-3/reference-sql.ts';
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
  Y2024_2025,
} from './building-blocks.ts';

export const REFERENCES: Record<string, Reference> = {
  // Taiwan e-commerce operator (traditional Chinese)
  'b4-tw-01': retail([], rate(Q3)),
  'b4-tw-02': retail([], revenue(SEP), { tolerance: MONEY }),
  'b4-tw-03': retail([], revenue(YTD), { tolerance: MONEY }),
  'b4-tw-04': retail(['sales_channel'], ordersSql(Q3, `sales_channel, ${AOV}`, 'TRUE', 'sales_channel'), {
    rows: true,
    tolerance: MONEY,
  }),
  'b4-tw-05': retail(['category'], ranked(repeatSql(Q3, 'category'), 'repeat_purchase_rate', 'DESC', 3), {
    rows: true,
    ordered: true,
  }),
  'b4-tw-06': retail([], revenue(DOUBLE_11_2025), { tolerance: MONEY }),
  'b4-tw-07': retail(['region'], rateBy(Q3, 'region', `region IN (${quoted(['华东', '华南'])})`), {
    rows: true,
  }),
  'b4-tw-08': retail([], churnedCount(Q3, "value_tier = 'high'", true)),
  'b4-tw-13': retail([], newCustomersSql(one(YTD), "c.acquisition_channel = 'live_stream'")),
  'b4-tw-14': retail(['period'], monthlyRevenue(LAST_12_MONTHS), { rows: true, tolerance: MONEY }),
  'b4-tw-15': retail([], pair('revenue', revenue(SEP), revenue(AUG)), { tolerance: MONEY }),
  'b4-tw-16': retail([], rate(Q3_LY)),
  'b4-tw-17': retail(['region'], rateBy(Q3, 'region', "customer_type = 'B2B'"), { rows: true }),
  'b4-tw-21': retail([], tickets(SEP)),
  'b4-tw-22': retail(
    ['period'],
    feedbackSql(every(LAST_12_MONTHS, 'MONTH'), 'avg(f.csat) AS csat', 'TRUE', true),
    { rows: true },
  ),
  'b4-tw-23': retail([], reactivated(YTD)),
  'b4-tw-25': telco([], telcoSql('avg(a.monthly_charges) AS avg_monthly_charges')),

  // customer-success VP (en)
  'b4-vp-01': retail([], rate(Q3)),
  'b4-vp-03': retail(
    [],
    'SELECT count(DISTINCT customer_id) AS at_risk_customers FROM customer_snapshot WHERE at_risk',
  ),
  'b4-vp-05': retail(['acquisition_channel'], rateBy(Q3, 'acquisition_channel'), { rows: true }),
  'b4-vp-07': retail([], churn({ range: YTD, select: `${LOST} AS lost_revenue` }), { tolerance: MONEY }),
  'b4-vp-08': retail([], churn({ range: DAYS_90, select: `1 - ${RATE} AS retention_rate` })),
  'b4-vp-10': retail([], pair('churn_rate', rate(Q3), rate(Q2))),
  'b4-vp-11': retail([], pair('churn_rate', rate(Q2), rate(Q2_LY))),
  'b4-vp-20': retail(
    ['acquisition_channel'],
    rateBy(Q3, 'acquisition_channel', `acquisition_channel IN (${quoted(['referral', 'paid_search'])})`),
    { rows: true },
  ),
  'b4-vp-23': retail([], churnedCount(SEP)),
  'b4-vp-24': retail(['region'], rateBy(Q3, 'region', "customer_type = 'B2B'"), { rows: true }),
  'b4-vp-26': telco([], telcoSql(`${T_RATE} AS churn_rate`, "a.internet_service = 'Fiber optic'")),

  // product manager, SQL-ish (en)
  'b4-pm-01': retail(['region'], ranked(rateBy(Q3, 'region'), 'churn_rate', 'DESC'), {
    rows: true,
    ordered: true,
  }),
  'b4-pm-02': retail([], newCustomersSql(one(Y2025))),
  'b4-pm-03': retail(
    ['sales_channel'],
    ordersSql(Q3, `sales_channel, ${AOV}`, "category = '数码'", 'sales_channel'),
    { rows: true, tolerance: MONEY },
  ),
  'b4-pm-04': retail(['period'], monthlyRevenue(Y2025), { rows: true, tolerance: MONEY }),
  'b4-pm-05': retail(
    [],
    churnedCount(Q3, `value_tier = 'high' AND region IN (${quoted(['华东', '华北'])})`, true),
  ),
  'b4-pm-06': retail([], repeatSql(H1, null, "c.gender = 'female'")),
  'b4-pm-07': retail(
    ['ticket_category'],
    ticketsSql(SEP, 'ticket_category, count(*) AS tickets', 'TRUE', 'ticket_category'),
    { rows: true },
  ),
  'b4-pm-08': retail([], rate(Q3, 'tenure_days < 90', true)),
  'b4-pm-09': retail(
    ['region'],
    `SELECT c.region, ${NPS} AS nps FROM feedback f JOIN customers c USING (customer_id)
WHERE f.ts >= TIMESTAMP '${YTD[0]}' AND f.ts < TIMESTAMP '${YTD[1]}' GROUP BY c.region`,
    { rows: true },
  ),
  'b4-pm-10': retail(
    [],
    churn({ range: Y2025, select: `${RATE} AS churn_rate, 1 - ${RATE} AS retention_rate` }),
  ),
  'b4-pm-13': retail(
    ['customer_type'],
    pairBy('churn_rate', 'customer_type', rateBy(Q3, 'customer_type'), rateBy(Q2, 'customer_type')),
    { rows: true },
  ),
  'b4-pm-15': retail(
    ['city'],
    ranked(
      churn({ range: YTD, select: `city, ${LOST} AS lost_revenue`, group: 'city' }),
      'lost_revenue',
      'DESC',
      10,
    ),
    { rows: true, ordered: true, tolerance: MONEY },
  ),
  'b4-pm-16': retail(
    [],
    ordersSql(
      Q3,
      'count(*) * 1.0 / count(DISTINCT customer_id) AS purchase_frequency',
      "sales_channel = 'app'",
    ),
  ),
  'b4-pm-19': retail(
    ['age_band'],
    churn({
      range: Q3,
      select: `${AGE_BAND} AS age_band, ${RATE} AS churn_rate`,
      where: "customer_type = 'B2C'",
      group: '1',
    }),
    { rows: true },
  ),
  'b4-pm-21': retail(
    ['ticket_category'],
    ticketsWithRegion(
      Q3,
      `t.category AS ticket_category, ${FCR} AS first_contact_resolution_rate`,
      "c.region = '西南'",
      't.category',
    ),
    { rows: true },
  ),
  'b4-pm-23': retail(
    ['category'],
    ordersSql(SEP, 'category, sum(amount) AS revenue', "sales_channel = 'store'", 'category'),
    { rows: true, tolerance: MONEY },
  ),
  'b4-pm-24': retail([], winbackSql(YTD, WINBACK)),
  'b4-pm-25': telco(
    ['contract', 'payment_method'],
    telcoSql(
      `a.contract AS contract, a.payment_method AS payment_method, ${T_RATE} AS churn_rate`,
      'TRUE',
      '1, 2',
    ),
    { rows: true },
  ),
  'b4-pm-26': telco(
    [],
    telcoSql('avg(a.tenure_months) AS avg_tenure_months', "a.contract = 'Month-to-month'"),
  ),

  // intern, typos and pinyin initials (zh)
  'b4-in-01': retail([], rate(SEP)),
  'b4-in-02': retail([], rate(Q3, "region = '华东'")),
  'b4-in-03': retail([], repeatSql(SEP, null)),
  'b4-in-04': retail(['category'], ordersSql(Q3, `category, ${AOV}`, 'TRUE', 'category'), {
    rows: true,
    tolerance: MONEY,
  }),
  'b4-in-05': retail([], newCustomersSql(one(SEP))),
  'b4-in-06': retail([], revenue(YTD), { tolerance: MONEY }),
  'b4-in-07': retail(['region'], churnedBy(Q3, 'region'), { rows: true }),
  'b4-in-08': retail([], rate(Q3, "value_tier = 'high'", true)),
  // Two categories tie at ranks 7-8: the rows are checked, not their order.
  'b4-in-09': retail(
    ['ticket_category'],
    ticketsSql(Q3, 'ticket_category, count(*) AS tickets', 'TRUE', 'ticket_category'),
    { rows: true },
  ),
  'b4-in-27': retail([], rate(Q3)),
  // 数码 has active customers but no churner in 华东: whether a 0 row shows is not settled, so the
  // nonzero rows are checked, not the row count.
  'b4-in-28': retail(
    ['category'],
    `SELECT * FROM (${churn({
      range: Q3,
      select: `category, ${LEFT} AS churned_customers`,
      where: "region = '华东'",
      group: 'category',
      atStart: true,
    })}) WHERE churned_customers > 0`,
  ),
  'b4-in-16': retail([], orderCount(DOUBLE_11_DAY)),
  'b4-in-17': retail([], revenue(MID_YEAR_618), { tolerance: MONEY }),
  'b4-in-18': retail([], orderCount(SPRING_FESTIVAL_2026)),
  'b4-in-19': retail([], tickets(SEP)),
  'b4-in-20': retail([], churn({ range: YTD, select: `1 - ${RATE} AS retention_rate` })),
  'b4-in-21': retail([], churn({ range: Q3, select: `${STARTED} AS active_customers` })),
  'b4-in-23': retail([], ordersSql(SEP, AOV), { tolerance: MONEY }),
  'b4-in-25': retail([], ticketsSql(SEP, `${HOURS} AS avg_resolution_hours`)),
  'b4-in-26': telco(['contract'], telcoBy('contract', `${T_RATE} AS churn_rate`), { rows: true }),

  // operations director (zh, long questions)
  'b4-od-01': retail([], pair('churn_rate', rate(Q3), rate(Q3_LY))),
  'b4-od-02': retail(['region'], ranked(churnedBy(Q3, 'region'), 'churned_customers', 'DESC'), {
    rows: true,
    ordered: true,
  }),
  'b4-od-03': retail(['period'], monthlyRevenue(YTD, "region = '华东'"), { rows: true, tolerance: MONEY }),
  'b4-od-05': retail(
    ['churn_reason'],
    churnedBy(Q3, 'churn_reason', `churn_reason IN (${quoted(['logistics', 'service'])})`),
    { rows: true },
  ),
  'b4-od-07': retail(['region'], winbackSql(YTD, `region, ${WINBACK}`, 'region'), { rows: true }),
  'b4-od-08': retail(
    ['category'],
    `SELECT * FROM (${pairBy(
      'revenue',
      'category',
      ordersSql(Q3, 'category, sum(amount) AS revenue', 'TRUE', 'category'),
      ordersSql(Q2, 'category, sum(amount) AS revenue', 'TRUE', 'category'),
    )}) ORDER BY revenue DESC LIMIT 5`,
    { rows: true, ordered: true, tolerance: MONEY },
  ),
  'b4-od-13': retail(
    ['lifecycle_stage'],
    'SELECT lifecycle_stage, count(DISTINCT customer_id) AS customers FROM customer_snapshot GROUP BY 1',
  ),
  'b4-od-14': retail(
    ['rfm_segment'],
    'SELECT rfm_segment, count(DISTINCT customer_id) AS customers FROM customer_snapshot GROUP BY 1',
  ),
  'b4-od-15': retail(
    ['period'],
    ordersSql(
      Y2024_2025,
      "strftime(date_trunc('year', order_ts), '%Y-%m-%d') AS period, sum(amount) AS revenue",
      'TRUE',
      '1',
    ),
    { rows: true, tolerance: MONEY },
  ),
  'b4-od-17': retail([], rate(Q2)),
  'b4-od-18': retail(
    ['region'],
    ordersSql(SEP, `region, ${AOV}`, `region IN (${quoted(['华南', '华北'])})`, 'region'),
    { rows: true, tolerance: MONEY },
  ),
  'b4-od-19': retail(['coupon_user'], rateBy(Q3, 'coupon_user', 'TRUE', true), { rows: true }),
  'b4-od-20': retail([], ordersSql(NATIONAL_DAY_2025, `count(*) AS orders, ${AOV}`), { tolerance: MONEY }),
  'b4-od-21': retail(['region'], ranked(complaintRateBy(Q3, 'region'), 'complaint_rate', 'DESC', 3), {
    rows: true,
    ordered: true,
  }),
  'b4-od-23': retail(['category'], ordersSql(Q3_LY, 'category, sum(amount) AS revenue', 'TRUE', 'category'), {
    rows: true,
    tolerance: MONEY,
  }),
  'b4-od-26': telco(
    ['tenure_band'],
    telcoSql(`${T_BAND} AS tenure_band, ${T_RATE} AS churn_rate`, 'TRUE', '1'),
    { rows: true },
  ),

  // telco sales director (en / zh / mixed)
  'b4-ts-01': telco([], telcoSql(`${T_RATE} AS churn_rate`, "a.contract = 'Month-to-month'")),
  'b4-ts-02': telco(['contract'], telcoBy('contract', `${T_RATE} AS churn_rate`), { rows: true }),
  'b4-ts-03': telco([], telcoSql(CUSTOMERS, "a.contract = 'Two year'")),
  'b4-ts-04': telco(
    [],
    telcoSql(`${CUSTOMERS}, ${T_CHURNED} AS churned_customers`, "a.payment_method = 'Electronic check'"),
  ),
  'b4-ts-05': telco(
    ['payment_method'],
    ranked(telcoBy('payment_method', `${T_RATE} AS churn_rate`), 'churn_rate', 'DESC'),
    { rows: true, ordered: true },
  ),
  'b4-ts-06': telco(['contract'], telcoBy('contract', 'avg(a.monthly_charges) AS avg_monthly_charges'), {
    rows: true,
  }),
  'b4-ts-07': telco([], telcoSql(`${T_RATE} AS churn_rate`, 'a.tenure_months < 12')),
  'b4-ts-09': telco([], telcoSql('avg(a.tenure_months) AS avg_tenure_months', "a.contract = 'Two year'")),
  'b4-ts-10': telco(['contract'], telcoBy('contract', 'sum(a.total_revenue) AS total_revenue'), {
    rows: true,
    tolerance: MONEY,
  }),
  'b4-ts-11': telco([], telcoSql(`${T_CHURNED} AS churned_customers`, "a.contract = 'One year'")),
  'b4-ts-16': telco(
    [],
    telcoSql('avg(a.monthly_charges) AS avg_monthly_charges', "a.internet_service = 'Fiber optic'"),
  ),
  'b4-ts-17': telco([], telcoSql(`${T_RATE} AS churn_rate`, "a.contract = 'Two year'")),
  'b4-ts-18': telco(['contract'], telcoBy('contract', 'avg(a.cltv) AS avg_cltv'), { rows: true }),
  'b4-ts-19': telco(
    [],
    telcoSql(`${T_RATE} AS churn_rate`, "a.senior_citizen AND a.contract = 'Month-to-month'"),
  ),
  'b4-ts-20': telco(
    ['internet_service'],
    telcoBy(
      'internet_service',
      `${T_RATE} AS churn_rate`,
      "a.internet_service IN ('Fiber optic', 'DSL') AND a.tech_support = 'No'",
    ),
    { rows: true },
  ),
  'b4-ts-21': telco(['contract'], telcoBy('contract', 'avg(a.tenure_months) AS avg_tenure_months'), {
    rows: true,
  }),
  'b4-ts-23': telco(
    ['contract', 'internet_service'],
    telcoSql(
      `a.contract AS contract, a.internet_service AS internet_service, ${T_RATE} AS churn_rate`,
      'TRUE',
      '1, 2',
    ),
    { rows: true },
  ),
  'b4-ts-24': telco([], telcoSql(`${T_RATE} AS churn_rate`, "a.contract = 'Month-to-month'")),
  'b4-ts-25': telco([], telcoSql(`${T_CHURNED} AS churned_customers`, 'a.satisfaction_score = 1')),
  'b4-ts-26': retail([], churnedCount(Q3, "customer_type = 'B2B'")),
  'b4-ts-27': telco(['paperless_billing'], telcoBy('paperless_billing', `${T_RATE} AS churn_rate`), {
    rows: true,
  }),
};
