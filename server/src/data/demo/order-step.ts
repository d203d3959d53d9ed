/**
 * Orders: each active span gets completed orders from its start to its stop, spaced by the
 * customer's interval (never more than ~85 days apart, so the only churn is the planted one);
 * promotions add orders inside spans (`_demo_peak`); 春节 week orders move before the holiday;
 * refunded / cancelled orders come on top (≈ 5% / 3% of all orders). Scenario data effects
 * change delivery days, prices and refund rates.
 */

import { customerColumns, dataSumSql } from './effect-sql.ts';
import type { Scenario } from './scenario.ts';
import { dateLit, lit, normalSql, pickSql } from './sql-helpers.ts';
import { CATEGORIES, SALES_CHANNELS, SPRING_FESTIVALS } from './vocabulary.ts';

/** Longest spacing between scheduled orders; with ±25% jitter and the 春节 shift gaps stay < 90 days. */
const MAX_SPACING = 44;
/** Extra (non-completed) orders per completed one: 5% refunded + 3% cancelled of all orders. */
const REFUND_RATE = 0.054;
const CANCEL_RATE = 0.033;

function springFestivalShift(day: string, u: string): string {
  const arms = SPRING_FESTIVALS.map(
    (d) =>
      `WHEN ${day} BETWEEN ${dateLit(d)} - 5 AND ${dateLit(d)} + 8 THEN ${dateLit(d)} - 6 - floor(${u} * 7)::INTEGER`,
  );
  return `CASE ${arms.join(' ')} ELSE ${day} END`;
}

/** SQL creating `_demo_peak`: promotion orders of active customers, more likely when reached. */
export function peakOrderSql(): string[] {
  return [
    `CREATE OR REPLACE TABLE _demo_peak AS
    WITH o AS (
      SELECT s.cn, s.k, cp.idx AS cidx, greatest(cp.window_start, s.start) AS lo, least(cp.window_end, s.stop) AS hi,
        rnd(s.cn, cp.idx, 53) < cp.order_rate * CASE WHEN t.cn IS NOT NULL AND NOT t.is_control THEN 1.35 ELSE 1 END AS buys
      FROM _demo_span s JOIN _demo_campaigns cp ON cp.kind = 'promo' AND cp.window_start <= s.stop AND cp.window_end >= s.start
      LEFT JOIN _demo_touch t ON t.cidx = cp.idx AND t.cn = s.cn
    )
    SELECT cn, k, cidx, lo + floor(rnd(cn, cidx, 54) * (hi - lo + 1))::INTEGER AS od FROM o WHERE buys`,
  ];
}

