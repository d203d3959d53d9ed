import type { Dialect } from '../dialect/dialect.ts';
import type { SemanticModel } from '../model.ts';
import { rollupSteps } from '../rollup/rollup-build.ts';
import type { MaterializedRollup } from '../rollup/rollup-layout.ts';
import { CHURN_EVENTS_FROM_SPELLS, customerSpellsSql, spellReasonsSql } from './churn-spells.ts';
import { customerHistorySql } from './customer-history.ts';
import { type ColumnValues, customerSnapshotSql } from './customer-snapshot.ts';
import { DEFAULT_DIALECT, tableStatements } from './materialize-sql.ts';

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** One derived table, the statements that (re)build it in order, and the derived tables they read. */
export interface MaterializationStep {
  table: string;
  statements: string[];
  reads: string[];
  /** Set on the tables of a rollup (rollups.yaml): which rollup and grain, over which periods. */
  rollup?: MaterializedRollup;
}

/** What a plan depends on besides the model: the as-of date and facts about the data. */
export interface MaterializationInputs {
  asOf: string;
  /** Canonical tables present, so a partial CRM (orders only) still materialises. */
  available: Set<string>;
  /** Snapshot dates of `customer_history` (see `historyDates`). */
  historyDates: string[];
  /** Distinct order categories and sales channels (see `columnValuesSql`). */
  values?: ColumnValues;
  /** The engine's dialect (default DuckDB). */
  dialect?: Dialect;
}

/** SQL that returns the model's as-of date as one ISO date (column `as_of`). */
export function asOfSql(model: SemanticModel): string {
  if (typeof model.asOf === 'string') return `SELECT DATE ${lit(model.asOf)} AS as_of`;
  const { table, column } = model.asOf.after_max;
  return `SELECT CAST(CAST(MAX(${ident(column)}) AS DATE) + 1 AS DATE) AS as_of FROM ${ident(table)}`;
}

/**
 * The derived tables a model needs, built from its governed churn definition (in `inputs.dialect`, DuckDB by default):
 * inactivity → customer_spells, churn_events, customer_snapshot, customer_history; label → churn_events, customer_snapshot.
 * Then the rollups (rollups.yaml), which read them: one table per rollup, grain and measure group.
 */
export function materializationPlan(
  model: SemanticModel,
  inputs: MaterializationInputs,
): MaterializationStep[] {
  const d = inputs.dialect ?? DEFAULT_DIALECT;
  const derived = planSteps(model, inputs, d);
  const built = new Set(derived.map((s) => s.table));
  const rollups = rollupSteps(model, {
    asOf: inputs.asOf,
    tables: new Set([...inputs.available, ...built]),
    derived: built,
    dialect: d,
  });
  return [...derived, ...rollups].map((step) => ({
    ...step,
    statements: step.statements.flatMap((sql) => tableStatements(d, sql)),
  }));
}

function planSteps(model: SemanticModel, inputs: MaterializationInputs, d: Dialect): MaterializationStep[] {
  const { asOf, available, historyDates, values } = inputs;
  const def = model.churn.churn;
  if (def.type === 'inactivity') {
    const signals = model.churn.reasons.signals.filter((s) => available.has(s.table));
    const spells = ['customer_spells'];
    return [
      {
        table: 'customer_spells',
        statements: [customerSpellsSql(model, asOf, d), ...spellReasonsSql(model, signals)],
        reads: [],
      },
      { table: 'churn_events', statements: [CHURN_EVENTS_FROM_SPELLS], reads: spells },
      {
        table: 'customer_snapshot',
        statements: [customerSnapshotSql(model, asOf, available, values, d)],
        reads: spells,
      },
      {
        table: 'customer_history',
        statements: [customerHistorySql(model, historyDates, available, values, d)],
        reads: spells,
      },
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
        reads: [],
        statements: [
          `CREATE OR REPLACE TABLE churn_events AS SELECT c.${ident(def.customer)} AS customer_id, 1 AS spell_no, CAST(NULL AS DATE) AS churn_date, CAST(NULL AS DATE) AS last_activity_date, CAST(NULL AS VARCHAR) AS value_tier_at_churn, ${reasonCol} AS reason_category, CAST(NULL AS DATE) AS returned_date FROM ${ident(def.table)} c ${reasonJoin} WHERE c.${ident(def.column)}`,
        ],
      },
      {
        table: 'customer_snapshot',
        reads: [],
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
      reads: [],
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

/** The rollups a plan materialises, each grain once: what the compiler may answer from once it ran. */
export function plannedRollups(steps: MaterializationStep[]): MaterializedRollup[] {
  const seen = new Map<string, MaterializedRollup>();
  for (const s of steps) if (s.rollup) seen.set(`${s.rollup.id}|${s.rollup.grain}`, s.rollup);
  return [...seen.values()];
}
