/**
 * Marketing and retention history: the campaign calendar (`_demo_campaigns`), who each campaign
 * reached (`_demo_touch`, before orders so promotions can cause extra orders), the final
 * `campaign_touches`, and `communications`: the retention actions of 2025-2026 with a 10%
 * held-out control group and their outcomes (saved / returned / none).
 */
import { ACTIONS_FROM } from './lifecycle-step.ts';
import { dateLit, lit, pickSql } from './sql-helpers.ts';
import { CAMPAIGNS } from './vocabulary.ts';

/** SQL for `_demo_campaigns` and `_demo_touch`. */
export function touchSql(): string[] {
  const rows = CAMPAIGNS.map(
    (c, i) =>
      `(${i}, ${lit(c.id)}, ${lit(c.name)}, ${lit(c.kind)}, ${dateLit(c.sendDate)}, ${dateLit(c.windowStart)}, ${dateLit(c.windowEnd)}, ${c.reach}, ${c.orderRate})`,
  );
  return [
    `CREATE OR REPLACE TABLE _demo_campaigns AS SELECT * FROM (VALUES ${rows.join(', ')})
      t(idx, id, name, kind, send_date, window_start, window_end, reach, order_rate)`,
    `CREATE OR REPLACE TABLE _demo_touch AS
    WITH reached AS (
      SELECT cp.idx AS cidx, c.cn, cp.kind, cp.send_date
      FROM _demo_campaigns cp JOIN _demo_cust c ON c.signup_date <= cp.send_date
      WHERE cp.kind IN ('promo', 'care') AND NOT c.zombie AND rnd(c.cn, cp.idx, 60) < cp.reach
      UNION ALL
      SELECT cp.idx, l.cn, cp.kind, cp.send_date
      FROM _demo_campaigns cp JOIN _demo_life l ON l.churn_d BETWEEN cp.send_date - 180 AND cp.send_date - 1
      WHERE cp.kind = 'winback' AND (l.return_date IS NULL OR l.return_date > cp.send_date)
        AND rnd(l.cn, cp.idx, 60) < cp.reach
    ), drawn AS (SELECT *, rnd(cn, cidx, 61) AS u_control, rnd(cn, cidx, 62) AS u_channel FROM reached)
    SELECT r.* EXCLUDE (u_control, u_channel), s.cn IS NOT NULL AS alive, r.u_control < 0.1 AS is_control,
      CASE r.kind
        WHEN 'promo' THEN ${pickSql('r.u_channel', [
          ['app_push', 35],
          ['sms', 30],
          ['wecom', 20],
          ['email', 15],
        ])}
        WHEN 'care' THEN ${pickSql('r.u_channel', [
          ['wecom', 40],
          ['sms', 30],
          ['email', 30],
        ])}
        ELSE ${pickSql('r.u_channel', [
          ['sms', 40],
          ['wecom', 25],
          ['email', 20],
          ['call', 15],
        ])} END AS channel
    FROM drawn r LEFT JOIN _demo_span s ON s.cn = r.cn AND r.send_date BETWEEN s.start AND s.stop + 60`,
  ];
}

/** SQL inserting `campaign_touches` (after `_demo_peak` exists). */
export function campaignTouchSql(): string[] {
  return [
    `INSERT INTO campaign_touches
    WITH flags AS (
      SELECT t.*, c.customer_id, c.coupon_user, cp.id AS campaign_id, cp.name AS campaign_name,
        NOT t.is_control AND rnd(t.cn, t.cidx, 63) < CASE WHEN t.channel = 'call' THEN 0.6 WHEN t.alive THEN 0.38 ELSE 0.12 END AS opened
      FROM _demo_touch t JOIN _demo_cust c USING (cn) JOIN _demo_campaigns cp ON cp.idx = t.cidx
    ), conv AS (
      SELECT f.*, f.opened AND rnd(f.cn, f.cidx, 64) < 0.35 AS responded,
        CASE f.kind
          WHEN 'promo' THEN p.cn IS NOT NULL
          WHEN 'winback' THEN EXISTS (SELECT 1 FROM _demo_life l WHERE l.cn = f.cn
            AND l.return_date > f.send_date AND l.return_date <= f.send_date + 60)
          ELSE f.alive AND f.opened AND rnd(f.cn, f.cidx, 65) < 0.3 END AS converted
      FROM flags f LEFT JOIN _demo_peak p ON p.cidx = f.cidx AND p.cn = f.cn
    )
    SELECT campaign_id, customer_id, campaign_name, channel,
      send_date + to_seconds((9 + floor(rnd(cn, cidx, 66) * 12)::INTEGER) * 3600),
      opened, responded, converted,
      converted AND NOT is_control AND rnd(cn, cidx, 67) < CASE WHEN coupon_user THEN 0.8 ELSE 0.35 END,
      is_control
    FROM conv`,
  ];
}

