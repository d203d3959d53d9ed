/**
 * Building blocks of blind batch 5's reference SQL (reference-sql.ts): the ranges this batch adds (the
 * model calendar's 双12 and 黑五 windows, a fortnight, the last six months) and a few small helpers over
 * batches 2-4's blocks (monthly repeat rate, tickets by month, quarterly churn, revenue by city). Written
 * from DOMAIN.md §3-4 and CONVENTIONS.md, never from the product.
 */
import { ordersSql, type Range } from '../batch-2/reference-sql.ts';
import { population, RATE } from '../batch-4/building-blocks.ts';

export const DOUBLE_12_2025: Range = ['2025-12-10', '2025-12-13'];
export const BLACK_FRIDAY_2025: Range = ['2025-11-28', '2025-12-02'];
export const FORTNIGHT: Range = ['2026-09-17', '2026-10-01'];
export const LAST_6_MONTHS: Range = ['2026-04-01', '2026-10-01'];
export const YTD_LY: Range = ['2025-01-01', '2025-10-01'];

const inRange = (column: string, [s, e]: Range) =>
  `${column} >= TIMESTAMP '${s}' AND ${column} < TIMESTAMP '${e}'`;

/** Repeat purchase rate per month: buyers with ≥ 2 completed orders in the month ÷ buyers in the month. */
export const monthlyRepeat = (range: Range) => `WITH per AS (
  SELECT date_trunc('month', order_ts) AS m, customer_id, count(*) AS n FROM orders
  WHERE status = 'completed' AND ${inRange('order_ts', range)} GROUP BY 1, 2)
SELECT strftime(m, '%Y-%m-%d') AS period, count(*) FILTER (WHERE n >= 2) * 1.0 / count(*) AS repeat_purchase_rate
FROM per GROUP BY m`;

/** Buyers with ≥ 2 completed orders in the range. */
export const repeatBuyers = (range: Range) => `SELECT count(*) AS repeat_buyers FROM (
  SELECT customer_id FROM orders WHERE status = 'completed' AND ${inRange('order_ts', range)}
  GROUP BY customer_id HAVING count(*) >= 2)`;

/** Tickets created per month of the range. */
export const monthlyTickets = (
  range: Range,
) => `SELECT strftime(date_trunc('month', created_ts), '%Y-%m-%d') AS period,
  count(*) AS tickets FROM tickets WHERE ${inRange('created_ts', range)} GROUP BY 1`;

/** Churn rate per quarter of the range (periods from batch 2's `every`). */
export const quarterlyRate = (periods: string) => `${population(periods, false)}
SELECT strftime(ps, '%Y-%m-%d') AS period, ${RATE} AS churn_rate FROM base GROUP BY ps`;

/** Completed-order revenue by customer city. */
export const revenueByCity = (range: Range) => `SELECT c.city, sum(o.amount) AS revenue
FROM orders o JOIN customers c USING (customer_id)
WHERE o.status = 'completed' AND ${inRange('o.order_ts', range)} GROUP BY c.city`;

/** Revenue by calendar quarter of the range. */
export const quarterlyRevenue = (range: Range) =>
  ordersSql(
    range,
    "strftime(date_trunc('quarter', order_ts), '%Y-%m-%d') AS period, sum(amount) AS revenue",
    'TRUE',
    '1',
  );

/** Customers of today's snapshot, by a column or filtered. */
export const snapshotCustomers = (select: string, where = 'TRUE', group = '') =>
  `SELECT ${select} FROM customer_snapshot WHERE ${where}${group ? ` GROUP BY ${group}` : ''}`;
