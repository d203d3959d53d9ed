/**
 * Hand-written reference SQL (DuckDB) for the DOMAIN.md §4 metrics, over the raw canonical tables
 * only (customers, orders, tickets, feedback, interactions, communications): no derived table, no
 * compiled SQL. Written from DOMAIN.md §3-4 and the definitions in models/retail/*.yaml, so that a
 * compiler bug and a reference bug are unlikely to agree.
 *
 * Conventions, as the governed churn definition states them (churn.yaml: activity = a completed
 * order, window 90 days): a customer churns on last activity + 90 days when no activity follows
 * within 90 days, known once that day is before the as-of date; active at the start of P = active
 * on its eve, i.e. a completed order in [start − 90 days, start), and not acquired during P.
 * Periods are [start, end). Every query returns rows in the order the compiler's output has.
 */

export interface RefPeriod {
  start: string;
  end: string;
}

const iso = /^\d{4}-\d{2}-\d{2}$/;
/** A DATE literal from a test constant (never user input). */
export function date(value: string): string {
  if (!iso.test(value)) throw new Error(`not an ISO date: ${value}`);
  return `DATE '${value}'`;
}

function periodsCte(periods: RefPeriod[]): string {
  return `periods(p_start, p_end) AS (VALUES ${periods.map((p) => `(${date(p.start)}, ${date(p.end)})`).join(', ')})`;
}

/** Activity days: one row per customer and day with a completed order before the as-of date. */
function activityCte(asOf: string): string {
  return `activity AS (
    SELECT DISTINCT customer_id, CAST(order_ts AS DATE) AS d FROM orders
    WHERE status = 'completed' AND order_ts < ${date(asOf)}
  )`;
}

/** Churn events: an activity day with no activity in the 90 days after it; churn on day + 90 once past. */
function churnsCte(asOf: string): string {
  return `churns AS (
    SELECT customer_id, d AS last_d, d + 90 AS churn_date FROM (
      SELECT customer_id, d, lead(d) OVER (PARTITION BY customer_id ORDER BY d) AS next_d FROM activity
    ) WHERE (next_d IS NULL OR next_d - d > 90) AND d + 90 < ${date(asOf)}
  )`;
}

/** Customers active at the start of each period (acquired earlier), and those of them who churned in it. */
function populationCtes(periods: RefPeriod[], asOf: string): string {
  return `${periodsCte(periods)}, ${activityCte(asOf)}, ${churnsCte(asOf)},
  active AS (
    SELECT DISTINCT p.p_start, p.p_end, a.customer_id
    FROM periods p
    JOIN activity a ON a.d >= p.p_start - 90 AND a.d < p.p_start
    JOIN customers c ON c.customer_id = a.customer_id AND c.signup_date < p.p_start
  ),
  churned AS (
    SELECT DISTINCT a.p_start, a.customer_id, ch.last_d
    FROM active a JOIN churns ch ON ch.customer_id = a.customer_id
      AND ch.churn_date >= a.p_start AND ch.churn_date < a.p_end
  )`;
}

