/**
 * Hand-written reference SQL (DuckDB) for the eval questions' expected values, written from
 * ../shared/docs/DOMAIN.md §3-4 and the model's definitions, never from compiled SQL. It reads the
 * canonical tables (customers, orders, tickets, feedback, communications); only the attributes that
 * are themselves analytical definitions (RFM segment, lifecycle stage, risk tier, main category, a
 * churn event's reason) come from the derived tables `customer_snapshot` and `customer_spells`.
 * Value tier, age band and tenure band are recomputed here from orders and customers.
 *
 * Churn (inactivity, activity = a completed order, window 90 days): a customer churns on
 * last activity + 90 days when no activity follows within 90 days, known once that day is before the
 * as-of date. Active at the start of P: a completed order in [start − 90 days, start) and signed up
 * before the start. Periods are [start, end).
 *
 * Each family returns one row per period (`period` = its start) and the caller's keys, with its
 * metrics as columns: the question's reference picks the columns its answer table shows.
 */
import { date, type RefPeriod } from '../reference/demo-reference-sql.ts';

/** A reporting period [start, end). */
export type Period = RefPeriod;

/** A string literal from a constant of this file. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const addMonths = (d: string, n: number) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCMonth(t.getUTCMonth() + n);
  return t.toISOString().slice(0, 10);
};

/** Consecutive periods of `months` months from `start` until `end` (exclusive). */
export function periodsOf(range: Period, months: 1 | 3 | 12): Period[] {
  const out: Period[] = [];
  for (let s = range.start; s < range.end; s = addMonths(s, months))
    out.push({ start: s, end: addMonths(s, months) < range.end ? addMonths(s, months) : range.end });
  return out;
}

/** The same range one period earlier (`previous_period`) or one year earlier. */
export function baseline(range: Period, compare: 'previous_period' | 'same_period_last_year'): Period {
  if (compare === 'same_period_last_year')
    return { start: addMonths(range.start, -12), end: addMonths(range.end, -12) };
  const months = monthsBetween(range);
  if (months !== null) return { start: addMonths(range.start, -months), end: range.start };
  const days = (Date.parse(range.end) - Date.parse(range.start)) / 86_400_000;
  const start = new Date(Date.parse(range.start) - days * 86_400_000).toISOString().slice(0, 10);
  return { start, end: range.start };
}

function monthsBetween(r: Period): number | null {
  if (!r.start.endsWith('-01') || !r.end.endsWith('-01')) return null;
  const [ys, ms] = r.start.split('-').map(Number) as [number, number];
  const [ye, me] = r.end.split('-').map(Number) as [number, number];
  return (ye - ys) * 12 + (me - ms);
}

function periodsCte(periods: Period[]): string {
  return `periods(p_start, p_end) AS (VALUES ${periods.map((p) => `(${date(p.start)}, ${date(p.end)})`).join(', ')})`;
}

/**
 * `attrs`: one row per customer with the customers columns and, as of `asOf`: value_tier (trailing
 * 365-day spend among customers who bought in it: top 20% high, next 30% medium, the rest and
 * non-buyers low), age and age_band, tenure_band (days since the first completed order, else since
 * signup), and from customer_snapshot rfm_segment, lifecycle_stage, risk_tier, main_category.
 */
function attrsCte(asOf: string): string {
  const D = date(asOf);
  return `spend AS (
    SELECT customer_id, SUM(amount) AS spend_12m FROM orders
    WHERE status = 'completed' AND CAST(order_ts AS DATE) >= ${D} - 365 AND order_ts < ${D} GROUP BY 1
  ),
  ranked AS (SELECT customer_id, percent_rank() OVER (ORDER BY spend_12m DESC) AS r FROM spend),
  first_order AS (
    SELECT customer_id, MIN(CAST(order_ts AS DATE)) AS first_d FROM orders
    WHERE status = 'completed' AND order_ts < ${D} GROUP BY 1
  ),
  attrs AS (
    SELECT c.*,
      CASE WHEN rk.r < 0.2 THEN 'high' WHEN rk.r < 0.5 THEN 'medium' ELSE 'low' END AS value_tier,
      year(${D}) - c.birth_year AS age,
      CASE WHEN c.birth_year IS NULL THEN NULL WHEN year(${D}) - c.birth_year < 25 THEN '<25'
        WHEN year(${D}) - c.birth_year < 35 THEN '25-34' WHEN year(${D}) - c.birth_year < 45 THEN '35-44'
        WHEN year(${D}) - c.birth_year < 55 THEN '45-54' ELSE '55+' END AS age_band,
      CASE WHEN ${D} - COALESCE(f.first_d, c.signup_date) < 90 THEN '0-3m'
        WHEN ${D} - COALESCE(f.first_d, c.signup_date) < 180 THEN '3-6m'
        WHEN ${D} - COALESCE(f.first_d, c.signup_date) < 365 THEN '6-12m'
        WHEN ${D} - COALESCE(f.first_d, c.signup_date) < 730 THEN '12-24m' ELSE '24m+' END AS tenure_band,
      s.rfm_segment, s.lifecycle_stage, s.risk_tier, s.main_category
    FROM customers c LEFT JOIN ranked rk USING (customer_id) LEFT JOIN first_order f USING (customer_id)
    LEFT JOIN customer_snapshot s USING (customer_id)
  )`;
}

