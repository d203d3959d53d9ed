/**
 * Building blocks of blind batch 12's reference SQL (reference-sql.ts): the few pieces batches 2-11 do not
 * export (complaint rate of a range as one number, a per-period NPS, customers by an acquisition column, lost
 * revenue by a population column, telco churned customers ranked by a column). Written from DOMAIN.md §3-4,
 * the model definitions and CONVENTIONS.md, never from the product.
 */
import { feedbackSql, NPS, ordersSql, type Range, T_CHURNED, T_RATE } from '../batch-2/reference-sql.ts';
import { telcoBy } from '../batch-3/reference-sql.ts';
import { churn, complaintRateBy, LOST } from '../batch-4/building-blocks.ts';

/** Complaint rate of a range (customers active at its start with a ticket in it ÷ active at its start). */
export const complaintRate = (range: Range) => `SELECT complaint_rate FROM (${complaintRateBy(range, 'ps')})`;

/** NPS per period of `periods(ps, pe)` (feedback received in each). */
export const npsByPeriod = (periods: string) => feedbackSql(periods, `${NPS} AS nps`, 'TRUE', true);

/** All customers (distinct ids) by a column of `customers`. */
export const customersBy = (key: string) =>
  `SELECT ${key}, count(DISTINCT customer_id) AS customers FROM customers GROUP BY ${key}`;

/** Lost revenue of a range's churn events by a population column. */
export const lostBy = (range: Range, key: string) =>
  churn({ range, select: `${key}, ${LOST} AS lost_revenue`, group: key });

/** Completed-order revenue of a range by an order column. */
export const revenueBy = (range: Range, key: string, where = 'TRUE') =>
  ordersSql(range, `${key}, sum(amount) AS revenue`, where, key);

/** Telco churn rate by an attribute column, optionally on a subset. */
export const telcoRateBy = (key: string, where = 'TRUE') => telcoBy(key, `${T_RATE} AS churn_rate`, where);

/** Telco churned customers by an attribute column. */
export const telcoChurnedBy = (key: string, where = 'TRUE') =>
  telcoBy(key, `${T_CHURNED} AS churned_customers`, where);
