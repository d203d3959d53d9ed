/**
 * Building blocks of blind batch 10's reference SQL (reference-sql.ts): the few queries batches 2-9 do not
 * have (revenue per customer under CONVENTIONS.md "Period boundaries", a Monday-aligned week, telco by tenure
 * band, rows of a breakdown restricted to some keys). Written from DOMAIN.md §3-4, the model definitions and
 * CONVENTIONS.md, never from the product.
 */
import type { Range } from '../batch-2/reference-sql.ts';
import { telcoSql } from '../batch-2/reference-sql.ts';
import { T_BAND } from '../batch-3/reference-sql.ts';
import { churn, revenue, STARTED } from '../batch-4/building-blocks.ts';

/** The last complete Monday-aligned week before the as-of date (Thursday 2026-10-01). */
export const LAST_WEEK: Range = ['2026-09-21', '2026-09-28'];
export const JULY: Range = ['2026-07-01', '2026-08-01'];

/** Revenue per customer: completed-order revenue of the range ÷ customers active at its start. */
export const revenuePerCustomer = (range: Range) =>
  `(${revenue(range)}) / (${churn({ range, select: STARTED })})`;

/** Telco churn rate (or any select) by tenure band (0-12m, 12-24m, 24-48m, 48m+). */
export const telcoByBand = (select: string) => telcoSql(`${T_BAND} AS tenure_band, ${select}`, 'TRUE', '1');

/** Only the rows of a keyed query whose key is one of `values`. */
export const only = (sql: string, key: string, values: string[]) =>
  `SELECT * FROM (${sql}) WHERE ${key} IN (${values.map((v) => `'${v}'`).join(', ')})`;
