import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFor } from '../src/access-policy.ts';
import { Params } from '../src/compile/params.ts';
import { securedPredicate } from '../src/compile/secured-source.ts';
import { dialectFor } from '../src/dialect/index.ts';
import { compileRollup, compileScored, compileVerbatims } from '../src/index.ts';
import type { SemanticModel } from '../src/model.ts';
import { FIXTURE_AS_OF } from './fixture.ts';
import { fixtureEngine, retailModel } from './load-fixture.ts';
import {
  normalizeRows,
  type PgTarget,
  pgliteCopy,
  postgresCopy,
  postgresMaterialized,
} from './postgres-copy.ts';
import type { TestDuck } from './test-duck.ts';

/**
 * The analysis shapes (factor splits, scored per-customer reads, verbatims) and the secured-source
 * predicate: the same rows on DuckDB, PGlite and (with DATABASE_URL) PostgreSQL, row-level security
 * applied by the compiler only, failing closed.
 */

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const duckdb = dialectFor('duckdb');
let model: SemanticModel;
let duck: TestDuck;
const targets: PgTarget[] = [];

beforeAll(async () => {
  model = retailModel();
  duck = await fixtureEngine(model);
  // PostgreSQL as the analytics engine (vitest project postgres-analytics): the same fixture
  // materialised there by its own SQL. The copies of DuckDB's tables run in the duckdb project.
  if (process.env.ANALYTICS_DATABASE_URL) {
    targets.push(await postgresMaterialized(process.env.ANALYTICS_DATABASE_URL, model));
    return;
  }
  targets.push(await pgliteCopy(duck));
  if (process.env.DATABASE_URL) targets.push(await postgresCopy(duck, process.env.DATABASE_URL));
});
afterAll(async () => {
  for (const t of targets) await t.close();
  await duck?.close();
});

type Compiled = { ok: true; compiled: { sql: string; params: unknown[] } } | { ok: false; issues: unknown[] };

/** Rows in a stable order (a roll-up has no ORDER BY). */
const sorted = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Runs a shape compiled for each dialect on every engine; they must agree. Returns DuckDB's rows. */
async function everywhere(compileFor: (dialect: 'duckdb' | 'postgres') => Compiled) {
  const d = compileFor('duckdb');
  if (!d.ok) throw new Error(JSON.stringify(d.issues));
  const rows = normalizeRows((await duck.query(d.compiled.sql, d.compiled.params)).rows);
  const p = compileFor('postgres');
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  for (const t of targets) {
    const other = normalizeRows(await t.query(p.compiled.sql, p.compiled.params));
    expect(sorted(other), `${t.name} agrees with duckdb`).toEqual(sorted(rows));
  }
  return rows;
}

describe('securedPredicate', () => {
  it('is TRUE unrestricted, FALSE for an empty allowance or attributes no rule knows (fail closed)', () => {
    const from = { source: 'customer_spells', alias: 's' };
    expect(securedPredicate(model, accessFor(model, undefined), from, new Params(), duckdb)).toEqual({
      ok: true,
      sql: 'TRUE',
    });
    expect(securedPredicate(model, accessFor(model, { region: [] }), from, new Params(), duckdb)).toEqual({
      ok: true,
      sql: 'FALSE',
    });
    expect(
      securedPredicate(model, accessFor(model, { regoin: ['华南'] }), from, new Params(), duckdb),
    ).toEqual({
      ok: true,
      sql: 'FALSE',
    });
  });

  it('reaches the region through the model join, values as parameters', () => {
    const params = new Params();
    params.add('earlier');
    const r = securedPredicate(
      model,
      accessFor(model, { region: ['华南', "华南' OR 1=1"] }),
      { source: 'customer_spells', alias: 's' },
      params,
      duckdb,
    );
    expect(r).toEqual({
      ok: true,
      sql: '(s."customer_id" IN (SELECT rls1."customer_id" FROM "customers" AS rls1 WHERE (region) IN ($2, $3)))',
    });
    expect(params.values).toEqual(['earlier', '华南', "华南' OR 1=1"]);
  });

  it('fails closed with rls_unreachable when the rule cannot be reached from the source', () => {
    const isolated: SemanticModel = {
      ...model,
      sources: {
        ...model.sources,
        island: { ...model.sources.customers!, id: 'island', table: 'island', joins: [] },
      },
    };
    const r = securedPredicate(
      isolated,
      accessFor(isolated, { region: ['华南'] }),
      { source: 'island', alias: 'i' },
      new Params(),
      duckdb,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.code).toBe('rls_unreachable');
  });

  it('keeps exactly the feedback of 华南 customers on the fixture', async () => {
    const params = new Params();
    const r = securedPredicate(
      model,
      accessFor(model, { region: ['华南'] }),
      { source: 'feedback', alias: 't' },
      params,
      duckdb,
    );
    if (!r.ok) throw new Error('unreachable');
    const secured = await duck.query(`SELECT COUNT(*) AS n FROM feedback AS t WHERE ${r.sql}`, params.values);
    const expected = await duck.query(
      "SELECT COUNT(*) AS n FROM feedback AS t JOIN customers c USING (customer_id) WHERE c.region = '华南'",
    );
    expect(Number(secured.rows[0]!.n)).toBe(Number(expected.rows[0]!.n));
    expect(Number(secured.rows[0]!.n)).toBeGreaterThan(0);
  });
});

