/**
 * Blind batch 2's building blocks (also imported by batches 3-5): periods, the churn, orders, tickets,
 * feedback, win-back and telco queries, written from the definitions in reference-sql.ts's header. The
 * per-case queries are in reference-sql.ts (CFO, CS lead, marketing) and reference-sql-later.ts (HK/TW, PM,
 * new employee).
 */
import type { Reference } from '../reference-runner.ts';

export const AS_OF = '2026-10-01';

export type { Reference };

export type Range = readonly [string, string];
export const Q3: Range = ['2026-07-01', '2026-10-01'];
export const Q2: Range = ['2026-04-01', '2026-07-01'];
export const Q3_LY: Range = ['2025-07-01', '2025-10-01'];
export const YTD: Range = ['2026-01-01', '2026-10-01'];
export const SEP: Range = ['2026-09-01', '2026-10-01'];
export const AUG: Range = ['2026-08-01', '2026-09-01'];
export const SEP_LY: Range = ['2025-09-01', '2025-10-01'];
export const Y2025: Range = ['2025-01-01', '2026-01-01'];
export const H1: Range = ['2026-01-01', '2026-07-01'];
export const LAST_12_MONTHS: Range = ['2025-10-01', '2026-10-01'];
export const LAST_8_QUARTERS: Range = ['2024-10-01', '2026-10-01'];
export const MONEY = 0.005;

/** One period, or consecutive periods of a grain, as `periods(ps, pe)`. */
export const one = ([s, e]: Range) => `periods AS (SELECT DATE '${s}' AS ps, DATE '${e}' AS pe)`;
export const every = ([s, e]: Range, grain: 'MONTH' | 'QUARTER') =>
  `periods AS (SELECT CAST(r.range AS DATE) AS ps, CAST(r.range + INTERVAL 1 ${grain} AS DATE) AS pe
     FROM range(DATE '${s}', DATE '${e}', INTERVAL 1 ${grain}) r)`;
export const PERIOD = `strftime(p.ps, '%Y-%m-%d')`;

/** Spells from completed orders, with each spell's trailing revenue. */
export const SPELLS = `
orders_done AS (SELECT customer_id, CAST(order_ts AS DATE) AS d, amount FROM orders WHERE status = 'completed'),
order_days AS (SELECT DISTINCT customer_id, d FROM orders_done),
gaps AS (SELECT customer_id, d, lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS prev FROM order_days),
numbered AS (
  SELECT customer_id, d,
         sum(CASE WHEN prev IS NULL OR d - prev > 90 THEN 1 ELSE 0 END)
           OVER (PARTITION BY customer_id ORDER BY d) AS spell_no
  FROM gaps),
spells AS (
  SELECT customer_id, spell_no, min(d) AS spell_start, max(d) AS last_day,
         CASE WHEN max(d) + 90 <= DATE '${AS_OF}' THEN max(d) + 90 END AS churn_date
  FROM numbered GROUP BY customer_id, spell_no),
spells_rev AS (
  SELECT s.*, (SELECT coalesce(sum(o.amount), 0) FROM orders_done o
               WHERE o.customer_id = s.customer_id AND o.d > s.last_day - 365 AND o.d <= s.last_day) AS trailing_revenue
  FROM spells s)`;

/** Customers active at each period's start, whether they churned in it, with their attributes. */
export const POPULATION = `
pop AS (
  SELECT p.ps, p.pe, s.customer_id, s.spell_no, s.trailing_revenue,
         (s.churn_date IS NOT NULL AND s.churn_date < p.pe) AS churned
  FROM periods p JOIN spells_rev s
    ON s.spell_start <= p.ps AND (s.churn_date IS NULL OR s.churn_date > p.ps)),
popx AS (
  SELECT pop.*, c.region, c.city, c.customer_type, c.gender, c.acquisition_channel,
         cs.value_tier, cs.age, cs.coupon_user, cs.main_sales_channel, sp.reason_category AS churn_reason
  FROM pop JOIN customers c USING (customer_id)
  JOIN customer_snapshot cs USING (customer_id)
  LEFT JOIN customer_spells sp ON sp.customer_id = pop.customer_id AND sp.spell_no = pop.spell_no)`;

export const CHURNED = 'count(DISTINCT customer_id) FILTER (WHERE churned)';
export const ACTIVE = 'count(DISTINCT customer_id)';
export const RATE = `${CHURNED} * 1.0 / ${ACTIVE}`;
export const LOST = 'coalesce(sum(trailing_revenue) FILTER (WHERE churned), 0)';

