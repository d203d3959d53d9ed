/**
 * Building blocks of blind batch 9's reference SQL (reference-sql.ts): the few queries batches 2-8 do not
 * have (orders by month or quarter, counts of today's snapshot by a column). Written from DOMAIN.md §3-4 and
 * CONVENTIONS.md, never from the product.
 */
import { ordersSql, type Range } from '../batch-2/reference-sql.ts';

/** Completed orders per period (`grain` month or quarter) of the range. */
export const ordersByPeriod = (range: Range, grain: 'month' | 'quarter', where = 'TRUE') =>
  ordersSql(
    range,
    `strftime(date_trunc('${grain}', order_ts), '%Y-%m-%d') AS period, count(*) AS orders`,
    where,
    '1',
  );

/** Customers of today's snapshot by a column. */
export const snapshotBy = (key: string, where = 'TRUE') =>
  `SELECT ${key}, count(DISTINCT customer_id) AS customers FROM customer_snapshot WHERE ${where} GROUP BY ${key}`;
