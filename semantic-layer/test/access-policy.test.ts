import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFor, unknownAttributes } from '../src/access-policy.ts';
import { compile, loadModel } from '../src/index.ts';
import type { SemanticModel } from '../src/model.ts';
import { FIXTURE_AS_OF } from './fixture.ts';
import { fixtureEngine, retailModel } from './load-fixture.ts';
import { RLS_BYPASS_DRAFTS } from './rls-bypass-drafts.ts';
import type { TestDuck } from './test-duck.ts';

/**
 * Row-level security fails closed and is bound by the published policy: on the 12-customer fixture
 * (华南 churned 2 of the 5 Q3 churners), a restricted user whose attributes match no rule sees nothing,
 * and a draft that drops, renames or rewrites the rule is still filtered by the published one.
 */
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const SOUTH = { region: ['华南'] };
const query = { model: 'retail', metrics: ['churned_customers'], dimensions: ['region'], timeRange: Q3 };

let published: SemanticModel;
let duck: TestDuck;
beforeAll(async () => {
  published = retailModel();
  duck = await fixtureEngine(published);
});
afterAll(async () => duck?.close());

/** The published files with one edit (a draft). */
function draft(file: string, from: string, to: string): SemanticModel {
  const files = { ...published.files };
  if (!files[file]!.includes(from)) throw new Error(`${file} has no ${from}`);
  files[file] = files[file]!.replace(from, to);
  const loaded = loadModel(files);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.model;
}

async function rows(model: SemanticModel, attributes?: Record<string, string[]>, policy?: SemanticModel) {
  const c = compile(model, query, { dialect: 'duckdb', asOf: FIXTURE_AS_OF, attributes, policy });
  if (!c.ok) return c.issues.map((i) => i.code);
  return (await duck.query(c.compiled.sql, c.compiled.params)).rows;
}

describe('row-level security fails closed', () => {
  it('decides access in one place: unrestricted, restricted by a rule, or denied', () => {
    expect(accessFor(published, {}).kind).toBe('unrestricted');
    expect(accessFor(published, SOUTH)).toEqual({
      kind: 'restricted',
      rules: [{ attribute: 'region', dimension: 'region', values: ['华南'] }],
    });
    expect(accessFor(published, { regoin: ['华南'] })).toEqual({
      kind: 'denied',
      attributes: ['regoin'],
      known: ['region'],
    });
    expect(unknownAttributes({ regoin: ['华南'], region: ['华南'] }, [published])).toEqual(['regoin']);
  });

  it('an unknown attribute key sees nothing, not every region', async () => {
    expect(await rows(published, { regoin: ['华南'] })).toEqual(['access_denied']);
    const c = compile(published, query, { dialect: 'duckdb', attributes: { regoin: ['华南'] } });
    expect(c.ok ? '' : c.issues[0]!.message).toMatch(/regoin.*match none of the access rules.*region/);
  });

  it('an empty allowance sees no rows', async () => {
    expect(await rows(published, { region: [] })).toEqual([]);
  });

  it('the manager sees only 华南', async () => {
    expect(await rows(published, SOUTH)).toEqual([{ region: '华南', churned_customers: 2 }]);
  });
});

describe('a draft is filtered by the published access policy', () => {
  it.each(RLS_BYPASS_DRAFTS)('when the draft %s', async (_, file, from, to) => {
    const changed = draft(file, from, to);
    // Under its own rules the draft would leak (the point of the attack) …
    const leaked = await rows(changed, SOUTH);
    expect(
      Array.isArray(leaked) &&
        leaked.reduce((n, r) => n + Number((r as { churned_customers: number }).churned_customers), 0),
    ).not.toBe(2);
    // … under the published policy it shows the manager's 2 churners only.
    const bound = (await rows(changed, SOUTH, published)) as { churned_customers: number }[];
    expect(bound.reduce((n, r) => n + Number(r.churned_customers), 0)).toBe(2);
  });

  it('refuses a draft whose sources no longer read the tables the policy joins through', async () => {
    const moved = draft(
      'sources.yaml',
      '  customers:\n    table: customers\n',
      '  customers:\n    table: customer_snapshot\n',
    );
    expect(await rows(moved, SOUTH, published)).toEqual(['rls_unreachable']);
    // An unrestricted previewer is not bound by row-level security at all.
    expect(compile(moved, query, { dialect: 'duckdb', attributes: {}, policy: published }).ok).toBe(true);
  });
});

describe('filter values are checked against the member before compiling', () => {
  it.each([
    [
      { member: 'tenure_days', op: 'gt', values: ['abc'] },
      'filters.0.values.0',
      /tenure_days takes a number/,
    ],
    [{ member: 'churn_rate', op: 'gt', values: ['abc'] }, 'filters.0.values.0', /churn_rate takes a number/],
    [{ member: 'signup_date', op: 'gte', values: ['2026-13-45'] }, 'filters.0.values.0', /calendar date/],
  ])('%j', (filter, path, message) => {
    const c = compile(published, { ...query, filters: [filter] }, { dialect: 'duckdb' });
    expect(c.ok).toBe(false);
    const issue = c.ok ? undefined : c.issues.find((i) => i.code === 'invalid_value');
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });

  it('refuses a time range that is not a calendar date', () => {
    const c = compile(
      published,
      { ...query, timeRange: { start: '2026-13-45', end: '2026-10-01' } },
      { dialect: 'duckdb' },
    );
    expect(c.ok ? [] : c.issues.map((i) => [i.code, i.path])).toContainEqual([
      'invalid_time_range',
      'timeRange.start',
    ]);
  });
});
