/**
 * Step 1: the customer base with its latent traits (spend level, order interval, coupon habit,
 * main category, value tier, first order date) in `_demo_cust`, then the `customers` table.
 */
import { dateLit, lit, normalSql, pickSql } from './sql-helpers.ts';
import {
  ACQUISITION_CHANNELS,
  CATEGORIES,
  DEMO_CALENDAR,
  GENDERS,
  INDUSTRIES,
  REGIONS,
  SALES_CHANNELS,
  SURNAMES,
} from './vocabulary.ts';

/** Share of customers signed up before the data window (the existing base). */
const BASE_SHARE = 0.35;
/** Share of zombie accounts: signed up, never any activity. */
const ZOMBIE_SHARE = 0.03;
/** Share of the existing base already lapsed on 2024-01-01 (they may come back later). */
const LAPSED_BASE_SHARE = 0.2;

function citySql(u: string): string {
  const arms = REGIONS.map((r) => `WHEN ${lit(r.region)} THEN ${pickSql(u, r.cities)}`);
  return `CASE region ${arms.join(' ')} END`;
}

/** SQL creating `_demo_cust` for customers 1..n. */
export function customerSql(n: number): string[] {
  const surnames = `[${[...SURNAMES].map(lit).join(', ')}]`;
  const start = dateLit(DEMO_CALENDAR.dataStart);
  const end = dateLit(DEMO_CALENDAR.dataEnd);
  const baseStart = dateLit(DEMO_CALENDAR.baseSignupStart);
  const regionPick = pickSql(
    'u_region',
    REGIONS.map((r) => [r.region, r.weight]),
  );
  const categoryPick = pickSql(
    'u_cat',
    CATEGORIES.map((c) => [c.category, c.weight]),
  );
  return [
    `CREATE OR REPLACE TABLE _demo_cust AS
    WITH u AS (
      SELECT i::INTEGER AS cn, rnd(i, 0, 1) AS u_region, rnd(i, 0, 2) AS u_city, rnd(i, 0, 3) AS u_cat,
        rnd(i, 0, 4) AS u_acq, rnd(i, 0, 5) AS u_base, rnd(i, 0, 6) AS u_zombie, rnd(i, 0, 7) AS u_b2b,
        rnd(i, 0, 8) AS u_interval, rnd(i, 0, 9) AS u_spend, rnd(i, 0, 10) AS u_coupon, rnd(i, 0, 11) AS u_signup,
        rnd(i, 0, 12) AS u_store, rnd(i, 0, 13) AS u_channel, rnd(i, 0, 14) AS u_lapsed, rnd(i, 0, 15) AS u_first
      FROM range(1, ${n + 1}) t(i)
    ), drawn AS (
      SELECT *,
        ${regionPick} AS region,
        ${pickSql('u_acq', ACQUISITION_CHANNELS)} AS acquisition_channel,
        ${categoryPick} AS primary_cat,
        u_base < ${BASE_SHARE} AS is_base,
        u_zombie < ${ZOMBIE_SHARE} AS zombie,
        u_b2b < 0.04 AS is_b2b,
        -- order interval 12..50 days; spend level Pareto(1.8) so a minority buys most
        12 + 38 * pow(u_interval, 1.3) AS interval_days,
        least(80 * pow(1 - u_spend, -1 / 1.8), 80 * 50) AS spend_level,
        u_coupon < 0.4 AS coupon_user
      FROM u
    ), placed AS (
      SELECT *, ${citySql('u_city')} AS city,
        CASE WHEN is_base
          THEN ${baseStart} + floor(pow(u_signup, 0.7) * (${start} - ${baseStart}))::INTEGER
          ELSE ${start} + floor(pow(u_signup, 0.62) * (${end} - ${start} + 1))::INTEGER
        END AS signup_date,
        CASE WHEN acquisition_channel = 'offline_store' AND u_store < 0.6 THEN 'store'
          ELSE ${pickSql('u_channel', SALES_CHANNELS)} END AS pref_channel
      FROM drawn
    ), started AS (
      SELECT *,
        CASE
          WHEN zombie THEN NULL
          WHEN is_base AND u_lapsed < ${LAPSED_BASE_SHARE}
            THEN ${start} + 60 + floor(u_first * 900)::INTEGER
          WHEN is_base THEN ${start} + floor(u_first * least(interval_days, 40))::INTEGER
          ELSE signup_date + floor(pow(u_first, 2) * 5)::INTEGER
        END AS first_order
      FROM placed
    ), valued AS (
      SELECT * EXCLUDE (u_region, u_city, u_cat, u_acq, u_base, u_zombie, u_b2b, u_interval, u_spend, u_coupon,
          u_signup, u_store, u_channel, u_lapsed, u_first),
        CASE WHEN first_order <= ${end} THEN first_order END AS a,
        spend_level * 30 / interval_days AS value_score
      FROM started
    ), ranked AS (
      SELECT *, percent_rank() OVER (PARTITION BY a IS NULL ORDER BY value_score) AS value_rank FROM valued
    )
    SELECT * EXCLUDE (value_rank),
      CASE WHEN a IS NULL OR value_rank < 0.5 THEN 'low' WHEN value_rank >= 0.8 THEN 'high' ELSE 'medium' END AS value_tier,
      'C' || lpad(cn::VARCHAR, 7, '0') AS customer_id
    FROM ranked`,
    `INSERT INTO customers
    SELECT customer_id,
      CASE WHEN is_b2b THEN city || substr('鑫华盛源泰达恒通宏远', 1 + floor(rnd(cn, 0, 16) * 10)::INTEGER, 1) || '**'
          || ${pickSql('rnd(cn, 0, 17)', [
            ['贸易有限公司', 4],
            ['商贸有限公司', 3],
            ['科技有限公司', 2],
            ['餐饮管理有限公司', 1],
          ])}
        ELSE ${surnames}[1 + floor(pow(rnd(cn, 0, 16), 1.6) * ${[...SURNAMES].length})::INTEGER]
          || CASE WHEN rnd(cn, 0, 17) < 0.7 THEN '**' ELSE '*' END END AS name,
      CASE WHEN is_b2b THEN 'unknown' ELSE ${pickSql('rnd(cn, 0, 18)', GENDERS)} END AS gender,
      CASE WHEN is_b2b THEN NULL
        ELSE greatest(1950, least(2008, round(1991 + 9 * ${normalSql('rnd(cn, 0, 19)', 'rnd(cn, 0, 20)', 'rnd(cn, 0, 21)')})))::INTEGER END,
      region, city, acquisition_channel, signup_date,
      CASE WHEN is_b2b THEN 'B2B' ELSE 'B2C' END,
      CASE WHEN is_b2b THEN ${pickSql('rnd(cn, 0, 22)', INDUSTRIES)} END,
      NULL::BOOLEAN
    FROM _demo_cust`,
  ];
}
