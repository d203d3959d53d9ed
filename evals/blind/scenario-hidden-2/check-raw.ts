/**
 * Raw-table sanity check of the hidden-2 scenario (independent of the product's analysis code).
 * Churn semantics of DOMAIN.md §3: activity = a completed order; churn date = last completed order
 * + 90 days when no completed order follows within 90 days; active at the start of quarter P = a
 * completed order in [P.start − 90, P.start); churn rate of P = active-at-start customers whose churn
 * date falls in P ÷ active at start. Segments are observable ones, measured as of P's start:
 *   app        — most of the customer's completed orders in the 365 days before P were in the APP
 *   coupon     — ≥ 30% of those orders carried a discount (price-sensitive)
 *   wuhan      — customers.city = 武汉 (and 华中 without 武汉 as the "rest of the region")
 *   digital    — main category (most orders in the 365 days before P) = 数码
 * For each: churn rate in every quarter 2025Q1..2026Q3 in / out of the segment, RR with a 95% CI
 * (log method), and the reasons of the segment's churners in the planted quarter (ticket categories
 * and the true negative-feedback topics in the 90 days before churn, one mode per churner).
 *
 *   npx tsx evals/blind/scenario-hidden-2/check-raw.ts /tmp/hidden2/retail.duckdb [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const db = process.argv[2] ?? '/tmp/hidden2/retail.duckdb';
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : null;

const QUARTERS: [string, string, string][] = [
  ['2025Q1', '2025-01-01', '2025-03-31'],
  ['2025Q2', '2025-04-01', '2025-06-30'],
  ['2025Q3', '2025-07-01', '2025-09-30'],
  ['2025Q4', '2025-10-01', '2025-12-31'],
  ['2026Q1', '2026-01-01', '2026-03-31'],
  ['2026Q2', '2026-04-01', '2026-06-30'],
  ['2026Q3', '2026-07-01', '2026-09-30'],
];

const CAUSES = [
  {
    id: 'app_redesign_checkout_failures',
    quarter: '2025Q4',
    seg: "main_channel = 'app'",
    label: 'main sales channel = app',
    planted: 1.7,
    reason: 'technical',
  },
  {
    id: 'coupon_programme_withdrawn',
    quarter: '2026Q1',
    seg: 'price_sensitive',
    label: '≥30% of orders discounted',
    planted: 1.9,
    reason: 'price',
  },
  {
    id: 'wuhan_warehouse_failure',
    quarter: '2026Q2',
    seg: "city = '武汉'",
    label: 'city = 武汉',
    planted: 2.3,
    reason: 'logistics',
  },
  {
    id: 'digital_rival_subsidy',
    quarter: '2026Q3',
    seg: "main_category = '数码'",
    label: 'main category = 数码',
    planted: 2.0,
    reason: 'competitor',
  },
];
/**
 * Control segments: the rest of 华中 must stay normal in 2026Q2; "any discount in 12 months" is the
 * catalog's wording of coupon_user (用券客户) and a much wider, diluted proxy of the planted segment.
 */
const CONTROLS = [
  {
    id: 'any_discount_12m',
    quarter: '2026Q1',
    seg: 'any_discount',
    label: 'any discounted order in the 365 days before',
  },
  {
    id: 'huazhong_without_wuhan',
    quarter: '2026Q2',
    seg: "region = '华中' AND city <> '武汉'",
    label: '华中 other cities',
  },
];

function popSql(start: string, end: string): string {
  return `WITH active AS (
      SELECT DISTINCT customer_id FROM orders
      WHERE status = 'completed' AND order_ts >= DATE '${start}' - 90 AND order_ts < DATE '${start}'
    ), churned AS (
      SELECT customer_id, min(churn_date) AS churn_date FROM ref_churn
      WHERE churn_date BETWEEN DATE '${start}' AND DATE '${end}' GROUP BY customer_id
    ), history AS (
      SELECT customer_id, mode(category) AS main_category, mode(sales_channel) AS main_channel,
        avg((discount_amount > 0)::INTEGER) >= 0.3 AS price_sensitive, bool_or(discount_amount > 0) AS any_discount
      FROM orders WHERE status = 'completed' AND order_ts >= DATE '${start}' - 365 AND order_ts < DATE '${start}'
      GROUP BY customer_id
    )
    SELECT a.customer_id, ch.customer_id IS NOT NULL AS churned, ch.churn_date, c.region, c.city,
      h.main_category, h.main_channel, coalesce(h.price_sensitive, false) AS price_sensitive,
      coalesce(h.any_discount, false) AS any_discount
    FROM active a JOIN customers c USING (customer_id) LEFT JOIN churned ch USING (customer_id)
    LEFT JOIN history h USING (customer_id)`;
}

