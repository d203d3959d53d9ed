/**
 * Hand-written reference SQL for blind batch 6, second half: the Taiwan telco store manager, the UX
 * researcher and the data scientist (reference-sql.ts holds the first half and merges this one). Same
 * sources and conventions as there.
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
  Q2,
  Q3,
  Q3_LY,
  type Reference,
  SEP,
  T_CHURNED,
  T_RATE,
  telcoSql,
  ticketsSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import {
  AGE_BAND,
  pair,
  sqlList as quoted,
  ranked,
  retail,
  T_BAND,
  telco,
  telcoBy,
  ticketsByCategory,
} from '../batch-3/reference-sql.ts';
import {
  CUSTOMERS,
  churn,
  churnedCount,
  complaintRateBy,
  DOUBLE_11_2025,
  LOST,
  RATE,
  rate,
  rateBy,
  reactivated,
} from '../batch-4/building-blocks.ts';
import { snapshotCustomers } from '../batch-5/building-blocks.ts';
import {
  CSAT,
  customerIn,
  DETRACTORS,
  feedback,
  feedbackBy,
  money,
  NEGATIVE,
  rateByPeriod,
  table,
  telcoRate,
} from './building-blocks.ts';

const nps = (range: readonly [string, string], where = 'TRUE') => feedback(range, `${NPS} AS nps`, where);
const highValue = (column: string) => customerIn(column, "value_tier = 'high'", 'customer_snapshot');
const telcoChurnRate = `${T_RATE} AS churn_rate`;

export const LATER_REFERENCES: Record<string, Reference> = {
  // Taiwan telco store manager (zh, traditional)
  'b6-tw-01': telco([], telcoRate("a.contract = 'Month-to-month'")),
  'b6-tw-02': telco([], telcoRate("a.contract = 'Two year'")),
  'b6-tw-03': telco(['contract'], telcoBy('contract', telcoChurnRate), table),
  'b6-tw-04': telco(
    ['internet_service'],
    telcoBy('internet_service', telcoChurnRate, `a.internet_service IN (${quoted(['Fiber optic', 'DSL'])})`),
    table,
  ),
  'b6-tw-05': telco([], telcoSql(`${T_CHURNED} AS churned_customers`, "a.payment_method = 'Mailed check'")),
  'b6-tw-06': telco([], telcoRate("a.online_security = 'Yes'")),
  'b6-tw-07': telco([], telcoSql('avg(a.monthly_charges) AS avg_monthly_charges')),
  'b6-tw-09': telco([], telcoRate('a.senior_citizen')),
  // Churners only: a "(none)" row of retained customers (0 churned) may follow the ranking.
  'b6-tw-11': telco(
    ['churn_category'],
    ranked(
      telcoBy('churn_category', `${T_CHURNED} AS churned_customers`, 'c.churn_label'),
      'churned_customers',
      'DESC',
    ),
    { ordered: true },
  ),
  'b6-tw-14': telco([], telcoRate()),
  'b6-tw-15': telco([], telcoRate("c.city = 'Los Angeles'")),
  'b6-tw-16': telco([], telcoSql(CUSTOMERS, 'a.satisfaction_score = 1')),
  'b6-tw-17': telco([], telcoSql('avg(a.tenure_months) AS avg_tenure_months')),
  'b6-tw-18': telco([], telcoRate('a.tenure_months < 12')),
  'b6-tw-19': telco(
    ['tenure_band'],
    telcoSql(`${T_BAND} AS tenure_band, ${telcoChurnRate}`, 'TRUE', '1'),
    table,
  ),
  'b6-tw-21': telco([], telcoRate("a.contract = 'One year'")),
  'b6-tw-22': telco(
    ['contract'],
    telcoBy('contract', telcoChurnRate, "a.internet_service = 'Fiber optic'"),
    table,
  ),
  'b6-tw-24': telco([], telcoSql('sum(a.total_revenue) AS total_revenue'), money),
  'b6-tw-25': telco([], telcoSql('avg(a.cltv) AS avg_cltv')),

  // UX researcher (en)
  'b6-ux-01': retail([], nps(Q3)),
  'b6-ux-02': retail([], feedback(SEP, NEGATIVE)),
  'b6-ux-03': retail(['period'], feedbackSql(every(YTD, 'MONTH'), CSAT, 'TRUE', true), table),
  // Ties (service and price) rule out an ordered check: the topics' counts only.
  'b6-ux-04': retail(
    ['feedback_topic'],
    `SELECT * FROM (${feedbackBy(Q3, 'topic', 'feedback_topic', NEGATIVE)}) WHERE negative_feedback > 0`,
  ),
  'b6-ux-05': retail([], pair('nps', nps(Q3), nps(Q3_LY))),
  'b6-ux-08': retail(['region'], complaintRateBy(Q3, 'region'), table),
  'b6-ux-09': retail([], nps(Q3, highValue('f.customer_id'))),
  'b6-ux-10': retail([], feedback(H1, DETRACTORS)),
  'b6-ux-11': retail([], ticketsSql(SEP, `${HOURS} AS avg_resolution_hours`)),
  'b6-ux-12': retail(
    [],
    ticketsSql(Q3, `${FCR} AS first_contact_resolution_rate`, "ticket_category = 'billing'"),
  ),
  'b6-ux-13': retail(['ticket_category'], ticketsByCategory(Q3), table),
  'b6-ux-18': retail([], churnedCount(Q3, "churn_reason = 'service'")),
  'b6-ux-19': retail([], nps(Q3_LY)),
  'b6-ux-20': retail(['ticket_category'], ticketsByCategory(Q3, highValue('c.customer_id')), table),
  'b6-ux-22': retail([], pair('csat', feedback(SEP, CSAT), feedback(AUG, CSAT))),
  'b6-ux-23': telco([], telcoRate('a.satisfaction_score IN (1, 2)')),
  'b6-ux-24': telco(
    ['contract'],
    telcoBy('contract', 'avg(a.satisfaction_score) AS avg_satisfaction'),
    table,
  ),
  'b6-ux-26': retail([], nps(DOUBLE_11_2025)),

  // data scientist (en)
  'b6-ds-01': retail([], rate(Q3)),
  'b6-ds-02': retail(
    ['age_band'],
    churn({ range: Q3, select: `${AGE_BAND} AS age_band, ${RATE} AS churn_rate`, group: '1' }),
    table,
  ),
  'b6-ds-06': retail(
    ['risk_tier'],
    snapshotCustomers('risk_tier, count(*) AS customers', 'risk_tier IS NOT NULL', '1'),
  ),
  'b6-ds-07': retail([], snapshotCustomers('count(DISTINCT customer_id) AS at_risk_customers', 'at_risk')),
  'b6-ds-08': retail(['period'], rateByPeriod(every(LAST_12_MONTHS, 'MONTH')), table),
  'b6-ds-10': retail(['coupon_user'], rateBy(Q3, 'coupon_user', 'TRUE', true), table),
  'b6-ds-13': retail([], rate(Q3, 'age < 25')),
  'b6-ds-14': retail([], reactivated(YTD)),
  'b6-ds-15': retail(['value_tier'], rateBy(Q3, 'value_tier', 'TRUE', true), table),
  'b6-ds-18': telco(
    ['internet_service', 'contract'],
    telcoSql(
      `a.internet_service AS internet_service, a.contract AS contract, ${telcoChurnRate}`,
      'TRUE',
      '1, 2',
    ),
    table,
  ),
  'b6-ds-19': telco(['paperless_billing'], telcoBy('paperless_billing', telcoChurnRate), table),
  'b6-ds-20': telco([], telcoSql(`${CUSTOMERS}, ${T_CHURNED} AS churned_customers`)),
  'b6-ds-21': retail(['value_tier'], rateBy(Q2, 'value_tier', 'TRUE', true), table),
  'b6-ds-23': retail(
    ['churn_reason'],
    churn({
      range: YTD,
      select: `churn_reason, ${LOST} AS lost_revenue`,
      where: 'left_in_p',
      group: 'churn_reason',
    }),
    money,
  ),
  // 2024 has no customers active at its start (the data begins 2024-01-01): 2025's rate only.
  'b6-ds-24': retail([], rate(Y2025)),
  'b6-ds-26': retail(
    ['acquisition_channel'],
    rateBy(
      Q3,
      'acquisition_channel',
      `acquisition_channel IN (${quoted(['paid_search', 'organic_search'])})`,
    ),
    table,
  ),
};
