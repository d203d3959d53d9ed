import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../src/catalog-build.ts';
import { loadModel, readModelFiles } from '../src/index.ts';
import type { SemanticModel } from '../src/model.ts';
import type { SemanticQueryInput } from '../src/query.ts';
import { fixtureEngine } from './load-fixture.ts';
import { type PgTarget, pgliteCopy, postgresCopy } from './postgres-copy.ts';
import { runOnEngines } from './run-on-engines.ts';
import type { TestDuck } from './test-duck.ts';

/**
 * Tags (tags.yaml) as governed segments: validated with file and YAML path, compiled into boolean
 * dimensions from the members' governed SQL, and usable as a filter and a split with the same rows on
 * DuckDB, PGlite and (with DATABASE_URL) PostgreSQL, under row-level security.
 */

const RETAIL = new URL('../models/retail', import.meta.url).pathname;

/** The fixture's own behaviour tag: ≥ 2 orders and under 150 per order (C01, C02, C05, C08). */
const FIXTURE_TAG = `
  small_basket_regulars:
    kind: behaviour
    label: { zh: 常客小单, en: Small-basket regulars }
    description: { zh: 至少两单且每单不足150, en: Two orders or more under 150 each on average }
    all:
      - { metric: orders, op: gte, value: 2 }
      - { ratio: [spend_12m, orders_12m], op: lt, value: 150 }
`;

function withTags(extra: string): Record<string, string> {
  const files = readModelFiles(RETAIL);
  files['tags.yaml'] = `${files['tags.yaml']!.trimEnd()}\n${extra}`;
  return files;
}

let model: SemanticModel;
let duck: TestDuck;
const targets: PgTarget[] = [];

beforeAll(async () => {
  const r = loadModel(withTags(FIXTURE_TAG));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  model = r.model;
  duck = await fixtureEngine(model);
  targets.push(await pgliteCopy(duck));
  if (process.env.DATABASE_URL) targets.push(await postgresCopy(duck, process.env.DATABASE_URL));
});
afterAll(async () => {
  for (const t of targets) await t.close();
  await duck?.close();
});

const run = (query: Omit<SemanticQueryInput, 'model'>, attributes?: Record<string, string[]>) =>
  runOnEngines({ model, duck, targets }, query, attributes);

describe('the shipped tags', () => {
  it('load as boolean dimensions of the same id, in the catalog, on the snapshot and its history', () => {
    const r = loadModel(readModelFiles(RETAIL));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(Object.keys(r.model.tags)).toEqual([
      'frequent_small_basket',
      'loyal_high_value',
      'valuable_at_risk',
    ]);
    const fsb = r.model.dimensions.frequent_small_basket!;
    expect(fsb).toMatchObject({ type: 'boolean', source: 'customer_snapshot', tag: 'behaviour' });
    expect(fsb.alternates.map((a) => a.source)).toEqual(['customer_history']);
    // Built from the members' own SQL (orders → orders_12m → frequency_12m), not written by hand.
    expect(fsb.sql).toBe(
      'CASE WHEN ((frequency_12m) >= 16) AND ((frequency_12m) > 0 AND (monetary_12m) < 100 * (frequency_12m)) THEN TRUE ELSE FALSE END',
    );
    const catalog = buildCatalog(r.model, '2026-10-01');
    const dim = catalog.dimensions.find((d) => d.id === 'frequent_small_basket')!;
    expect(dim.label.zh).toBe('高频低客单价客户');
    expect(dim.values.map((v) => v.value)).toContain('true');
  });
});

