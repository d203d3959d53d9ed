import type { SemanticModel } from '../model.ts';
import { CHURN_EVENTS_FROM_SPELLS, customerSpellsSql, spellReasonsSql } from './churn-spells.ts';
import { customerHistorySql } from './customer-history.ts';
import { customerSnapshotSql } from './customer-snapshot.ts';

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** One derived table and the statements that (re)build it, in order. */
export interface MaterializationStep {
  table: string;
  statements: string[];
}

/** SQL that returns the model's as-of date as one ISO date (column `as_of`). */
export function asOfSql(model: SemanticModel): string {
  if (typeof model.asOf === 'string') return `SELECT DATE ${lit(model.asOf)} AS as_of`;
  const { table, column } = model.asOf.after_max;
  return `SELECT CAST(CAST(MAX(${ident(column)}) AS DATE) + 1 AS DATE) AS as_of FROM ${ident(table)}`;
}

/**
 * The derived tables a model needs, built from its governed churn definition (DuckDB SQL):
 * inactivity → customer_spells, churn_events, customer_snapshot, customer_history; label → churn_events, customer_snapshot.
 * `available` names the canonical tables present, so a partial CRM (orders only) still materialises.
 */
export function materializationPlan(
  model: SemanticModel,
  asOf: string,
  available: Set<string>,
  historyDates: string[] = [],
): MaterializationStep[] {
  const def = model.churn.churn;
  if (def.type === 'inactivity') {
    const signals = model.churn.reasons.signals.filter((s) => available.has(s.table));
    return [
      {
        table: 'customer_spells',
        statements: [customerSpellsSql(model, asOf), ...spellReasonsSql(model, signals)],
      },
      { table: 'churn_events', statements: [CHURN_EVENTS_FROM_SPELLS] },
      { table: 'customer_snapshot', statements: [customerSnapshotSql(model, asOf, available)] },
      { table: 'customer_history', statements: [customerHistorySql(model, historyDates, available)] },
    ];
  }
  if (def.type === 'label') {
    const reason = model.churn.reasons.label_column;
    const reasonJoin = reason
      ? `LEFT JOIN ${ident(reason.table)} r ON r.${ident(def.customer)} = c.${ident(def.customer)}`
      : '';
    const reasonCol = reason ? `COALESCE(r.${ident(reason.column)}, 'silent')` : "'silent'";
    return [
      {
        table: 'churn_events',
        statements: [
          `CREATE OR REPLACE TABLE churn_events AS SELECT c.${ident(def.customer)} AS customer_id, 1 AS spell_no, CAST(NULL AS DATE) AS churn_date, CAST(NULL AS DATE) AS last_activity_date, CAST(NULL AS VARCHAR) AS value_tier_at_churn, ${reasonCol} AS reason_category, CAST(NULL AS DATE) AS returned_date FROM ${ident(def.table)} c ${reasonJoin} WHERE c.${ident(def.column)}`,
        ],
      },
      {
        table: 'customer_snapshot',
        statements: [
          `CREATE OR REPLACE TABLE customer_snapshot AS SELECT c.${ident(def.customer)} AS customer_id, COALESCE(c.${ident(def.column)}, FALSE) AS churned, CASE WHEN c.${ident(def.column)} THEN ${reasonCol} END AS reason_category FROM ${ident(def.table)} c ${reasonJoin}`,
        ],
      },
    ];
  }
  // Contract churn: churn date = cancellation (or an end date not renewed).
  const end = def.end
    ? `COALESCE(${ident(def.canceled)}, CASE WHEN ${ident(def.end)} < DATE ${lit(asOf)} THEN ${ident(def.end)} END)`
    : ident(def.canceled);
  return [
    {
      table: 'churn_events',
      statements: [
        `CREATE OR REPLACE TABLE churn_events AS SELECT ${ident(def.customer)} AS customer_id, row_number() OVER (PARTITION BY ${ident(def.customer)} ORDER BY ${end}) AS spell_no, CAST(${end} AS DATE) AS churn_date, CAST(${end} AS DATE) AS last_activity_date, CAST(NULL AS VARCHAR) AS value_tier_at_churn, 'silent' AS reason_category, CAST(NULL AS DATE) AS returned_date FROM ${ident(def.table)} WHERE ${end} IS NOT NULL AND ${end} < DATE ${lit(asOf)}`,
      ],
    },
  ];
}

/** SQL returning the first activity date (column `start`), or NULL for models without activity dates. */
export function activityStartSql(model: SemanticModel): string | null {
  const def = model.churn.churn;
  if (def.type !== 'inactivity') return null;
  return `SELECT CAST(MIN(${ident(def.activity.time)}) AS DATE) AS start FROM ${ident(def.activity.table)}`;
}