describe('compileRollup (factor splits)', () => {
  const query = {
    model: 'retail',
    metrics: ['churned_customers', 'active_customers'],
    dimensions: ['region', 'city'],
    timeRange: Q3,
  };

  it('gives each dimension its split, equal to the query grouped by that dimension alone', async () => {
    const rows = await everywhere((dialect) => compileRollup(model, query, { dialect, asOf: FIXTURE_AS_OF }));
    const byRegion = rows
      .filter((r) => r.__grouped_0 === 0)
      .map((r) => [r.region, r.churned_customers, r.active_customers]);
    expect(byRegion.sort()).toEqual([
      ['华东', 2, 3],
      ['华北', 1, 1],
      ['华南', 2, 3],
    ]);
    expect(rows.filter((r) => r.__grouped_1 === 0).reduce((s, r) => s + Number(r.active_customers), 0)).toBe(
      7,
    );
  });

  it('applies row-level security from the attributes', async () => {
    const rows = await everywhere((dialect) =>
      compileRollup(model, query, { dialect, asOf: FIXTURE_AS_OF, attributes: { region: ['华南'] } }),
    );
    expect(rows.filter((r) => r.__grouped_0 === 0).map((r) => r.region)).toEqual(['华南']);
  });

  it('refuses a metric that does not add up (a ratio)', () => {
    const r = compileRollup(model, { ...query, metrics: ['churn_rate'] }, { dialect: 'duckdb' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.code)).toContain('not_groupable');
  });
});

/** A one-feature logistic score on recency (the scored reads below). */
const RECENCY_SCORE = {
  name: 'risk',
  intercept: -1,
  terms: [
    {
      coefficient: 0.02,
      mean: 30,
      feature: (k: { number(id: string): string }) => k.number('recency_days'),
    },
  ],
};