/** A churn-family query: `select` over popx (columns p.ps etc. are in popx as ps). */
export function churnSql(periods: string, select: string, where = 'TRUE', group = '', tail = ''): string {
  return `WITH ${periods}, ${SPELLS}, ${POPULATION}
SELECT ${select} FROM popx WHERE ${where}${group ? ` GROUP BY ${group}` : ''} ${tail}`;
}

/** Completed orders in a range with customer attributes. */
export function ordersSql(range: Range, select: string, where = 'TRUE', group = '', tail = ''): string {
  return `WITH o AS (
  SELECT o.*, c.region, c.customer_type, c.gender, cs.value_tier
  FROM orders o JOIN customers c USING (customer_id) JOIN customer_snapshot cs USING (customer_id)
  WHERE o.status = 'completed' AND o.order_ts >= TIMESTAMP '${range[0]}' AND o.order_ts < TIMESTAMP '${range[1]}')
SELECT ${select} FROM o WHERE ${where}${group ? ` GROUP BY ${group}` : ''} ${tail}`;
}

/** Revenue ÷ customers active at the start, per group (`key` a column of both o and popx). */
export function revenuePerCustomerSql(range: Range, key: string, clv: boolean, overall = false): string {
  const k = overall ? "'all'" : key;
  const bare = k.replace(/^\w+\./, '');
  const value = clv
    ? `a.revenue / a.active * 0.3 * (1 - a.rate) / (1 + 0.025 - (1 - a.rate))`
    : 'a.revenue / a.active';
  return `WITH ${one(range)}, ${SPELLS}, ${POPULATION},
act AS (SELECT ${bare} AS k, ${ACTIVE} AS active, ${RATE} AS rate FROM popx GROUP BY ${bare}),
rev AS (
  SELECT ${k} AS k, sum(o.amount) AS revenue
  FROM orders o JOIN customers c USING (customer_id) JOIN customer_snapshot cs USING (customer_id)
  WHERE o.status = 'completed' AND o.order_ts >= TIMESTAMP '${range[0]}' AND o.order_ts < TIMESTAMP '${range[1]}'
  GROUP BY ${k}),
a AS (SELECT act.k, act.active, act.rate, rev.revenue FROM act JOIN rev USING (k))
SELECT ${overall ? '' : `a.k AS ${bare}, `}${value} AS ${clv ? 'clv' : 'revenue_per_customer'} FROM a`;
}

/** Repeat purchase rate in a range: buyers with ≥ 2 completed orders ÷ buyers, per group. */
export function repeatSql(range: Range, key: string | null, where = 'TRUE'): string {
  const k = key ? `${key}, ` : '';
  return `WITH o AS (
  SELECT o.customer_id, o.category, c.gender
  FROM orders o JOIN customers c USING (customer_id)
  WHERE o.status = 'completed' AND o.order_ts >= TIMESTAMP '${range[0]}' AND o.order_ts < TIMESTAMP '${range[1]}' AND ${where}),
per AS (SELECT ${k}customer_id, count(*) AS n FROM o GROUP BY ${k}customer_id)
SELECT ${k}count(*) FILTER (WHERE n >= 2) * 1.0 / count(*) AS repeat_purchase_rate FROM per${key ? ` GROUP BY ${key}` : ''}`;
}

export function ticketsSql(range: Range, select: string, where = 'TRUE', group = ''): string {
  return `WITH t AS (
  SELECT t.*, t.category AS ticket_category FROM tickets t
  WHERE t.created_ts >= TIMESTAMP '${range[0]}' AND t.created_ts < TIMESTAMP '${range[1]}')
SELECT ${select} FROM t WHERE ${where}${group ? ` GROUP BY ${group}` : ''}`;
}

export const HOURS = 'avg(epoch(resolved_ts - created_ts) / 3600.0) FILTER (WHERE resolved_ts IS NOT NULL)';
export const FCR = 'avg(CASE WHEN coalesce(first_contact_resolved, FALSE) THEN 1.0 ELSE 0.0 END)';

/** Complaint rate: customers active at the start with a ticket in the period ÷ active at the start. */
export function complaintSql(range: Range, key: string, where = 'TRUE'): string {
  return `WITH ${one(range)}, ${SPELLS}, ${POPULATION},
flag AS (
  SELECT popx.*, EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = popx.customer_id
    AND t.created_ts >= TIMESTAMP '${range[0]}' AND t.created_ts < TIMESTAMP '${range[1]}') AS complained
  FROM popx)
SELECT ${key}, count(DISTINCT customer_id) FILTER (WHERE complained) * 1.0 / count(DISTINCT customer_id) AS complaint_rate
FROM flag WHERE ${where} GROUP BY ${key}`;
}

