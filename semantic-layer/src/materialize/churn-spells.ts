import type { Dialect } from '../dialect/dialect.ts';
import type { SemanticModel } from '../model.ts';
import { DEFAULT_DIALECT, daysBetween, interval, roundTo } from './materialize-sql.ts';
import { type ReasonSignal, reasonSignalsSql } from './reason-signals.ts';

type Inactivity = Extract<SemanticModel['churn']['churn'], { type: 'inactivity' }>;

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * `customer_spells` (in the engine's dialect): one row per activity spell of a customer under the governed inactivity
 * definition. A new spell starts when the gap since the previous activity day exceeds the window;
 * a spell churns on last activity + window, known only when that day is before the as-of date.
 * Windows can be overridden per value tier (the customer's tier at the as-of date).
 *
 * One sort of the activity rows (lag, lead and dense_rank share a window) finds where spells start
 * and end; the k-th start pairs with the k-th end. Spend is rounded to cents before tiers compare,
 * so tiers do not flip with the order floating-point sums run in.
 */
export function customerSpellsSql(model: SemanticModel, asOf: string, d: Dialect = DEFAULT_DIALECT): string {
  const c = model.churn.churn as Inactivity;
  const a = c.activity;
  const tiers = model.churn.value_tiers;
  const AS_OF = `DATE ${lit(asOf)}`;
  const overrides = Object.entries(c.window_overrides);
  const windowDays = overrides.length
    ? `CASE t.value_tier ${overrides.map(([tier, days]) => `WHEN ${lit(tier)} THEN ${Number(days)}`).join(' ')} ELSE ${c.window_days} END`
    : String(c.window_days);
  const amount = a.amount ? ident(a.amount) : '0';
  const churnDate = `s.last_activity_date + CAST(s.window_days AS INTEGER)`;
  return `CREATE OR REPLACE TABLE customer_spells AS
WITH act AS (
  SELECT ${ident(a.customer)} AS customer_id, CAST(${ident(a.time)} AS DATE) AS d, COALESCE(${amount}, 0) AS amount
  FROM ${ident(a.table)}
  WHERE ${a.where ? `(${a.where}) AND ` : ''}${ident(a.time)} < ${AS_OF}
),
spend AS (
  SELECT customer_id, ${roundTo(d, 'SUM(amount)', 2)} AS spend_12m FROM act WHERE d >= ${AS_OF} - ${interval(d, 365, 'DAY')} GROUP BY 1
),
thresholds AS (
  SELECT ${d.percentile('spend_12m', 1 - tiers.high)} AS high_min, ${d.percentile('spend_12m', 1 - tiers.high - tiers.medium)} AS medium_min
  FROM spend WHERE spend_12m > 0
),
windows AS (
  SELECT a.customer_id, a.d, a.amount, ${windowDays} AS window_days
  FROM act a${
    overrides.length
      ? ` LEFT JOIN (SELECT s.customer_id, CASE WHEN s.spend_12m >= th.high_min THEN 'high' WHEN s.spend_12m >= th.medium_min THEN 'medium' ELSE 'low' END AS value_tier
    FROM spend s CROSS JOIN thresholds th) t USING (customer_id)`
      : ''
  }
),
ordered AS (
  SELECT customer_id, d, window_days,
    ${daysBetween(d, 'lag(d) OVER w', 'd')} AS gap_before,
    ${daysBetween(d, 'd', 'lead(d) OVER w')} AS gap_after,
    dense_rank() OVER w AS day_no
  FROM windows WINDOW w AS (PARTITION BY customer_id ORDER BY d)
),
starts AS (
  SELECT customer_id, d AS spell_start, day_no AS first_day, row_number() OVER (PARTITION BY customer_id ORDER BY d) AS spell_no
  FROM ordered WHERE gap_before IS NULL OR gap_before > window_days
),
ends AS (
  SELECT customer_id, d AS last_activity_date, day_no AS last_day, window_days,
    row_number() OVER (PARTITION BY customer_id ORDER BY d) AS spell_no
  FROM ordered WHERE gap_after IS NULL OR gap_after > window_days
),
spells AS (
  SELECT s.customer_id, CAST(s.spell_no AS INTEGER) AS spell_no, s.spell_start, e.last_activity_date,
    e.last_day - s.first_day + 1 AS active_days, e.window_days
  FROM starts s JOIN ends e USING (customer_id, spell_no)
),
trail AS (
  SELECT s.customer_id, s.spell_no, ${roundTo(d, 'SUM(a.amount)', 2)} AS trailing_revenue
  FROM spells s JOIN act a ON a.customer_id = s.customer_id AND a.d BETWEEN s.last_activity_date - 364 AND s.last_activity_date
  GROUP BY 1, 2
)
SELECT s.customer_id, s.spell_no, s.spell_start, s.last_activity_date,
  CASE WHEN ${churnDate} < ${AS_OF} THEN CAST(${churnDate} AS DATE) END AS churn_date,
  lead(s.spell_start) OVER (PARTITION BY s.customer_id ORDER BY s.spell_no) AS returned_date,
  s.window_days, s.active_days, r.trailing_revenue,
  ${daysBetween(d, 's.spell_start', `CASE WHEN ${churnDate} < ${AS_OF} THEN ${churnDate} ELSE ${AS_OF} END`)} AS duration_days,
  CASE WHEN r.trailing_revenue >= th.high_min THEN 'high' WHEN r.trailing_revenue >= th.medium_min THEN 'medium' ELSE 'low' END AS value_tier_at_churn,
  CAST(NULL AS VARCHAR) AS reason_category
FROM spells s JOIN trail r USING (customer_id, spell_no) CROSS JOIN thresholds th`;
}

/**
 * Sets each churned spell's reason: the most frequent signal category in the lookback window before
 * churn (ties broken by category name), else 'silent'. Two statements, run in order.
 */
export function spellReasonsSql(model: SemanticModel, signals: ReasonSignal[]): string[] {
  const lookback = Number(model.churn.reasons.lookback_days);
  const silent = `UPDATE customer_spells SET reason_category = 'silent' WHERE churn_date IS NOT NULL AND reason_category IS NULL`;
  if (!signals.length) return [silent];
  const top = `UPDATE customer_spells AS s SET reason_category = r.category
FROM (
  SELECT customer_id, spell_no, category FROM (
    SELECT sp.customer_id, sp.spell_no, sig.category,
      ROW_NUMBER() OVER (PARTITION BY sp.customer_id, sp.spell_no ORDER BY COUNT(*) DESC, sig.category) AS rn
    FROM customer_spells sp
    JOIN (${reasonSignalsSql(signals)}) AS sig
      ON sig.customer_id = sp.customer_id AND sig.d >= sp.churn_date - ${lookback} AND sig.d < sp.churn_date
    WHERE sp.churn_date IS NOT NULL
    GROUP BY 1, 2, 3
  ) AS ranked WHERE rn = 1
) r
WHERE s.customer_id = r.customer_id AND s.spell_no = r.spell_no`;
  return [top, silent];
}

/** `churn_events`: one row per churn (DOMAIN.md §2), read from the spells. */
export const CHURN_EVENTS_FROM_SPELLS = `CREATE OR REPLACE TABLE churn_events AS
SELECT customer_id, spell_no, churn_date, last_activity_date, value_tier_at_churn, reason_category, returned_date, trailing_revenue
FROM customer_spells WHERE churn_date IS NOT NULL`;
