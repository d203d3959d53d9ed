import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './multiple-testing.ts';
import { attributableFractionInterval, relativeRisk, relativeRiskPValue } from './risk-measures.ts';

describe('benjaminiHochberg', () => {
  it("matches R's p.adjust(method = 'BH')", () => {
    // p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH") → 0.05 0.05 0.05 0.05 0.05
    expect(benjaminiHochberg([0.01, 0.02, 0.03, 0.04, 0.05])).toEqual(
      [0.05, 0.05, 0.05, 0.05, 0.05].map((v) => expect.closeTo(v, 12)),
    );
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") → 0.02 0.04 0.04 0.02
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q.map((v) => Number(v.toFixed(10)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });
  it('one significant test among 43 does not survive at p = 0.025', () => {
    const p = [0.025, ...new Array(42).fill(0.5)];
    expect(benjaminiHochberg(p)[0]).toBeGreaterThan(0.05);
  });
  it('counts a non-finite p as 1 and caps q at 1', () => {
    expect(benjaminiHochberg([Number.NaN, 0.9])).toEqual([1, 1]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('attributableFractionInterval', () => {
  it("equals Levin's PAF and brackets it", () => {
    const r = attributableFractionInterval({ a: 100, b: 900, c: 100, d: 1900 });
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.fraction).toBeCloseTo(0.25, 12);
    expect(r.value.interval.lower).toBeLessThan(0.25);
    expect(r.value.interval.upper).toBeGreaterThan(0.25);
    expect(r.value.interval.lower).toBeGreaterThan(0.1);
    expect(r.value.interval.upper).toBeLessThan(0.4);
  });
  it('covers the true PAF about 95% of the time (simulation, fixed seed)', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const share = 0.2;
    const p0 = 0.08;
    const p1 = 0.16;
    const truth = 1 - p0 / (share * p1 + (1 - share) * p0);
    let covered = 0;
    const runs = 400;
    for (let r = 0; r < runs; r++) {
      const t = { a: 0, b: 0, c: 0, d: 0 };
      for (let i = 0; i < 3000; i++) {
        const exposed = rand() < share;
        const churn = rand() < (exposed ? p1 : p0);
        if (exposed) churn ? t.a++ : t.b++;
        else churn ? t.c++ : t.d++;
      }
      const ci = attributableFractionInterval(t);
      if (ci.ok && ci.value.interval.lower <= truth && truth <= ci.value.interval.upper) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.92);
    expect(covered / runs).toBeLessThan(0.98);
  });
  it('fails on c = 0', () => {
    expect(attributableFractionInterval({ a: 1, b: 1, c: 0, d: 5 }).ok).toBe(false);
  });
});

describe('relativeRiskPValue', () => {
  it('is 0.05 where the 95% interval touches 1', () => {
    const rr = relativeRisk({ a: 189, b: 10845, c: 104, d: 10933 });
    if (!rr.ok) throw new Error('rr');
    expect(relativeRiskPValue(rr.value)).toBeLessThan(0.001);
    const z = Math.log(rr.value.relativeRisk) / rr.value.logStandardError;
    expect(z).toBeGreaterThan(3);
  });
});