export interface FamilyQuery {
  periods: Period[];
  asOf: string;
  /** Output key columns: name → SQL over the family's aliases (see each family). */
  keys?: Record<string, string>;
  /** A condition over the family's aliases. */
  where?: string;
}

const keyList = (keys: Record<string, string> = {}) =>
  Object.entries(keys).map(([name, sql]) => `${sql} AS ${name}`);
const groupBy = (keys: Record<string, string> = {}) =>
  ['1', ...Object.keys(keys).map((_, i) => String(i + 2))].join(', ');
const cond = (where?: string) => (where ? `AND (${where})` : '');

/**
 * Point in time (issue 18 §1): churn in one calendar quarter is explained by the customer as they were
 * at its start (value tier, tenure band…), the quarter-start snapshot the product reads; other periods
 * have no snapshot and keep the as-of date.
 */
function featuresAsOf(q: FamilyQuery): string {
  const [p] = q.periods;
  if (q.periods.length !== 1 || !p) return q.asOf;
  const quarterStart = /-(01|04|07|10)-01$/;
  return quarterStart.test(p.start) && quarterStart.test(p.end) && monthsBetween(p) === 3 ? p.start : q.asOf;
}

/**
 * Churn family. Aliases: `a` (attrs of the customer), `x` (active at the start: p_start, p_end,
 * did_churn, reason = the churn's reason category); a condition on the churn itself (`ch`: churn_date,
 * last_d, reason) belongs in `churnedWhere`. Columns: active_customers, churned_customers, churn_rate,
 * retention_rate, lost_revenue (365 days of completed orders up to the last one, of those who churned),
 * complaint_rate (active at start with a ticket in P ÷ active at start, DOMAIN.md §4).
 */
export function churnFamily(q: FamilyQuery & { churnedWhere?: string }): string {
  const D = date(q.asOf);
  return `WITH ${periodsCte(q.periods)}, ${attrsCte(featuresAsOf(q))},
  activity AS (
    SELECT DISTINCT customer_id, CAST(order_ts AS DATE) AS d FROM orders
    WHERE status = 'completed' AND order_ts < ${D}
  ),
  churns AS (
    SELECT customer_id, d AS last_d, d + 90 AS churn_date FROM (
      SELECT customer_id, d, lead(d) OVER (PARTITION BY customer_id ORDER BY d) AS next_d FROM activity
    ) WHERE (next_d IS NULL OR next_d - d > 90) AND d + 90 < ${D}
  ),
  active AS (
    SELECT DISTINCT p.p_start, p.p_end, ac.customer_id
    FROM periods p JOIN activity ac ON ac.d >= p.p_start - 90 AND ac.d < p.p_start
    JOIN customers c ON c.customer_id = ac.customer_id AND c.signup_date < p.p_start
  ),
  churned AS (
    SELECT x.p_start, x.customer_id, ch.last_d, ch.churn_date, sp.reason_category AS reason
    FROM active x JOIN churns ch ON ch.customer_id = x.customer_id
      AND ch.churn_date >= x.p_start AND ch.churn_date < x.p_end
    LEFT JOIN customer_spells sp ON sp.customer_id = ch.customer_id AND sp.churn_date = ch.churn_date
  ),
  per_customer AS (
    SELECT x.p_start, x.p_end, x.customer_id,
      EXISTS (SELECT 1 FROM churned ch WHERE ch.p_start = x.p_start AND ch.customer_id = x.customer_id
        ${cond(q.churnedWhere)}) AS did_churn,
      (SELECT MAX(ch.reason) FROM churned ch WHERE ch.p_start = x.p_start AND ch.customer_id = x.customer_id
        ${cond(q.churnedWhere)}) AS reason,
      (SELECT SUM(o.amount) FROM churned ch JOIN orders o ON o.customer_id = ch.customer_id
        AND o.status = 'completed' AND CAST(o.order_ts AS DATE) > ch.last_d - 365
        AND CAST(o.order_ts AS DATE) <= ch.last_d
       WHERE ch.p_start = x.p_start AND ch.customer_id = x.customer_id ${cond(q.churnedWhere)}) AS lost,
      EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = x.customer_id
        AND t.created_ts >= x.p_start AND t.created_ts < x.p_end) AS complained
    FROM active x
  )
  SELECT ${['x.p_start AS period', ...keyList(q.keys)].join(', ')},
    COUNT(*) AS active_customers,
    COUNT(*) FILTER (WHERE x.did_churn) AS churned_customers,
    CAST(COUNT(*) FILTER (WHERE x.did_churn) AS DOUBLE) / COUNT(*) AS churn_rate,
    1 - CAST(COUNT(*) FILTER (WHERE x.did_churn) AS DOUBLE) / COUNT(*) AS retention_rate,
    SUM(x.lost) AS lost_revenue,
    CAST(COUNT(*) FILTER (WHERE x.complained) AS DOUBLE) / COUNT(*) AS complaint_rate
  FROM per_customer x JOIN attrs a USING (customer_id)
  WHERE TRUE ${cond(q.where)}
  GROUP BY ${groupBy(q.keys)} ORDER BY ${groupBy(q.keys)}`;
}

