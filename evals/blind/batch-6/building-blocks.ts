/**
 * Building blocks of blind batch 6's reference SQL (reference-sql.ts): the two years side by side, churn
 * rate per period with a filter (trends of a segment), feedback by range and by a key (NPS, CSAT, negative
 * feedback, detractors), and a customer condition as an IN list for tables without customer attributes.
 * Everything else comes from batches 2-5's blocks. Written from DOMAIN.md §3-4 and CONVENTIONS.md, never
 * from the product.
 */
import { feedbackSql, MONEY, one, type Range, T_RATE, telcoSql } from '../batch-2/reference-sql.ts';
import { population, RATE } from '../batch-4/building-blocks.ts';

/** 2024 and 2025 as two periods (CONVENTIONS.md "2024年和2025年(并排比较)"). */
export const YEARS_2024_2025 = `periods AS (SELECT DATE '2024-01-01' AS ps, DATE '2025-01-01' AS pe
  UNION ALL SELECT DATE '2025-01-01', DATE '2026-01-01')`;

/** Churn rate per period of `periods` among the active-at-start customers matching `where`. */
export const rateByPeriod = (periods: string, where = 'TRUE', atStart = false) =>
  `${population(periods, atStart)}
SELECT strftime(ps, '%Y-%m-%d') AS period, ${RATE} AS churn_rate FROM base WHERE ${where} GROUP BY ps`;

/** `column` is a customer matching `where` on `table` (customers or customer_snapshot). */
export const customerIn = (column: string, where: string, table = 'customers') =>
  `${column} IN (SELECT customer_id FROM ${table} WHERE ${where})`;

export const CSAT = 'avg(f.csat) AS csat';
export const NEGATIVE = "count(*) FILTER (WHERE f.sentiment = 'negative') AS negative_feedback";
export const DETRACTORS = 'count(*) FILTER (WHERE f.nps <= 6) AS nps_detractors';

/** Feedback received in the range. */
export const feedback = (range: Range, select: string, where = 'TRUE') =>
  feedbackSql(one(range), select, where);

/** Feedback received in the range, grouped by a feedback column. */
export const feedbackBy = (range: Range, key: string, as: string, select: string) =>
  `SELECT f.${key} AS ${as}, ${select} FROM feedback f
WHERE f.ts >= TIMESTAMP '${range[0]}' AND f.ts < TIMESTAMP '${range[1]}' GROUP BY f.${key}`;

/** Reference options: money sums, tables with their row count, rankings. */
export const money = { tolerance: MONEY };
export const table = { rows: true };
export const ranking = { rows: true, ordered: true };

/** Telco churn rate of the customers matching `where`. */
export const telcoRate = (where = 'TRUE') => telcoSql(`${T_RATE} AS churn_rate`, where);
