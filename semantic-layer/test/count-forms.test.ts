import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../src/index.ts';
import type { SemanticModel } from '../src/model.ts';
import type { SemanticQueryInput } from '../src/query.ts';
import { FIXTURE_AS_OF } from './fixture.ts';
import { fixtureEngine, retailModel } from './load-fixture.ts';
import type { TestDuck } from './test-duck.ts';

/**
 * Cheaper counts with the same answer: a distinct count of customers over spells that never overlap
 * (validity.entity) is a count of rows, unless a join multiplies the spells; a count of a primary-key
 * column is COUNT(*). Proven on the hand-checked fixture, where C01 has two logistics tickets.
 */

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
let model: SemanticModel;
let engine: TestDuck;
beforeAll(async () => {
  model = retailModel();
  engine = await fixtureEngine(model);
});
afterAll(async () => {
  await engine?.close();
});

async function run(query: Omit<SemanticQueryInput, 'model'>) {
  const r = compile(model, { model: 'retail', ...query }, { dialect: 'duckdb', asOf: FIXTURE_AS_OF });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { sql: r.compiled.sql, rows: (await engine.query(r.compiled.sql, r.compiled.params)).rows };
}

describe('count forms', () => {
  it('counts spell rows for customers active at the start when no join multiplies them', async () => {
    const { sql, rows } = await run({
      metrics: ['churned_customers', 'active_customers'],
      dimensions: ['region'],
      timeRange: Q3,
    });
    expect(sql).not.toContain('DISTINCT');
    expect(sql).toContain('COUNT(*) FILTER (WHERE t0.__to < CAST($');
    expect(rows).toEqual([
      { region: '华东', churned_customers: 2, active_customers: 3 },
      { region: '华北', churned_customers: 1, active_customers: 1 },
      { region: '华南', churned_customers: 2, active_customers: 3 },
    ]);
  });

  it('keeps the distinct count when a one-to-many join multiplies the spells (tickets per customer)', async () => {
    const { sql, rows } = await run({
      metrics: ['churned_customers', 'active_customers'],
      dimensions: ['ticket_category'],
      timeRange: Q3,
    });
    expect(sql).toContain('COUNT(DISTINCT');
    // C01 (two logistics tickets) is one customer; C07, C08 and C11 have no ticket.
    expect(rows).toEqual([
      { ticket_category: 'logistics', churned_customers: 1, active_customers: 1 },
      { ticket_category: 'price', churned_customers: 0, active_customers: 1 },
      { ticket_category: 'product_quality', churned_customers: 1, active_customers: 1 },
      { ticket_category: 'service', churned_customers: 1, active_customers: 1 },
      { ticket_category: null, churned_customers: 2, active_customers: 3 },
    ]);
  });

  it('reads buyers and repeat buyers from one pass over orders per customer', async () => {
    const { sql, rows } = await run({
      metrics: ['repeat_purchase_rate', 'buyers', 'repeat_buyers'],
      timeRange: Q3,
    });
    expect(sql.match(/FROM "orders"/g)).toHaveLength(1);
    // Q3 completed orders: C02, C04 (two), C06, C08 → 4 buyers, 1 repeat buyer.
    expect(rows).toEqual([{ repeat_purchase_rate: 0.25, buyers: 4, repeat_buyers: 1 }]);
  });

  it('counts rows for a count of a primary-key column, with the measure filter kept', async () => {
    const { sql, rows } = await run({ metrics: ['orders', 'nps_responses'], timeRange: Q3 });
    expect(sql).toContain('COUNT(*) AS m_order_count');
    expect(sql).toContain('COUNT(*) FILTER (WHERE t0.f_nps_response_count) AS m_nps_response_count');
    expect(rows).toEqual([{ orders: 5, nps_responses: 4 }]);
  });

  it('counts rows for a distinct count of a one-column primary key, unless a join multiplies them', async () => {
    const byRegion = await run({ metrics: ['customers'], dimensions: ['region'] });
    expect(byRegion.sql).toContain('COUNT(*) AS m_customer_count');
    expect(byRegion.rows).toEqual([
      { region: '华东', customers: 4 },
      { region: '华北', customers: 3 },
      { region: '华南', customers: 5 },
    ]);
    // Customers by ticket category: C01's two logistics tickets still make one customer.
    const byTicket = await run({ metrics: ['customers'], dimensions: ['ticket_category'] });
    expect(byTicket.sql).toContain('COUNT(DISTINCT');
    expect(byTicket.rows.find((r) => r.ticket_category === 'logistics')).toEqual({
      ticket_category: 'logistics',
      customers: 1,
    });
  });
});
