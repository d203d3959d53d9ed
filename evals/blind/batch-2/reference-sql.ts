/**
 * Hand-written reference SQL for blind batch 2 (README.md here): per case id, the query whose result
 * is the table the answer must show. Written from DOMAIN.md §3-4 and the model definitions over the
 * canonical tables (orders, customers, tickets, feedback, communications; telco's customers and
 * customer_attributes), never from the product's answers. Analytical attributes come from the derived
 * tables: value tier, age, tenure, coupon use, lifecycle stage, RFM segment, risk tier, the at-risk
 * flag, main sales channel (customer_snapshot) and a churn's reason (customer_spells.reason_category,
 * joined on the spell this file computes itself).
 *
 * Churn (retail, inactivity, window 90 days, as-of 2026-10-01): a spell is a run of completed-order
 * days with gaps of at most 90 days; it churns on its last order day + 90 when that date is not after
 * the as-of date. Active at d: a spell with spell_start <= d and churn date after d (none: still
 * active). Churned in [start, end): active at start and churn date before end. Lost revenue of a
 * churner: completed-order amount of the 365 days ending on the spell's last order day (the metric's
 * description says "流失前 12 个月", read as the 12 months of activity before going quiet).
 */

import type { Reference } from '../reference-runner.ts';

export const AS_OF = '2026-10-01';

export type { Reference };

export type Range = readonly [string, string];
export const Q3: Range = ['2026-07-01', '2026-10-01'];
export const Q2: Range = ['2026-04-01', '2026-07-01'];
export const Q3_LY: Range = ['2025-07-01', '2025-10-01'];
export const YTD: Range = ['2026-01-01', '2026-10-01'];
export const SEP: Range = ['2026-09-01', '2026-10-01'];
export const AUG: Range = ['2026-08-01', '2026-09-01'];
const SEP_LY: Range = ['2025-09-01', '2025-10-01'];
export const Y2025: Range = ['2025-01-01', '2026-01-01'];
export const H1: Range = ['2026-01-01', '2026-07-01'];
export const LAST_12_MONTHS: Range = ['2025-10-01', '2026-10-01'];
export const LAST_8_QUARTERS: Range = ['2024-10-01', '2026-10-01'];
export const MONEY = 0.005;

/** One period, or consecutive periods of a grain, as `periods(ps, pe)`. */
export const one = ([s, e]: Range) => `periods AS (SELECT DATE '${s}' AS ps, DATE '${e}' AS pe)`;
export const every = ([s, e]: Range, grain: 'MONTH' | 'QUARTER') =>
  `periods AS (SELECT CAST(r.range AS DATE) AS ps, CAST(r.range + INTERVAL 1 ${grain} AS DATE) AS pe
     FROM range(DATE '${s}', DATE '${e}', INTERVAL 1 ${grain}) r)`;
const PERIOD = `strftime(p.ps, '%Y-%m-%d')`;

/** Spells from completed orders, with each spell's trailing revenue. */
export const SPELLS = `
orders_done AS (SELECT customer_id, CAST(order_ts AS DATE) AS d, amount FROM orders WHERE status = 'completed'),
order_days AS (SELECT DISTINCT customer_id, d FROM orders_done),
gaps AS (SELECT customer_id, d, lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS prev FROM order_days),
numbered AS (
  SELECT customer_id, d,
         sum(CASE WHEN prev IS NULL OR d - prev > 90 THEN 1 ELSE 0 END)
           OVER (PARTITION BY customer_id ORDER BY d) AS spell_no
  FROM gaps),
spells AS (
  SELECT customer_id, spell_no, min(d) AS spell_start, max(d) AS last_day,
         CASE WHEN max(d) + 90 <= DATE '${AS_OF}' THEN max(d) + 90 END AS churn_date
  FROM numbered GROUP BY customer_id, spell_no),
spells_rev AS (
  SELECT s.*, (SELECT coalesce(sum(o.amount), 0) FROM orders_done o
               WHERE o.customer_id = s.customer_id AND o.d > s.last_day - 365 AND o.d <= s.last_day) AS trailing_revenue
  FROM spells s)`;

/** Customers active at each period's start, whether they churned in it, with their attributes. */
const POPULATION = `
pop AS (
  SELECT p.ps, p.pe, s.customer_id, s.spell_no, s.trailing_revenue,
         (s.churn_date IS NOT NULL AND s.churn_date < p.pe) AS churned
  FROM periods p JOIN spells_rev s
    ON s.spell_start <= p.ps AND (s.churn_date IS NULL OR s.churn_date > p.ps)),
popx AS (
  SELECT pop.*, c.region, c.city, c.customer_type, c.gender, c.acquisition_channel,
         cs.value_tier, cs.age, cs.coupon_user, cs.main_sales_channel, sp.reason_category AS churn_reason
  FROM pop JOIN customers c USING (customer_id)
  JOIN customer_snapshot cs USING (customer_id)
  LEFT JOIN customer_spells sp ON sp.customer_id = pop.customer_id AND sp.spell_no = pop.spell_no)`;

export const CHURNED = 'count(DISTINCT customer_id) FILTER (WHERE churned)';
const ACTIVE = 'count(DISTINCT customer_id)';
export const RATE = `${CHURNED} * 1.0 / ${ACTIVE}`;
export const LOST = 'coalesce(sum(trailing_revenue) FILTER (WHERE churned), 0)';

