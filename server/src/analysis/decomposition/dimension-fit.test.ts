import { describe, expect, it } from 'vitest';
import { decomposeRateChange, type SegmentCounts } from '../stats/index.ts';
import { bestFit, type Decomposed, dimensionFit } from './dimension-fit.ts';

/** Customers of one cell: its population (the same in both periods) and churners in A and B. */
type Cell = { region: string; channel: string; n: number; a: number; b: number };

/** The cells rolled up by one dimension and decomposed, as the analysis does per candidate dimension. */
function decomposedBy(cells: Cell[], key: 'region' | 'channel'): Decomposed {
  const by = new Map<string, SegmentCounts>();
  for (const c of cells) {
    const s = by.get(c[key]) ?? { segment: c[key], populationA: 0, eventsA: 0, populationB: 0, eventsB: 0 };
    s.populationA += c.n;
    s.populationB += c.n;
    s.eventsA += c.a;
    s.eventsB += c.b;
    by.set(c[key], s);
  }
  const counts = [...by.values()];
  const r = decomposeRateChange(counts);
  if (!r.ok) throw new Error(r.issue.message);
  return { counts, result: r.value };
}

describe('dimensionFit', () => {
  // 华北 (15%) rises from 9% to 21% while every other region falls from 10.5% to 8.5%: the total
  // barely moves (−0.1 pp). Channel carries nothing beyond noise.
  const hidden: Cell[] = [
    { region: '华北', channel: 'app', n: 450, a: 40, b: 95 },
    { region: '华北', channel: 'web', n: 1050, a: 95, b: 220 },
    { region: '其他', channel: 'app', n: 2550, a: 270, b: 215 },
    { region: '其他', channel: 'web', n: 5950, a: 625, b: 490 },
  ];

  it('finds a segment moving against a near-zero net change', () => {
    const region = dimensionFit('region', decomposedBy(hidden, 'region'));
    const d = decomposedBy(hidden, 'region').result;
    expect(d.difference).toBeCloseTo(-0.001, 12);
    expect(region.segment).toBe('华北');
    expect(region.contribution).toBeCloseTo(0.15 * (0.21 - 0.09), 12);
    expect(region.departure).toBeCloseTo(region.contribution - 0.15 * d.difference, 12);
    expect(region.explainedShare).toBeLessThan(-10);
    expect(region.z).toBeGreaterThan(8);
    const channel = dimensionFit('channel', decomposedBy(hidden, 'channel'));
    expect(Math.abs(channel.z)).toBeLessThan(2);
    expect(bestFit([channel, region])).toBe(1);
  });

  it('scores a change spread in proportion to segment sizes near zero', () => {
    // Every cell's rate rises by the same 3 points.
    const even = hidden.map((c) => ({ ...c, b: c.a + Math.round(0.03 * c.n) }));
    for (const key of ['region', 'channel'] as const) {
      const fit = dimensionFit(key, decomposedBy(even, key));
      expect(Math.abs(fit.z)).toBeLessThan(0.5);
    }
  });

  it('weighs a departure by its standard error, so a small noisy segment does not outrank a clear one', () => {
    // A 1% segment with a big swing (3 of 100 → 8 of 100) against a 30% segment rising 2 points.
    const cells: Cell[] = [
      { region: 'tiny', channel: 'x', n: 100, a: 3, b: 8 },
      { region: 'large', channel: 'x', n: 3000, a: 300, b: 360 },
      { region: 'rest', channel: 'x', n: 6900, a: 690, b: 690 },
    ];
    const fit = dimensionFit('region', decomposedBy(cells, 'region'));
    // 'rest' departs as much the other way (it lagged) but its own rate did not move: not named.
    expect(fit.segment).toBe('large');
    expect(fit.weight).toBeCloseTo(0.3, 12);
  });

  it('skips segments under 30 customers', () => {
    const cells: Cell[] = [
      { region: 'small', channel: 'x', n: 20, a: 1, b: 15 },
      { region: 'mover', channel: 'x', n: 3000, a: 300, b: 345 },
      { region: 'rest', channel: 'x', n: 6980, a: 698, b: 698 },
    ];
    const fit = dimensionFit('region', decomposedBy(cells, 'region'));
    expect(fit.segment).toBe('mover');
  });
});
