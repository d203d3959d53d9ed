/**
 * Building blocks of blind batch 11's reference SQL (reference-sql.ts): the few pieces batches 2-10 do not
 * export (lost revenue of a range as one number, September 2025, revenue by year, an order filter on the
 * customer's city). Written from DOMAIN.md §3-4, the model definitions and CONVENTIONS.md, never from the
 * product.
 */
import type { Range } from '../batch-2/reference-sql.ts';
import { ordersSql } from '../batch-2/reference-sql.ts';
import { churn, LOST } from '../batch-4/building-blocks.ts';

/** September 2025: "same month last year" of September 2026. */
export const SEP_LY: Range = ['2025-09-01', '2025-10-01'];

/** Lost revenue of the churn events of a range (CONVENTIONS.md "Lost revenue"). */
export const lost = (range: Range, where = 'TRUE') =>
  churn({ range, select: `${LOST} AS lost_revenue`, where });

/** Completed-order revenue per calendar year of the range (two years side by side). */
export const yearlyRevenue = (range: Range) =>
  ordersSql(
    range,
    "strftime(date_trunc('year', order_ts), '%Y-%m-%d') AS period, sum(amount) AS revenue",
    'TRUE',
    '1',
  );

/** An order-level condition: the order's customer lives in `city`. */
export const inCity = (city: string) =>
  `customer_id IN (SELECT customer_id FROM customers WHERE city = '${city}')`;
