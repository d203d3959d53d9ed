/**
 * Each tiered early-warning rule, run as a monitor on the generated demo (3,000 customers, seed 42) at
 * its as-of date, flags exactly the customers that hand-written SQL over the raw canonical tables finds
 * (issue 15: the generator leaves customers in every tier). Also: a restricted subscriber sees only
 * their region's customers, and a second run reports none as new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStore, openDemo } from '../../test/data/demo-store.ts';
import { readWarnings, type WarningMonitor } from './read-warnings.ts';

let demo: DemoStore;
beforeAll(async () => {
  demo = await openDemo();
}, 300_000);
afterAll(async () => demo?.close());

const AS_OF = "DATE '2026-10-01'";

/** Per customer, from the raw tables only: recency, 12-month spend tier, activity, tickets, NPS. */
const BASE = `
WITH o AS (
  SELECT customer_id, CAST(order_ts AS DATE) AS d, COALESCE(amount, 0) AS amount
  FROM orders WHERE status = 'completed' AND order_ts < ${AS_OF}
), pc AS (
  SELECT customer_id, MAX(d) AS last_d,
    COUNT(*) FILTER (WHERE d >= ${AS_OF} - 365) AS f12,
    COALESCE(SUM(amount) FILTER (WHERE d >= ${AS_OF} - 365), 0) AS m12,
    COUNT(*) FILTER (WHERE d >= ${AS_OF} - 21) AS o_last,
    COUNT(*) FILTER (WHERE d >= ${AS_OF} - 42 AND d < ${AS_OF} - 21) AS o_prev
  FROM o GROUP BY 1
), ranked AS (
  SELECT customer_id, percent_rank() OVER (ORDER BY m12 DESC) AS spend_rank FROM pc WHERE f12 > 0
), v AS (
  SELECT customer_id,
    COUNT(*) FILTER (WHERE ts >= ${AS_OF} - INTERVAL 21 DAY AND ts < ${AS_OF}) AS v_last,
    COUNT(*) FILTER (WHERE ts >= ${AS_OF} - INTERVAL 42 DAY AND ts < ${AS_OF} - INTERVAL 21 DAY) AS v_prev
  FROM interactions GROUP BY 1
), t AS (
  SELECT customer_id,
    COUNT(*) FILTER (WHERE created_ts >= ${AS_OF} - INTERVAL 90 DAY AND created_ts < ${AS_OF}) AS t90,
    COUNT(*) FILTER (WHERE created_ts < ${AS_OF} - INTERVAL 72 HOUR AND (resolved_ts IS NULL OR resolved_ts >= ${AS_OF})) AS open_t
  FROM tickets GROUP BY 1
), n AS (
  SELECT customer_id, bool_or(nps <= 6) AS detractor FROM feedback
  WHERE nps IS NOT NULL AND ts >= ${AS_OF} - INTERVAL 90 DAY AND ts < ${AS_OF} GROUP BY 1
)
SELECT c.customer_id,
  date_diff('day', pc.last_d, ${AS_OF}) AS recency,
  COALESCE(r.spend_rank < 0.2, FALSE) AS high_value,
  COALESCE(pc.o_last, 0) + COALESCE(v.v_last, 0) AS act_last,
  COALESCE(pc.o_prev, 0) + COALESCE(v.v_prev, 0) AS act_prev,
  COALESCE(t.t90, 0) AS t90, COALESCE(t.open_t, 0) AS open_t, COALESCE(n.detractor, FALSE) AS detractor
FROM customers c
JOIN pc USING (customer_id) LEFT JOIN ranked r USING (customer_id)
LEFT JOIN v USING (customer_id) LEFT JOIN t USING (customer_id) LEFT JOIN n USING (customer_id)
WHERE (c.signup_date IS NULL OR c.signup_date < ${AS_OF})
  -- not churned: the 90-day inactivity window has not closed on the last completed order
  AND date_diff('day', pc.last_d, ${AS_OF}) <= 90`;

/** Hand-written condition of each tier (churn.yaml early_warning, read over BASE). */
const TIERS: Record<string, string> = {
  inactive_high_value: 'high_value AND recency > 30',
  inactive_other: 'NOT high_value AND recency > 60',
  activity_drop: 'act_prev >= 3 AND act_last <= 0.6 * act_prev',
  many_tickets: 't90 >= 3',
  unresolved_ticket: 'open_t >= 1',
  nps_detractor: 'detractor',
};

async function handWritten(rule: string, region?: string): Promise<string[]> {
  const where = region
    ? ` AND customer_id IN (SELECT customer_id FROM customers WHERE region = '${region}')`
    : '';
  const { rows } = await demo.engine.query(
    `SELECT customer_id FROM (${BASE}) WHERE ${TIERS[rule]}${where} ORDER BY 1`,
    [],
    {},
  );
  return rows.map((r) => String(r.customer_id));
}

const monitor = (): WarningMonitor => demo.model.monitors.new_flagged_customers as WarningMonitor;

describe('early-warning tiers on the demo', () => {
  it('every tier flags customers, exactly those the hand-written SQL finds', async () => {
    const read = await readWarnings(demo, monitor(), undefined, {});
    if (!read.ok) throw new Error(read.message);
    expect(read.rules.map((r) => r.rule).sort()).toEqual(Object.keys(TIERS).sort());
    for (const r of read.rules) {
      const expected = await handWritten(r.rule);
      expect(expected.length, r.rule).toBeGreaterThan(0);
      expect(r.flagged, r.rule).toEqual(expected);
      expect(r.added, r.rule).toEqual(expected);
    }
    // The inactivity tiers the generator plants: high value silent 31–60 days, others 61–90.
    const tiers = Object.fromEntries(read.rules.map((r) => [r.rule, r.flagged.length]));
    expect(tiers.inactive_high_value).toBeGreaterThanOrEqual(5);
    expect(tiers.inactive_other).toBeGreaterThanOrEqual(10);
  });

  it('a restricted subscriber sees their region only; a second run reports nobody new', async () => {
    const read = await readWarnings(demo, monitor(), { region: ['华南'] }, {});
    if (!read.ok) throw new Error(read.message);
    for (const r of read.rules) {
      expect(r.flagged, r.rule).toEqual(await handWritten(r.rule, '华南'));
      expect(
        Object.keys(r.addedByGroup).filter((g) => g !== '华南'),
        r.rule,
      ).toEqual([]);
    }
    const previous = Object.fromEntries(read.rules.map((r) => [r.rule, r.flagged]));
    const again = await readWarnings(demo, monitor(), { region: ['华南'] }, previous);
    if (!again.ok) throw new Error(again.message);
    expect(again.rules.every((r) => r.added.length === 0 && r.flagged.length > 0)).toBe(true);
  });
});
