import { addDays, addMonths, truncate } from '../compile/periods.ts';
import type { Dialect } from '../dialect/dialect.ts';
import type { SemanticModel } from '../model.ts';
import {
  type ColumnValues,
  customerSnapshotSelect,
  pivotable,
  type SnapshotAt,
  snapshotShape,
  snapshotSides,
  sourceTable,
} from './customer-snapshot.ts';
import { argMaxOfCounts, DEFAULT_DIALECT } from './materialize-sql.ts';

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
 *
 * Built in one pass (`customerHistoryOnePassSql`) when the activity is the orders with known categories and
 * channels; else one snapshot per date (`customerHistoryPerDateSql`). Both give the same table.
 */
export function customerHistorySql(
  model: SemanticModel,
  dates: string[],
  available: Set<string>,
  values: ColumnValues = {},
  dialect: Dialect = DEFAULT_DIALECT,
): string {
  const a = model.churn.churn.type === 'inactivity' ? model.churn.churn.activity : null;
  const { category, sales_channel } = values;
  if (
    dates.length &&
    a?.table === 'orders' &&
    available.has('orders') &&
    pivotable(category) &&
    pivotable(sales_channel)
  )
    return customerHistoryOnePassSql(model, dates, available, { category, sales_channel }, dialect);
  return customerHistoryPerDateSql(model, dates, available, values, dialect);
}

/** What happened after each snapshot date (CTE `outcomes`), keyed by date and customer. */
const OUTCOMES = `outcomes AS (
  SELECT dt.snapshot_date, customer_id, TRUE AS active,
    bool_or(churn_date < dt.next_date) AS churned_next_quarter,
    bool_or(churn_date < dt.snapshot_date + 90) AS churned_next_90d
  FROM customer_spells CROSS JOIN dates dt
  WHERE spell_start < dt.snapshot_date AND (churn_date IS NULL OR churn_date >= dt.snapshot_date)
  GROUP BY 1, 2
)`;

const OUTCOME_COLUMNS = `COALESCE(o.active, FALSE) AS active,
    COALESCE(o.churned_next_quarter, FALSE) AS churned_next_quarter,
    COALESCE(o.churned_next_90d, FALSE) AS churned_next_90d`;

/** The snapshot dates with the start of the following quarter (CTE `dates`). */
function datesCte(dates: string[]): string {
  const rows = dates.map((d) => `(DATE '${d}', DATE '${addMonths(d, 3)}')`);
  return `dates(snapshot_date, next_date) AS (VALUES ${rows.join(', ')})`;
}

