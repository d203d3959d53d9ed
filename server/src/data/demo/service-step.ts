/**
 * Service history: the planted churn signals (`_demo_signal`: which churners leave a reason, from
 * which effect), tickets (background ones from orders, late deliveries and scenario data effects;
 * the long-open pairs of the `unresolved_tickets` behaviour; signal tickets before churn), and
 * interactions (browsing before orders, contacts for tickets, outbound retention calls/emails).
 */

import { customerColumns, dataEffectSql, dataSumSql } from './effect-sql.ts';
import type { Scenario } from './scenario.ts';
import { dateLit, lit, normalSql, pickSql } from './sql-helpers.ts';
import { bankBucket, effectBucket, withTextSql } from './text-sql.ts';
import { BACKGROUND_REASONS, CHURN_WINDOW_DAYS, DEMO_CALENDAR } from './vocabulary.ts';

/** Share of churners without a planted cause who still leave a reason (the rest is silent churn). */
const BACKGROUND_SIGNAL_SHARE = 0.3;
const ZH_SHARE = 0.85;

/** SQL creating `_demo_signal` (one row per churn that leaves a ticket and/or feedback). */
export function signalSql(scenario: Scenario): string[] {
  const withSignal = scenario.effects.map((e, i) => ({ e, i })).filter(({ e }) => e.signal);
  const share = withSignal.length
    ? `CASE c.sig_effect ${withSignal.map(({ e, i }) => `WHEN ${i} THEN ${e.signal!.share}`).join(' ')} ELSE 0 END`
    : '0';
  const reason = withSignal.length
    ? `CASE c.sig_effect ${withSignal.map(({ e, i }) => `WHEN ${i} THEN ${lit(e.signal!.reason)}`).join(' ')} END`
    : 'NULL';
  return [
    `CREATE OR REPLACE TABLE _demo_signal AS
    WITH s AS (
      SELECT l.cn, l.k, l.churn_d, c.sig_effect, rnd(l.cn, l.k, 90) < ${share} AS from_effect,
        ${reason} AS effect_reason, rnd(l.cn, l.k, 91) < ${BACKGROUND_SIGNAL_SHARE} AS background
      FROM _demo_life l JOIN _demo_cand c ON c.cn = l.cn AND c.d = l.churn_d
    )
    SELECT cn, k, churn_d, CASE WHEN from_effect THEN sig_effect END AS effect,
      CASE WHEN from_effect THEN effect_reason ELSE ${pickSql('rnd(cn, k, 92)', BACKGROUND_REASONS)} END AS reason,
      rnd(cn, k, 93) < 0.55 AS has_ticket, rnd(cn, k, 94) < 0.5 AS also_feedback
    FROM s WHERE from_effect OR background`,
  ];
}

function langSql(u: string): string {
  return `CASE WHEN ${u} < ${ZH_SHARE} THEN 'zh' ELSE 'en' END`;
}

