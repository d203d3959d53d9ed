import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime, governedRows } from '../../../test/analysis/test-runtime.ts';
import { analysisContext } from '../governed/analysis-context.ts';
import { churnPopulation } from '../governed/churn-population.ts';
import { segmentDimensions } from '../governed/segment-dimensions.ts';
import { factorSplits } from './factor-splits.ts';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };

/** Rows of a split as `value → [events, population]`, comparable across both ways of computing it. */
const table = (rows: Record<string, unknown>[], dim: string, events: string, population: string) =>
  Object.fromEntries(
    rows
      .filter((r) => Number(r[population] ?? 0) > 0 || Number(r[events] ?? 0) > 0)
      .map((r) => [String(r[dim]), [Number(r[events] ?? 0), Number(r[population] ?? 0)]]),
  );

describe('factor splits in one statement', () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime();
  });
  afterAll(() => demo?.close());

  it('equals one governed query per dimension, for every candidate dimension of the drivers', async () => {
    const ctx = analysisContext(demo.runtime, {
      intent: 'drivers',
      language: 'en',
      query: { model: 'retail', metrics: ['churn_rate'], timeRange: Q3 },
    });
    const pop = churnPopulation(ctx);
    const dims = segmentDimensions(demo.runtime, pop.events, { maxValues: 20 });
    expect(dims.length).toBeGreaterThan(8);
    const result = await factorSplits(ctx, pop, dims);
    expect(result.separate).toEqual([]);
    for (const [i, d] of dims.entries()) {
      const own = await governedRows(demo.runtime, {
        metrics: [pop.events, pop.population],
        dimensions: [d.id],
        timeRange: pop.range,
      });
      expect(table(result.splits[i]!, d.id, pop.events, pop.population), d.id).toEqual(
        table(own, d.id, pop.events, pop.population),
      );
    }
    const [total] = await governedRows(demo.runtime, {
      metrics: [pop.events, pop.population],
      timeRange: pop.range,
    });
    expect(Number(result.totals[pop.population])).toBe(Number(total![pop.population]));
  });

  it('reads a dimension on its own when its combined split does not add up to the totals', async () => {
    // Over two quarter snapshots a customer is one population member per snapshot but counted once
    // (distinct) in the total: the value tier changes between snapshots, so its roll-up over-counts.
    const ctx = analysisContext(demo.runtime, {
      intent: 'drivers',
      language: 'en',
      query: { model: 'retail', metrics: ['churn_rate'] },
    });
    const pop = { ...churnPopulation(ctx), range: { start: '2026-04-01', end: '2026-10-01' } };
    const dims = segmentDimensions(demo.runtime, pop.events, { maxValues: 20 }).filter((d) =>
      ['value_tier', 'region'].includes(d.id),
    );
    expect(dims.map((d) => d.id).sort()).toEqual(['region', 'value_tier']);
    const result = await factorSplits(ctx, pop, dims);
    expect(result.separate).toContain('value_tier');
    const i = dims.findIndex((d) => d.id === 'value_tier');
    const own = await governedRows(demo.runtime, {
      metrics: [pop.events, pop.population],
      dimensions: ['value_tier'],
      timeRange: pop.range,
    });
    expect(table(result.splits[i]!, 'value_tier', pop.events, pop.population)).toEqual(
      table(own, 'value_tier', pop.events, pop.population),
    );
  });
});
