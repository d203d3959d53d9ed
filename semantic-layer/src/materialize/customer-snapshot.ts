import type { Dialect } from '../dialect/dialect.ts';
import type { SemanticModel } from '../model.ts';
import {
  argMax,
  argMaxNull,
  argMaxOfCounts,
  DEFAULT_DIALECT,
  daysBetween,
  distinctList,
  interval,
  modeOf,
  yearOf,
} from './materialize-sql.ts';

type Inactivity = Extract<SemanticModel['churn']['churn'], { type: 'inactivity' }>;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Canonical tables the snapshot reads; an absent one reads as empty (CDNOW has only customers and orders). */
const EMPTY: Record<string, string> = {
  tickets:
    'SELECT NULL::VARCHAR AS customer_id, NULL::TIMESTAMP AS created_ts, NULL::TIMESTAMP AS resolved_ts WHERE FALSE',
  feedback: 'SELECT NULL::VARCHAR AS customer_id, NULL::TIMESTAMP AS ts, NULL::INTEGER AS nps WHERE FALSE',
  interactions: 'SELECT NULL::VARCHAR AS customer_id, NULL::TIMESTAMP AS ts WHERE FALSE',
  campaign_touches:
    'SELECT NULL::VARCHAR AS customer_id, NULL::BOOLEAN AS coupon_used, NULL::TIMESTAMP AS sent_ts WHERE FALSE',
};

/**
 * The 360° view of every customer as of `asOf` (a SELECT in the engine's dialect) under the inactivity definition:
 * tenure, recency, frequency and monetary value with RFM quintiles (percent_rank, so ties stay
 * together; R reversed), value tier, service and NPS signals, activity trend, lifecycle stage and the
 * early-warning rules that fire. Reads nothing dated on or after `asOf`, so it also serves as a
 * point-in-time snapshot for history. Needs `customer_spells` first.
 *
 * `churned` reads the churn date of the customer's latest spell with `arg_max_null`: plain `arg_max`
 * skips NULLs, so a won-back customer whose current spell has not churned would read an earlier churn.
 */