/** A churn-family query: `select` over popx (columns p.ps etc. are in popx as ps). */
export function churnSql(periods: string, select: string, where = 'TRUE', group = '', tail = ''): string {
  return `WITH ${periods}, ${SPELLS}, ${POPULATION}
SELECT ${select} FROM popx WHERE ${where}${group ? ` GROUP BY ${group}` : ''} ${tail}`;
}

/** Completed orders in a range with customer attributes. */
export function ordersSql(range: Range, select: string, where = 'TRUE', group = '', tail = ''): string {
  return `WITH o AS (
  SELECT o.*, c.region, c.customer_type, c.gender, cs.value_tier
  FROM orders o JOIN customers c USING (customer_id) JOIN customer_snapshot cs USING (customer_id)
  WHERE o.status = 'completed' AND o.order_ts >= TIMESTAMP '${range[0]}' AND o.order_ts < TIMESTAMP '${range[1]}')
SELECT ${select} FROM o WHERE ${where}${group ? ` GROUP BY ${group}` : ''} ${tail}`;
}

/** Revenue ÷ customers active at the start, per group (`key` a column of both o and popx). */
export function revenuePerCustomerSql(range: Range, key: string, clv: boolean, overall = false): string {
  const k = overall ? "'all'" : key;
  const bare = k.replace(/^\w+\./, '');
  const value = clv
    ? `a.revenue / a.active * 0.3 * (1 - a.rate) / (1 + 0.025 - (1 - a.rate))`
    : 'a.revenue / a.active';
  return `WITH ${one(range)}, ${SPELLS}, ${POPULATION},
act AS (SELECT ${bare} AS k, ${ACTIVE} AS active, ${RATE} AS rate FROM popx GROUP BY ${bare}),
rev AS (
  SELECT ${k} AS k, sum(o.amount) AS revenue
  FROM orders o JOIN customers c USING (customer_id) JOIN customer_snapshot cs USING (customer_id)
  WHERE o.status = 'completed' AND o.order_ts >= TIMESTAMP '${range[0]}' AND o.order_ts < TIMESTAMP '${range[1]}'
  GROUP BY ${k}),
a AS (SELECT act.k, act.active, act.rate, rev.revenue FROM act JOIN rev USING (k))
SELECT ${overall ? '' : `a.k AS ${bare}, `}${value} AS ${clv ? 'clv' : 'revenue_per_customer'} FROM a`;
}

/** Repeat purchase rate in a range: buyers with ≥ 2 completed orders ÷ buyers, per group. */
export function repeatSql(range: Range, key: string | null, where = 'TRUE'): string {
  const k = key ? `${key}, ` : '';
  return `WITH o AS (
  SELECT o.customer_id, o.category, c.gender
  FROM orders o JOIN customers c USING (customer_id)
  WHERE o.status = 'completed' AND o.order_ts >= TIMESTAMP '${range[0]}' AND o.order_ts < TIMESTAMP '${range[1]}' AND ${where}),
per AS (SELECT ${k}customer_id, count(*) AS n FROM o GROUP BY ${k}customer_id)
SELECT ${k}count(*) FILTER (WHERE n >= 2) * 1.0 / count(*) AS repeat_purchase_rate FROM per${key ? ` GROUP BY ${key}` : ''}`;
}

export function ticketsSql(range: Range, select: string, where = 'TRUE', group = ''): string {
  return `WITH t AS (
  SELECT t.*, t.category AS ticket_category FROM tickets t
  WHERE t.created_ts >= TIMESTAMP '${range[0]}' AND t.created_ts < TIMESTAMP '${range[1]}')
SELECT ${select} FROM t WHERE ${where}${group ? ` GROUP BY ${group}` : ''}`;
}

export const HOURS = 'avg(epoch(resolved_ts - created_ts) / 3600.0) FILTER (WHERE resolved_ts IS NOT NULL)';
export const FCR = 'avg(CASE WHEN coalesce(first_contact_resolved, FALSE) THEN 1.0 ELSE 0.0 END)';

/** Complaint rate: customers active at the start with a ticket in the period ÷ active at the start. */
export function complaintSql(range: Range, key: string, where = 'TRUE'): string {
  return `WITH ${one(range)}, ${SPELLS}, ${POPULATION},
flag AS (
  SELECT popx.*, EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = popx.customer_id
    AND t.created_ts >= TIMESTAMP '${range[0]}' AND t.created_ts < TIMESTAMP '${range[1]}') AS complained
  FROM popx)
SELECT ${key}, count(DISTINCT customer_id) FILTER (WHERE complained) * 1.0 / count(DISTINCT customer_id) AS complaint_rate
FROM flag WHERE ${where} GROUP BY ${key}`;
}

export function feedbackSql(periods: string, select: string, where = 'TRUE', byPeriod = false): string {
  return `WITH ${periods}
SELECT ${byPeriod ? `${PERIOD} AS period, ` : ''}${select}
FROM periods p JOIN feedback f ON f.ts >= p.ps AND f.ts < p.pe WHERE ${where}${byPeriod ? ' GROUP BY p.ps' : ''}`;
}
export const NPS =
  '(count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) * 100.0 / count(*) FILTER (WHERE nps IS NOT NULL)';