/**
 * Completed orders in each period. Aliases: `o` (the order), `a` (attrs of its customer). Columns:
 * revenue, orders, avg_order_value, buyers, purchase_frequency, repeat_purchase_rate (buyers with
 * ≥ 2 of the period's matching orders ÷ buyers).
 */
export function ordersFamily(q: FamilyQuery): string {
  return `WITH ${periodsCte(q.periods)}, ${attrsCte(q.asOf)},
  matching AS (
    SELECT ${['p.p_start AS period', ...keyList(q.keys)].join(', ')}, o.customer_id, o.amount
    FROM periods p JOIN orders o ON o.status = 'completed' AND o.order_ts >= p.p_start AND o.order_ts < p.p_end
    JOIN attrs a ON a.customer_id = o.customer_id
    WHERE TRUE ${cond(q.where)}
  ),
  per_buyer AS (
    SELECT * EXCLUDE (amount), COUNT(*) AS n, SUM(amount) AS spent FROM matching GROUP BY ALL
  )
  SELECT ${['period', ...Object.keys(q.keys ?? {})].join(', ')},
    SUM(spent) AS revenue, SUM(n) AS orders, SUM(spent) / SUM(n) AS avg_order_value,
    COUNT(*) AS buyers, CAST(SUM(n) AS DOUBLE) / COUNT(*) AS purchase_frequency,
    CAST(COUNT(*) FILTER (WHERE n >= 2) AS DOUBLE) / COUNT(*) AS repeat_purchase_rate
  FROM per_buyer GROUP BY ${groupBy(q.keys)} ORDER BY ${groupBy(q.keys)}`;
}

/**
 * Tickets opened in each period. Aliases: `t` (the ticket), `a` (attrs of its customer). Columns:
 * tickets, complaining_customers, avg_resolution_hours (resolved tickets), first_contact_resolution_rate.
 */
export function ticketsFamily(q: FamilyQuery): string {
  return `WITH ${periodsCte(q.periods)}, ${attrsCte(q.asOf)}
  SELECT ${['p.p_start AS period', ...keyList(q.keys)].join(', ')},
    COUNT(*) AS tickets, COUNT(DISTINCT t.customer_id) AS complaining_customers,
    AVG(date_diff('second', t.created_ts, t.resolved_ts) / 3600.0) AS avg_resolution_hours,
    AVG(CASE WHEN t.first_contact_resolved THEN 1.0 ELSE 0.0 END) AS first_contact_resolution_rate
  FROM periods p JOIN tickets t ON t.created_ts >= p.p_start AND t.created_ts < p.p_end
  JOIN attrs a ON a.customer_id = t.customer_id
  WHERE TRUE ${cond(q.where)}
  GROUP BY ${groupBy(q.keys)} ORDER BY ${groupBy(q.keys)}`;
}

/**
 * Feedback given in each period. Aliases: `f`, `a`. Columns: nps (% answers 9-10 − % answers 0-6,
 * among NPS answers), csat (mean of the answers that have one).
 */
export function feedbackFamily(q: FamilyQuery): string {
  return `WITH ${periodsCte(q.periods)}, ${attrsCte(q.asOf)}
  SELECT ${['p.p_start AS period', ...keyList(q.keys)].join(', ')},
    100.0 * (COUNT(*) FILTER (WHERE f.nps >= 9) - COUNT(*) FILTER (WHERE f.nps <= 6)) / COUNT(f.nps) AS nps,
    AVG(f.csat) AS csat
  FROM periods p JOIN feedback f ON f.ts >= p.p_start AND f.ts < p.p_end
  JOIN attrs a ON a.customer_id = f.customer_id
  WHERE TRUE ${cond(q.where)}
  GROUP BY ${groupBy(q.keys)} ORDER BY ${groupBy(q.keys)}`;
}