/** SQL inserting all `orders`. */
export function orderSql(scenario: Scenario): string[] {
  const effects = scenario.effects;
  const cols = customerColumns('');
  const refundAdd = dataSumSql(effects, (e) => e.data?.refund_rate_add, cols, 'od', 'category');
  const priceAdd = dataSumSql(effects, (e) => e.data?.price_increase_pct, cols, 'od', 'category');
  const deliveryAdd = dataSumSql(effects, (e) => e.data?.delivery_days_add, cols, 'od', 'category');
  const otherCategory = pickSql(
    'u_other',
    CATEGORIES.map((c) => [c.category, c.weight]),
  );
  const priceLevel = `CASE category ${CATEGORIES.map((c) => `WHEN ${lit(c.category)} THEN ${c.priceLevel}`).join(' ')} END`;
  const custCols =
    'c.customer_id, c.primary_cat, c.pref_channel, c.spend_level, c.coupon_user, c.region, c.city, c.acquisition_channel, c.value_tier';
  return [
    `INSERT INTO orders
    WITH sched AS (
      SELECT s.cn, s.k, s.start, s.stop, ${custCols},
        greatest(0, ceil((s.stop - s.start) / least(s.interval_days, ${MAX_SPACING})))::INTEGER AS gaps
      FROM _demo_span s JOIN _demo_cust c USING (cn)
    ), slots AS (
      SELECT *, unnest(range(gaps + 1)) AS j FROM sched
    ), dated AS (
      SELECT * EXCLUDE (j, gaps, start, stop, k), k * 10000 + j AS ok, FALSE AS peak,
        CASE WHEN j = 0 THEN start WHEN j = gaps THEN stop
          ELSE greatest(start, ${springFestivalShift(
            `start + round(j * (stop - start) / gaps + (rnd(cn, k * 10000 + j, 50) - 0.5) * 0.5 * (stop - start) / gaps)::INTEGER`,
            'rnd(cn, k * 10000 + j, 51)',
          )}) END AS od
      FROM slots
    ), regular AS (
      SELECT * FROM dated
      UNION ALL
      SELECT p.cn, ${custCols}, 9000000 + p.k * 100 + p.cidx, TRUE, p.od
      FROM _demo_peak p JOIN _demo_cust c USING (cn)
    ), categorised AS (
      SELECT * EXCLUDE (u_main, u_other), CASE WHEN u_main < 0.72 THEN primary_cat ELSE ${otherCategory} END AS category
      FROM (SELECT *, rnd(cn, ok, 55) AS u_main, rnd(cn, ok, 56) AS u_other, rnd(cn, ok, 52) AS u_extra FROM regular)
    ), expanded AS (
      -- a refunded / cancelled order rides along with some completed ones (same basket, days earlier)
      SELECT *, unnest(CASE WHEN u_extra < ${REFUND_RATE + CANCEL_RATE} + refund_add THEN [0, 1] ELSE [0] END) AS x
      FROM (SELECT *, ${refundAdd} AS refund_add FROM categorised)
    ), keyed AS (
      SELECT * EXCLUDE (ok, od), CASE WHEN x = 0 THEN ok ELSE 5000000 + ok END AS ok,
        CASE WHEN x = 0 THEN od ELSE greatest(${dateLit('2024-01-01')}, od - floor(rnd(cn, ok, 57) * 3)::INTEGER) END AS od,
        CASE WHEN x = 0 THEN 'completed'
          WHEN rnd(cn, ok, 58) * (${REFUND_RATE + CANCEL_RATE} + refund_add) < ${REFUND_RATE} + refund_add THEN 'refunded'
          ELSE 'cancelled' END AS status
      FROM expanded
    ), drawn AS (
      SELECT *, rnd(cn, ok, 59) AS u_ch, rnd(cn, ok, 60) AS u_ch2, rnd(cn, ok, 61) AS n1, rnd(cn, ok, 62) AS n2,
        rnd(cn, ok, 63) AS n3, rnd(cn, ok, 64) AS u_coupon, rnd(cn, ok, 65) AS u_hour, rnd(cn, ok, 66) AS u_min,
        rnd(cn, ok, 67) AS u_disc, rnd(cn, ok, 68) AS u_dd, rnd(cn, ok, 69) AS u_late, rnd(cn, ok, 70) AS u_late2,
        rnd(cn, ok, 71) AS u_add
      FROM keyed
    ), priced AS (
      SELECT *,
        CASE WHEN u_ch < 0.8 THEN pref_channel ELSE ${pickSql('u_ch2', SALES_CHANNELS)} END AS sales_channel,
        spend_level * ${priceLevel} * exp(0.45 * ${normalSql('n1', 'n2', 'n3')}) * (1 + ${priceAdd}) AS gross,
        u_coupon < CASE WHEN coupon_user THEN 0.55 ELSE 0.08 END + CASE WHEN peak THEN 0.3 ELSE 0 END AS coupon,
        ${deliveryAdd} AS delivery_add
      FROM drawn
    ), discounted AS (
      SELECT *, CASE WHEN coupon THEN round(gross * (0.05 + 0.2 * u_disc), 2) ELSE 0 END AS discount FROM priced
    )
    SELECT 'O' || cn || '-' || ok, customer_id,
      od + to_seconds((8 + floor(pow(u_hour, 0.7) * 16)::INTEGER) * 3600 + floor(u_min * 3600)::INTEGER),
      round(gross, 2) - discount, discount, category, sales_channel, status,
      CASE WHEN sales_channel = 'store' THEN 0
        ELSE 1 + floor(u_dd * 3.3) + CASE WHEN u_late < 0.06 THEN 2 + floor(u_late2 * 5) ELSE 0 END
          + round(delivery_add * (0.6 + 0.8 * u_add)) END
    FROM discounted`,
  ];
}
