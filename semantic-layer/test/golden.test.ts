import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DialectName, dialectFor } from '../src/dialect/index.ts';
import { type CompiledQuery, compile, type MaterializedRollup } from '../src/index.ts';
import { materializationPlan, plannedRollups } from '../src/materialize/plan.ts';
import type { SemanticModel } from '../src/model.ts';
import type { TimeGrain } from '../src/query.ts';
import { GOLDEN_AS_OF, GOLDEN_QUERIES, type GoldenQuery } from './golden-queries.ts';
import { GOLDEN_SHAPES } from './golden-shapes.ts';
import { retailModel } from './load-fixture.ts';

/**
 * Golden SQL: each typical query compiled for each dialect must equal golden/<name>.<dialect>.sql
 * exactly (SQL and params). After a deliberate compiler or model change, review and rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run semantic-layer`.
 */

const GOLDEN_DIR = new URL('./golden/', import.meta.url).pathname;
const DIALECTS: DialectName[] = ['duckdb', 'postgres'];
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let model: SemanticModel;
beforeAll(() => {
  model = retailModel();
});

/** The shipped rollups as the plan would materialise them at the golden as-of date. */
function builtRollups(m: SemanticModel, grains: TimeGrain[] = []): MaterializedRollup[] {
  const available = new Set(['customers', 'orders', 'tickets', 'feedback', 'communications']);
  const plan = materializationPlan(m, { asOf: GOLDEN_AS_OF, available, historyDates: [] });
  return plannedRollups(plan).filter((r) => grains.includes(r.grain));
}

function compiled(m: SemanticModel, g: GoldenQuery, dialect: DialectName): CompiledQuery {
  const rollups = builtRollups(m, g.rollupGrains);
  const r = compile(m, g.query, { dialect, asOf: GOLDEN_AS_OF, attributes: g.attributes, rollups });
  if (!r.ok) throw new Error(`${g.name}: ${JSON.stringify(r.issues)}`);
  return r.compiled;
}

/** The golden file's text: a header with the query and the params, then the SQL. */
function goldenText(g: GoldenQuery, dialect: DialectName, c: CompiledQuery): string {
  return [
    `-- ${g.name} (${dialect})`,
    `-- query: ${JSON.stringify(g.query)}`,
    ...(g.attributes ? [`-- attributes: ${JSON.stringify(g.attributes)}`] : []),
    ...(g.rollupGrains
      ? [`-- rollups built: ${g.rollupGrains.join(', ')}; answered from: ${JSON.stringify(c.answeredFrom)}`]
      : []),
    `-- params: ${JSON.stringify(c.params)}`,
    c.sql,
    '',
  ].join('\n');
}

describe('golden SQL', () => {
  it('has about ten distinct typical queries', () => {
    expect(GOLDEN_QUERIES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(GOLDEN_QUERIES.map((g) => g.name)).size).toBe(GOLDEN_QUERIES.length);
  });

  for (const g of GOLDEN_QUERIES) {
    for (const dialect of DIALECTS) {
      it(`${g.name} compiles for ${dialect} to its golden SQL and params`, () => {
        const text = goldenText(g, dialect, compiled(model, g, dialect));
        const path = `${GOLDEN_DIR}${g.name}.${dialect}.sql`;
        if (UPDATE) {
          mkdirSync(GOLDEN_DIR, { recursive: true });
          writeFileSync(path, text);
        }
        expect(existsSync(path), `${path} exists (UPDATE_GOLDEN=1 writes it)`).toBe(true);
        expect(text).toBe(readFileSync(path, 'utf8'));
      });
    }
  }
});

describe('golden SQL of a rollup table', () => {
  for (const dialect of DIALECTS) {
    it(`builds churn_overview's quarter churn counts for ${dialect} with its golden SQL`, () => {
      const available = new Set(['customers', 'orders', 'tickets', 'feedback', 'communications']);
      const plan = materializationPlan(model, {
        asOf: GOLDEN_AS_OF,
        available,
        historyDates: [],
        dialect: dialectFor(dialect),
      });
      const step = plan.find((s) => s.table === 'rollup_churn_overview_quarter_g3')!;
      expect(step.rollup).toEqual({
        id: 'churn_overview',
        grain: 'quarter',
        range: { start: '2023-01-01', end: '2027-01-01' },
      });
      const text = `-- ${step.table} (${dialect}), as of ${GOLDEN_AS_OF}\n${step.statements.join(';\n')}\n`;
      const path = `${GOLDEN_DIR}rollup-build-churn-overview-quarter.${dialect}.sql`;
      if (UPDATE) writeFileSync(path, text);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });
  }
});

describe('golden SQL of the analysis shapes', () => {
  for (const g of GOLDEN_SHAPES) {
    for (const dialect of DIALECTS) {
      it(`${g.name} compiles for ${dialect} to its golden SQL and params`, () => {
        const r = g.compile(model, dialect);
        if (!r.ok) throw new Error(`${g.name}: ${JSON.stringify(r.issues)}`);
        const text = goldenText(
          { name: g.name, query: g.query, attributes: g.attributes },
          dialect,
          r.compiled,
        );
        const path = `${GOLDEN_DIR}${g.name}.${dialect}.sql`;
        if (UPDATE) writeFileSync(path, text);
        expect(existsSync(path), `${path} exists (UPDATE_GOLDEN=1 writes it)`).toBe(true);
        expect(text).toBe(readFileSync(path, 'utf8'));
      });
    }
  }
});

describe('determinism', () => {
  it('compiles every golden query twice, and from a freshly loaded model, to identical SQL and params', () => {
    const fresh = retailModel();
    for (const g of GOLDEN_QUERIES) {
      for (const dialect of DIALECTS) {
        const a = compiled(model, g, dialect);
        const b = compiled(model, g, dialect);
        const c = compiled(fresh, structuredClone(g), dialect);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }
    }
  });

  it('does not mutate the query or the model it compiles', () => {
    const g = GOLDEN_QUERIES.find((x) => x.name === 'high-value-churners-top-regions')!;
    const query = structuredClone(g.query);
    const before = JSON.stringify(model.metrics) + JSON.stringify(model.sources);
    compiled(model, { ...g, query }, 'duckdb');
    expect(query).toEqual(g.query);
    expect(JSON.stringify(model.metrics) + JSON.stringify(model.sources)).toBe(before);
  });

  it('keeps adversarial filter values out of the SQL text: they travel as parameters', () => {
    const g = GOLDEN_QUERIES.find((x) => x.name === 'churn-reasons-regional-manager-adversarial')!;
    for (const dialect of DIALECTS) {
      const c = compiled(model, g, dialect);
      expect(c.params).toContain("广州' OR 1=1 --");
      expect(c.params).toContainEqual('华南');
      expect(c.sql).not.toContain('OR 1=1');
      expect(c.sql).not.toContain('广州');
      expect(c.sql).not.toContain('华南');
    }
  });
});