/** Customers who signed up in each period (alias `a`): new_customers. */
export function newCustomersFamily(q: FamilyQuery): string {
  return `WITH ${periodsCte(q.periods)}, ${attrsCte(q.asOf)}
  SELECT ${['p.p_start AS period', ...keyList(q.keys)].join(', ')}, COUNT(*) AS new_customers
  FROM periods p JOIN attrs a ON a.signup_date >= p.p_start AND a.signup_date < p.p_end
  WHERE TRUE ${cond(q.where)}
  GROUP BY ${groupBy(q.keys)} ORDER BY ${groupBy(q.keys)}`;
}

/** Every customer signed up before the as-of date (alias `a`), by the keys: customers. */
export function customersFamily(q: Omit<FamilyQuery, 'periods'>): string {
  const keys = keyList(q.keys);
  return `WITH ${attrsCte(q.asOf)}
  SELECT ${[...keys, 'COUNT(*) AS customers'].join(', ')}
  FROM attrs a WHERE a.signup_date < ${date(q.asOf)} ${cond(q.where)}
  ${keys.length ? `GROUP BY ALL ORDER BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}`;
}

/** Customers whose activity resumed in each period after a gap longer than 90 days: reactivated_customers. */
export function reactivatedFamily(q: Pick<FamilyQuery, 'periods' | 'asOf'>): string {
  return `WITH ${periodsCte(q.periods)},
  activity AS (
    SELECT DISTINCT customer_id, CAST(order_ts AS DATE) AS d FROM orders
    WHERE status = 'completed' AND order_ts < ${date(q.asOf)}
  ),
  returns AS (
    SELECT customer_id, d FROM (
      SELECT customer_id, d, lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS prev_d FROM activity
    ) WHERE d - prev_d > 90
  )
  SELECT p.p_start AS period, COUNT(DISTINCT r.customer_id) AS reactivated_customers
  FROM periods p LEFT JOIN returns r ON r.d >= p.p_start AND r.d < p.p_end GROUP BY 1 ORDER BY 1`;
}

/** Churned customers sent a win-back offer in P who returned ÷ those sent one: winback_rate. */
export function winbackFamily(q: Pick<FamilyQuery, 'periods'>): string {
  return `WITH ${periodsCte(q.periods)}
  SELECT p.p_start AS period,
    CAST(COUNT(DISTINCT m.customer_id) FILTER (WHERE m.outcome = 'returned') AS DOUBLE)
      / COUNT(DISTINCT m.customer_id) AS winback_rate
  FROM periods p JOIN communications m ON m.action_id = 'winback_offer' AND m.status IN ('sent', 'delivered')
    AND m.sent_ts >= p.p_start AND m.sent_ts < p.p_end
  GROUP BY 1 ORDER BY 1`;
}

/**
 * IBM Telco (label churn, a snapshot): `c` = customers (churn_label, gender, city), `t` =
 * customer_attributes. Columns: customers, churned_customers, churn_rate, retention_rate,
 * avg_monthly_charges, total_revenue.
 */
export function telcoFamily(q: { keys?: Record<string, string>; where?: string }): string {
  const keys = keyList(q.keys);
  return `SELECT ${[
    ...keys,
    'COUNT(*) AS customers',
    'COUNT(*) FILTER (WHERE c.churn_label) AS churned_customers',
    'AVG(CASE WHEN c.churn_label THEN 1.0 ELSE 0.0 END) AS churn_rate',
    '1 - AVG(CASE WHEN c.churn_label THEN 1.0 ELSE 0.0 END) AS retention_rate',
    'AVG(t.monthly_charges) AS avg_monthly_charges',
    'SUM(t.total_revenue) AS total_revenue',
  ].join(', ')}
  FROM customers c JOIN customer_attributes t USING (customer_id)
  WHERE TRUE ${cond(q.where)}
  ${keys.length ? `GROUP BY ALL ORDER BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}`;
}

/** Telco tenure in bands of months (dimensions.yaml tenure_band). */
export const TELCO_TENURE_BAND = `CASE WHEN t.tenure_months < 12 THEN '0-12m' WHEN t.tenure_months < 24 THEN '12-24m'
  WHEN t.tenure_months < 48 THEN '24-48m' ELSE '48m+' END`;