/** One snapshot per date, each reading every earlier event again; the reference for the one-pass build. */
export function customerHistoryPerDateSql(
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
    return `SELECT ${D} AS snapshot_date, h.*, ${OUTCOME_COLUMNS}
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

/**
 * Every snapshot date at once, reading each order and interaction once. The window edges of all dates (d, d − 21,
 * d − 42, d − 365) cut time into at most 4 × dates + 1 slices; each event is counted into its customer's slice
 * (one hash aggregation: counts, sums, first and last day, one count per category and channel), and each date sums
 * the slices inside its windows (12 months, the last 3 weeks, the 3 weeks before, everything before it). Counts
 * and first/last days are exact; the 12-month spend is a sum of slice sums (a DOUBLE sum in another order: it may
 * differ from one sum over the orders in the last bits, as a parallel sum does run to run). Tickets, feedback,
 * coupons and spells (smaller) are read once per date as in the snapshot.
 */
export function customerHistoryOnePassSql(
  model: SemanticModel,
  dates: string[],
  available: Set<string>,
  values: Required<ColumnValues>,
  dl: Dialect = DEFAULT_DIALECT,
): string {
  const a = (model.churn.churn as Extract<SemanticModel['churn']['churn'], { type: 'inactivity' }>).activity;
  const edges = [
    ...new Set(dates.flatMap((d) => [d, addDays(d, -21), addDays(d, -42), addDays(d, -365)])),
  ].sort();
  const edge = (d: string) => edges.indexOf(d);
  // Slice b holds the days in [edges[b - 1], edges[b]) (slice 0: before the first edge).
  const slice = (day: string) =>
    `CASE ${edges.map((e, i) => `WHEN ${day} < DATE '${e}' THEN ${i}`).join(' ')} ELSE ${edges.length} END`;
  const windows: string[] = [];
  for (const d of dates)
    for (let b = 0; b <= edge(d); b++) {
      const within = (from: string, to: string) => b > edge(from) && b <= edge(to);
      windows.push(
        `(${b}, DATE '${d}', ${within(addDays(d, -365), d)}, ${within(addDays(d, -21), d)}, ${within(addDays(d, -42), addDays(d, -21))})`,
      );
    }
  const last = `DATE '${[...dates].sort().at(-1)}'`;
  const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const amount = a.amount ? ident(a.amount) : '0';
  const pivot = (column: string, known: string[]) =>
    known.map((v, i) => `COUNT(*) FILTER (WHERE ${column} = ${lit(v)}) AS ${column}_${i}`).join(', ');
  const sums = (column: string, known: string[], where?: string) =>
    known.map((_, i) => `COALESCE(SUM(s.${column}_${i})${where ? ` FILTER (WHERE ${where})` : ''}, 0)`);
  const count = (col: string, where?: string) =>
    `CAST(COALESCE(SUM(${col})${where ? ` FILTER (WHERE ${where})` : ''}, 0) AS BIGINT)`;
  const at: SnapshotAt = {
    source: 'dt.snapshot_date',
    row: 'snapshot_date',
    join: ' CROSS JOIN dates dt',
    key: 'dt.snapshot_date, ',
    using: 'snapshot_date, customer_id',
    partition: 'PARTITION BY snapshot_date ',
    customers:
      '(SELECT dt.snapshot_date, c.* FROM customers c CROSS JOIN dates dt WHERE c.signup_date IS NULL OR c.signup_date < dt.snapshot_date)',
  };
  const t = sourceTable(available);
  return `CREATE OR REPLACE TABLE customer_history AS
WITH ${datesCte(dates)},
windows(slice, snapshot_date, in_12m, in_3w, in_prev_3w) AS (VALUES ${windows.join(', ')}),
act AS (
  SELECT ${ident(a.customer)} AS customer_id, ${slice('d')} AS slice, d, COALESCE(${amount}, 0) AS amount,
    category, sales_channel, COALESCE(discount_amount, 0) AS discount_amount
  FROM (SELECT *, CAST(${ident(a.time)} AS DATE) AS d FROM orders
    WHERE ${a.where ? `(${a.where}) AND ` : ''}${ident(a.time)} < ${last}) AS o
),
act_slices AS (
  SELECT customer_id, slice, COUNT(*) AS n, SUM(amount) AS amount, MIN(d) AS first_d, MAX(d) AS last_d,
    COUNT(*) FILTER (WHERE discount_amount > 0) AS discounted,
    ${pivot('category', values.category)},
    ${pivot('sales_channel', values.sales_channel)}
  FROM act GROUP BY 1, 2
),
per_customer AS (
  SELECT w.snapshot_date, s.customer_id, MIN(s.first_d) AS first_activity_date, MAX(s.last_d) AS last_activity_date,
    ${count('s.n', 'w.in_12m')} AS frequency_12m,
    COALESCE(SUM(s.amount) FILTER (WHERE w.in_12m), 0) AS monetary_12m,
    ${count('s.n', 'w.in_3w')} AS orders_last_3w,
    ${count('s.n', 'w.in_prev_3w')} AS orders_prev_3w,
    ${count('s.discounted', 'w.in_12m')} > 0 AS used_discount,
    ${count('s.discounted', 'w.in_12m')} AS discounted_orders_12m,
    ${argMaxOfCounts(dl, sums('category', values.category, 'w.in_12m'), values.category)} AS main_category_12m,
    ${argMaxOfCounts(dl, sums('category', values.category), values.category)} AS main_category_all,
    ${argMaxOfCounts(dl, sums('sales_channel', values.sales_channel), values.sales_channel)} AS main_sales_channel
  FROM act_slices s JOIN windows w USING (slice) GROUP BY 1, 2
),
visit_slices AS (
  SELECT customer_id, ${slice('CAST(ts AS DATE)')} AS slice, COUNT(*) AS n
  FROM ${t('interactions')} WHERE ts < ${last} GROUP BY 1, 2
),
visits AS (
  SELECT w.snapshot_date, s.customer_id,
    ${count('s.n', 'w.in_3w')} AS visits_last_3w,
    ${count('s.n', 'w.in_prev_3w')} AS visits_prev_3w,
    ${count('s.n')} AS interactions_total
  FROM visit_slices s JOIN windows w USING (slice) GROUP BY 1, 2
),
${snapshotSides(dl, available, at)},
${OUTCOMES},
${snapshotShape(model, dl, at, 'snapshots')}
SELECT h.*, ${OUTCOME_COLUMNS}
FROM snapshots h LEFT JOIN outcomes o USING (snapshot_date, customer_id)`;
}