/** SQL creating `_demo_tk` and filling `tickets`. */
export function ticketSql(scenario: Scenario): string[] {
  const effects = scenario.effects;
  const cols = customerColumns('c');
  const ticketAdd = dataSumSql(
    effects,
    (e) => e.data?.ticket_rate_add,
    cols,
    'o.order_ts::DATE',
    'o.category',
  );
  const addReasons = effects.filter((e) => e.data?.ticket_rate_add);
  const effReason = addReasons.length
    ? `CASE ${addReasons.map((e) => `WHEN ${dataEffectSql(e, cols, 'o.order_ts::DATE', 'o.category')} THEN ${lit(e.signal!.reason)}`).join(' ')} END`
    : 'NULL';
  const maxAdd = effects.reduce((sum, e) => sum + (e.data?.ticket_rate_add ?? 0), 0);
  const asOf = `${dateLit(DEMO_CALENDAR.asOf)}::TIMESTAMP`;
  const bg = pickSql('rnd(key, 0, 84)', BACKGROUND_REASONS);
  return [
    `CREATE OR REPLACE TABLE _demo_tk AS
    WITH candidates AS (
      -- cheap pre-filter: no order can have a ticket probability above this bound
      SELECT * FROM (SELECT order_id, customer_id, order_ts, delivery_days, category, rnd(order_id, 0, 80) AS u
        FROM orders WHERE status = 'completed') WHERE u < ${(0.15 + maxAdd).toFixed(4)}
    ), background AS (
      SELECT c.cn, o.order_id AS key, o.order_ts, o.delivery_days, o.u,
        CASE WHEN o.delivery_days >= 6 THEN 0.12 ELSE 0 END AS p_late,
        ${ticketAdd} AS p_eff, ${effReason} AS eff_reason
      FROM candidates o JOIN _demo_cust c USING (customer_id)
    ), bg_tickets AS (
      SELECT cn, 'T' || substr(key, 2) AS ticket_id, key,
        CASE WHEN u < 0.03 THEN ${bg} WHEN u < 0.03 + p_late THEN 'logistics' ELSE eff_reason END AS category,
        order_ts + to_seconds(floor((delivery_days + 1 + rnd(key, 0, 81) * 6) * 86400)::BIGINT) AS created_ts,
        CASE WHEN rnd(key, 0, 82) < 0.5 THEN 0.5 + rnd(key, 0, 83) * 23.5
          WHEN rnd(key, 0, 82) < 0.8 THEN 24 + rnd(key, 0, 83) * 24
          WHEN rnd(key, 0, 82) < 0.92 THEN 48 + rnd(key, 0, 83) * 24
          WHEN rnd(key, 0, 82) < 0.97 THEN 72 + rnd(key, 0, 83) * 170 END AS hours,
        ${pickSql('rnd(key, 0, 85)', [
          ['low', 20],
          ['normal', 55],
          ['high', 20],
          ['urgent', 5],
        ])} AS priority, 'bg' AS kind, NULL::INTEGER AS effect
      FROM background WHERE u < 0.03 + p_late + p_eff
    ), unresolved AS (
      SELECT c.cn, c.cn || '-' || c.q AS base, unnest(range(2 + (rnd(c.cn, c.q, 86) < 0.3)::INTEGER)) AS j, c.qs
      FROM _demo_cand c JOIN _demo_span s ON s.cn = c.cn AND s.start <= c.qs - 85 AND s.stop >= c.qs - ${CHURN_WINDOW_DAYS}
      WHERE c.unresolved
    ), un_tickets AS (
      SELECT cn, 'TU' || base || '-' || j AS ticket_id, base || '-' || j AS key,
        ${pickSql(`rnd(base, j, 87)`, [
          ['service', 35],
          ['technical', 20],
          ['billing', 15],
          ['product_quality', 15],
          ['logistics', 15],
        ])} AS category,
        (qs - 85 + floor(rnd(base, j, 88) * 75)::INTEGER) + to_seconds(floor(rnd(base, j, 89) * 86400)::BIGINT) AS created_ts,
        CASE WHEN rnd(base, j, 90) >= 0.45 THEN 80 + rnd(base, j, 91) * 320 END AS hours,
        ${pickSql(`rnd(base, j, 92)`, [
          ['normal', 40],
          ['high', 45],
          ['urgent', 15],
        ])} AS priority, 'unresolved' AS kind, NULL::INTEGER AS effect
      FROM unresolved
    ), sig_tickets AS (
      SELECT cn, 'TS' || cn || '-' || k AS ticket_id, cn || '-' || k AS key, reason AS category,
        (churn_d - ${CHURN_WINDOW_DAYS} + 3 + floor(rnd(cn, k, 95) * 80)::INTEGER) + to_seconds(floor(rnd(cn, k, 96) * 86400)::BIGINT) AS created_ts,
        CASE WHEN rnd(cn, k, 97) < 0.6 THEN 2 + rnd(cn, k, 98) * 38 WHEN rnd(cn, k, 97) < 0.93 THEN 40 + rnd(cn, k, 98) * 30 END AS hours,
        ${pickSql('rnd(cn, k, 99)', [
          ['normal', 55],
          ['high', 35],
          ['urgent', 10],
        ])} AS priority, 'signal' AS kind, effect
      FROM _demo_signal WHERE has_ticket
    ), all_tickets AS (
      SELECT * FROM bg_tickets UNION ALL SELECT * FROM un_tickets UNION ALL SELECT * FROM sig_tickets
    ), shaped AS (
      SELECT *, ${langSql('rnd(key, 1, 100)')} AS language,
        CASE WHEN hours IS NOT NULL AND created_ts + to_seconds(floor(hours * 3600)::BIGINT) < ${asOf}
          THEN created_ts + to_seconds(floor(hours * 3600)::BIGINT) END AS resolved_ts,
        rnd(key, 1, 101) AS u_text, TRUE AS has_text
      FROM all_tickets WHERE created_ts < ${asOf}
    ), x AS (
      SELECT *, ${bankBucket('category', "'negative'", 'language')} AS bucket_bank,
        CASE WHEN effect IS NOT NULL AND rnd(key, 1, 102) < 0.6 THEN ${effectBucket('effect', 'language')} END AS bucket_pref,
        resolved_ts IS NOT NULL AND hours < 24 AND kind <> 'unresolved' AND rnd(key, 1, 103) < 0.75 AS fcr,
        CASE WHEN kind = 'unresolved' THEN 1 + floor(rnd(key, 1, 104) * 3)::INTEGER
          WHEN rnd(key, 1, 104) < 0.07 THEN 1 WHEN rnd(key, 1, 104) < 0.09 THEN 2 ELSE 0 END AS reopened,
        CASE WHEN resolved_ts IS NULL OR rnd(key, 1, 105) < 0.3 THEN NULL
          WHEN kind = 'unresolved' THEN 1 + floor(rnd(key, 1, 106) * 2)::INTEGER
          WHEN kind = 'signal' THEN 1 + floor(rnd(key, 1, 106) * 3)::INTEGER
          ELSE greatest(1, least(5, round(4.6 - hours / 40
            + 0.8 * ${normalSql('rnd(key, 1, 106)', 'rnd(key, 1, 107)', 'rnd(key, 1, 108)')})))::INTEGER END AS satisfaction
      FROM shaped
    )
    ${withTextSql('x')}`,
    `INSERT INTO tickets
    SELECT t.ticket_id, c.customer_id, t.created_ts, t.resolved_ts, t.category, t.priority, t.fcr, t.reopened,
      t.satisfaction, t.text
    FROM _demo_tk t JOIN _demo_cust c USING (cn)`,
  ];
}

