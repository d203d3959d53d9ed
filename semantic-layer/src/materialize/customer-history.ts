import { addDays, addMonths, truncate } from '../compile/periods.ts';
import type { Dialect } from '../dialect/dialect.ts';
import type { SemanticModel } from '../model.ts';
import { type ColumnValues, customerSnapshotSelect } from './customer-snapshot.ts';
import { DEFAULT_DIALECT } from './materialize-sql.ts';

/**
 * Quarter starts at which to take point-in-time snapshots: the latest `count` whose following quarter
 * is fully observed by the as-of date, and at least half a year after the data begins (features
 * such as 12-month spend need history).
 */
export function historyDates(asOf: string, dataStart: string, count = 8): string[] {
  const dates: string[] = [];
  for (let d = truncate('quarter', addMonths(asOf, -3)); dates.length < count; d = addMonths(d, -3)) {
    if (d < addDays(dataStart, 180)) break;
    dates.unshift(d);
  }
  return dates;
}

/**
 * `customer_history` (in the engine's dialect): for each snapshot date d, every customer's features as of d (nothing
 * dated on or after d is read) beside what happened next: active at d, churned within the quarter
 * after d, churned within 90 days. Key drivers and the risk model train here, never on the future.
 */
export function customerHistorySql(
  model: SemanticModel,
  dates: string[],
  available: Set<string>,
  values: ColumnValues = {},
  dialect: Dialect = DEFAULT_DIALECT,
): string {
  if (!dates.length) {
    return `CREATE OR REPLACE TABLE customer_history AS SELECT CAST(NULL AS DATE) AS snapshot_date, s.*, FALSE AS active, FALSE AS churned_next_quarter, FALSE AS churned_next_90d FROM customer_snapshot s WHERE FALSE`;
  }
  const parts = dates.map((d) => {
    const D = `DATE '${d}'`;
    const next = `DATE '${addMonths(d, 3)}'`;
    return `SELECT ${D} AS snapshot_date, h.*,
    COALESCE(o.active, FALSE) AS active,
    COALESCE(o.churned_next_quarter, FALSE) AS churned_next_quarter,
    COALESCE(o.churned_next_90d, FALSE) AS churned_next_90d
  FROM (${customerSnapshotSelect(model, d, available, values, dialect)}) AS h
  LEFT JOIN (
    SELECT customer_id, TRUE AS active,
      bool_or(churn_date < ${next}) AS churned_next_quarter,
      bool_or(churn_date < ${D} + 90) AS churned_next_90d
    FROM customer_spells
    WHERE spell_start < ${D} AND (churn_date IS NULL OR churn_date >= ${D})
    GROUP BY 1
  ) AS o USING (customer_id)`;
  });
  return `CREATE OR REPLACE TABLE customer_history AS\n${parts.join('\nUNION ALL\n')}`;
}
