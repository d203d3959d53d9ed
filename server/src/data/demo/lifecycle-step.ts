/**
 * Step 2: who churns when, planted in churn-date space. For every customer-quarter a churn date d
 * is drawn in the quarter and kept with probability base hazard × the multipliers of the effects
 * matching at d (`_demo_cand`). Walking those candidates in time gives each customer's active
 * spans (`_demo_span`): orders stop at d − 90 so that the churn date is exactly d; some churners
 * return (win-back), more often after a win-back offer. Pre-churn retention actions can save a
 * candidate (more often when actually delivered than when held out).
 */

import { customerColumns, matchedListSql, multiplierSql, signalEffectSql } from './effect-sql.ts';
import type { Scenario } from './scenario.ts';
import { dateLit, lit } from './sql-helpers.ts';
import { CHURN_WINDOW_DAYS, DEMO_CALENDAR } from './vocabulary.ts';

/** Active spells per customer: churn and return at most twice, the third spell may churn for good. */
const MAX_CYCLES = 3;
/** Share of churn candidates from 2025 on that get a pre-churn retention action. */
const ACTION_SHARE = 0.4;
/** Share of churners from 2025 on who are sent a win-back offer. */
const WINBACK_SHARE = 0.4;
/** Per-quarter probability of two or more long-open tickets (the `unresolved_tickets` behaviour). */
const UNRESOLVED_SHARE = 0.03;
/** Chance that a candidate recovers on its own after an action (treated and held out alike). */
const NATURAL_RECOVERY = 0.12;
/** Extra recovery when the action really reached the customer. */
export const ACTION_UPLIFT: Record<string, number> = {
  account_manager_call: 0.18,
  service_recovery: 0.15,
  shipping_voucher: 0.12,
  price_coupon: 0.12,
  care_message: 0.1,
};
/** Extra return probability after a delivered win-back offer. */
const WINBACK_UPLIFT = 0.12;
/**
 * Share of still-active spells that go quiet before the data ends without churning yet, so that at the
 * as-of date every inactivity warning tier has customers: high-value customers silent 31–60 days,
 * others 61–89 days (churn.yaml `inactive_high_value`, `inactive_other`).
 */
export const QUIET_SHARE = 0.03;
/** First date retention actions are recorded (the product's history starts in 2025). */
export const ACTIONS_FROM = '2025-01-01';

function statusSql(u: string): string {
  return `CASE WHEN ${u} < 0.1 THEN 'held_out' WHEN ${u} < 0.14 THEN 'failed' WHEN ${u} < 0.25 THEN 'sent' ELSE 'delivered' END`;
}

/** SQL for `_demo_quarters` and `_demo_cand`. */
export function candidateSql(scenario: Scenario): string[] {
  const effects = scenario.effects;
  const cols = customerColumns('', { tenureDays: 'tenure', unresolved: 'unresolved' });
  const sigReason = effects.some((e) => e.signal)
    ? `CASE sig_effect ${effects.map((e, i) => (e.signal ? `WHEN ${i} THEN ${lit(e.signal.reason)}` : '')).join(' ')} END`
    : 'NULL';
  const uplift = Object.entries(ACTION_UPLIFT)
    .map(([a, v]) => `WHEN ${lit(a)} THEN ${v}`)
    .join(' ');
  const start = dateLit(DEMO_CALENDAR.dataStart);
  return [
    `CREATE OR REPLACE TABLE _demo_quarters AS
    SELECT q::INTEGER AS q, (${start} + to_months(3 * q))::DATE AS qs,
      (${start} + to_months(3 * q + 3))::DATE - 1 AS qe
    FROM range(0, 11) t(q)`,
    `CREATE OR REPLACE TABLE _demo_cand AS
    WITH grid AS (
      SELECT c.cn, c.signup_date, c.region, c.city, c.primary_cat, c.acquisition_channel, c.pref_channel,
        c.value_tier, c.coupon_user, q.q, q.qs, q.qe,
        greatest(q.qs + floor(rnd(c.cn, q.q, 30) * (q.qe - q.qs + 1))::INTEGER, c.a + ${CHURN_WINDOW_DAYS}) AS d,
        rnd(c.cn, q.q, 31) AS u_churn,
        (c.a <= q.qs - 85 AND rnd(c.cn, q.q, 32) < ${UNRESOLVED_SHARE}) AS unresolved,
        q.qs - c.signup_date AS tenure
      FROM _demo_cust c CROSS JOIN _demo_quarters q
      WHERE c.a IS NOT NULL AND c.a + ${CHURN_WINDOW_DAYS} <= q.qe
    ), scored AS (
      SELECT *, ${multiplierSql(effects, cols, 'd')} AS mult FROM grid WHERE d <= qe
    ), kept AS (
      SELECT *, u_churn < ${scenario.base.quarterly_hazard} * mult AS raw FROM scored
      WHERE unresolved OR u_churn < ${scenario.base.quarterly_hazard} * mult
    ), flagged AS (
      SELECT *, ${sigReason} AS sig_reason
      FROM (SELECT *, ${signalEffectSql(effects, cols, 'd')} AS sig_effect FROM kept)
    ), acted AS (
      SELECT *,
        raw AND d - 60 >= ${dateLit(ACTIONS_FROM)} AND rnd(cn, q, 33) < ${ACTION_SHARE} AS acted,
        CASE
          WHEN value_tier = 'high' AND rnd(cn, q, 34) < 0.6 THEN 'account_manager_call'
          WHEN unresolved OR sig_reason = 'service' THEN 'service_recovery'
          WHEN sig_reason = 'logistics' THEN 'shipping_voucher'
          WHEN sig_reason IN ('price', 'competitor') THEN 'price_coupon'
          ELSE 'care_message' END AS action_kind,
        ${statusSql('rnd(cn, q, 35)')} AS status_kind
      FROM flagged
    ), recovered AS (
      SELECT *, acted AND rnd(cn, q, 36) < ${NATURAL_RECOVERY}
        + CASE WHEN status_kind IN ('sent', 'delivered') THEN CASE action_kind ${uplift} ELSE 0 END ELSE 0 END AS saved
      FROM acted
    )
    SELECT cn, q, qs, d, mult, ${matchedListSql(effects, cols, 'd')} AS matched, sig_effect, sig_reason,
      raw, unresolved, raw AND NOT saved AS churn,
      CASE WHEN acted THEN action_kind END AS action, CASE WHEN acted THEN status_kind END AS action_status, saved
    FROM recovered`,
  ];
}

