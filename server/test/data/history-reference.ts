import { addMonths } from '../../../semantic-layer/src/compile/periods.ts';
import {
  type ColumnValues,
  customerSnapshotSelect,
} from '../../../semantic-layer/src/materialize/customer-snapshot.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';

/**
 * The reference: `customer_history` as it was built before issue 21, one full snapshot per quarter (each
 * re-reading every earlier event), glued with UNION ALL. The one-statement build must give the same rows.
 */
export function referenceHistorySql(
  model: SemanticModel,
  dates: string[],
  available: Set<string>,
  values: ColumnValues,
  table = 'history_reference',
): string {
  const parts = dates.map((d) => {
    const D = `DATE '${d}'`;
    const next = `DATE '${addMonths(d, 3)}'`;
    return `SELECT ${D} AS snapshot_date, h.*,
    COALESCE(o.active, FALSE) AS active,
    COALESCE(o.churned_next_quarter, FALSE) AS churned_next_quarter,
    COALESCE(o.churned_next_90d, FALSE) AS churned_next_90d
  FROM (${customerSnapshotSelect(model, d, available, values)}) AS h
  LEFT JOIN (
    SELECT customer_id, TRUE AS active,
      bool_or(churn_date < ${next}) AS churned_next_quarter,
      bool_or(churn_date < ${D} + 90) AS churned_next_90d
    FROM customer_spells
    WHERE spell_start < ${D} AND (churn_date IS NULL OR churn_date >= ${D})
    GROUP BY 1
  ) AS o USING (customer_id)`;
  });
  return `CREATE OR REPLACE TABLE ${table} AS\n${parts.join('\nUNION ALL\n')}`;
}
