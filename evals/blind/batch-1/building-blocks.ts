/**
 * Blind batch 1's building blocks: the Reference shape, periods and the churn, orders and telco queries its
 * cases share, written from the definitions in reference-sql.ts's header. The per-case queries are there.
 */
export type Db = 'retail' | 'telco';
export interface Reference {
  db: Db;
  /** key columns of the expected table ([] for one number; `period` for a trend) */
  by: string[];
  /** metric columns to keep in `match` */
  metrics: string[];
  sql: string;
  ordered?: boolean;
  /** check the row count */
  rows?: boolean;
  tolerance?: number;
}

export type Range = [string, string];
export const Q3: Range = ['2026-07-01', '2026-10-01'];
export const Q2: Range = ['2026-04-01', '2026-07-01'];
export const SEP: Range = ['2026-09-01', '2026-10-01'];
export const AUG: Range = ['2026-08-01', '2026-09-01'];
export const YTD: Range = ['2026-01-01', '2026-10-01'];
export const YTD_LY: Range = ['2025-01-01', '2025-10-01'];
export const Y2025: Range = ['2025-01-01', '2026-01-01'];
export const SEP_LY: Range = ['2025-09-01', '2025-10-01'];
export const ALL: Range = ['2024-01-01', '2026-10-01'];

// ---- building blocks -------------------------------------------------------------------------

/** completed orders as days */
export const CO = `co AS (
  SELECT customer_id, CAST(order_ts AS DATE) AS d, amount, category, sales_channel
  FROM orders WHERE status = 'completed')`;

/** churn events from order-day gaps */
export const CHURNS = `days AS (SELECT DISTINCT customer_id, d FROM co),
gaps AS (
  SELECT customer_id, d AS last_d, CAST(d + INTERVAL 90 DAY AS DATE) AS churn_date,
         lead(d) OVER (PARTITION BY customer_id ORDER BY d) AS next_d
  FROM days),
churns AS (SELECT customer_id, last_d, churn_date FROM gaps WHERE next_d IS NULL OR next_d > churn_date)`;

/** per-customer attributes measured as of 2026-10-01 */
export const PROFILE = `profile AS (
  SELECT c.customer_id,
         DATE '2026-10-01' - max(co.d) AS recency_days,
         coalesce(sum(co.amount) FILTER (WHERE co.d >= DATE '2025-10-01'), 0) AS spend_12m,
         count(co.d) FILTER (WHERE co.d >= DATE '2025-10-01') AS orders_12m
  FROM customers c LEFT JOIN co USING (customer_id)
  GROUP BY c.customer_id)`;

export interface Opts {
  /** extra condition on c (customers), s (customer_snapshot) or p (profile) */
  where?: string;
  /** group-by expressions with their output names, e.g. { region: 'c.region' } */
  by?: Record<string, string>;
}

export const sel = (by: Record<string, string> = {}) =>
  Object.entries(by)
    .map(([k, v]) => `${v} AS ${k}, `)
    .join('');
export const grp = (by: Record<string, string> = {}) =>
  Object.keys(by).length ? `GROUP BY ${Object.values(by).join(', ')}` : '';

/** churn population of [s, e): active_customers, churned_customers, churn_rate, retention_rate */
export function churnSql([s, e]: Range, o: Opts = {}): string {
  return `WITH ${CO}, ${CHURNS}, ${PROFILE},
pop AS (
  SELECT DISTINCT days.customer_id FROM days
  WHERE days.d >= DATE '${s}' - INTERVAL 90 DAY AND days.d < DATE '${s}'),
lost AS (
  SELECT DISTINCT customer_id FROM churns WHERE churn_date >= DATE '${s}' AND churn_date < DATE '${e}')
SELECT ${sel(o.by)}count(*) AS active_customers,
       count(lost.customer_id) AS churned_customers,
       count(lost.customer_id) / count(*) AS churn_rate,
       1 - count(lost.customer_id) / count(*) AS retention_rate
FROM pop JOIN customers c USING (customer_id)
LEFT JOIN customer_snapshot s USING (customer_id)
LEFT JOIN profile p USING (customer_id)
LEFT JOIN lost USING (customer_id)
WHERE NOT (c.signup_date >= DATE '${s}' AND c.signup_date < DATE '${e}')${o.where ? ` AND (${o.where})` : ''}
${grp(o.by)}`;
}