/** (period, region, active_customers, churned_customers, churn_rate) for each period and region. */
export function churnByRegionSql(periods: RefPeriod[], asOf: string): string {
  return `WITH ${populationCtes(periods, asOf)}
  SELECT a.p_start AS period, c.region, COUNT(*) AS active_customers, COUNT(ch.customer_id) AS churned_customers,
    CAST(COUNT(ch.customer_id) AS DOUBLE) / COUNT(*) AS churn_rate
  FROM active a JOIN customers c USING (customer_id)
  LEFT JOIN churned ch USING (p_start, customer_id)
  GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** (customer_id) of the customers active at the start of one period. */
export function activeAtStartSql(period: RefPeriod, asOf: string): string {
  return `WITH ${populationCtes([period], asOf)} SELECT customer_id FROM active ORDER BY customer_id`;
}

/** (customer_id) of customers whose first completed order falls in the period: acquired during it. */
export function acquiredDuringSql(period: RefPeriod): string {
  return `SELECT customer_id FROM orders WHERE status = 'completed' GROUP BY 1
  HAVING MIN(order_ts) >= ${date(period.start)} AND MIN(order_ts) < ${date(period.end)} ORDER BY 1`;
}

/**
 * (period, lost_revenue): for customers active at the start who churned in P, their completed-order
 * revenue in the twelve months (365 days) up to and including their last order.
 */
export function lostRevenueSql(periods: RefPeriod[], asOf: string): string {
  return `WITH ${populationCtes(periods, asOf)}
  SELECT ch.p_start AS period, SUM(o.amount) AS lost_revenue
  FROM churned ch JOIN orders o ON o.customer_id = ch.customer_id AND o.status = 'completed'
    AND CAST(o.order_ts AS DATE) > ch.last_d - 365 AND CAST(o.order_ts AS DATE) <= ch.last_d
  GROUP BY 1 ORDER BY 1`;
}

/** (period, reactivated_customers): customers whose activity resumed in P after a gap longer than the window. */
export function reactivatedSql(periods: RefPeriod[], asOf: string): string {
  return `WITH ${periodsCte(periods)}, ${activityCte(asOf)},
  returns AS (
    SELECT customer_id, d FROM (
      SELECT customer_id, d, lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS prev_d FROM activity
    ) WHERE d - prev_d > 90
  )
  SELECT p.p_start AS period, COUNT(DISTINCT r.customer_id) AS reactivated_customers
  FROM periods p JOIN returns r ON r.d >= p.p_start AND r.d < p.p_end GROUP BY 1 ORDER BY 1`;
}

/** Completed orders of P with the customer's region: the base of the order metrics. */
function periodOrders(period: RefPeriod): string {
  return `SELECT o.*, c.region FROM orders o JOIN customers c USING (customer_id)
    WHERE o.status = 'completed' AND o.order_ts >= ${date(period.start)} AND o.order_ts < ${date(period.end)}`;
}

/** (region, revenue, orders, avg_order_value, buyers, purchase_frequency) for one period. */
export function orderMetricsByRegionSql(period: RefPeriod): string {
  return `SELECT region, SUM(amount) AS revenue, COUNT(*) AS orders, SUM(amount) / COUNT(*) AS avg_order_value,
    COUNT(DISTINCT customer_id) AS buyers, CAST(COUNT(*) AS DOUBLE) / COUNT(DISTINCT customer_id) AS purchase_frequency
  FROM (${periodOrders(period)}) GROUP BY 1 ORDER BY 1`;
}

/** (sales_channel, avg_order_value) for one period. */
export function aovByChannelSql(period: RefPeriod): string {
  return `SELECT sales_channel, SUM(amount) / COUNT(*) AS avg_order_value
  FROM (${periodOrders(period)}) GROUP BY 1 ORDER BY 1`;
}

/** (period, region, repeat_buyers, buyers, repeat_purchase_rate): buyers with ≥ 2 completed orders in each period. */
export function repeatPurchaseSql(periods: RefPeriod[]): string {
  return `WITH ${periodsCte(periods)},
  per_buyer AS (
    SELECT p.p_start, o.customer_id, COUNT(*) AS n
    FROM periods p JOIN orders o ON o.status = 'completed' AND o.order_ts >= p.p_start AND o.order_ts < p.p_end
    GROUP BY 1, 2
  )
  SELECT b.p_start AS period, c.region, COUNT(*) FILTER (WHERE n >= 2) AS repeat_buyers, COUNT(*) AS buyers,
    CAST(COUNT(*) FILTER (WHERE n >= 2) AS DOUBLE) / COUNT(*) AS repeat_purchase_rate
  FROM per_buyer b JOIN customers c USING (customer_id) GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** (period, revenue) by month over a range, for trends and their comparisons. */
export function revenueByMonthSql(range: RefPeriod): string {
  return `SELECT CAST(date_trunc('month', order_ts) AS DATE) AS period, SUM(amount) AS revenue FROM orders
  WHERE status = 'completed' AND order_ts >= ${date(range.start)} AND order_ts < ${date(range.end)}
  GROUP BY 1 ORDER BY 1`;
}

/** (region, tickets, complaining_customers) for tickets opened in P. */
export function ticketsByRegionSql(period: RefPeriod): string {
  return `SELECT c.region, COUNT(*) AS tickets, COUNT(DISTINCT t.customer_id) AS complaining_customers
  FROM tickets t JOIN customers c USING (customer_id)
  WHERE t.created_ts >= ${date(period.start)} AND t.created_ts < ${date(period.end)}
  GROUP BY 1 ORDER BY 1`;
}

/**
 * (region, complaint_rate) as DOMAIN.md §4 words it: the share of customers active at the start of P
 * with at least one ticket in P.
 */
export function complaintRateSql(period: RefPeriod, asOf: string): string {
  return `WITH ${populationCtes([period], asOf)}
  SELECT c.region, AVG(CASE WHEN EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = a.customer_id
      AND t.created_ts >= a.p_start AND t.created_ts < a.p_end) THEN 1.0 ELSE 0.0 END) AS complaint_rate
  FROM active a JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY 1`;
}

/** (avg_resolution_hours, first_contact_resolution_rate) for tickets opened in P. */
export function serviceSql(period: RefPeriod): string {
  return `SELECT
    AVG(date_diff('second', created_ts, resolved_ts) / 3600.0) AS avg_resolution_hours,
    AVG(CASE WHEN first_contact_resolved THEN 1.0 ELSE 0.0 END) AS first_contact_resolution_rate
  FROM tickets WHERE created_ts >= ${date(period.start)} AND created_ts < ${date(period.end)}`;
}

/** (region, nps, csat) for feedback given in P: % promoters (9-10) − % detractors (0-6) among NPS answers. */
export function feedbackByRegionSql(period: RefPeriod): string {
  return `SELECT c.region,
    100.0 * (COUNT(*) FILTER (WHERE f.nps >= 9) - COUNT(*) FILTER (WHERE f.nps <= 6)) / COUNT(f.nps) AS nps,
    AVG(f.csat) AS csat
  FROM feedback f JOIN customers c USING (customer_id)
  WHERE f.ts >= ${date(period.start)} AND f.ts < ${date(period.end)}
  GROUP BY 1 ORDER BY 1`;
}

/** (customers, churned_now): every customer, and those whose last completed order is over 90 days old. */
export function customersNowSql(asOf: string): string {
  return `SELECT COUNT(*) AS customers, COUNT(*) FILTER (WHERE (
      SELECT MAX(CAST(o.order_ts AS DATE)) FROM orders o
      WHERE o.customer_id = c.customer_id AND o.status = 'completed' AND o.order_ts < ${date(asOf)}
    ) + 90 < ${date(asOf)}) AS churned_now
  FROM customers c WHERE c.signup_date < ${date(asOf)}`;
}

/** (region, new_customers): customers who signed up in P. */
export function newCustomersSql(period: RefPeriod): string {
  return `SELECT region, COUNT(*) AS new_customers FROM customers
  WHERE signup_date >= ${date(period.start)} AND signup_date < ${date(period.end)} GROUP BY 1 ORDER BY 1`;
}

/** (winback_rate): churned customers sent a win-back offer in P who returned ÷ those sent one. */
export function winbackSql(period: RefPeriod): string {
  return `SELECT CAST(COUNT(DISTINCT customer_id) FILTER (WHERE outcome = 'returned') AS DOUBLE)
      / COUNT(DISTINCT customer_id) AS winback_rate
  FROM communications WHERE action_id = 'winback_offer' AND status IN ('sent', 'delivered')
    AND sent_ts >= ${date(period.start)} AND sent_ts < ${date(period.end)}`;
}

/**
 * (cohort, period_number, cohort_size, retained, cohort_retention): customers grouped by the month of
 * their first completed order; retained at k = still active at the end of their k-th month (a completed
 * order in the 90 days before it). Only ends already reached by the as-of date count.
 */
export function cohortRetentionSql(cohorts: RefPeriod, asOf: string, periods: number): string {
  return `WITH ${activityCte(asOf)},
  members AS (
    SELECT customer_id, CAST(date_trunc('month', MIN(d)) AS DATE) AS cohort FROM activity GROUP BY 1
    HAVING MIN(d) >= ${date(cohorts.start)} AND MIN(d) < ${date(cohorts.end)}
  ),
  ends AS (
    SELECT m.customer_id, m.cohort, k, CAST(m.cohort + to_months(CAST(k + 1 AS INTEGER)) AS DATE) AS at_end
    FROM members m, range(0, ${Number(periods) + 1}) AS r(k)
  )
  SELECT e.cohort, CAST(e.k AS INTEGER) AS period_number, COUNT(*) AS cohort_size,
    COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM activity a WHERE a.customer_id = e.customer_id
      AND a.d >= e.at_end - 90 AND a.d < e.at_end)) AS retained,
    CAST(COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM activity a WHERE a.customer_id = e.customer_id
      AND a.d >= e.at_end - 90 AND a.d < e.at_end)) AS DOUBLE) / COUNT(*) AS cohort_retention
  FROM ends e WHERE e.at_end <= ${date(asOf)}
  GROUP BY 1, 2 ORDER BY 1, 2`;
}

/**
 * (at_risk_customers): customers not churned today for whom an early-warning rule of churn.yaml fires
 * as of `asOf`: high value (top 20% of trailing-12-month spend) inactive > 30 days, others > 60 days;
 * orders + visits of the last 3 weeks ≤ 60% of the 3 weeks before (at least 3 then); ≥ 3 tickets in
 * 90 days; a ticket open for more than 72 hours; an NPS of 0-6 in the last 90 days.
 */
export function atRiskSql(asOf: string): string {
  const D = date(asOf);
  return `WITH done AS (
    SELECT customer_id, CAST(order_ts AS DATE) AS d, COALESCE(amount, 0) AS amount FROM orders
    WHERE status = 'completed' AND order_ts < ${D}
  ),
  buying AS (
    SELECT customer_id, MAX(d) AS last_d,
      SUM(amount) FILTER (WHERE d >= ${D} - 365) AS spend_12m,
      COUNT(*) FILTER (WHERE d >= ${D} - 21) AS orders_last,
      COUNT(*) FILTER (WHERE d >= ${D} - 42 AND d < ${D} - 21) AS orders_prev
    FROM done GROUP BY 1
  ),
  tiers AS (
    SELECT customer_id, percent_rank() OVER (ORDER BY spend_12m DESC) < 0.2 AS high_value
    FROM buying WHERE spend_12m IS NOT NULL
  ),
  visits AS (
    SELECT customer_id,
      COUNT(*) FILTER (WHERE ts >= ${D} - INTERVAL 21 DAY) AS visits_last,
      COUNT(*) FILTER (WHERE ts >= ${D} - INTERVAL 42 DAY AND ts < ${D} - INTERVAL 21 DAY) AS visits_prev
    FROM interactions WHERE ts < ${D} GROUP BY 1
  ),
  flags AS (
    SELECT c.customer_id,
      COALESCE(b.last_d + 90 < ${D}, FALSE) AS churned,
      COALESCE(t.high_value, FALSE) AS high_value,
      ${D} - b.last_d AS recency,
      COALESCE(b.orders_last, 0) + COALESCE(v.visits_last, 0) AS act_last,
      COALESCE(b.orders_prev, 0) + COALESCE(v.visits_prev, 0) AS act_prev,
      (SELECT COUNT(*) FROM tickets k WHERE k.customer_id = c.customer_id
        AND k.created_ts >= ${D} - INTERVAL 90 DAY AND k.created_ts < ${D}) AS tickets_90d,
      (SELECT COUNT(*) FROM tickets k WHERE k.customer_id = c.customer_id
        AND k.created_ts < ${D} - INTERVAL 72 HOUR AND (k.resolved_ts IS NULL OR k.resolved_ts >= ${D})) AS open_72h,
      EXISTS (SELECT 1 FROM feedback f WHERE f.customer_id = c.customer_id AND f.nps <= 6
        AND f.ts >= ${D} - INTERVAL 90 DAY AND f.ts < ${D}) AS detractor
    FROM customers c LEFT JOIN buying b USING (customer_id) LEFT JOIN tiers t USING (customer_id)
    LEFT JOIN visits v USING (customer_id)
    WHERE c.signup_date < ${D}
  )
  SELECT COUNT(*) AS at_risk_customers FROM flags
  WHERE NOT churned AND (
    (high_value AND recency > 30) OR (NOT high_value AND recency > 60)
    OR (act_prev >= 3 AND act_last <= 0.6 * act_prev)
    OR tickets_90d >= 3 OR open_72h >= 1 OR detractor
  )`;
}

/**
 * (region, revenue, tickets) the naive way: orders joined to tickets per customer before summing,
 * which multiplies each order by the customer's tickets. The compiler must not do this.
 */
export function naiveJoinSql(period: RefPeriod): string {
  return `SELECT c.region, SUM(o.amount) AS revenue, COUNT(DISTINCT t.ticket_id) AS tickets
  FROM customers c
  JOIN orders o ON o.customer_id = c.customer_id AND o.status = 'completed'
    AND o.order_ts >= ${date(period.start)} AND o.order_ts < ${date(period.end)}
  JOIN tickets t ON t.customer_id = c.customer_id
    AND t.created_ts >= ${date(period.start)} AND t.created_ts < ${date(period.end)}
  GROUP BY 1 ORDER BY 1`;
}
