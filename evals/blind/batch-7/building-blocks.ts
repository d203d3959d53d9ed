/**
 * Building blocks of blind batch 7's reference SQL (reference-sql.ts, reference-sql-later.ts): the few
 * periods and queries batches 2-6 do not have (churned customers per period, repeat purchase rate by a
 * customer attribute, reactivations of a segment, customer-condition filters, AOV of coupon users). Written
 * from DOMAIN.md §3-4 and CONVENTIONS.md, never from the product.
 */
import { PERIOD, type Range, SPELLS } from '../batch-2/reference-sql.ts';
import { LEFT, population } from '../batch-4/building-blocks.ts';
import { customerIn } from '../batch-6/building-blocks.ts';

export const H2_2025: Range = ['2025-07-01', '2026-01-01'];
export const Q4_2025: Range = ['2025-10-01', '2026-01-01'];
export const DOUBLE_11_2024: Range = ['2024-11-01', '2024-11-12'];
export const MID_YEAR_618_2025: Range = ['2025-06-01', '2025-06-19'];
export const DOUBLE_12_DAY_2025: Range = ['2025-12-12', '2025-12-13'];

/** Coupon users of today's snapshot, as a condition on a customer id column. */
export const couponUser = (column: string) => customerIn(column, 'coupon_user', 'customer_snapshot');

/** Churned customers per period of `periods` among the active-at-start customers matching `where`. */
export const churnedByPeriod = (periods: string, where = 'TRUE') =>
  `${population(periods, false)}
SELECT strftime(ps, '%Y-%m-%d') AS period, ${LEFT} AS churned_customers FROM base WHERE ${where} GROUP BY ps`;

/** Repeat purchase rate in a range by a `customers` column (buyers with ≥ 2 completed orders ÷ buyers). */
export const repeatByCustomer = (range: Range, key: string) => `WITH per AS (
  SELECT c.${key}, o.customer_id, count(*) AS n FROM orders o JOIN customers c USING (customer_id)
  WHERE o.status = 'completed' AND o.order_ts >= TIMESTAMP '${range[0]}' AND o.order_ts < TIMESTAMP '${range[1]}'
  GROUP BY 1, 2)
SELECT ${key}, count(*) FILTER (WHERE n >= 2) * 1.0 / count(*) AS repeat_purchase_rate FROM per GROUP BY ${key}`;

/** Reactivations (spells after the first starting in the period) of customers matching `where`, per period. */
export const reactivatedWhere = (periods: string, where: string) => `WITH ${periods}, ${SPELLS}
SELECT ${PERIOD} AS period, count(DISTINCT s.customer_id) AS reactivated_customers
FROM periods p JOIN spells s ON s.spell_no > 1 AND s.spell_start >= p.ps AND s.spell_start < p.pe
JOIN customers c ON c.customer_id = s.customer_id WHERE ${where} GROUP BY p.ps`;