export function feedbackSql(periods: string, select: string, where = 'TRUE', byPeriod = false): string {
  return `WITH ${periods}
SELECT ${byPeriod ? `${PERIOD} AS period, ` : ''}${select}
FROM periods p JOIN feedback f ON f.ts >= p.ps AND f.ts < p.pe WHERE ${where}${byPeriod ? ' GROUP BY p.ps' : ''}`;
}
export const NPS =
  '(count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) * 100.0 / count(*) FILTER (WHERE nps IS NOT NULL)';

export function winbackSql(range: Range, select: string, group = ''): string {
  return `WITH m AS (
  SELECT m.*, c.region FROM communications m JOIN customers c USING (customer_id)
  WHERE m.sent_ts >= TIMESTAMP '${range[0]}' AND m.sent_ts < TIMESTAMP '${range[1]}')
SELECT ${select} FROM m${group ? ` GROUP BY ${group}` : ''}`;
}
export const WB_CONTACTED =
  "count(DISTINCT customer_id) FILTER (WHERE action_id = 'winback_offer' AND status IN ('sent', 'delivered'))";
export const WB_RETURNED =
  "count(DISTINCT customer_id) FILTER (WHERE action_id = 'winback_offer' AND status IN ('sent', 'delivered') AND outcome = 'returned')";
export const ACTION_RETURN =
  "count(DISTINCT customer_id) FILTER (WHERE outcome IN ('returned', 'saved')) * 1.0 / count(DISTINCT customer_id)";

/** Reactivations: spells after the first that start in the period. */
export function reactivatedSql(periods: string, byPeriod: boolean): string {
  return `WITH ${periods}, ${SPELLS}
SELECT ${byPeriod ? `${PERIOD} AS period, ` : ''}count(DISTINCT s.customer_id) AS reactivated_customers
FROM periods p JOIN spells s ON s.spell_no > 1 AND s.spell_start >= p.ps AND s.spell_start < p.pe
${byPeriod ? 'GROUP BY p.ps' : ''}`;
}

export function newCustomersSql(periods: string, where = 'TRUE', key = '', byPeriod = false): string {
  const cols = [byPeriod ? `${PERIOD} AS period` : '', key].filter(Boolean);
  const group = [byPeriod ? 'p.ps' : '', key].filter(Boolean).join(', ');
  return `WITH ${periods}
SELECT ${cols.length ? `${cols.join(', ')}, ` : ''}count(DISTINCT c.customer_id) AS new_customers
FROM periods p JOIN customers c ON c.signup_date >= p.ps AND c.signup_date < p.pe
WHERE ${where}${group ? ` GROUP BY ${group}` : ''}`;
}

/** Telco: customers joined to their attributes. */
export function telcoSql(select: string, where = 'TRUE', group = '', tail = ''): string {
  return `SELECT ${select} FROM customers c JOIN customer_attributes a USING (customer_id)
WHERE ${where}${group ? ` GROUP BY ${group}` : ''} ${tail}`;
}
export const T_CHURNED = 'count(DISTINCT c.customer_id) FILTER (WHERE c.churn_label)';
export const T_RATE = `${T_CHURNED} * 1.0 / count(DISTINCT c.customer_id)`;

/** Per-customer attributes as of the as-of date, computed from the canonical tables. */
export const PER_CUSTOMER = `
WITH o AS (SELECT customer_id, CAST(order_ts AS DATE) AS d, amount FROM orders WHERE status = 'completed'),
pc AS (
  SELECT c.customer_id,
    (SELECT count(*) FROM o WHERE o.customer_id = c.customer_id AND o.d >= DATE '${AS_OF}' - 365) AS orders_12m,
    (SELECT coalesce(sum(amount), 0) FROM o WHERE o.customer_id = c.customer_id AND o.d >= DATE '${AS_OF}' - 365) AS spend_12m,
    DATE '${AS_OF}' - (SELECT max(d) FROM o WHERE o.customer_id = c.customer_id) AS recency_days,
    (SELECT count(*) FROM tickets t WHERE t.customer_id = c.customer_id
       AND t.created_ts >= TIMESTAMP '${AS_OF}' - INTERVAL 90 DAY) AS tickets_90d
  FROM customers c)`;

export const r = (model: Reference['model'], by: string[], sql: string, extra: Partial<Reference> = {}) => ({
  model,
  by,
  sql,
  ...extra,
});
