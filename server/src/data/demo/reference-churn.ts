/**
 * Reference SQL for the churn semantics the demo is planted for (DOMAIN.md §3): activity = a
 * completed order; churn_date = last order + 90 days when no order follows within 90 days; active
 * at the start of P = a completed order in [P.start − 90, P.start); churn rate of P = active at
 * start whose churn date falls in P ÷ active at start. Used by the generator's tests and evals
 * to check the planted truth independently of the product's own implementation.
 */
import type { EffectSelector } from './scenario.ts';
import { dateLit, inList } from './sql-helpers.ts';
import { CHURN_WINDOW_DAYS, DEMO_CALENDAR } from './vocabulary.ts';

export interface RefPeriod {
  start: string;
  end: string;
}

/** Creates TEMP table `ref_churn(customer_id, last_order, churn_date, returned_date)`. */
export const REF_CHURN_EVENTS_SQL = `CREATE OR REPLACE TEMP TABLE ref_churn AS
  WITH days AS (SELECT DISTINCT customer_id, order_ts::DATE AS d FROM orders WHERE status = 'completed'),
  nx AS (SELECT customer_id, d, lead(d) OVER (PARTITION BY customer_id ORDER BY d) AS next_d FROM days)
  SELECT customer_id, d AS last_order, d + ${CHURN_WINDOW_DAYS} AS churn_date, next_d AS returned_date FROM nx
  WHERE (next_d IS NULL OR next_d - d > ${CHURN_WINDOW_DAYS}) AND d + ${CHURN_WINDOW_DAYS} <= ${dateLit(DEMO_CALENDAR.dataEnd)}`;

/**
 * SELECT of (customer_id, churned BOOLEAN, churn_date) for customers active at the start of P,
 * with the observable segment columns: region, city, acquisition_channel, main_category (most
 * completed orders in the year before P), price_sensitive (≥ 30% of those orders discounted), value_tier
 * (trailing-12-month spend among the active: top 20% high, next 30% medium).
 */
export function refPopulationSql(p: RefPeriod): string {
  const start = dateLit(p.start);
  return `WITH active AS (
      SELECT DISTINCT customer_id FROM orders
      WHERE status = 'completed' AND order_ts >= ${start} - ${CHURN_WINDOW_DAYS} AND order_ts < ${start}
    ), churned AS (
      SELECT customer_id, min(churn_date) AS churn_date FROM ref_churn
      WHERE churn_date BETWEEN ${start} AND ${dateLit(p.end)} GROUP BY customer_id
    ), history AS (
      SELECT customer_id, mode(category) AS main_category, avg((discount_amount > 0)::INTEGER) >= 0.3 AS price_sensitive,
        sum(amount) AS trailing_spend
      FROM orders WHERE status = 'completed' AND order_ts >= ${start} - 365 AND order_ts < ${start}
      GROUP BY customer_id
    ), pop AS (
      SELECT a.customer_id, ch.customer_id IS NOT NULL AS churned, ch.churn_date, c.region, c.city,
        c.acquisition_channel, h.main_category, h.price_sensitive,
        percent_rank() OVER (ORDER BY coalesce(h.trailing_spend, 0)) AS spend_rank
      FROM active a JOIN customers c USING (customer_id) LEFT JOIN churned ch USING (customer_id)
      LEFT JOIN history h USING (customer_id)
    )
    SELECT * EXCLUDE (spend_rank),
      CASE WHEN spend_rank >= 0.8 THEN 'high' WHEN spend_rank >= 0.5 THEN 'medium' ELSE 'low' END AS value_tier
    FROM pop`;
}

/** Condition on a `refPopulationSql` row for the observable parts of a selector. */
export function refSegmentSql(who: EffectSelector): string {
  const parts: string[] = [];
  if (who.region) parts.push(inList('region', who.region));
  if (who.city) parts.push(inList('city', who.city));
  if (who.acquisition_channel) parts.push(inList('acquisition_channel', who.acquisition_channel));
  if (who.category) parts.push(inList('main_category', who.category));
  if (who.price_sensitive !== undefined)
    parts.push(`coalesce(price_sensitive, false) = ${who.price_sensitive}`);
  if (who.value_tier) parts.push(inList('value_tier', who.value_tier));
  return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
}

/** SELECT (in_segment, active, churned, rate) for P split by the segment condition. */
export function refChurnRateSql(p: RefPeriod, segment: string): string {
  return `SELECT ${segment} AS in_segment, count(*) AS active, count(*) FILTER (WHERE churned) AS churned,
      count(*) FILTER (WHERE churned) / count(*) AS rate
    FROM (${refPopulationSql(p)}) GROUP BY ALL ORDER BY in_segment`;
}

/**
 * SELECT (reason, churners) for churners of P in the segment: each churner's most frequent reason
 * among ticket categories and true feedback topics (negative) in the 90 days before churn.
 */
export function refReasonSql(p: RefPeriod, segment: string): string {
  return `WITH pop AS (SELECT * FROM (${refPopulationSql(p)}) WHERE churned AND ${segment}),
    signals AS (
      SELECT t.customer_id, t.category AS reason FROM tickets t JOIN pop USING (customer_id)
      WHERE t.created_ts >= pop.churn_date - ${CHURN_WINDOW_DAYS} AND t.created_ts < pop.churn_date
      UNION ALL
      SELECT f.customer_id, tr.topic FROM feedback f JOIN demo_feedback_truth tr USING (feedback_id) JOIN pop USING (customer_id)
      WHERE tr.sentiment = 'negative' AND f.ts >= pop.churn_date - ${CHURN_WINDOW_DAYS} AND f.ts < pop.churn_date
    ), per_customer AS (SELECT customer_id, mode(reason) AS reason FROM signals GROUP BY customer_id)
    SELECT coalesce(pc.reason, 'silent') AS reason, count(*) AS churners
    FROM pop LEFT JOIN per_customer pc USING (customer_id) GROUP BY ALL ORDER BY churners DESC, reason`;
}

/** Last day of the quarter starting at `qs` (ISO). */
export function quarterEnd(qs: string): string {
  const d = new Date(`${qs}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 3);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** SELECT (flagged, active, churned, rate) pooled over quarters: ≥ 2 tickets open > 72 h in the 90 days before. */
export function refUnresolvedSql(quarterStarts: readonly string[]): string {
  const parts = quarterStarts.map((qs) => {
    const start = dateLit(qs);
    return `SELECT pop.churned, coalesce(u.n, 0) >= 2 AS flagged FROM (${refPopulationSql({ start: qs, end: quarterEnd(qs) })}) pop
      LEFT JOIN (
        SELECT customer_id, count(*) AS n FROM tickets
        WHERE created_ts >= ${start} - ${CHURN_WINDOW_DAYS} AND created_ts < ${start}
          AND (resolved_ts IS NULL OR resolved_ts - created_ts > INTERVAL 72 HOUR)
        GROUP BY customer_id
      ) u USING (customer_id)`;
  });
  return `SELECT flagged, count(*) AS active, count(*) FILTER (WHERE churned) AS churned,
      count(*) FILTER (WHERE churned) / count(*) AS rate
    FROM (${parts.join(' UNION ALL ')}) GROUP BY flagged ORDER BY flagged`;
}