describe('invalid tags', () => {
  it('reports every problem with tags.yaml, its YAML path and line, and loads no model', () => {
    const r = loadModel(
      withTags(`
  bad_member:
    kind: basic
    label: 坏1
    description: x
    all: [{ dimension: regionz, op: eq, value: 华南 }]
  bad_op:
    kind: basic
    label: 坏2
    description: x
    all: [{ dimension: region, op: gt, value: 3 }]
  bad_value:
    kind: basic
    label: 坏3
    description: x
    all: [{ dimension: value_tier, op: eq, value: platinum }]
  basic_with_metric:
    kind: basic
    label: 坏4
    description: x
    all: [{ metric: orders, op: gte, value: 3 }]
  mixed_sources:
    kind: behaviour
    label: 坏5
    description: x
    all: [{ dimension: region, op: eq, value: 华南 }, { metric: orders, op: gte, value: 3 }]
  region:
    kind: basic
    label: 坏6
    description: x
    all: [{ dimension: gender, op: eq, value: female }]
  sneaky:
    kind: basic
    label: 坏8
    description: x
    all: [{ dimension: customer_name, op: eq, value: "x') OR read_blob('/etc/passwd') = ('" }]
`),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.issues.map((i) => `${i.file} ${i.path} ${i.code}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'tags.yaml tags.bad_member.all.0.dimension unknown_member',
        'tags.yaml tags.bad_op.all.0.op type_mismatch',
        'tags.yaml tags.bad_value.all.0.value invalid_value',
        'tags.yaml tags.basic_with_metric.kind type_mismatch',
        'tags.yaml tags.mixed_sources.all unreachable',
        'tags.yaml tags.region duplicate_id',
      ]),
    );
    expect(r.issues.every((i) => i.file !== 'tags.yaml' || (i.line ?? 0) > 0)).toBe(true);
    const shape = loadModel(
      withTags(`
  bad_shape:
    kind: basic
    label: 坏7
    description: x
    all: [{ dimension: gender, op: in, value: female }]
`),
    );
    expect(shape.ok).toBe(false);
    if (!shape.ok)
      expect(shape.issues.map((i) => `${i.file} ${i.path} ${i.code}`)).toContain(
        'tags.yaml tags.bad_shape.all.0.values invalid_shape',
      );
    // A quote in a value stays a literal: the tag compiles to a harmless string comparison.
    expect(got.some((g) => g.startsWith('tags.yaml tags.sneaky'))).toBe(false);
  });
});

describe('a tag in questions (DuckDB, PGlite, PostgreSQL when DATABASE_URL is set)', () => {
  it('splits customers by the tag: the hand-checked four are in it', async () => {
    const { rows } = await run({ metrics: ['customers'], dimensions: ['small_basket_regulars'] });
    expect(rows).toEqual(
      expect.arrayContaining([
        { small_basket_regulars: true, customers: 4 },
        { small_basket_regulars: false, customers: 8 },
      ]),
    );
    const list = await run({
      metrics: ['customers'],
      dimensions: ['customer_id'],
      filters: [{ member: 'small_basket_regulars', op: 'eq', values: [true] }],
    });
    expect(list.rows.map((r) => r.customer_id).sort()).toEqual(['C01', 'C02', 'C05', 'C08']);
  });

  it('filters a churn question by the tag, with the tag’s SQL in the statement and values as parameters', async () => {
    const { rows, sql } = await run({
      metrics: ['churned_customers', 'active_customers'],
      filters: [{ member: 'small_basket_regulars', op: 'eq', values: [true] }],
      timeRange: { start: '2026-07-01', end: '2026-10-01' },
    });
    // The same totals as the untagged per-customer rows of the four tagged customers (hand-checked above).
    const reference = await duck.query(
      `SELECT customer_id FROM customer_snapshot WHERE frequency_12m >= 2 AND monetary_12m < 150 * frequency_12m`,
      [],
    );
    const tagged = new Set(reference.rows.map((r) => String(r.customer_id)));
    expect([...tagged].sort()).toEqual(['C01', 'C02', 'C05', 'C08']);
    const each = await run({
      metrics: ['churned_customers', 'active_customers'],
      dimensions: ['customer_id'],
      timeRange: { start: '2026-07-01', end: '2026-10-01' },
    });
    const mine = each.rows.filter((r) => tagged.has(String(r.customer_id)));
    const sum = (k: string) => mine.reduce((a, r) => a + Number(r[k] ?? 0), 0);
    expect(rows).toEqual([
      { churned_customers: sum('churned_customers'), active_customers: sum('active_customers') },
    ]);
    expect(sum('active_customers')).toBeGreaterThan(0);
    expect(sql).toContain('(monetary_12m) < 150 * (frequency_12m)');
  });

  it('applies row-level security to a tag like any dimension', async () => {
    const { rows } = await run(
      {
        metrics: ['customers'],
        dimensions: ['customer_id'],
        filters: [{ member: 'small_basket_regulars', op: 'eq', values: [true] }],
      },
      { region: ['华南'] },
    );
    expect(rows.map((r) => r.customer_id).sort()).toEqual(['C01', 'C02']);
  });
});