export function customerSnapshotSelect(
  model: SemanticModel,
  asOf: string,
  available: Set<string>,
  values: ColumnValues = {},
  dl: Dialect = DEFAULT_DIALECT,
): string {
  const c = model.churn.churn as Inactivity;
  const a = c.activity;
  const t = (name: string) => (available.has(name) ? ident(name) : `(${EMPTY[name]}) AS ${ident(name)}`);
  const AS_OF = `DATE ${lit(asOf)}`;
  const tiers = model.churn.value_tiers;
  const amount = a.amount ? ident(a.amount) : '0';
  const hasCategory = available.has('orders') && a.table === 'orders';
  return `WITH act AS (
  SELECT ${ident(a.customer)} AS customer_id, CAST(${ident(a.time)} AS DATE) AS d, COALESCE(${amount}, 0) AS amount
    ${hasCategory ? ', category, sales_channel, COALESCE(discount_amount, 0) AS discount_amount' : ', NULL AS category, NULL AS sales_channel, 0 AS discount_amount'}
  FROM ${ident(a.table)}
  WHERE ${a.where ? `(${a.where}) AND ` : ''}${ident(a.time)} < ${AS_OF}
),
per_customer AS (
  SELECT customer_id, MIN(d) AS first_activity_date, MAX(d) AS last_activity_date,
    COUNT(*) FILTER (WHERE d >= ${AS_OF} - 365) AS frequency_12m,
    COALESCE(SUM(amount) FILTER (WHERE d >= ${AS_OF} - 365), 0) AS monetary_12m,
    COUNT(*) FILTER (WHERE d >= ${AS_OF} - 21) AS orders_last_3w,
    COUNT(*) FILTER (WHERE d >= ${AS_OF} - 42 AND d < ${AS_OF} - 21) AS orders_prev_3w,
    bool_or(discount_amount > 0 AND d >= ${AS_OF} - 365) AS used_discount,
    COUNT(*) FILTER (WHERE discount_amount > 0 AND d >= ${AS_OF} - 365) AS discounted_orders_12m,
    ${mostFrequent(dl, 'category', values.category, `d >= ${AS_OF} - 365`)} AS main_category_12m,
    ${mostFrequent(dl, 'category', values.category)} AS main_category_all,
    ${mostFrequent(dl, 'sales_channel', values.sales_channel)} AS main_sales_channel
  FROM act GROUP BY 1
),
scored AS (
  SELECT *,
    percent_rank() OVER (ORDER BY last_activity_date) AS r_rank,
    percent_rank() OVER (ORDER BY frequency_12m) AS f_rank,
    percent_rank() OVER (ORDER BY monetary_12m) AS m_rank,
    percent_rank() OVER (ORDER BY monetary_12m DESC) AS spend_rank_desc
  FROM per_customer WHERE frequency_12m > 0
),
visits AS (
  SELECT customer_id,
    COUNT(*) FILTER (WHERE ts >= ${AS_OF} - ${interval(dl, 21, 'DAY')} AND ts < ${AS_OF}) AS visits_last_3w,
    COUNT(*) FILTER (WHERE ts >= ${AS_OF} - ${interval(dl, 42, 'DAY')} AND ts < ${AS_OF} - ${interval(dl, 21, 'DAY')}) AS visits_prev_3w,
    COUNT(*) AS interactions_total
  FROM ${t('interactions')} WHERE ts < ${AS_OF} GROUP BY 1
),
service AS (
  SELECT customer_id,
    COUNT(*) FILTER (WHERE created_ts >= ${AS_OF} - ${interval(dl, 90, 'DAY')} AND created_ts < ${AS_OF}) AS tickets_90d,
    COUNT(*) FILTER (WHERE (resolved_ts IS NULL OR resolved_ts >= ${AS_OF}) AND created_ts < ${AS_OF} - ${interval(dl, 72, 'HOUR')}) AS unresolved_tickets,
    COUNT(*) FILTER (WHERE created_ts >= ${AS_OF} - ${interval(dl, 90, 'DAY')} AND created_ts < ${AS_OF}
      AND (resolved_ts IS NULL OR resolved_ts > created_ts + ${interval(dl, 72, 'HOUR')})) AS slow_tickets_90d,
    COUNT(*) AS tickets_total
  FROM ${t('tickets')} WHERE created_ts < ${AS_OF} GROUP BY 1
),
nps AS (
  SELECT customer_id, ${argMax(dl, 'nps', 'ts')} AS last_nps,
    bool_or(nps <= 6 AND ts >= ${AS_OF} - ${interval(dl, 90, 'DAY')}) AS nps_detractor_90d
  FROM ${t('feedback')} WHERE nps IS NOT NULL AND ts < ${AS_OF} GROUP BY 1
),
coupons AS (
  SELECT customer_id, bool_or(coupon_used) AS coupon_used FROM ${t('campaign_touches')}
  WHERE sent_ts < ${AS_OF} AND sent_ts >= ${AS_OF} - ${interval(dl, 365, 'DAY')} GROUP BY 1
),
spell_state AS (
  SELECT customer_id, COUNT(*) AS spell_count,
    ${argMaxNull(dl, `CASE WHEN churn_date < ${AS_OF} THEN churn_date END`, 'spell_no')} AS current_churn_date,
    ${argMax(dl, 'spell_start', 'spell_no')} AS current_spell_start, MAX(churn_date) FILTER (WHERE churn_date < ${AS_OF}) AS last_churn_date
  FROM customer_spells WHERE spell_start < ${AS_OF} GROUP BY 1
),
base AS (
  SELECT cu.customer_id, cu.signup_date, p.first_activity_date, p.last_activity_date,
    ${daysBetween(dl, 'COALESCE(p.first_activity_date, cu.signup_date)', AS_OF)} AS tenure_days,
    ${yearOf(dl, AS_OF)} - cu.birth_year AS age,
    ${daysBetween(dl, 'p.last_activity_date', AS_OF)} AS recency_days,
    COALESCE(p.frequency_12m, 0) AS frequency_12m, COALESCE(p.monetary_12m, 0) AS monetary_12m,
    CASE WHEN sc.r_rank IS NULL THEN NULL ELSE LEAST(5, 1 + floor(sc.r_rank * 5))::INTEGER END AS r_score,
    CASE WHEN sc.f_rank IS NULL THEN NULL ELSE LEAST(5, 1 + floor(sc.f_rank * 5))::INTEGER END AS f_score,
    CASE WHEN sc.m_rank IS NULL THEN NULL ELSE LEAST(5, 1 + floor(sc.m_rank * 5))::INTEGER END AS m_score,
    CASE WHEN sc.spend_rank_desc IS NULL THEN 'low' WHEN sc.spend_rank_desc < ${tiers.high} THEN 'high'
         WHEN sc.spend_rank_desc < ${tiers.high + tiers.medium} THEN 'medium' ELSE 'low' END AS value_tier,
    COALESCE(p.main_category_12m, p.main_category_all) AS main_category, p.main_sales_channel,
    COALESCE(p.orders_last_3w, 0) + COALESCE(v.visits_last_3w, 0) AS activity_last_3w,
    COALESCE(p.orders_prev_3w, 0) + COALESCE(v.visits_prev_3w, 0) AS activity_prev_3w,
    COALESCE(s.tickets_90d, 0) AS tickets_90d, COALESCE(s.unresolved_tickets, 0) AS unresolved_tickets,
    COALESCE(s.slow_tickets_90d, 0) AS slow_tickets_90d,
    n.last_nps, COALESCE(n.nps_detractor_90d, FALSE) AS nps_detractor_90d,
    COALESCE(p.used_discount, FALSE) OR COALESCE(k.coupon_used, FALSE) AS coupon_user,
    COALESCE(p.discounted_orders_12m, 0) AS discounted_orders_12m,
    COALESCE(ss.spell_count, 0) AS spell_count,
    ss.current_churn_date IS NOT NULL AS churned, ss.last_churn_date,
    ss.current_spell_start,
    p.customer_id IS NULL AND v.customer_id IS NULL AND s.customer_id IS NULL AS is_zombie
  FROM (SELECT * FROM customers WHERE signup_date IS NULL OR signup_date < ${AS_OF}) cu
  LEFT JOIN per_customer p USING (customer_id)
  LEFT JOIN scored sc USING (customer_id)
  LEFT JOIN visits v USING (customer_id)
  LEFT JOIN service s USING (customer_id)
  LEFT JOIN nps n USING (customer_id)
  LEFT JOIN coupons k USING (customer_id)
  LEFT JOIN spell_state ss USING (customer_id)
),
flagged AS (
  SELECT *, ${earlyWarningSql(model)} AS risk_flags, ${severitySql(model)} AS risk_points
  FROM base
)
SELECT *,
  CASE WHEN r_score IS NULL THEN 'lost' ${RFM_SEGMENTS} ELSE 'need_attention' END AS rfm_segment,
  tickets_90d >= 3 AS many_tickets_90d,
  slow_tickets_90d >= 2 AS repeated_slow_tickets,
  frequency_12m > 0 AND discounted_orders_12m >= 0.3 * frequency_12m AS price_sensitive,
  activity_prev_3w >= 3 AND activity_last_3w <= 0.6 * activity_prev_3w AS activity_drop,
  risk_flags <> '' AS at_risk,
  ${dl.toDouble('NULL')} AS risk_score,
  CASE WHEN churned THEN NULL WHEN risk_points >= 4 THEN 'high' WHEN risk_points >= 2 THEN 'medium' ELSE 'low' END AS risk_tier,
  CASE
    WHEN churned THEN 'churned'
    WHEN first_activity_date IS NULL THEN 'dormant'
    WHEN spell_count > 1 AND current_spell_start >= ${AS_OF} - 90 THEN 'won_back'
    WHEN first_activity_date >= ${AS_OF} - 90 THEN 'new'
    WHEN risk_flags <> '' THEN 'at_risk'
    WHEN recency_days > 60 THEN 'dormant'
    ELSE 'active'
  END AS lifecycle_stage
FROM flagged`;
}