/** completed-order metrics over [s, e); `o.` columns are the order's own (category, sales_channel) */
export function orderSql([s, e]: Range, opts: Opts = {}): string {
  return `WITH ${CO},
o AS (SELECT * FROM co WHERE d >= DATE '${s}' AND d < DATE '${e}'),
per AS (
  SELECT ${sel(opts.by)}o.customer_id, count(*) AS n, sum(o.amount) AS amt
  FROM o JOIN customers c USING (customer_id) LEFT JOIN customer_snapshot s USING (customer_id)
  ${opts.where ? `WHERE ${opts.where}` : ''}
  GROUP BY ALL)
SELECT ${Object.keys(opts.by ?? {})
    .map((k) => `${k}, `)
    .join('')}sum(amt) AS revenue, sum(n) AS orders, sum(amt) / sum(n) AS avg_order_value,
       count(*) AS buyers, count(*) FILTER (WHERE n >= 2) / count(*) AS repeat_purchase_rate,
       sum(n) / count(*) AS purchase_frequency
FROM per ${Object.keys(opts.by ?? {}).length ? `GROUP BY ${Object.keys(opts.by ?? {}).join(', ')}` : ''}`;
}

/** revenue ÷ customers active at the start */
export function revenuePerCustomerSql([s, e]: Range): string {
  return `SELECT (SELECT revenue FROM (${orderSql([s, e])})) / (SELECT active_customers FROM (${churnSql([s, e])})) AS revenue_per_customer`;
}

export function newCustomersSql([s, e]: Range, o: Opts = {}): string {
  return `SELECT ${sel(o.by)}count(*) AS new_customers FROM customers c
WHERE c.signup_date >= DATE '${s}' AND c.signup_date < DATE '${e}'${o.where ? ` AND (${o.where})` : ''} ${grp(o.by)}`;
}

export function reactivatedSql([s, e]: Range): string {
  return `WITH ${CO}, days AS (SELECT DISTINCT customer_id, d FROM co),
g AS (SELECT customer_id, d, lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS prev_d FROM days)
SELECT count(DISTINCT customer_id) AS reactivated_customers FROM g
WHERE d >= DATE '${s}' AND d < DATE '${e}' AND prev_d IS NOT NULL AND d > prev_d + INTERVAL 90 DAY`;
}

export function ticketsSql([s, e]: Range): string {
  return `SELECT count(*) AS tickets FROM tickets
WHERE created_ts >= TIMESTAMP '${s}' AND created_ts < TIMESTAMP '${e}'`;
}

export function npsSql([s, e]: Range): string {
  return `SELECT 100 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(*) AS nps
FROM feedback WHERE nps IS NOT NULL AND ts >= TIMESTAMP '${s}' AND ts < TIMESTAMP '${e}'`;
}

/** the same metric for a period and for a comparison period, as `<metric>` and `<metric>__previous` */
export function withPrevious(metric: string, cur: string, prev: string): string {
  return `SELECT (SELECT ${metric} FROM (${cur})) AS ${metric}, (SELECT ${metric} FROM (${prev})) AS ${metric}__previous`;
}

export const monthStarts = (from: string, n: number): string[] => {
  const out: string[] = [];
  const [y, m] = from.split('-').map(Number);
  for (let i = 0; i <= n; i++) {
    const yy = y + Math.floor((m - 1 + i) / 12);
    const mm = ((m - 1 + i) % 12) + 1;
    out.push(`${yy}-${String(mm).padStart(2, '0')}-01`);
  }
  return out;
};

/** churn rate per month over n months from `from` */
export function monthlyChurnSql(from: string, n: number): string {
  const ms = monthStarts(from, n);
  return ms
    .slice(0, n)
    .map((s, i) => `SELECT DATE '${s}' AS period, churn_rate FROM (${churnSql([s, ms[i + 1]])})`)
    .join('\nUNION ALL\n');
}

// telco
export const T = (select: string, where = '', by: Record<string, string> = {}) =>
  `SELECT ${sel(by)}${select}
FROM customers c JOIN customer_attributes a USING (customer_id)
${where ? `WHERE ${where}` : ''} ${grp(by)}`;
export const T_CHURN = 'avg(CASE WHEN c.churn_label THEN 1 ELSE 0 END) AS churn_rate';
export const T_CHURNED = 'count(*) FILTER (WHERE c.churn_label) AS churned_customers';
export const T_MC = 'avg(a.monthly_charges) AS avg_monthly_charges';

// ---- cases ---------------------------------------------------------------------------------------

export const r = (
  metrics: string[],
  sql: string,
  by: string[] = [],
  extra: Partial<Reference> = {},
): Reference => ({
  db: 'retail',
  by,
  metrics,
  sql,
  ...extra,
});
export const t = (
  metrics: string[],
  sql: string,
  by: string[] = [],
  extra: Partial<Reference> = {},
): Reference => ({
  db: 'telco',
  by,
  metrics,
  sql,
  ...extra,
});
