import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SemanticModel } from '../src/model.ts';
import type { SemanticQueryInput } from '../src/query.ts';
import { fixtureEngine, retailModel } from './load-fixture.ts';
import { type PgTarget, pgliteCopy } from './postgres-copy.ts';
import { runOnEngines } from './run-on-engines.ts';
import type { TestDuck } from './test-duck.ts';

/**
 * Conditions on each customer as the interpreter writes them (issue 13, round 13a): filters on the
 * snapshot's per-customer attributes, joined ("两个月没来买而且近12个月买过2次以上"), give the same
 * customers on DuckDB and PGlite as hand-written SQL over the fixture's completed orders.
 */

let model: SemanticModel;
let duck: TestDuck;
const targets: PgTarget[] = [];
beforeAll(async () => {
  model = retailModel();
  duck = await fixtureEngine(model);
  targets.push(await pgliteCopy(duck));
});
afterAll(async () => {
  for (const t of targets) await t.close();
  await duck?.close();
});

const run = (query: Omit<SemanticQueryInput, 'model'>) => runOnEngines({ model, duck, targets }, query);

/** Per customer, from completed orders before the as-of date: days since the last, orders in 365 days. */
const HAND_WRITTEN = `
  WITH o AS (
    SELECT customer_id, CAST(order_ts AS DATE) AS d FROM orders
    WHERE status = 'completed' AND order_ts < TIMESTAMP '2026-10-01 00:00:00'
  ),
  per AS (
    SELECT customer_id, DATE '2026-10-01' - MAX(d) AS recency,
      COUNT(*) FILTER (WHERE d >= DATE '2026-10-01' - INTERVAL 365 DAY) AS orders_12m
    FROM o GROUP BY 1
  )
  SELECT customer_id FROM per WHERE recency > $1 AND orders_12m >= $2 ORDER BY 1`;

describe('conditions on each customer', () => {
  it.each([
    [60, 2],
    [30, 1],
    [180, 1],
  ])('recency_days > %i and orders_12m >= %i: the hand-written customers', async (days, orders) => {
    const expected = (await duck.query(HAND_WRITTEN, [days, orders])).rows.map((r) => r.customer_id);
    const filters: SemanticQueryInput['filters'] = [
      { member: 'recency_days', op: 'gt', values: [days] },
      { member: 'orders_12m', op: 'gte', values: [orders] },
    ];
    const count = await run({ metrics: ['customers'], dimensions: [], filters });
    expect(count.rows).toEqual([{ customers: expected.length }]);
    const list = await run({ metrics: ['customers'], dimensions: ['customer_id'], filters });
    expect(list.rows.map((r) => r.customer_id).sort()).toEqual(expected);
  });

  it('the fixture has customers on both sides of the conditions', async () => {
    const some = (await duck.query(HAND_WRITTEN, [60, 2])).rows.length;
    const all = (await duck.query(HAND_WRITTEN, [0, 0])).rows.length;
    expect(some).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(some);
  });
});