interface Rate {
  n1: number;
  c1: number;
  n0: number;
  c0: number;
}
function rr({ n1, c1, n0, c0 }: Rate) {
  const p1 = c1 / n1;
  const p0 = c0 / n0;
  const r = p1 / p0;
  const se = Math.sqrt(1 / c1 - 1 / n1 + 1 / c0 - 1 / n0);
  return { p1, p0, rr: r, lo: Math.exp(Math.log(r) - 1.96 * se), hi: Math.exp(Math.log(r) + 1.96 * se) };
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
const con = await instance.connect();
const q = async (sql: string) =>
  (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
await con.run(`CREATE TEMP TABLE ref_churn AS
  WITH days AS (SELECT DISTINCT customer_id, order_ts::DATE AS d FROM orders WHERE status = 'completed'),
  nx AS (SELECT customer_id, d, lead(d) OVER (PARTITION BY customer_id ORDER BY d) AS next_d FROM days)
  SELECT customer_id, d AS last_order, d + 90 AS churn_date, next_d AS returned_date FROM nx
  WHERE (next_d IS NULL OR next_d - d > 90) AND d + 90 <= DATE '2026-09-30'`);

const out: Record<string, unknown> = { db, quarters: {} as Record<string, unknown>, causes: [] as unknown[] };
console.log('overall churn rate by quarter');
for (const [name, s, e] of QUARTERS) {
  const [r] = await q(`SELECT count(*) AS n, count(*) FILTER (WHERE churned) AS c FROM (${popSql(s, e)})`);
  const n = Number(r!.n);
  const c = Number(r!.c);
  (out.quarters as Record<string, unknown>)[name] = { active: n, churned: c, rate: c / n };
  console.log(`  ${name}: ${c}/${n} = ${pct(c / n)}`);
}

for (const cause of [...CAUSES, ...CONTROLS]) {
  console.log(
    `\n${cause.id} — segment ${cause.label}; planted in ${cause.quarter}${'planted' in cause ? ` ×${cause.planted}` : ' (control)'}`,
  );
  const series: unknown[] = [];
  for (const [name, s, e] of QUARTERS) {
    const rows =
      await q(`SELECT coalesce(${cause.seg}, false) AS seg, count(*) AS n, count(*) FILTER (WHERE churned) AS c
      FROM (${popSql(s, e)}) GROUP BY 1`);
    const get = (b: boolean) => rows.find((r) => r.seg === b) ?? { n: 0, c: 0 };
    const rate: Rate = {
      n1: Number(get(true).n),
      c1: Number(get(true).c),
      n0: Number(get(false).n),
      c0: Number(get(false).c),
    };
    const x = rr(rate);
    series.push({ quarter: name, ...rate, ...x });
    console.log(
      `  ${name}${name === cause.quarter ? '*' : ' '} in ${rate.c1}/${rate.n1} = ${pct(x.p1)}  rest ${pct(x.p0)}  RR ${x.rr.toFixed(2)} [${x.lo.toFixed(2)}, ${x.hi.toFixed(2)}]`,
    );
  }
  const [, s, e] = QUARTERS.find(([n]) => n === cause.quarter)!;
  const reasons =
    await q(`WITH pop AS (SELECT * FROM (${popSql(s, e)}) WHERE churned AND coalesce(${cause.seg}, false)),
    signals AS (
      SELECT t.customer_id, t.category AS reason FROM tickets t JOIN pop USING (customer_id)
      WHERE t.created_ts >= pop.churn_date - 90 AND t.created_ts < pop.churn_date
      UNION ALL
      SELECT f.customer_id, tr.topic FROM feedback f JOIN demo_feedback_truth tr USING (feedback_id) JOIN pop USING (customer_id)
      WHERE tr.sentiment = 'negative' AND f.ts >= pop.churn_date - 90 AND f.ts < pop.churn_date
    ), per AS (SELECT customer_id, mode(reason) AS reason FROM signals GROUP BY customer_id)
    SELECT coalesce(per.reason, 'silent') AS reason, count(*) AS churners FROM pop LEFT JOIN per USING (customer_id)
    GROUP BY 1 ORDER BY 2 DESC, 1`);
  const total = reasons.reduce((a, r) => a + Number(r.churners), 0);
  console.log(
    `  reasons of its ${cause.quarter} churners: ${reasons.map((r) => `${r.reason} ${r.churners} (${pct(Number(r.churners) / total)})`).join(', ')}`,
  );
  (out.causes as unknown[]).push({
    ...cause,
    series,
    reasons: reasons.map((r) => ({ reason: r.reason, churners: Number(r.churners) })),
  });
}

// Factors that are NOT planted but that the product ranked (see FIRST-SIGHT.md): their raw RR in
// every quarter. Value tier is computed twice: trailing-12-month spend at the quarter start (it
// overlaps the churners' own lapse before churn) and one quarter earlier (spend in the 365 days
// before P.start − 90). Activity drop: completed orders in the 3 weeks before P.start ≤ 60% of the
// 3 weeks before that (with ≥ 1 order then).
const extraSql = (start: string, end: string) => `WITH pop AS (${popSql(start, end)}),
  spend AS (
    SELECT customer_id,
      sum(amount) FILTER (WHERE order_ts >= DATE '${start}' - 365) AS s_now,
      sum(amount) FILTER (WHERE order_ts < DATE '${start}' - 90) AS s_lag,
      count(*) FILTER (WHERE order_ts >= DATE '${start}' - 21) AS o_last3w,
      count(*) FILTER (WHERE order_ts >= DATE '${start}' - 42 AND order_ts < DATE '${start}' - 21) AS o_prev3w
    FROM orders WHERE status = 'completed' AND order_ts >= DATE '${start}' - 455 AND order_ts < DATE '${start}'
    GROUP BY customer_id
  ), ranked AS (
    SELECT pop.*, c.customer_type, c.gender, c.acquisition_channel,
      percent_rank() OVER (ORDER BY coalesce(s.s_now, 0)) AS r_now,
      percent_rank() OVER (ORDER BY coalesce(s.s_lag, 0)) AS r_lag,
      coalesce(s.o_prev3w, 0) > 0 AND coalesce(s.o_last3w, 0) <= 0.6 * s.o_prev3w AS activity_drop
    FROM pop JOIN customers c USING (customer_id) LEFT JOIN spend s USING (customer_id)
  )
  SELECT * FROM ranked`;
const UNPLANTED = [
  {
    id: 'value_tier_low_now',
    seg: 'r_now < 0.5',
    label: 'value tier low (trailing spend at the quarter start)',
  },
  {
    id: 'value_tier_low_lagged',
    seg: 'r_lag < 0.5',
    label: 'value tier low (spend measured one quarter earlier)',
  },
  { id: 'activity_drop', seg: 'activity_drop', label: 'orders in last 3 weeks ≤ 60% of the 3 weeks before' },
  { id: 'b2b', seg: "customer_type = 'B2B'", label: 'customer_type = B2B' },
  { id: 'female', seg: "gender = 'female'", label: 'gender = female' },
  { id: 'north_china', seg: "region = '华北'", label: 'region = 华北' },
  { id: 'northeast', seg: "region = '东北'", label: 'region = 东北' },
  {
    id: 'live_stream',
    seg: "acquisition_channel = 'live_stream'",
    label: 'acquisition_channel = live_stream',
  },
];
console.log('\nnot planted: raw RR by quarter');
const unplanted: Record<string, unknown[]> = {};
for (const f of UNPLANTED) {
  const cells: string[] = [];
  unplanted[f.id] = [];
  for (const [name, s, e] of QUARTERS) {
    const rows =
      await q(`SELECT coalesce(${f.seg}, false) AS seg, count(*) AS n, count(*) FILTER (WHERE churned) AS c
      FROM (${extraSql(s, e)}) GROUP BY 1`);
    const get = (b: boolean) => rows.find((r) => r.seg === b) ?? { n: 0, c: 0 };
    const rate: Rate = {
      n1: Number(get(true).n),
      c1: Number(get(true).c),
      n0: Number(get(false).n),
      c0: Number(get(false).c),
    };
    const x = rr(rate);
    unplanted[f.id]!.push({ quarter: name, ...rate, ...x });
    cells.push(`${name} ${x.rr.toFixed(2)} [${x.lo.toFixed(2)}, ${x.hi.toFixed(2)}]`);
  }
  console.log(`  ${f.label}\n    ${cells.join('  ')}`);
}
out.unplanted = unplanted;

// Reasons of all churners per planted quarter (what an unfiltered reason breakdown should show).
console.log('\nreasons of all churners by quarter');
const byQuarter: Record<string, unknown> = {};
for (const [name, s, e] of QUARTERS.slice(3)) {
  const reasons = await q(`WITH pop AS (SELECT * FROM (${popSql(s, e)}) WHERE churned),
    signals AS (
      SELECT t.customer_id, t.category AS reason FROM tickets t JOIN pop USING (customer_id)
      WHERE t.created_ts >= pop.churn_date - 90 AND t.created_ts < pop.churn_date
      UNION ALL
      SELECT f.customer_id, tr.topic FROM feedback f JOIN demo_feedback_truth tr USING (feedback_id) JOIN pop USING (customer_id)
      WHERE tr.sentiment = 'negative' AND f.ts >= pop.churn_date - 90 AND f.ts < pop.churn_date
    ), per AS (SELECT customer_id, mode(reason) AS reason FROM signals GROUP BY customer_id)
    SELECT coalesce(per.reason, 'silent') AS reason, count(*) AS churners FROM pop LEFT JOIN per USING (customer_id)
    GROUP BY 1 ORDER BY 2 DESC, 1`);
  const total = reasons.reduce((a, r) => a + Number(r.churners), 0);
  byQuarter[name] = reasons.map((r) => ({ reason: r.reason, churners: Number(r.churners) }));
  console.log(
    `  ${name} (${total}): ${reasons.map((r) => `${r.reason} ${r.churners} (${pct(Number(r.churners) / total)})`).join(', ')}`,
  );
}
out.reasons_by_quarter = byQuarter;

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(out, null, 2)}\n`);
con.closeSync();
instance.closeSync();
