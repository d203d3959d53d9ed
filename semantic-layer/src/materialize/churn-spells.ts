import type { SemanticModel } from '../model.ts';
import { type ReasonSignal, reasonSignalsSql } from './reason-signals.ts';

type Inactivity = Extract<SemanticModel['churn']['churn'], { type: 'inactivity' }>;

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * `customer_spells` (DuckDB): one row per activity spell of a customer under the governed inactivity
 * definition. A new spell starts when the gap since the previous activity day exceeds the window;
 * a spell churns on last activity + window, known only when that day is before the as-of date.
 * Windows can be overridden per value tier (the customer's tier at the as-of date).
 */
export function customerSpellsSql(model: SemanticModel, asOf: string): string {
  const c = model.churn.churn as Inactivity;
  const a = c.activity;
  const tiers = model.churn.value_tiers;
  const windowCase = Object.entries(c.window_overrides).length
    ? `CASE t.value_tier ${Object.entries(c.window_overrides)
        .map(([tier, days]) => `WHEN ${lit(tier)} THEN ${Number(days)}`)
        .join(' ')} ELSE ${c.window_days} END`
    : String(c.window_days);
  const amount = a.amount ? ident(a.amount) : '0';
  return `CREATE OR REPLACE TABLE customer_spells AS
WITH act AS (
  SELECT ${ident(a.customer)} AS customer_id, CAST(${ident(a.time)} AS DATE) AS d, COALESCE(${amount}, 0) AS amount
  FROM ${ident(a.table)}
  WHERE ${a.where ? `(${a.where}) AND ` : ''}${ident(a.time)} < DATE ${lit(asOf)}
),
days AS (SELECT customer_id, d, SUM(amount) AS amount FROM act GROUP BY 1, 2),
spend AS (
  SELECT customer_id, SUM(amount) AS spend_12m FROM days WHERE d >= DATE ${lit(asOf)} - INTERVAL 365 DAY GROUP BY 1
),
thresholds AS (
  SELECT quantile_cont(spend_12m, ${1 - tiers.high}) AS high_min, quantile_cont(spend_12m, ${1 - tiers.high - tiers.medium}) AS medium_min
  FROM spend WHERE spend_12m > 0
),
tier_now AS (
  SELECT s.customer_id, CASE WHEN s.spend_12m >= th.high_min THEN 'high' WHEN s.spend_12m >= th.medium_min THEN 'medium' ELSE 'low' END AS value_tier
  FROM spend s CROSS JOIN thresholds th
),
windows AS (
  SELECT d.customer_id, d.d, d.amount, ${windowCase} AS window_days
  FROM days d LEFT JOIN tier_now t USING (customer_id)
),
gaps AS (
  SELECT *,
    CASE WHEN lag(d) OVER w IS NULL OR date_diff('day', lag(d) OVER w, d) > window_days THEN 1 ELSE 0 END AS new_spell,
    SUM(amount) OVER (PARTITION BY customer_id ORDER BY d RANGE BETWEEN INTERVAL 364 DAY PRECEDING AND CURRENT ROW) AS trailing_12m
  FROM windows
  WINDOW w AS (PARTITION BY customer_id ORDER BY d)
),
numbered AS (
  SELECT *, SUM(new_spell) OVER (PARTITION BY customer_id ORDER BY d ROWS UNBOUNDED PRECEDING) AS spell_no FROM gaps
),
spells AS (
  SELECT customer_id, CAST(spell_no AS INTEGER) AS spell_no, MIN(d) AS spell_start, MAX(d) AS last_activity_date,
    COUNT(*) AS active_days, arg_max(trailing_12m, d) AS trailing_revenue, ANY_VALUE(window_days) AS window_days
  FROM numbered GROUP BY 1, 2
)
SELECT s.customer_id, s.spell_no, s.spell_start, s.last_activity_date,
  CASE WHEN s.last_activity_date + CAST(s.window_days AS INTEGER) < DATE ${lit(asOf)}
       THEN CAST(s.last_activity_date + CAST(s.window_days AS INTEGER) AS DATE) END AS churn_date,
  lead(s.spell_start) OVER (PARTITION BY s.customer_id ORDER BY s.spell_no) AS returned_date,
  s.window_days, s.active_days, s.trailing_revenue,
  date_diff('day', s.spell_start, CASE WHEN s.last_activity_date + CAST(s.window_days AS INTEGER) < DATE ${lit(asOf)}
    THEN s.last_activity_date + CAST(s.window_days AS INTEGER) ELSE DATE ${lit(asOf)} END) AS duration_days,
  CASE WHEN s.trailing_revenue >= th.high_min THEN 'high' WHEN s.trailing_revenue >= th.medium_min THEN 'medium' ELSE 'low' END AS value_tier_at_churn,
  CAST(NULL AS VARCHAR) AS reason_category
FROM spells s CROSS JOIN thresholds th`;
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
  ) WHERE rn = 1
) r
WHERE s.customer_id = r.customer_id AND s.spell_no = r.spell_no`;
  return [top, silent];
}

/** `churn_events`: one row per churn (DOMAIN.md §2), read from the spells. */
export const CHURN_EVENTS_FROM_SPELLS = `CREATE OR REPLACE TABLE churn_events AS
SELECT customer_id, spell_no, churn_date, last_activity_date, value_tier_at_churn, reason_category, returned_date, trailing_revenue
FROM customer_spells WHERE churn_date IS NOT NULL`;