export function winbackSql(range: Range, select: string, group = ''): string {
  return `WITH m AS (
  SELECT m.*, c.region FROM communications m JOIN customers c USING (customer_id)
  WHERE m.sent_ts >= TIMESTAMP '${range[0]}' AND m.sent_ts < TIMESTAMP '${range[1]}')
SELECT ${select} FROM m${group ? ` GROUP BY ${group}` : ''}`;
}
export const WB_CONTACTED =
  "count(DISTINCT customer_id) FILTER (WHERE action_id = 'winback_offer' AND status IN ('sent', 'delivered'))";
export const WB_RETURNED =
  "count(DISTINCT customer_id) FILTER (WHERE action_id = 'winback_offer' AND status IN ('sent', 'delivered') AND outcome = 'returned')";
const ACTION_RETURN =
  "count(DISTINCT customer_id) FILTER (WHERE outcome IN ('returned', 'saved')) * 1.0 / count(DISTINCT customer_id)";

/** Reactivations: spells after the first that start in the period. */
function reactivatedSql(periods: string, byPeriod: boolean): string {
  return `WITH ${periods}, ${SPELLS}
SELECT ${byPeriod ? `${PERIOD} AS period, ` : ''}count(DISTINCT s.customer_id) AS reactivated_customers
FROM periods p JOIN spells s ON s.spell_no > 1 AND s.spell_start >= p.ps AND s.spell_start < p.pe
${byPeriod ? 'GROUP BY p.ps' : ''}`;
}

export function newCustomersSql(periods: string, where = 'TRUE', key = '', byPeriod = false): string {
  const cols = [byPeriod ? `${PERIOD} AS period` : '', key].filter(Boolean);
  const group = [byPeriod ? 'p.ps' : '', key].filter(Boolean).join(', ');
  return `WITH ${periods}
SELECT ${cols.length ? `${cols.join(', ')}, ` : ''}count(DISTINCT c.customer_id) AS new_customers
FROM periods p JOIN customers c ON c.signup_date >= p.ps AND c.signup_date < p.pe
WHERE ${where}${group ? ` GROUP BY ${group}` : ''}`;
}

/** Telco: customers joined to their attributes. */
export function telcoSql(select: string, where = 'TRUE', group = '', tail = ''): string {
  return `SELECT ${select} FROM customers c JOIN customer_attributes a USING (customer_id)
WHERE ${where}${group ? ` GROUP BY ${group}` : ''} ${tail}`;
}
export const T_CHURNED = 'count(DISTINCT c.customer_id) FILTER (WHERE c.churn_label)';
export const T_RATE = `${T_CHURNED} * 1.0 / count(DISTINCT c.customer_id)`;

/** Per-customer attributes as of the as-of date, computed from the canonical tables. */
const PER_CUSTOMER = `
WITH o AS (SELECT customer_id, CAST(order_ts AS DATE) AS d, amount FROM orders WHERE status = 'completed'),
pc AS (
  SELECT c.customer_id,
    (SELECT count(*) FROM o WHERE o.customer_id = c.customer_id AND o.d >= DATE '${AS_OF}' - 365) AS orders_12m,
    (SELECT coalesce(sum(amount), 0) FROM o WHERE o.customer_id = c.customer_id AND o.d >= DATE '${AS_OF}' - 365) AS spend_12m,
    DATE '${AS_OF}' - (SELECT max(d) FROM o WHERE o.customer_id = c.customer_id) AS recency_days,
    (SELECT count(*) FROM tickets t WHERE t.customer_id = c.customer_id
       AND t.created_ts >= TIMESTAMP '${AS_OF}' - INTERVAL 90 DAY) AS tickets_90d
  FROM customers c)`;

export const r = (model: Reference['model'], by: string[], sql: string, extra: Partial<Reference> = {}) => ({
  model,
  by,
  sql,
  ...extra,
});