/** Distinct values of the order columns whose most frequent value the snapshot reports. */
export type ColumnValues = Partial<Record<'category' | 'sales_channel', string[]>>;

/** Above this many distinct values the snapshot falls back to the engine's `mode`. */
const MAX_PIVOT_VALUES = 64;

/**
 * SQL returning the distinct category and sales-channel values of the orders (one row, two lists),
 * or null when the activity table is not `orders`.
 */
export function columnValuesSql(
  model: SemanticModel,
  available: Set<string>,
  d: Dialect = DEFAULT_DIALECT,
): string | null {
  const c = model.churn.churn;
  if (c.type !== 'inactivity' || c.activity.table !== 'orders' || !available.has('orders')) return null;
  const list = (col: string) => `${distinctList(d, col)} AS ${col}`;
  return `SELECT ${list('category')}, ${list('sales_channel')} FROM orders`;
}

/**
 * The most frequent value of `column` per customer (an aggregate over \`act\`), ties to the first
 * value in sorted order. With the distinct values known, one FILTER count per value: several times
 * cheaper than \`mode\` at a million customers, and deterministic where \`mode\` breaks ties arbitrarily.
 */
function mostFrequent(d: Dialect, column: string, known: string[] | undefined, where?: string): string {
  if (!known?.length || known.length > MAX_PIVOT_VALUES) return modeOf(d, column, where);
  const counts = known.map(
    (v) => `COUNT(*) FILTER (WHERE ${column} = ${lit(v)}${where ? ` AND ${where}` : ''})`,
  );
  return argMaxOfCounts(d, counts, known);
}

