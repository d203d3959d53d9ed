import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../src/definition/load-model.ts';
import { compile, type MaterializedRollup } from '../src/index.ts';
import { historyDates as historyDatesFrom } from '../src/materialize/customer-history.ts';
import { materializationPlan, plannedRollups } from '../src/materialize/plan.ts';
import type { SemanticModel } from '../src/model.ts';
import type { SemanticQueryInput, TimeGrain } from '../src/query.ts';
import { FIXTURE_AS_OF, FIXTURE_TABLES } from './fixture.ts';
import { fixtureEngine, retailModel } from './load-fixture.ts';
import { normalizeRows, type PgTarget, postgresTargets } from './postgres-copy.ts';
import type { TestDuck } from './test-duck.ts';

/**
 * Rollups (rollups.yaml): every answer a rollup gives equals the base tables' answer, on DuckDB,
 * PGlite and PostgreSQL (DATABASE_URL; with ANALYTICS_DATABASE_URL the rollups are materialised there
 * by the PostgreSQL SQL), and the compiler says which it used. Besides the shipped `churn_overview`, the
 * model under test declares `buyers_by_region` (distinct counts: read only where exact) and
 * `by_value_tier` (no region: a user restricted by region is answered from the base tables).
 */

const EXTRA_ROLLUPS = `
  buyers_by_region:
    metrics: [buyers, purchase_frequency, revenue]
    dimensions: [region]
    grains: [month, quarter]
  by_value_tier:
    metrics: [churn_rate, revenue]
    dimensions: [value_tier]
    grains: [quarter]
`;

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const Q2 = { start: '2026-04-01', end: '2026-07-01' };

let model: SemanticModel;
let rollups: MaterializedRollup[];
let duck: TestDuck;
const targets: PgTarget[] = [];