describe('compileScored (per-customer reads)', () => {
  const query = {
    model: 'retail',
    metrics: ['customers'],
    dimensions: ['customer_id', 'region', 'recency_days'],
  };

  it('scores, keeps and samples in the statement, the same on every engine', async () => {
    const shape = {
      score: RECENCY_SCORE,
      keep: [{ column: 'risk', atLeast: 0.3 }],
    };
    const rows = await everywhere((dialect) =>
      compileScored(model, query, shape, { dialect, asOf: FIXTURE_AS_OF }),
    );
    for (const r of rows) {
      const expected = 1 / (1 + Math.exp(-(-1 + 0.02 * (Number(r.recency_days ?? 0) - 30))));
      expect(Number(r.risk)).toBeCloseTo(expected, 6);
      expect(Number(r.risk)).toBeGreaterThanOrEqual(0.3);
    }
    expect(rows.length).toBeGreaterThan(0);
  });

  it('returns only the selected columns of the scored, kept rows, the same on every engine', async () => {
    const shape = { score: RECENCY_SCORE, keep: [{ column: 'risk', atLeast: 0.3 }] };
    const full = await everywhere((dialect) =>
      compileScored(model, query, shape, { dialect, asOf: FIXTURE_AS_OF }),
    );
    const select = ['risk', 'customer_id'];
    const chosen = await everywhere((dialect) =>
      compileScored(model, query, { ...shape, select }, { dialect, asOf: FIXTURE_AS_OF }),
    );
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.every((r) => Object.keys(r).join() === 'risk,customer_id')).toBe(true);
    const byId = (rows: Record<string, unknown>[]) =>
      rows.map((r) => `${r.customer_id}:${Number(r.risk).toFixed(12)}`).sort();
    expect(byId(chosen)).toEqual(byId(full));
    const bad = compileScored(model, query, { ...shape, select: ['risk', 'nope'] }, { dialect: 'duckdb' });
    expect(!bad.ok && bad.issues[0]!.message).toContain('nope');
  });

  it('sums the scored rows into one row of totals, the same on every engine', async () => {
    const score = RECENCY_SCORE;
    const flags = ['nps_detractor', 'price_sensitive', 'activity_drop', 'many_tickets_90d'];
    const flagged = { ...query, dimensions: [...query.dimensions, ...flags] };
    const rows = await everywhere((dialect) =>
      compileScored(model, flagged, { score }, { dialect, asOf: FIXTURE_AS_OF }),
    );
    const [totals] = await everywhere((dialect) =>
      compileScored(
        model,
        flagged,
        { score, totals: { trueCounts: flags } },
        { dialect, asOf: FIXTURE_AS_OF },
      ),
    );
    const p = rows.map((r) => Number(r.risk));
    expect(Number(totals!.rows)).toBe(rows.length);
    expect(Number(totals!.score_sum)).toBeCloseTo(
      p.reduce((s, v) => s + v, 0),
      9,
    );
    expect(Number(totals!.score_variance)).toBeCloseTo(
      p.reduce((s, v) => s + v * (1 - v), 0),
      9,
    );
    const trues = flags.map((c) => rows.filter((r) => r[c] === true).length);
    expect(flags.map((c) => Number(totals![`true_${c}`]))).toEqual(trues);
    expect(Math.max(...trues)).toBeGreaterThan(0);
    const noScore = compileScored(model, query, { totals: {} }, { dialect: 'duckdb' });
    expect(!noScore.ok && noScore.issues[0]!.path).toBe('shape.totals');
  });

  it('samples a deterministic share by key hash and names unknown columns as issues', async () => {
    const all = compileScored(
      model,
      query,
      { sample: { column: 'customer_id', rate: 1 } },
      { dialect: 'postgres' },
    );
    expect(all.ok && all.compiled.sql).not.toContain('hashtext');
    const half = compileScored(
      model,
      query,
      { sample: { column: 'customer_id', rate: 0.5 } },
      { dialect: 'postgres' },
    );
    expect(half.ok && half.compiled.sql).toContain('hashtext');
    const bad = compileScored(
      model,
      query,
      { keep: [{ column: 'nope', atLeast: 1 }] },
      { dialect: 'duckdb' },
    );
    expect(!bad.ok && bad.issues[0]!.code).toBe('unknown_member');
  });
});

describe('compileVerbatims', () => {
  const members = {
    churned: 'churned_customers',
    reason: 'churn_reason',
    customer: 'customer_id',
    churnDate: 'churn_date',
    text: 'feedback_text',
  };
  const churners = (filters: unknown[] = []) => ({
    model: 'retail',
    metrics: ['churned_customers'],
    dimensions: ['customer_id', 'churn_reason'],
    timeRange: Q3,
    filters: [{ member: 'churned_customers', op: 'gt', values: [0] }, ...filters],
  });

  it('reads the same verbatims on every engine, and a restricted user only their region', async () => {
    const all = await everywhere((dialect) =>
      compileVerbatims(
        model,
        churners(),
        { members, range: Q3, limit: 100 },
        { dialect, asOf: FIXTURE_AS_OF },
      ),
    );
    const south = await everywhere((dialect) =>
      compileVerbatims(
        model,
        churners(),
        { members, range: Q3, limit: 100 },
        {
          dialect,
          asOf: FIXTURE_AS_OF,
          attributes: { region: ['华南'] },
        },
      ),
    );
    expect(all.length).toBeGreaterThan(0);
    expect(south.length).toBeLessThanOrEqual(all.length);
    const denied = await everywhere((dialect) =>
      compileVerbatims(
        model,
        churners(),
        { members, range: Q3, limit: 100 },
        {
          dialect,
          asOf: FIXTURE_AS_OF,
          attributes: { region: [] },
        },
      ),
    );
    expect(denied).toEqual([]);
  });
});