/** SQL walking the candidates into `_demo_life` (one row per active spell) and `_demo_span`. */
export function lifecycleSql(scenario: Scenario): string[] {
  const end = dateLit(DEMO_CALENDAR.dataEnd);
  const sql = [
    `CREATE OR REPLACE TABLE _demo_life (cn INTEGER, k INTEGER, start DATE, churn_d DATE,
      wb_ts TIMESTAMP, wb_status VARCHAR, return_date DATE)`,
  ];
  for (let k = 1; k <= MAX_CYCLES; k++) {
    const starts =
      k === 1
        ? 'SELECT cn, 1 AS k, a AS start FROM _demo_cust WHERE a IS NOT NULL'
        : `SELECT cn, ${k} AS k, return_date AS start FROM _demo_life WHERE k = ${k - 1} AND return_date IS NOT NULL`;
    sql.push(`INSERT INTO _demo_life
    WITH starts AS (${starts}),
    ch AS (
      SELECT s.cn, s.k, s.start, min(c.d) AS churn_d
      FROM starts s LEFT JOIN _demo_cand c ON c.cn = s.cn AND c.churn AND c.d >= s.start + ${CHURN_WINDOW_DAYS}
      GROUP BY s.cn, s.k, s.start
    ), wb AS (
      SELECT *, churn_d + 14 + floor(rnd(cn, k, 40) * 46)::INTEGER AS wb_day, ${statusSql('rnd(cn, k, 42)')} AS st
      FROM ch
    ), sent AS (
      SELECT *, churn_d IS NOT NULL AND wb_day BETWEEN ${dateLit(ACTIONS_FROM)} AND ${end}
        AND rnd(cn, k, 41) < ${WINBACK_SHARE} AS wb_sent
      FROM wb
    ), ret AS (
      SELECT *, wb_sent AND st IN ('sent', 'delivered') AS treated,
        ${k < MAX_CYCLES} AND churn_d IS NOT NULL AND rnd(cn, k, 43) < ${scenario.base.winback_return_rate}
          + CASE WHEN wb_sent AND st IN ('sent', 'delivered') THEN ${WINBACK_UPLIFT} ELSE 0 END AS returns
      FROM sent
    ), dated AS (
      SELECT *, CASE WHEN NOT returns THEN NULL
        WHEN treated AND rnd(cn, k, 44) < 0.7 THEN wb_day + 2 + floor(rnd(cn, k, 45) * 40)::INTEGER
        ELSE churn_d + 7 + floor(pow(rnd(cn, k, 45), 1.6) * 330)::INTEGER END AS back
      FROM ret
    )
    SELECT cn, k, start, churn_d,
      CASE WHEN wb_sent THEN wb_day + to_seconds((9 + floor(rnd(cn, k, 46) * 11)::INTEGER) * 3600) END,
      CASE WHEN wb_sent THEN st END,
      CASE WHEN back <= ${end} THEN back END
    FROM dated`);
  }
  sql.push(`CREATE OR REPLACE TABLE _demo_span AS
    SELECT l.cn, l.k, l.start, l.churn_d, c.interval_days,
      CASE WHEN l.churn_d IS NOT NULL THEN l.churn_d - ${CHURN_WINDOW_DAYS}
        WHEN rnd(l.cn, l.k, 48) < ${QUIET_SHARE} THEN greatest(l.start, ${end} - CASE WHEN c.value_tier = 'high'
          THEN 31 + floor(rnd(l.cn, l.k, 49) * 30)::INTEGER ELSE 61 + floor(rnd(l.cn, l.k, 49) * 28)::INTEGER END)
        ELSE greatest(l.start, ${end} - floor(rnd(l.cn, l.k, 47) * least(c.interval_days, 30))::INTEGER) END AS stop
    FROM _demo_life l JOIN _demo_cust c USING (cn)`);
  return sql;
}
