import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../src/index.ts';
import type { SemanticModel } from '../src/model.ts';
import { FIXTURE_AS_OF } from './fixture.ts';
import { fixtureEngine, retailModel } from './load-fixture.ts';
import type { TestDuck } from './test-duck.ts';

/** The customer snapshot's current state, read through the model on the hand-checked fixture. */

let model: SemanticModel;
let engine: TestDuck;
beforeAll(async () => {
  model = retailModel();
  engine = await fixtureEngine(model);
});
afterAll(async () => {
  await engine?.close();
});

describe('customer snapshot', () => {
  it('reads a won-back customer as active, not as churned by an earlier spell', async () => {
    // C06 churned 2026-06-18 and ordered again 09-10: won back. C10 came back in January, churned again 09-26.
    const r = compile(
      model,
      {
        model: 'retail',
        metrics: ['customers'],
        dimensions: ['customer_id', 'lifecycle_stage'],
        filters: [{ member: 'customer_id', op: 'in', values: ['C06', 'C10'] }],
      },
      { dialect: 'duckdb', asOf: FIXTURE_AS_OF },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect((await engine.query(r.compiled.sql, r.compiled.params)).rows).toEqual([
      { customer_id: 'C06', lifecycle_stage: 'won_back', customers: 1 },
      { customer_id: 'C10', lifecycle_stage: 'churned', customers: 1 },
    ]);
    const snapshot = await engine.query(
      "SELECT customer_id, churned, last_churn_date FROM customer_snapshot WHERE customer_id IN ('C06', 'C10') ORDER BY 1",
    );
    expect(snapshot.rows).toEqual([
      { customer_id: 'C06', churned: false, last_churn_date: '2026-06-18' },
      { customer_id: 'C10', churned: true, last_churn_date: '2026-09-26' },
    ]);
  });
});