beforeAll(async () => {
  const shipped = retailModel();
  const loaded = loadModel({
    ...shipped.files,
    'rollups.yaml': `${shipped.files['rollups.yaml']}${EXTRA_ROLLUPS}`,
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  model = loaded.model;
  const available = new Set([...FIXTURE_TABLES.map((t) => t.name), 'communications']);
  const historyDates = historyDatesFrom(FIXTURE_AS_OF, '2025-10-01');
  rollups = plannedRollups(materializationPlan(model, { asOf: FIXTURE_AS_OF, available, historyDates }));
  duck = await fixtureEngine(model);
  targets.push(...(await postgresTargets(duck, model)));
});
afterAll(async () => {
  for (const t of targets) await t.close();
  await duck?.close();
});

type Query = Omit<SemanticQueryInput, 'model'>;
interface Options {
  attributes?: Record<string, string[]>;
  /** Only these rollups (id or id:grain) are materialised. */
  only?: string[];
}

function compiled(query: Query, dialect: 'duckdb' | 'postgres', withRollups: boolean, o: Options) {
  const built = rollups.filter(
    (r) => !o.only || o.only.includes(r.id) || o.only.includes(`${r.id}:${r.grain}`),
  );
  const c = compile(
    model,
    { model: model.id, ...query },
    { dialect, asOf: FIXTURE_AS_OF, attributes: o.attributes, rollups: withRollups ? built : [] },
  );
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  return c.compiled;
}

/**
 * Runs the query from the rollups and from the base tables on every engine: equal rows everywhere.
 * Returns where the compiler read from, and DuckDB's rows.
 */
async function both(query: Query, o: Options = {}) {
  const fromRollup = compiled(query, 'duckdb', true, o);
  const fromBase = compiled(query, 'duckdb', false, o);
  expect(fromBase.answeredFrom).toEqual({ kind: 'base' });
  const run = async (c: typeof fromRollup) => normalizeRows((await duck.query(c.sql, c.params)).rows);
  const rows = await run(fromBase);
  expect(await run(fromRollup), 'duckdb: rollup answer = base answer').toEqual(rows);
  const pgRollup = compiled(query, 'postgres', true, o);
  const pgBase = compiled(query, 'postgres', false, o);
  expect(pgRollup.answeredFrom).toEqual(fromRollup.answeredFrom);
  for (const t of targets) {
    expect(normalizeRows(await t.query(pgBase.sql, pgBase.params)), `${t.name}: base`).toEqual(rows);
    expect(normalizeRows(await t.query(pgRollup.sql, pgRollup.params)), `${t.name}: rollup`).toEqual(rows);
  }
  return { from: fromRollup.answeredFrom!, rows, sql: fromRollup.sql };
}

const fromRollup = (rollup: string, grain: TimeGrain) =>
  expect.objectContaining({ kind: 'rollup', rollup, grain });

describe('answers from a rollup equal the base tables', () => {
  it('churn rate of a quarter, from the quarter rollup', async () => {
    const r = await both({ metrics: ['churn_rate', 'churned_customers', 'active_customers'], timeRange: Q3 });
    expect(r.from).toEqual(fromRollup('churn_overview', 'quarter'));
    expect(r.rows).toEqual([{ churn_rate: 0.714285714, churned_customers: 5, active_customers: 7 }]);
    expect(r.sql).not.toMatch(/"customer_spells"/);
  });

  it('churn, retention and lost revenue by region, summed over the other dimensions', async () => {
    const r = await both({
      metrics: ['churn_rate', 'retention_rate', 'lost_revenue', 'customers'],
      dimensions: ['region'],
      timeRange: Q3,
    });
    expect(r.from).toEqual(fromRollup('churn_overview', 'quarter'));
    expect(r.rows.length).toBe(3);
  });

  it('a monthly churn trend by value tier and channel, at the rollup grain', async () => {
    const r = await both({
      metrics: ['churn_rate', 'churned_customers'],
      dimensions: ['value_tier', 'acquisition_channel'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
    });
    expect(r.from).toEqual(fromRollup('churn_overview', 'month'));
    expect(r.rows.length).toBeGreaterThan(5);
  });

  it('sales by quarter re-aggregated from months when only the month rollup is built', async () => {
    const r = await both(
      {
        metrics: ['revenue', 'orders', 'avg_order_value', 'new_customers'],
        time: { dimension: 'metric_time', grain: 'quarter' },
        timeRange: { start: '2025-10-01', end: '2026-10-01' },
      },
      { only: ['churn_overview:month'] },
    );
    expect(r.from).toEqual(fromRollup('churn_overview', 'month'));
    expect(r.rows.map((x) => x.period)).toEqual(['2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01']);
  });

  it('revenue of half a year by sales channel, summed over two quarters', async () => {
    const r = await both({
      metrics: ['revenue', 'orders'],
      dimensions: ['sales_channel'],
      timeRange: { start: '2026-01-01', end: '2026-07-01' },
    });
    expect(r.from).toEqual(fromRollup('churn_overview', 'quarter'));
  });

  it('filters on rollup dimensions, metric filters, order and limit', async () => {
    const r = await both({
      metrics: ['churn_rate', 'revenue'],
      dimensions: ['region'],
      timeRange: Q3,
      filters: [
        { member: 'value_tier', op: 'not_in', values: ['low'] },
        { member: 'revenue', op: 'gt', values: [50] },
      ],
      order: [{ member: 'revenue', dir: 'desc' }],
      limit: 2,
    });
    expect(r.from).toEqual(fromRollup('churn_overview', 'quarter'));
  });

  it('a comparison with the previous quarter reads both quarters from the rollup', async () => {
    const r = await both({ metrics: ['churn_rate', 'revenue'], timeRange: Q3, compare: 'previous_period' });
    expect(r.from).toEqual(fromRollup('churn_overview', 'quarter'));
    expect(r.rows[0]).toHaveProperty('churn_rate__previous');
    expect(compiled({ metrics: ['churn_rate'], timeRange: Q2 }, 'duckdb', true, {}).answeredFrom?.kind).toBe(
      'rollup',
    );
  });

  it('distinct counts (buyers) are read where one stored row is one answer row', async () => {
    const r = await both({
      metrics: ['buyers', 'purchase_frequency'],
      dimensions: ['region'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-04-01', end: '2026-10-01' },
    });
    expect(r.from).toEqual(fromRollup('buyers_by_region', 'month'));
  });
});

describe('churn by value tier at the quarter start (point in time) from the snapshot rollups', () => {
  const SNAPSHOT = ['snapshot_churn_rate', 'snapshot_churned_customers', 'snapshot_active_customers'];

  it('by tier, and by region for one tier ("only high-value customers")', async () => {
    const byTier = await both({ metrics: SNAPSHOT, dimensions: ['value_tier'], timeRange: Q3 });
    expect(byTier.from).toEqual(fromRollup('churn_by_tier_at_start', 'quarter'));
    expect(byTier.rows.length).toBeGreaterThan(1);
    const high = await both({
      metrics: SNAPSHOT,
      dimensions: ['region'],
      timeRange: Q3,
      filters: [{ member: 'value_tier', op: 'in', values: ['high'] }],
      order: [{ member: 'snapshot_churn_rate', dir: 'desc' }],
      limit: 3,
    });
    expect(high.from).toEqual(fromRollup('churn_by_region_tier_at_start', 'quarter'));
    const one = await both({
      metrics: ['snapshot_churn_rate'],
      timeRange: Q2,
      filters: [{ member: 'value_tier', op: 'eq', values: ['high'] }],
    });
    expect(one.from).toEqual(fromRollup('churn_by_tier_at_start', 'quarter'));
  });

  it('a quarterly trend by tier and a comparison with the previous quarter', async () => {
    const trend = await both({
      metrics: SNAPSHOT,
      dimensions: ['value_tier'],
      time: { dimension: 'metric_time', grain: 'quarter' },
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
    });
    expect(trend.from).toEqual(fromRollup('churn_by_tier_at_start', 'quarter'));
    const compared = await both({
      metrics: ['snapshot_churn_rate'],
      dimensions: ['value_tier'],
      timeRange: Q3,
      compare: 'previous_period',
    });
    expect(compared.from).toEqual(fromRollup('churn_by_tier_at_start', 'quarter'));
  });

  it('a user restricted to one region reads the region-and-tier rollup pinned to it', async () => {
    const east = await both(
      { metrics: SNAPSHOT, dimensions: ['value_tier'], timeRange: Q3 },
      { attributes: { region: ['华东'] } },
    );
    expect(east.from).toEqual(fromRollup('churn_by_region_tier_at_start', 'quarter'));
    const everyone = await both({ metrics: SNAPSHOT, dimensions: ['value_tier'], timeRange: Q3 });
    expect(east.rows).not.toEqual(everyone.rows);
  });

  it('two tiers together, or two regions, are not the sum of their snapshot counts: base tables', async () => {
    const base = async (query: Query, o: Options = {}) =>
      expect((await both(query, o)).from).toEqual({ kind: 'base' });
    await base({
      metrics: SNAPSHOT,
      timeRange: Q3,
      filters: [{ member: 'value_tier', op: 'in', values: ['high', 'medium'] }],
    });
    await base(
      { metrics: SNAPSHOT, dimensions: ['value_tier'], timeRange: Q3 },
      { attributes: { region: ['华东', '华南'] } },
    );
    await base({ metrics: SNAPSHOT, timeRange: { start: '2026-04-01', end: '2026-10-01' } });
  });

  it('distinct counts of another rollup are read pinned to one region as well', async () => {
    const r = await both({
      metrics: ['buyers', 'purchase_frequency'],
      timeRange: Q3,
      filters: [{ member: 'region', op: 'eq', values: ['华东'] }],
    });
    expect(r.from).toEqual(fromRollup('buyers_by_region', 'quarter'));
  });
});

describe('questions a rollup does not cover go to the base tables', () => {
  const base = async (query: Query, o: Options = {}) =>
    expect((await both(query, o)).from).toEqual({ kind: 'base' });

  it('a dimension or a filter outside the rollup', async () => {
    await base({ metrics: ['churn_rate'], dimensions: ['city'], timeRange: Q3 });
    await base({
      metrics: ['churn_rate'],
      timeRange: Q3,
      filters: [{ member: 'city', op: 'eq', values: ['上海'] }],
    });
  });

  it('a metric no rollup stores', async () => {
    await base({ metrics: ['churn_rate', 'tickets'], dimensions: ['region'], timeRange: Q3 });
  });

  it('churn over half a year: counted at its start, it is not the sum of two quarters', async () => {
    await base({ metrics: ['churn_rate'], timeRange: { start: '2026-01-01', end: '2026-07-01' } });
    await base(
      { metrics: ['churned_customers'], time: { dimension: 'metric_time', grain: 'quarter' }, timeRange: Q3 },
      { only: ['churn_overview:month'] },
    );
  });

  it('a range that is not whole periods of the rollup', async () => {
    await base({ metrics: ['revenue'], timeRange: { start: '2026-07-15', end: '2026-10-01' } });
  });

  it('distinct counts across regions or months are never summed', async () => {
    await base({ metrics: ['buyers'], timeRange: Q3 });
    await base(
      {
        metrics: ['buyers'],
        dimensions: ['region'],
        time: { dimension: 'metric_time', grain: 'quarter' },
        timeRange: Q3,
      },
      { only: ['buyers_by_region:month'] },
    );
  });
});

describe('row-level security on rollups', () => {
  const east = { region: ['华东'] };

  it('applies on the rollup when it is on a rollup dimension', async () => {
    const query: Query = { metrics: ['churn_rate', 'revenue'], dimensions: ['value_tier'], timeRange: Q3 };
    const restricted = await both(query, { attributes: east });
    expect(restricted.from).toEqual(fromRollup('churn_overview', 'quarter'));
    const everyone = await both(query);
    expect(restricted.rows).not.toEqual(everyone.rows);
    const byRegion = await both({ ...query, dimensions: ['region'] }, { attributes: east });
    expect(byRegion.rows.map((r) => r.region)).toEqual(['华东']);
  });

  it('goes to the base tables when the rollup cannot enforce it', async () => {
    const query: Query = { metrics: ['churn_rate'], dimensions: ['value_tier'], timeRange: Q3 };
    expect((await both(query, { only: ['by_value_tier'] })).from).toEqual(
      fromRollup('by_value_tier', 'quarter'),
    );
    expect((await both(query, { only: ['by_value_tier'], attributes: east })).from).toEqual({ kind: 'base' });
  });
});