function actionChannelSql(u: string): string {
  return `CASE m.action
    WHEN 'account_manager_call' THEN 'call_task'
    WHEN 'service_recovery' THEN 'call_task'
    WHEN 'winback_offer' THEN ${pickSql(u, [
      ['sms', 40],
      ['wecom', 30],
      ['email', 20],
      ['call_task', 10],
    ])}
    ELSE ${pickSql(u, [
      ['sms', 45],
      ['wecom', 35],
      ['email', 20],
    ])} END`;
}

/** SQL inserting `communications`: pre-churn actions, false-alarm care messages, win-back offers. */
export function communicationSql(): string[] {
  return [
    `INSERT INTO communications
    WITH pre AS (
      SELECT c.cn, 100 + c.q AS mkey, c.action, c.action_status AS status,
        c.d - 60 + floor(rnd(c.cn, c.q, 70) * 30)::INTEGER AS day,
        CASE WHEN c.saved THEN 'saved'
          WHEN c.action_status IN ('sent', 'delivered') AND rnd(c.cn, c.q, 72) < 0.35 THEN 'opened'
          ELSE 'none' END AS outcome
      FROM _demo_cand c
      WHERE c.action IS NOT NULL AND (
        (c.churn AND EXISTS (SELECT 1 FROM _demo_life l WHERE l.cn = c.cn AND l.churn_d = c.d))
        OR (c.saved AND EXISTS (SELECT 1 FROM _demo_span s WHERE s.cn = c.cn
          AND c.d - 90 BETWEEN s.start AND s.stop AND c.d >= s.start + 90)))
    ), false_alarm AS (
      SELECT s.cn, 200 + q.q AS mkey,
        CASE WHEN cu.value_tier = 'high' AND rnd(s.cn, q.q, 73) < 0.5 THEN 'account_manager_call'
          WHEN rnd(s.cn, q.q, 73) < 0.75 THEN 'care_message' ELSE 'price_coupon' END AS action,
        CASE WHEN rnd(s.cn, q.q, 74) < 0.1 THEN 'held_out' WHEN rnd(s.cn, q.q, 74) < 0.14 THEN 'failed'
          WHEN rnd(s.cn, q.q, 74) < 0.25 THEN 'sent' ELSE 'delivered' END AS status,
        q.qs + floor(rnd(s.cn, q.q, 75) * 90)::INTEGER AS day, 'saved' AS outcome, s.start, s.stop
      FROM _demo_span s JOIN _demo_quarters q ON q.qs >= ${dateLit(ACTIONS_FROM)}
        AND q.qs + 89 >= s.start + 20 AND q.qs <= s.stop
      JOIN _demo_cust cu ON cu.cn = s.cn
      WHERE rnd(s.cn, q.q, 76) < 0.02
    ), winback AS (
      SELECT cn, 300 + k AS mkey, 'winback_offer' AS action, wb_status AS status, wb_ts::DATE AS day,
        CASE WHEN return_date > wb_ts::DATE AND return_date <= wb_ts::DATE + 90 THEN 'returned'
          WHEN wb_status IN ('sent', 'delivered') AND rnd(cn, k, 77) < 0.3 THEN 'opened'
          ELSE 'none' END AS outcome
      FROM _demo_life WHERE wb_ts IS NOT NULL
    ), msgs AS (
      SELECT * FROM pre
      UNION ALL SELECT cn, mkey, action, status, day, outcome FROM false_alarm WHERE day BETWEEN start + 20 AND stop
      UNION ALL SELECT * FROM winback
    )
    SELECT 'M' || m.cn || '-' || m.mkey, cu.customer_id,
      ${actionChannelSql('rnd(m.cn, m.mkey, 71)')},
      m.action || '_v' || (1 + floor(rnd(m.cn, m.mkey, 78) * 2))::INTEGER,
      m.action, 'ret_' || year(m.day) || 'q' || quarter(m.day),
      m.day + to_seconds((9 + floor(rnd(m.cn, m.mkey, 79) * 10)::INTEGER) * 3600),
      m.status, m.outcome
    FROM msgs m JOIN _demo_cust cu ON cu.cn = m.cn`,
  ];
}
