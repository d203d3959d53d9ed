import { describe, expect, it } from 'vitest';
import { decomposeRateChange, type SegmentCounts } from './decomposition.ts';

describe('decomposeRateChange', () => {
  it('splits a hand-computed two-segment change into mix and rate', () => {
    // A: SMB 600 customers, 60 churned (10%); Enterprise 400, 20 (5%) → R_A = 80/1000 = 8%.
    // B: SMB 800, 96 (12%); Enterprise 200, 12 (6%) → R_B = 108/1000 = 10.8%; ΔR = 0.028.
    // SMB:  mix = (0.8 − 0.6)(0.10 + 0.12)/2 = 0.022;  rate = (0.12 − 0.10)(0.6 + 0.8)/2 = 0.014.
    // Ent.: mix = (0.2 − 0.4)(0.05 + 0.06)/2 = −0.011; rate = (0.06 − 0.05)(0.4 + 0.2)/2 = 0.003.
    // Mix 0.011 + rate 0.017 = 0.028.
    const r = decomposeRateChange([
      { segment: 'SMB', populationA: 600, eventsA: 60, populationB: 800, eventsB: 96 },
      { segment: 'Enterprise', populationA: 400, eventsA: 20, populationB: 200, eventsB: 12 },
    ]);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.rateA).toBeCloseTo(0.08, 15);
    expect(r.value.rateB).toBeCloseTo(0.108, 15);
    expect(r.value.difference).toBeCloseTo(0.028, 15);
    expect(r.value.mixEffect).toBeCloseTo(0.011, 15);
    expect(r.value.rateEffect).toBeCloseTo(0.017, 15);
    expect(r.value.segments[0]).toMatchObject({ segment: 'SMB', presentIn: 'both' });
    expect(r.value.segments[0].mix).toBeCloseTo(0.022, 15);
    expect(r.value.segments[0].rate).toBeCloseTo(0.014, 15);
    expect(r.value.segments[1].mix).toBeCloseTo(-0.011, 15);
    expect(r.value.segments[1].rate).toBeCloseTo(0.003, 15);
  });

  it('adds up exactly (to 1e-12) on many random segments, including ones present in only one period', () => {
    let state = 99;
    const random = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 4294967296;
    };
    for (let trial = 0; trial < 50; trial++) {
      const segments: SegmentCounts[] = Array.from({ length: 12 }, (_, k) => {
        const populationA = k === 0 ? 0 : Math.floor(random() * 5000);
        const populationB = k === 1 ? 0 : Math.floor(random() * 5000) + 1;
        return {
          segment: `s${k}`,
          populationA,
          eventsA: Math.floor(random() * populationA * 0.3),
          populationB,
          eventsB: Math.floor(random() * populationB * 0.3),
        };
      });
      const r = decomposeRateChange(segments);
      if (!r.ok) throw new Error(r.issue.message);
      const v = r.value;
      expect(Math.abs(v.mixEffect + v.rateEffect - v.difference)).toBeLessThan(1e-12);
      const bySegment = v.segments.reduce((sum, s) => sum + s.total, 0);
      expect(Math.abs(bySegment - v.difference)).toBeLessThan(1e-12);
    }
  });

  it('counts a new segment entirely as mix: wᴮ·rᴮ, with zero rate effect', () => {
    // A: only Retail 1000 customers, 100 churned (10%). B: Retail 900, 90 (10%); new Online 100, 30 (30%).
    // R_B = 120/1000 = 12%, ΔR = 0.02. Online mix = (0.1 − 0)(0.3 + 0.3)/2 = 0.03;
    // Retail mix = (0.9 − 1)(0.1 + 0.1)/2 = −0.01; rate effects 0.
    const r = decomposeRateChange([
      { segment: 'Retail', populationA: 1000, eventsA: 100, populationB: 900, eventsB: 90 },
      { segment: 'Online', populationA: 0, eventsA: 0, populationB: 100, eventsB: 30 },
    ]);
    if (!r.ok) throw new Error(r.issue.message);
    const online = r.value.segments.find((s) => s.segment === 'Online')!;
    expect(online.presentIn).toBe('B');
    expect(online.mix).toBeCloseTo(0.03, 15);
    expect(online.rate).toBe(0);
    expect(r.value.rateEffect).toBeCloseTo(0, 15);
    expect(r.value.difference).toBeCloseTo(0.02, 15);
  });

  it('returns issues for empty periods and impossible counts', () => {
    expect(decomposeRateChange([])).toMatchObject({ ok: false, issue: { code: 'empty_input' } });
    expect(
      decomposeRateChange([{ segment: 'x', populationA: 0, eventsA: 0, populationB: 5, eventsB: 1 }]),
    ).toMatchObject({ ok: false, issue: { code: 'empty_input' } });
    expect(
      decomposeRateChange([{ segment: 'x', populationA: 5, eventsA: 6, populationB: 5, eventsB: 1 }]),
    ).toMatchObject({ ok: false, issue: { code: 'invalid_argument' } });
  });
});