/** SQL filling `interactions` (after orders, tickets and communications). */
export function interactionSql(): string[] {
  return [
    `INSERT INTO interactions
    WITH browse AS (
      SELECT order_id, customer_id, order_ts, unnest(range(floor(rnd(order_id, 2, 110) * 3.4)::INTEGER)) AS j
      FROM orders WHERE status = 'completed'
    ), drawn AS (SELECT *, rnd(order_id, j, 111) AS u_ts, rnd(order_id, j, 112) AS u_type FROM browse)
    SELECT 'I' || substr(order_id, 2) || '-' || j, customer_id,
      greatest(${dateLit(DEMO_CALENDAR.dataStart)}::TIMESTAMP, order_ts - to_seconds(floor(u_ts * 72 * 3600)::BIGINT)),
      ${pickSql('u_type', [
        ['login', 45],
        ['visit', 40],
        ['chat', 10],
        ['social', 5],
      ])}, 'inbound'
    FROM drawn
    UNION ALL
    SELECT 'I' || ticket_id, customer_id, created_ts,
      CASE WHEN rnd(ticket_id, 2, 113) < 0.45 THEN 'call' ELSE 'chat' END, 'inbound'
    FROM tickets
    UNION ALL
    SELECT 'I' || message_id, customer_id, sent_ts,
      CASE channel WHEN 'call_task' THEN 'call' WHEN 'email' THEN 'email' ELSE 'social' END, 'outbound'
    FROM communications WHERE status IN ('sent', 'delivered') AND channel <> 'sms'`,
  ];
}