/** RFM segment rules, first match wins (DOMAIN.md §5: 555/554/545 champions, 155/154/144 at risk, 111 hibernating). */
const RFM_SEGMENTS = [
  ['r_score >= 4 AND f_score >= 4 AND m_score >= 4', 'champions'],
  ['r_score <= 2 AND f_score >= 4', 'at_risk'],
  ['r_score <= 2 AND f_score = 3 AND m_score >= 4', 'cannot_lose'],
  ['r_score <= 2 AND f_score <= 2', 'hibernating'],
  ['r_score = 5 AND f_score = 1', 'new_customers'],
  ['r_score = 4 AND f_score = 1', 'promising'],
  ['r_score >= 3 AND f_score >= 4', 'loyal'],
  ['r_score >= 4 AND f_score BETWEEN 2 AND 3', 'potential_loyalist'],
  ['r_score = 3 AND f_score <= 2', 'about_to_sleep'],
]
  .map(([when, seg]) => `WHEN ${when} THEN '${seg}'`)
  .join(' ');

/** Comma-separated ids of the governed early-warning rules that fire. */
function earlyWarningSql(model: SemanticModel): string {
  const rules = Object.entries(model.churn.early_warning);
  if (!rules.length) return "''";
  return `concat_ws(',', ${rules.map(([id, r]) => `CASE WHEN COALESCE((${r.when}), FALSE) THEN ${lit(id)} END`).join(', ')})`;
}

function severitySql(model: SemanticModel): string {
  const rules = Object.values(model.churn.early_warning);
  if (!rules.length) return '0';
  return rules.map((r) => `CASE WHEN COALESCE((${r.when}), FALSE) THEN ${r.severity} ELSE 0 END`).join(' + ');
}

/** `customer_snapshot`: the 360° view as of the as-of date. */
export function customerSnapshotSql(
  model: SemanticModel,
  asOf: string,
  available: Set<string>,
  values: ColumnValues = {},
  d: Dialect = DEFAULT_DIALECT,
): string {
  return `CREATE OR REPLACE TABLE customer_snapshot AS\n${customerSnapshotSelect(model, asOf, available, values, d)}`;
}
