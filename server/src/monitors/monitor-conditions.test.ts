import { describe, expect, it } from 'vitest';
import { evaluateCondition, sampleSd } from './monitor-conditions.ts';

describe('monitor conditions', () => {
  it('threshold above and below', () => {
    const r = { value: 0.12, previous: 0.1, trailing: [] };
    expect(evaluateCondition({ type: 'threshold', op: 'above', value: 0.1 }, r).fired).toBe(true);
    expect(evaluateCondition({ type: 'threshold', op: 'below', value: 0.1 }, r).fired).toBe(false);
  });

  it('change in percentage points and in percent, with direction', () => {
    const r = { value: 0.115, previous: 0.1, trailing: [] };
    const pp = evaluateCondition({ type: 'change', direction: 'up', by: 1.5, unit: 'pp' }, r);
    expect(pp.fired).toBe(true);
    expect(pp.change).toBeCloseTo(0.015, 12);
    expect(evaluateCondition({ type: 'change', direction: 'up', by: 1.6, unit: 'pp' }, r).fired).toBe(false);
    expect(evaluateCondition({ type: 'change', direction: 'down', by: 1, unit: 'pp' }, r).fired).toBe(false);
    const pct = evaluateCondition({ type: 'change', direction: 'any', by: 15, unit: 'percent' }, r);
    expect(pct.relativeChange).toBeCloseTo(0.15, 12);
    expect(pct.fired).toBe(true);
    expect(evaluateCondition({ type: 'change', direction: 'any', by: 16, unit: 'percent' }, r).fired).toBe(
      false,
    );
  });

  it('anomaly: z-score against the trailing periods (sample standard deviation)', () => {
    const trailing = [10, 12, 11, 13, 9, 11];
    expect(sampleSd(trailing)).toBeCloseTo(Math.sqrt(10 / 5), 12);
    const out = evaluateCondition(
      { type: 'anomaly', method: 'zscore', trailing: 6, z: 2 },
      { value: 15, previous: 11, trailing },
    );
    expect(out.mean).toBe(11);
    expect(out.z).toBeCloseTo(4 / Math.sqrt(10 / 5), 12);
    expect(out.fired).toBe(true);
    const calm = evaluateCondition(
      { type: 'anomaly', method: 'zscore', trailing: 6, z: 2 },
      { value: 12, previous: 11, trailing },
    );
    expect(calm.fired).toBe(false);
  });
});
