/**
 * Blind batch 3's own building blocks (on top of batch 2's): ranges, reference constructors and the
 * per-measure queries its cases share. The per-case queries are in reference-sql.ts.
 */
import {
  AUG,
  CHURNED,
  churnSql,
  complaintSql,
  every,
  FCR,
  feedbackSql,
  H1,
  HOURS,
  LAST_8_QUARTERS,
  LAST_12_MONTHS,
  LOST,
  MONEY,
  NPS,
  newCustomersSql,
  one,
  ordersSql,
  Q2,
  Q3,
  Q3_LY,
  RATE,
  type Range,
  type Reference,
  r,
  repeatSql,
  revenuePerCustomerSql,
  SEP,
  T_CHURNED,
  T_RATE,
  telcoSql,
  ticketsSql,
  WB_CONTACTED,
  WB_RETURNED,
  winbackSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';

export const Q2_LY: Range = ['2025-04-01', '2025-07-01'];
export const H1_LY: Range = ['2025-01-01', '2025-07-01'];
export const DAYS_90: Range = ['2026-07-03', '2026-10-01'];
export const LAST_6_MONTHS: Range = ['2026-04-01', '2026-10-01'];

export const retail = (by: string[], sql: string, extra: Partial<Reference> = {}) =>
  r('retail', by, sql, extra);
export const telco = (by: string[], sql: string, extra: Partial<Reference> = {}) =>
  r('telco', by, sql, extra);

/** A `compare` answer's row: the metric on the range and `<metric>__previous` on the other one. */
export const pair = (metric: string, current: string, previous: string) =>
  `SELECT (${current}) AS ${metric}, (${previous}) AS ${metric}__previous`;
export const ranked = (sql: string, column: string, dir: 'ASC' | 'DESC', limit?: number) =>
  `SELECT * FROM (${sql}) ORDER BY ${column} ${dir}${limit ? ` LIMIT ${limit}` : ''}`;
export const sqlList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

// Retail building blocks of this batch.
export const churnRate = (range: Range, where = 'TRUE') =>
  churnSql(one(range), `${RATE} AS churn_rate`, where);
export const retention = (range: Range, where = 'TRUE') =>
  churnSql(one(range), `1 - ${RATE} AS retention_rate`, where);
export const churned = (range: Range, where = 'TRUE') =>
  churnSql(one(range), `${CHURNED} AS churned_customers`, where);
export const churnBy = (range: Range, key: string, select: string, where = 'TRUE') =>
  churnSql(one(range), `${key}, ${select}`, where, key);
export const rateIn = (key: string, values: string[]) =>
  churnBy(Q3, key, `${RATE} AS churn_rate`, `${key} IN (${sqlList(values)})`);
export const churnTrend = (periods: string, select: string) =>
  churnSql(periods, `strftime(ps, '%Y-%m-%d') AS period, ${select}`, 'TRUE', 'ps');
export const lost = (range: Range) => churnSql(one(range), `${LOST} AS lost_revenue`);
export const revenue = (range: Range, where = 'TRUE') => ordersSql(range, 'sum(amount) AS revenue', where);
export const AOV = 'sum(amount) / count(*) AS avg_order_value';
export const tickets = (range: Range, where = 'TRUE') => ticketsSql(range, 'count(*) AS tickets', where);
export const complaintRate = (range: Range) => `SELECT complaint_rate FROM (${complaintSql(range, 'ps')})`;
export const AGE_BAND = `CASE WHEN age < 25 THEN '<25' WHEN age < 35 THEN '25-34' WHEN age < 45 THEN '35-44'
  WHEN age < 55 THEN '45-54' ELSE '55+' END`;
export const WINBACK = `${WB_RETURNED} * 1.0 / ${WB_CONTACTED} AS winback_rate`;

/** Tickets of a range by category, with the customer's region. */
export const ticketsByCategory = (
  range: Range,
  where = 'TRUE',
) => `SELECT t.category AS ticket_category, count(*) AS tickets
FROM tickets t JOIN customers c USING (customer_id)
WHERE t.created_ts >= TIMESTAMP '${range[0]}' AND t.created_ts < TIMESTAMP '${range[1]}' AND ${where}
GROUP BY t.category`;

// Telco building blocks.
export const T_BAND = `CASE WHEN a.tenure_months < 12 THEN '0-12m' WHEN a.tenure_months < 24 THEN '12-24m'
  WHEN a.tenure_months < 48 THEN '24-48m' ELSE '48m+' END`;
export const telcoBy = (key: string, select: string, where = 'TRUE') =>
  telcoSql(`a.${key} AS ${key}, ${select}`, where, `a.${key}`);
