/**
 * Building blocks of blind batch 13's reference SQL (reference-sql.ts): the few pieces batches 2-12 do not
 * export (ranges of this batch, tickets per month, per-region and per-category ticket measures, CSAT by a
 * customer column, the complaint rate of a customer subset). Written from DOMAIN.md §3-4, the model
 * definitions and CONVENTIONS.md, never from the product.
 */
import { complaintSql, FCR, HOURS, type Range, ticketsSql } from '../batch-2/reference-sql.ts';
import { ticketsWithRegion } from '../batch-4/building-blocks.ts';

/** The latest complete month, one year earlier (去年同期 of 上个月). */
export const SEP_2025: Range = ['2025-09-01', '2025-10-01'];
/** The first quarter of the data. */
export const Q1_2024: Range = ['2024-01-01', '2024-04-01'];

export const HOURS_AS = `${HOURS} AS avg_resolution_hours`;
export const FCR_AS = `${FCR} AS first_contact_resolution_rate`;

/** Tickets created per month of the range. */
export const monthlyTicketCount = (range: Range) =>
  ticketsSql(
    range,
    "strftime(date_trunc('month', created_ts), '%Y-%m-%d') AS period, count(*) AS tickets",
    'TRUE',
    '1',
  );

/** A ticket measure (`select` over tickets t) per customer region, optionally on some regions. */
export const ticketsByRegion = (range: Range, measure: string, where = 'TRUE') =>
  ticketsWithRegion(range, `c.region AS region, ${measure}`, where, 'c.region');

/** A ticket measure per ticket category. */
export const ticketsByCategory = (range: Range, measure: string) =>
  ticketsSql(range, `ticket_category, ${measure}`, 'TRUE', 'ticket_category');

/** CSAT of the feedback received in the range, by a column of `customers`. */
export const csatBy = (range: Range, key: string) => `SELECT c.${key} AS ${key}, avg(f.csat) AS csat
FROM feedback f JOIN customers c USING (customer_id)
WHERE f.ts >= TIMESTAMP '${range[0]}' AND f.ts < TIMESTAMP '${range[1]}' GROUP BY c.${key}`;

/** Complaint rate of a range on the customers whose `key` is `value` (today's state), as one number. */
export const complaintRateWhere = (range: Range, key: string, value: string) =>
  `SELECT complaint_rate FROM (${complaintSql(range, key, `${key} = '${value}'`)})`;
