/**
 * Building blocks of blind batch 8's reference SQL (reference-sql.ts): the few queries batches 2-7 do not
 * have (retention by a key, churned customers by their churn reason, win-back rate by month, an overall
 * complaint rate under CONVENTIONS.md "Period boundaries"). Written from DOMAIN.md §3-4 and CONVENTIONS.md,
 * never from the product.
 */
import { type Range, WB_CONTACTED, WB_RETURNED, winbackSql } from '../batch-2/reference-sql.ts';
import { churn, complaintRateBy, LEFT, RATE } from '../batch-4/building-blocks.ts';

/** Retention rate (1 − churn rate) of the active-at-start customers by a population column. */
export const retentionBy = (range: Range, key: string, where = 'TRUE', atStart = false) =>
  churn({ range, select: `${key}, 1 - ${RATE} AS retention_rate`, where, group: key, atStart });

/** Retention rate of the whole active-at-start population. */
export const retentionOf = (range: Range) => churn({ range, select: `1 - ${RATE} AS retention_rate` });

/** Churned customers of the range by the churn reason of their spell (churned customers only). */
export const churnedByReason = (range: Range) =>
  churn({
    range,
    select: `churn_reason, ${LEFT} AS churned_customers`,
    where: 'left_in_p',
    group: 'churn_reason',
  });

/** Win-back rate per month of the range (offers sent in the month). */
export const monthlyWinback = (range: Range) =>
  winbackSql(
    range,
    `strftime(date_trunc('month', sent_ts), '%Y-%m-%d') AS period, ${WB_RETURNED} * 1.0 / ${WB_CONTACTED} AS winback_rate`,
    '1',
  );

/** Complaint rate of the whole active-at-start population (batch 4's by-key query, one group). */
export const complaintRateOf = (range: Range) =>
  `SELECT complaint_rate FROM (${complaintRateBy(range, 'ps')})`;
