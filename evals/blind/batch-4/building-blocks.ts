/**
 * Building blocks of blind batch 4's reference SQL (reference-sql.ts): the holiday ranges of the model's
 * calendar used by the batch, the churn population under CONVENTIONS.md "Period boundaries", and small
 * orders/tickets/win-back helpers over batch 2's. Written from DOMAIN.md §3-4, never from the product.
 *
 * Spells are batch 2's (`SPELLS`: runs of completed-order days with gaps of at most 90 days, churning on the
 * last day + 90 when not after the as-of date 2026-10-01). For P = [ps, pe): active at the start = the spell
 * began before ps and its churn date is on or after ps (or none); churned in P = churn date before pe. Value
 * tier, tenure, coupon use and main category of a whole-quarter churn question are read from
 * `customer_history` at the quarter start (CONVENTIONS.md batch-2 decision), other ranges from today's
 * `customer_snapshot`.
 */
import {
  one,
  ordersSql,
  type Range,
  SPELLS,
  ticketsSql,
  WB_CONTACTED,
  WB_RETURNED,
} from '../batch-2/reference-sql.ts';

export const Y2024_2025: Range = ['2024-01-01', '2026-01-01'];
export const DOUBLE_11_2025: Range = ['2025-11-01', '2025-11-12'];
export const DOUBLE_11_DAY: Range = ['2025-11-11', '2025-11-12'];
export const MID_YEAR_618: Range = ['2026-06-01', '2026-06-19'];
export const SPRING_FESTIVAL_2026: Range = ['2026-02-15', '2026-02-24'];
export const NATIONAL_DAY_2025: Range = ['2025-10-01', '2025-10-08'];

/**
 * The active-at-start population of each period in `periods(ps, pe)` with its attributes: `atStart` reads
 * value tier, tenure, coupon use and main category from the quarter-start history snapshot, otherwise
 * from today's.
 */
export function population(periods: string, atStart: boolean): string {
  const state = atStart
    ? 'customer_history st ON st.customer_id = sv.customer_id AND st.snapshot_date = p.ps'
    : 'customer_snapshot st ON st.customer_id = sv.customer_id';
  return `WITH ${periods}, ${SPELLS},
base AS (
  SELECT p.ps, sv.customer_id, sv.trailing_revenue, (sv.churn_date IS NOT NULL AND sv.churn_date < p.pe) AS left_in_p,
         cu.region, cu.city, cu.customer_type, cu.acquisition_channel, cu.gender,
         st.value_tier, st.tenure_days, st.coupon_user, st.main_category AS category, now_state.age, sp.reason_category AS churn_reason
  FROM periods p
  JOIN spells_rev sv ON sv.spell_start < p.ps AND (sv.churn_date IS NULL OR sv.churn_date >= p.ps)
  JOIN customers cu ON cu.customer_id = sv.customer_id
  LEFT JOIN ${state}
  JOIN customer_snapshot now_state ON now_state.customer_id = sv.customer_id
  LEFT JOIN customer_spells sp ON sp.customer_id = sv.customer_id AND sp.spell_no = sv.spell_no)`;
}

export const LEFT = 'count(DISTINCT customer_id) FILTER (WHERE left_in_p)';
export const STARTED = 'count(DISTINCT customer_id)';
export const RATE = `${LEFT} * 1.0 / ${STARTED}`;
export const LOST = 'coalesce(sum(trailing_revenue) FILTER (WHERE left_in_p), 0)';

export interface ChurnQuery {
  range: Range;
  select: string;
  where?: string;
  group?: string;
  /** Tier/tenure/coupon as of the period start (whole-quarter questions). */
  atStart?: boolean;
}
export const churn = ({ range, select, where = 'TRUE', group, atStart = false }: ChurnQuery) =>
  `${population(one(range), atStart)}
SELECT ${select} FROM base WHERE ${where}${group ? ` GROUP BY ${group}` : ''}`;

export const rate = (range: Range, where = 'TRUE', atStart = false) =>
  churn({ range, select: `${RATE} AS churn_rate`, where, atStart });
export const churnedCount = (range: Range, where = 'TRUE', atStart = false) =>
  churn({ range, select: `${LEFT} AS churned_customers`, where, atStart });
export const rateBy = (range: Range, key: string, where = 'TRUE', atStart = false) =>
  churn({ range, select: `${key}, ${RATE} AS churn_rate`, where, group: key, atStart });
export const churnedBy = (range: Range, key: string, where = 'TRUE') =>
  churn({ range, select: `${key}, ${LEFT} AS churned_customers`, where, group: key });
/** A `compare` breakdown: both ranges per key. */
export const pairBy = (metric: string, key: string, current: string, previous: string) =>
  `SELECT a.${key}, a.${metric}, b.${metric} AS ${metric}__previous
FROM (${current}) a JOIN (${previous}) b USING (${key})`;

export const revenue = (range: Range, where = 'TRUE') => ordersSql(range, 'sum(amount) AS revenue', where);
export const orderCount = (range: Range) => ordersSql(range, 'count(*) AS orders');
export const AOV = 'sum(amount) / count(*) AS avg_order_value';
export const monthlyRevenue = (range: Range, where = 'TRUE') =>
  ordersSql(
    range,
    "strftime(date_trunc('month', order_ts), '%Y-%m-%d') AS period, sum(amount) AS revenue",
    where,
    '1',
  );
export const tickets = (range: Range) => ticketsSql(range, 'count(*) AS tickets');
export const WINBACK = `${WB_RETURNED} * 1.0 / ${WB_CONTACTED} AS winback_rate`;

/** Customers whose second or later spell starts in the range (churned earlier, came back in it). */
export const reactivated = (range: Range) => `WITH ${SPELLS}
SELECT count(DISTINCT customer_id) AS reactivated_customers FROM spells
WHERE spell_no > 1 AND spell_start >= DATE '${range[0]}' AND spell_start < DATE '${range[1]}'`;

/** Complaint rate: active customers at the start with a ticket in the period ÷ active at the start. */
export const complaintRateBy = (range: Range, key: string) => `${population(one(range), false)},
flagged AS (
  SELECT base.*, EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = base.customer_id
    AND t.created_ts >= TIMESTAMP '${range[0]}' AND t.created_ts < TIMESTAMP '${range[1]}') AS complained
  FROM base)
SELECT ${key}, count(DISTINCT customer_id) FILTER (WHERE complained) * 1.0 / ${STARTED} AS complaint_rate
FROM flagged GROUP BY ${key}`;

/** Tickets of a range with their customer's region. */
export const ticketsWithRegion = (range: Range, select: string, where: string, group: string) =>
  `SELECT ${select} FROM tickets t JOIN customers c USING (customer_id)
WHERE t.created_ts >= TIMESTAMP '${range[0]}' AND t.created_ts < TIMESTAMP '${range[1]}' AND ${where}
GROUP BY ${group}`;

export const CUSTOMERS = 'count(DISTINCT c.customer_id) AS customers';
