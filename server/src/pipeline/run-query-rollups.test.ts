/**
 * Issue 21 §2 on the generated demo (3,000 customers): questions a rollup covers are answered from it,
 * with the same rows as the base tables, and the run says which was used (the answer's provenance).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import { type DemoRuntime, demoRuntime } from '../../test/analysis/test-runtime.ts';
import { answerQuestion } from './answer-question.ts';
import { runQuery } from './run-query.ts';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ctx = { intent: 'metric' as const, language: 'en' as const };

const COVERED: { name: string; query: SemanticQueryInput; attributes?: Record<string, string[]> }[] = [
  {
    name: 'churn rate by region',
    query: { model: 'retail', metrics: ['churn_rate'], dimensions: ['region'], timeRange: Q3 },
  },
  {
    name: 'revenue and orders by sales channel, monthly',
    query: {
      model: 'retail',
      metrics: ['revenue', 'orders', 'avg_order_value'],
      dimensions: ['sales_channel'],
      time: { dimension: 'metric_time', grain: 'month' },
      timeRange: { start: '2026-01-01', end: '2026-10-01' },
    },
  },
  {
    name: 'customers and churned customers by acquisition channel for a regional manager',
    query: {
      model: 'retail',
      metrics: ['customers', 'churned_customers', 'lost_revenue'],
      dimensions: ['acquisition_channel'],
      timeRange: Q3,
    },
    attributes: { region: ['华东'] },
  },
];

describe('answers from rollups on the demo data', () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime();
  }, 600_000);
  afterAll(() => demo?.close());

  it('materialises the retail rollups with the derived tables', () => {
    expect(demo.runtime.rollups?.map((r) => `${r.id}:${r.grain}`).sort()).toEqual([
      'churn_by_region_tier_at_start:quarter',
      'churn_by_tier_at_start:quarter',
      'churn_overview:month',
      'churn_overview:quarter',
      'churn_overview:year',
    ]);
  });

  for (const c of COVERED) {
    it(`${c.name}: from the rollup, the same rows as the base tables`, async () => {
      const rollup = await runQuery(demo.runtime, c.query, { ...ctx, attributes: c.attributes });
      const base = await runQuery({ ...demo.runtime, rollups: [] }, c.query, {
        ...ctx,
        attributes: c.attributes,
      });
      if (!rollup.ok || !base.ok) throw new Error('query failed');
      expect(rollup.answeredFrom).toMatchObject({ kind: 'rollup', rollup: 'churn_overview' });
      expect(rollup.sql).toMatch(/rollup_churn_overview_/);
      expect(base.answeredFrom).toEqual({ kind: 'base' });
      expect(rollup.presentation.rows.length).toBeGreaterThan(0);
      // Sums of DOUBLE amounts add in another order: equal to the last bits (relative 1e-12).
      expect(rollup.presentation.rows.length).toBe(base.presentation.rows.length);
      rollup.presentation.rows.forEach((row, i) => {
        const want = base.presentation.rows[i]!;
        expect(Object.keys(row)).toEqual(Object.keys(want));
        for (const [k, v] of Object.entries(row)) {
          const w = want[k];
          if (typeof v === 'number' && typeof w === 'number')
            expect(Math.abs(v - w), `${k} of row ${i}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w)));
          else expect(v, `${k} of row ${i}`).toEqual(w);
        }
      });
    });
  }

  it('churn by value tier, answered point in time, reads the quarter-start rollups: the same answer', async () => {
    const ask = async (question: string, runtime = demo.runtime, attributes?: Record<string, string[]>) =>
      (
        await answerQuestion(
          { llm: null },
          {
            active: { runtime, versionNo: 1 },
            turn: { question, language: 'en' },
            conversationId: 'rollup-point-in-time',
            attributes,
          },
        )
      ).answer;
    const cases: [string, string, Record<string, string[]>?][] = [
      ['churn rate by value tier last quarter', 'churn_by_tier_at_start'],
      ['churn rate of high-value customers last quarter', 'churn_by_tier_at_start'],
      ['churn rate by value tier last quarter', 'churn_by_region_tier_at_start', { region: ['华南'] }],
    ];
    for (const [question, rollup, attributes] of cases) {
      const fromRollup = await ask(question, demo.runtime, attributes);
      const fromBase = await ask(question, { ...demo.runtime, rollups: [] }, attributes);
      expect(fromRollup.provenance.answeredFrom, question).toMatchObject({ kind: 'rollup', rollup });
      expect(fromBase.provenance.answeredFrom).toEqual({ kind: 'base' });
      expect(fromRollup.table?.rows.length, question).toBeGreaterThan(0);
      expect(fromRollup.table, question).toEqual(fromBase.table);
      expect(fromRollup.narrative).toBe(fromBase.narrative);
    }
  });

  it('a question no rollup covers reads the base tables', async () => {
    const run = await runQuery(
      demo.runtime,
      { model: 'retail', metrics: ['churn_rate'], dimensions: ['city'], timeRange: Q3 },
      ctx,
    );
    if (!run.ok) throw new Error('query failed');
    expect(run.answeredFrom).toEqual({ kind: 'base' });
  });

  it("the answer's provenance names the rollup, or the base tables", async () => {
    const ask = async (query: SemanticQueryInput) =>
      (
        await answerQuestion(
          { llm: null },
          {
            active: { runtime: demo.runtime, versionNo: 1 },
            turn: { query, language: 'en' },
            conversationId: 'rollup-provenance',
          },
        )
      ).answer.provenance.answeredFrom;
    expect(await ask(COVERED[0]!.query)).toMatchObject({
      kind: 'rollup',
      rollup: 'churn_overview',
      grain: 'quarter',
    });
    expect(
      await ask({ model: 'retail', metrics: ['tickets'], dimensions: ['region'], timeRange: Q3 }),
    ).toEqual({
      kind: 'base',
    });
  });
});