export const REFERENCES: Record<string, Reference> = {
  // ── CFO (zh) ─────────────────────────────────────────────────────────────────────────────
  'b2-cfo-01': r('retail', [], churnSql(one(Q3), `${LOST} AS lost_revenue`), { tolerance: MONEY }),
  'b2-cfo-02': r('retail', [], churnSql(one(YTD), `${LOST} AS lost_revenue`), { tolerance: MONEY }),
  'b2-cfo-03': r(
    'retail',
    ['region'],
    churnSql(one(Q3), `region, ${LOST} AS lost_revenue`, 'TRUE', 'region'),
    {
      tolerance: MONEY,
    },
  ),
  'b2-cfo-04': r(
    'retail',
    ['value_tier'],
    churnSql(one(Q3), `value_tier, ${LOST} AS lost_revenue`, 'TRUE', 'value_tier', 'ORDER BY 2 DESC'),
    { ordered: true, tolerance: MONEY },
  ),
  'b2-cfo-05': r(
    'retail',
    [],
    `SELECT (${ordersSql(Q3, 'sum(amount)')}) AS revenue, (${ordersSql(Q3_LY, 'sum(amount)')}) AS revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-cfo-06': r(
    'retail',
    [],
    `SELECT (${ordersSql(SEP, 'sum(amount)')}) AS revenue, (${ordersSql(AUG, 'sum(amount)')}) AS revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-cfo-07': r('retail', [], ordersSql(Y2025, 'sum(amount) AS revenue'), { tolerance: MONEY }),
  'b2-cfo-08': r('retail', [], ordersSql(H1, 'sum(amount) / count(*) AS avg_order_value'), {
    tolerance: MONEY,
  }),
  'b2-cfo-09': r(
    'retail',
    ['period'],
    `WITH ${every(LAST_8_QUARTERS, 'QUARTER')}
SELECT ${PERIOD} AS period, sum(o.amount) AS revenue
FROM periods p JOIN orders o ON o.status = 'completed' AND o.order_ts >= p.ps AND o.order_ts < p.pe GROUP BY p.ps`,
    { rows: true, tolerance: MONEY },
  ),
  'b2-cfo-10': r(
    'retail',
    [],
    churnSql(one(Q3), `${CHURNED} AS churned_customers, ${LOST} AS lost_revenue`, "value_tier = 'high'"),
    { tolerance: MONEY },
  ),
  'b2-cfo-11': r('retail', [], revenuePerCustomerSql(Q3, 'c.customer_type', true, true), {
    tolerance: MONEY,
  }),
  'b2-cfo-12': r('retail', ['customer_type'], revenuePerCustomerSql(Q3, 'c.customer_type', false), {
    rows: true,
    tolerance: MONEY,
  }),
  'b2-cfo-13': r(
    'retail',
    [],
    `SELECT (${churnSql(one(['2025-07-01', '2026-01-01']), LOST)}) AS lost_revenue,
            (${churnSql(one(['2025-01-01', '2025-07-01']), LOST)}) AS lost_revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-cfo-14': r(
    'retail',
    ['city'],
    churnSql(one(Q3), `city, ${LOST} AS lost_revenue`, 'TRUE', 'city', 'ORDER BY 2 DESC LIMIT 5'),
    { ordered: true, rows: true, tolerance: MONEY },
  ),
  'b2-cfo-15': r(
    'retail',
    ['period'],
    churnSql(
      every(LAST_12_MONTHS, 'MONTH'),
      `strftime(ps, '%Y-%m-%d') AS period, ${LOST} AS lost_revenue`,
      'TRUE',
      'ps',
    ),
    { rows: true, tolerance: MONEY },
  ),
  'b2-cfo-20': r(
    'retail',
    [],
    `SELECT (${churnSql(one(Q2), RATE)}) AS churn_rate, (${churnSql(one(['2026-01-01', '2026-04-01']), RATE)}) AS churn_rate__previous`,
  ),
  'b2-cfo-21': r('retail', [], reactivatedSql(one(YTD), false)),
  'b2-cfo-22': r('retail', [], ordersSql(['2026-07-03', '2026-10-01'], 'count(*) AS orders')),
  'b2-cfo-24': r('retail', [], ordersSql(Y2025, 'sum(amount) AS revenue', "customer_type = 'B2B'"), {
    tolerance: MONEY,
  }),
  'b2-cfo-25': r('telco', [], telcoSql('sum(a.total_revenue) AS total_revenue'), { tolerance: MONEY }),
  'b2-cfo-26': r(
    'telco',
    ['contract'],
    telcoSql('a.contract, avg(a.monthly_charges) AS avg_monthly_charges', 'TRUE', 'a.contract'),
    { rows: true },
  ),
  'b2-cfo-27': r(
    'telco',
    ['payment_method'],
    telcoSql('a.payment_method, avg(a.cltv) AS avg_cltv', 'TRUE', 'a.payment_method'),
    {
      rows: true,
    },
  ),
  'b2-cfo-28': r(
    'telco',
    ['internet_service'],
    telcoSql(`a.internet_service, ${T_RATE} AS churn_rate`, 'TRUE', 'a.internet_service', 'ORDER BY 2 DESC'),
    { ordered: true, rows: true },
  ),
  'b2-cfo-29': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`)),
  'b2-cfo-30': r(
    'telco',
    ['city'],
    telcoSql('c.city, sum(a.total_revenue) AS total_revenue', 'TRUE', 'c.city', 'ORDER BY 2 DESC LIMIT 3'),
    { ordered: true, rows: true, tolerance: MONEY },
  ),
  'b2-cfo-31': r(
    'telco',
    [],
    telcoSql('avg(a.monthly_charges) AS avg_monthly_charges', "a.contract = 'Two year'"),
  ),

  // ── customer-success lead (en) ───────────────────────────────────────────────────────────
  'b2-cs-01': r('retail', [], winbackSql(YTD, `${WB_RETURNED} * 1.0 / ${WB_CONTACTED} AS winback_rate`)),
  'b2-cs-02': r('retail', [], winbackSql(Q3, `${WB_CONTACTED} AS winback_contacted`)),
  'b2-cs-03': r('retail', [], winbackSql(Q3, `${WB_RETURNED} AS winback_returned`)),
  'b2-cs-04': r(
    'retail',
    ['region'],
    `SELECT * FROM (${winbackSql(Y2025, `region, ${WB_RETURNED} * 1.0 / nullif(${WB_CONTACTED}, 0) AS winback_rate`, 'region')}) WHERE winback_rate IS NOT NULL`,
  ),
  'b2-cs-05': r('retail', ['period'], reactivatedSql(every(YTD, 'MONTH'), true)),
  'b2-cs-10': r(
    'retail',
    ['churn_reason'],
    churnSql(one(Q3), `churn_reason, ${CHURNED} AS churned_customers`, 'churned', 'churn_reason'),
    { rows: true },
  ),
  'b2-cs-11': r(
    'retail',
    [],
    churnSql(one(Q3), `${CHURNED} AS churned_customers`, "churn_reason = 'silent'"),
  ),
  'b2-cs-12': r(
    'retail',
    ['risk_tier'],
    'SELECT risk_tier, count(DISTINCT customer_id) AS at_risk_customers FROM customer_snapshot WHERE at_risk GROUP BY risk_tier',
    { rows: true },
  ),
  'b2-cs-13': r(
    'retail',
    [],
    'SELECT count(DISTINCT customer_id) AS at_risk_customers FROM customer_snapshot WHERE at_risk',
  ),
  'b2-cs-15': r(
    'retail',
    ['message_group'],
    winbackSql(
      Q3,
      `CASE WHEN status = 'held_out' THEN 'control' ELSE 'treated' END AS message_group, ${ACTION_RETURN} AS action_return_rate`,
      '1',
    ),
    { rows: true },
  ),
  'b2-cs-16': r(
    'retail',
    ['retention_action'],
    winbackSql(Q3, `action_id AS retention_action, ${ACTION_RETURN} AS action_return_rate`, 'action_id'),
    { rows: true },
  ),
  'b2-cs-17': r('retail', [], churnSql(one(Q3), `${RATE} AS churn_rate`, "value_tier = 'high'")),
  'b2-cs-18': r('retail', [], churnSql(one(Q3_LY), `${RATE} AS churn_rate`, "value_tier = 'high'")),
  'b2-cs-22': r(
    'retail',
    ['period'],
    feedbackSql(every(LAST_12_MONTHS, 'MONTH'), 'avg(f.csat) AS csat', 'TRUE', true),
    { rows: true },
  ),
  'b2-cs-23': r(
    'retail',
    [],
    `SELECT (${feedbackSql(one(Q3), NPS)}) AS nps, (${feedbackSql(one(Q2), NPS)}) AS nps__previous`,
  ),
  'b2-cs-24': r(
    'retail',
    [],
    churnSql(one(Q2), `${CHURNED} AS churned_customers`, "main_sales_channel = 'app'"),
  ),
  'b2-cs-27': r(
    'telco',
    ['contract'],
    telcoSql(`a.contract, ${T_RATE} AS churn_rate`, 'TRUE', 'a.contract'),
    {
      rows: true,
    },
  ),
  'b2-cs-29': r(
    'telco',
    [],
    telcoSql(`${T_CHURNED} AS churned_customers`, "a.churn_category = 'Competitor'"),
  ),
  'b2-cs-30': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, "a.online_security = 'No'")),

  // ── marketing manager (zh) ───────────────────────────────────────────────────────────────
  'b2-mkt-01': r('retail', [], newCustomersSql(one(SEP))),
  'b2-mkt-02': r(
    'retail',
    ['acquisition_channel'],
    newCustomersSql(one(YTD), 'TRUE', 'c.acquisition_channel'),
    {
      rows: true,
    },
  ),
  'b2-mkt-03': r(
    'retail',
    [],
    churnSql(one(Q3), `${RATE} AS churn_rate`, "acquisition_channel = 'live_stream'"),
  ),
  'b2-mkt-04': r(
    'retail',
    ['acquisition_channel'],
    churnSql(
      one(Q3),
      `acquisition_channel, ${RATE} AS churn_rate`,
      "acquisition_channel IN ('social', 'referral')",
      'acquisition_channel',
    ),
    { rows: true },
  ),
  'b2-mkt-05': r(
    'retail',
    ['coupon_user'],
    churnSql(one(Q3), `coupon_user, ${RATE} AS churn_rate`, 'TRUE', 'coupon_user'),
    {
      rows: true,
    },
  ),
  'b2-mkt-06': r(
    'retail',
    [],
    'SELECT count(DISTINCT customer_id) AS customers FROM customer_snapshot WHERE coupon_user',
  ),
  'b2-mkt-08': r(
    'retail',
    ['period'],
    newCustomersSql(every(LAST_12_MONTHS, 'MONTH'), "c.acquisition_channel = 'paid_search'", '', true),
  ),
  'b2-mkt-10': r('retail', [], ordersSql(['2025-11-01', '2025-12-01'], 'sum(amount) AS revenue'), {
    tolerance: MONEY,
  }),
  'b2-mkt-11': r('retail', [], repeatSql(YTD, null, "o.category = '美妆'")),
  'b2-mkt-12': r(
    'retail',
    ['category'],
    ordersSql(Q3, 'category, sum(amount) AS revenue', 'TRUE', 'category', 'ORDER BY 2 DESC'),
    { ordered: true, rows: true, tolerance: MONEY },
  ),
  'b2-mkt-13': r(
    'retail',
    ['sales_channel'],
    ordersSql(
      Q3,
      'sales_channel, sum(amount) / count(*) AS avg_order_value',
      "sales_channel IN ('store', 'online')",
      'sales_channel',
    ),
    { rows: true, tolerance: MONEY },
  ),
  'b2-mkt-14': r('retail', [], churnSql(one(Q3), `${RATE} AS churn_rate`, 'age < 25')),
  'b2-mkt-15': r('retail', ['gender'], repeatSql(Q3, 'gender', "c.gender IN ('female', 'male')"), {
    rows: true,
  }),
  'b2-mkt-16': r(
    'retail',
    [],
    feedbackSql(one(Q3), "count(*) FILTER (WHERE f.sentiment = 'negative') AS negative_feedback"),
  ),
  'b2-mkt-17': r(
    'retail',
    [],
    `SELECT (${newCustomersSql(one(Q3), "c.acquisition_channel = 'live_stream'")}) AS new_customers,
            (${newCustomersSql(one(Q2), "c.acquisition_channel = 'live_stream'")}) AS new_customers__previous`,
  ),
  'b2-mkt-20': r(
    'retail',
    ['acquisition_channel'],
    churnSql(one(YTD), `acquisition_channel, ${RATE} AS churn_rate`, 'TRUE', 'acquisition_channel'),
    { rows: true },
  ),
  'b2-mkt-21': r(
    'retail',
    [],
    churnSql(one(Q3), `${RATE} AS churn_rate`, "acquisition_channel = 'social' AND value_tier = 'high'"),
  ),
  'b2-mkt-23': r(
    'retail',
    ['acquisition_channel'],
    churnSql(
      one(Q3),
      `acquisition_channel, ${RATE} AS churn_rate`,
      'TRUE',
      'acquisition_channel',
      'ORDER BY 2 DESC',
    ),
    { ordered: true, rows: true },
  ),
  'b2-mkt-26': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, "a.payment_method = 'Electronic check'")),
  'b2-mkt-27': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, 'a.paperless_billing')),
  'b2-mkt-28': r(
    'telco',
    ['senior_citizen'],
    telcoSql('a.senior_citizen, count(DISTINCT c.customer_id) AS customers', 'TRUE', 'a.senior_citizen'),
    { rows: true },
  ),
  'b2-mkt-29': r(
    'telco',
    ['gender'],
    telcoSql(`lower(c.gender) AS gender, ${T_RATE} AS churn_rate`, 'TRUE', 'lower(c.gender)'),
    { rows: true },
  ),
  'b2-mkt-30': r(
    'telco',
    [],
    telcoSql('count(DISTINCT c.customer_id) AS customers', "a.contract = 'Month-to-month'"),
  ),
  'b2-mkt-31': r('retail', [], `${PER_CUSTOMER} SELECT count(*) AS customers FROM pc WHERE orders_12m > 10`),

  // ── HK/TW operations manager (traditional Chinese) ───────────────────────────────────────
  'b2-hk-01': r('retail', [], ticketsSql(SEP, 'count(*) AS tickets')),
  'b2-hk-02': r('retail', [], ticketsSql(Q3, `${HOURS} AS avg_resolution_hours`)),
  'b2-hk-03': r('retail', ['region'], complaintSql(Q3, 'region'), { rows: true }),
  'b2-hk-04': r('retail', [], ticketsSql(Q3, `${FCR} AS first_contact_resolution_rate`)),
  'b2-hk-05': r(
    'retail',
    ['period'],
    `WITH ${every(LAST_12_MONTHS, 'MONTH')}
SELECT ${PERIOD} AS period, count(*) AS tickets
FROM periods p JOIN tickets t ON t.created_ts >= p.ps AND t.created_ts < p.pe AND t.category = 'logistics' GROUP BY p.ps`,
    { rows: true },
  ),
  'b2-hk-06': r(
    'retail',
    ['region'],
    churnSql(one(Q3), `region, ${RATE} AS churn_rate`, 'TRUE', 'region', 'ORDER BY 2 DESC'),
    { rows: true },
  ),
  'b2-hk-07': r(
    'retail',
    ['region'],
    churnSql(one(Q3), `region, ${RATE} AS churn_rate`, "region IN ('华南', '华东')", 'region'),
    { rows: true },
  ),
  'b2-hk-08': r('retail', [], churnSql(one(YTD), `${CHURNED} AS churned_customers`)),
  'b2-hk-09': r(
    'retail',
    ['ticket_category'],
    ticketsSql(SEP, 'ticket_category, count(*) AS tickets', 'TRUE', 'ticket_category'),
    {
      rows: true,
    },
  ),
  'b2-hk-10': r('retail', [], ticketsSql(Q3, 'count(*) AS tickets', "ticket_category = 'service'")),
  'b2-hk-14': r(
    'retail',
    ['period'],
    feedbackSql(every(LAST_8_QUARTERS, 'QUARTER'), 'avg(f.csat) AS csat', 'TRUE', true),
    { rows: true },
  ),
  'b2-hk-15': r('retail', [], ticketsSql(['2026-09-21', '2026-09-28'], 'count(*) AS tickets')),
  'b2-hk-16': r('retail', [], churnSql(one(Q3), `${CHURNED} AS churned_customers`, "city = '深圳'")),
  'b2-hk-17': r(
    'retail',
    [],
    `SELECT (${churnSql(one(Q3), RATE)}) AS churn_rate, (${churnSql(one(Q3_LY), RATE)}) AS churn_rate__previous`,
  ),
  'b2-hk-19': r('retail', ['region'], complaintSql(Q3, 'region', "customer_type = 'B2B'"), { rows: true }),
  'b2-hk-20': r('retail', [], churnSql(one(Q3_LY), `${RATE} AS churn_rate`)),
  'b2-hk-24': r(
    'telco',
    ['tech_support'],
    telcoSql(`a.tech_support, ${T_RATE} AS churn_rate`, "a.tech_support IN ('Yes', 'No')", 'a.tech_support'),
    { rows: true },
  ),
  'b2-hk-25': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, "a.internet_service = 'Fiber optic'")),
  'b2-hk-26': r('telco', [], telcoSql('avg(a.tenure_months) AS avg_tenure_months')),
  'b2-hk-27': r(
    'telco',
    ['payment_method'],
    telcoSql(
      `a.payment_method, ${T_CHURNED} AS churned_customers`,
      'TRUE',
      'a.payment_method',
      'ORDER BY 2 DESC',
    ),
    { ordered: true, rows: true },
  ),
  'b2-hk-28': r(
    'telco',
    ['satisfaction_score'],
    telcoSql(
      'a.satisfaction_score, count(DISTINCT c.customer_id) AS customers',
      'TRUE',
      'a.satisfaction_score',
    ),
    { rows: true },
  ),
  'b2-hk-29': r(
    'telco',
    [],
    telcoSql('count(DISTINCT c.customer_id) AS customers', 'a.satisfaction_score = 1'),
  ),

  // ── product manager (en, terse) ──────────────────────────────────────────────────────────
  'b2-pm-01': r('retail', [], churnSql(one(Q2), `${RATE} AS churn_rate`)),
  'b2-pm-02': r(
    'retail',
    ['region'],
    `SELECT a.region, a.churn_rate, b.churn_rate AS churn_rate__previous
FROM (${churnSql(one(Q3), `region, ${RATE} AS churn_rate`, 'TRUE', 'region')}) a
JOIN (${churnSql(one(Q2), `region, ${RATE} AS churn_rate`, 'TRUE', 'region')}) b USING (region)`,
    { rows: true },
  ),
  'b2-pm-03': r(
    'retail',
    [],
    `SELECT (${ordersSql(SEP, 'sum(amount) / count(*)')}) AS avg_order_value,
            (${ordersSql(SEP_LY, 'sum(amount) / count(*)')}) AS avg_order_value__previous`,
    { tolerance: MONEY },
  ),
  'b2-pm-04': r('retail', [], churnSql(one(Q3), `${ACTIVE} AS active_customers`)),
  'b2-pm-05': r('retail', ['category'], repeatSql(H1, 'category'), { rows: true }),
  'b2-pm-06': r('retail', [], churnSql(one(YTD), `1 - ${RATE} AS retention_rate`)),
  'b2-pm-07': r(
    'retail',
    ['city'],
    churnSql(one(Q3), `city, ${CHURNED} AS churned_customers`, 'TRUE', 'city', 'ORDER BY 2 DESC LIMIT 3'),
    { rows: true },
  ),
  'b2-pm-09': r('retail', ['value_tier'], revenuePerCustomerSql(Q3, 'cs.value_tier', true), {
    rows: true,
    tolerance: MONEY,
  }),
  'b2-pm-10': r(
    'retail',
    [],
    ticketsSql(['2026-07-03', '2026-10-01'], `${FCR} AS first_contact_resolution_rate`),
  ),
  'b2-pm-11': r(
    'retail',
    ['ticket_category'],
    ticketsSql(
      ['2026-07-01', '2026-08-01'],
      'ticket_category, count(*) AS tickets',
      'TRUE',
      'ticket_category',
    ),
    { rows: true },
  ),
  'b2-pm-15': r(
    'retail',
    ['customer_type'],
    churnSql(one(Q3), `customer_type, ${RATE} AS churn_rate`, 'TRUE', 'customer_type'),
    { rows: true },
  ),
  'b2-pm-16': r('retail', [], churnSql(one(Q3), `${RATE} AS churn_rate`, 'age >= 35 AND age < 45')),
  'b2-pm-17': r('retail', [], `${PER_CUSTOMER} SELECT count(*) AS customers FROM pc WHERE tickets_90d > 3`),
  'b2-pm-18': r(
    'retail',
    [],
    `${PER_CUSTOMER} SELECT count(*) AS customers FROM pc WHERE spend_12m > 10000 AND recency_days > 60`,
  ),
  'b2-pm-20': r(
    'retail',
    [],
    `SELECT (${ordersSql(SEP, 'sum(amount)')}) AS revenue, (${ordersSql(SEP_LY, 'sum(amount)')}) AS revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-pm-23': r(
    'retail',
    ['lifecycle_stage'],
    'SELECT lifecycle_stage, count(DISTINCT customer_id) AS customers FROM customer_snapshot GROUP BY lifecycle_stage',
    { rows: true },
  ),
  'b2-pm-25': r('retail', [], ticketsSql(SEP, `${HOURS} AS avg_resolution_hours`)),
  'b2-pm-26': r(
    'telco',
    ['tenure_band'],
    telcoSql(
      `CASE WHEN a.tenure_months < 12 THEN '0-12m' WHEN a.tenure_months < 24 THEN '12-24m'
            WHEN a.tenure_months < 48 THEN '24-48m' ELSE '48m+' END AS tenure_band, ${T_RATE} AS churn_rate`,
      'TRUE',
      '1',
    ),
    { rows: true },
  ),
  'b2-pm-27': r(
    'telco',
    ['senior_citizen'],
    telcoSql('a.senior_citizen, avg(a.monthly_charges) AS avg_monthly_charges', 'TRUE', 'a.senior_citizen'),
    { rows: true },
  ),
  'b2-pm-29': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, "c.city = 'San Francisco'")),
  'b2-pm-30': r(
    'telco',
    [],
    telcoSql(`${T_RATE} AS churn_rate`, "a.contract = 'Two year' AND a.internet_service = 'Fiber optic'"),
  ),
  'b2-pm-31': r(
    'telco',
    ['churn_category'],
    telcoSql('a.churn_category, avg(a.cltv) AS avg_cltv', 'TRUE', 'a.churn_category'),
    {
      rows: true,
    },
  ),
  'b2-pm-32': r(
    'telco',
    [],
    telcoSql(`${T_CHURNED} AS churned_customers`, "a.churn_reason = 'Price too high'"),
  ),

  // ── new employee (zh) ────────────────────────────────────────────────────────────────────
  'b2-new-01': r('retail', [], churnSql(one(Q3), `${RATE} AS churn_rate`)),
  'b2-new-03': r('retail', [], 'SELECT count(DISTINCT customer_id) AS customers FROM customers'),
  'b2-new-06': r(
    'retail',
    [],
    "SELECT count(DISTINCT customer_id) AS customers FROM customer_snapshot WHERE rfm_segment = 'hibernating'",
  ),
  'b2-new-07': r('retail', ['region'], churnSql(one(Q3), `region, ${RATE} AS churn_rate`, 'TRUE', 'region'), {
    rows: true,
  }),
  'b2-new-09': r(
    'retail',
    [],
    `SELECT (${ordersSql(SEP, 'sum(amount)')}) AS revenue, (${ordersSql(AUG, 'sum(amount)')}) AS revenue__previous`,
    { tolerance: MONEY },
  ),
  'b2-new-10': r(
    'retail',
    ['acquisition_channel'],
    `${newCustomersSql(one(YTD), 'TRUE', 'c.acquisition_channel')} ORDER BY new_customers DESC`,
    { ordered: true, rows: true },
  ),
  'b2-new-13': r(
    'retail',
    [],
    ordersSql(
      Q3,
      'count(*) AS repeat_buyers FROM (SELECT customer_id',
      'TRUE',
      'customer_id HAVING count(*) >= 2)',
    ),
  ),
  'b2-new-14': r('retail', [], churnSql(one(Q3), `${CHURNED} AS churned_customers`, "region = '东北'")),
  'b2-new-15': r('retail', [], ordersSql(Q3, 'count(DISTINCT customer_id) AS buyers')),
  'b2-new-16': r(
    'retail',
    [],
    ordersSql(Q3, 'count(*) * 1.0 / count(DISTINCT customer_id) AS purchase_frequency'),
  ),
  'b2-new-19': r(
    'retail',
    ['city'],
    'SELECT city, count(DISTINCT customer_id) AS customers FROM customers GROUP BY city',
    { rows: true },
  ),
  'b2-new-20': r('retail', [], repeatSql(SEP, null)),
  'b2-new-21': r('retail', ['gender'], churnSql(one(Q3), `gender, ${RATE} AS churn_rate`, 'TRUE', 'gender'), {
    rows: true,
  }),
  'b2-new-24': r(
    'retail',
    ['period'],
    churnSql(
      every(LAST_12_MONTHS, 'MONTH'),
      `strftime(ps, '%Y-%m-%d') AS period, ${RATE} AS churn_rate`,
      'TRUE',
      'ps',
    ),
    { rows: true },
  ),
  'b2-new-26': r(
    'retail',
    ['category'],
    ordersSql(Q3, 'category, sum(amount) AS revenue', 'TRUE', 'category', 'ORDER BY 2 DESC LIMIT 3'),
    { ordered: true, rows: true, tolerance: MONEY },
  ),
  'b2-new-27': r('telco', [], telcoSql('count(DISTINCT c.customer_id) AS customers')),
  'b2-new-29': r(
    'telco',
    ['contract'],
    telcoSql(`a.contract, ${T_CHURNED} AS churned_customers`, 'TRUE', 'a.contract'),
    { rows: true },
  ),
  'b2-new-30': r('telco', [], telcoSql(`${T_RATE} AS churn_rate`, 'a.senior_citizen')),
  'b2-new-31': r(
    'telco',
    ['internet_service'],
    telcoSql(`a.internet_service, ${T_RATE} AS churn_rate`, 'TRUE', 'a.internet_service'),
    { rows: true },
  ),
};
