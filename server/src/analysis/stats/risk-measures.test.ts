import { describe, expect, it } from 'vitest';
import {
  phiCoefficient,
  populationAttributableFraction,
  relativeRisk,
  riskComparison,
  riskDifference,
} from './risk-measures.ts';

// Physicians' Health Study (Steering Committee, NEJM 1989; used in Agresti, An Introduction to
// Categorical Data Analysis, §2.2): placebo (factor) 189 MI / 10845 none; aspirin 104 / 10933.
const aspirin = { a: 189, b: 10845, c: 104, d: 10933 };

describe('relativeRisk', () => {
  it('gives RR 1.82 with log-method CI (1.433, 2.306) for the aspirin table', () => {
    // By hand: RR = (189/11034)/(104/11037) = 1.817802; SE(ln RR) = √(1/189 − 1/11034 + 1/104 − 1/11037)
    // = 0.1213473; CI = 1.817802·exp(±1.959964·0.1213473) = (1.433031, 2.305884). Agresti reports RR 1.82.
    const r = relativeRisk(aspirin);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.relativeRisk).toBeCloseTo(1.8178017944535074, 12);
    expect(r.value.logStandardError).toBeCloseTo(0.12134725629566442, 12);
    expect(r.value.interval.lower).toBeCloseTo(1.4330309030505628, 10);
    expect(r.value.interval.upper).toBeCloseTo(2.3058842324224456, 10);
  });

  it('refuses the log method when a churn cell is zero', () => {
    expect(relativeRisk({ a: 0, b: 10, c: 3, d: 7 })).toMatchObject({
      ok: false,
      issue: { code: 'zero_cell' },
    });
    expect(relativeRisk({ a: 0, b: 0, c: 3, d: 7 })).toMatchObject({
      ok: false,
      issue: { code: 'empty_input' },
    });
  });
});

describe('riskDifference and phi', () => {
  it('gives the aspirin risk difference 0.0077 (0.0047, 0.0107) and phi 0.0337', () => {
    const rd = riskDifference(aspirin);
    if (!rd.ok) throw new Error(rd.issue.message);
    expect(rd.value.difference).toBeCloseTo(0.0077060239760047815, 14);
    expect(rd.value.interval.lower).toBeCloseTo(0.004687750675049439, 12);
    expect(rd.value.interval.upper).toBeCloseTo(0.010724297276960124, 12);
    // φ² = X²/N: 25.013884/22071 = 0.00113334, φ = 0.0336651.
    const phi = phiCoefficient(aspirin);
    expect(phi.ok && phi.value).toBeCloseTo(0.03366507296510879, 14);
  });

  it('is −1 for perfect negative association and fails when nobody churned', () => {
    const perfect = phiCoefficient({ a: 0, b: 5, c: 5, d: 0 });
    expect(perfect.ok && perfect.value).toBe(-1);
    expect(phiCoefficient({ a: 0, b: 5, c: 0, d: 5 })).toMatchObject({
      ok: false,
      issue: { code: 'no_variation' },
    });
  });
});

describe('populationAttributableFraction', () => {
  it('follows Levin’s formula and equals (p − p₀)/p on the same table', () => {
    // 300 customers with the factor churn at 20% (a = 60), 700 without churn at 10% (c = 70):
    // P(X) = 0.3, RR = 2, PAF = 0.3/1.3 = 0.230769; overall p = 0.13, (0.13 − 0.10)/0.13 = 0.230769.
    expect(populationAttributableFraction(0.3, 2)).toBeCloseTo(0.3 / 1.3, 15);
    const r = riskComparison({ a: 60, b: 240, c: 70, d: 630 });
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.attributableFraction).toBeCloseTo((0.13 - 0.1) / 0.13, 14);
    expect(r.value.exposedShare).toBe(0.3);
    expect(r.value.relativeRisk?.relativeRisk).toBeCloseTo(2, 14);
    expect(r.value.customers).toBe(1000);
  });

  it('keeps ranking possible when RR is undefined', () => {
    const r = riskComparison({ a: 4, b: 6, c: 0, d: 90 });
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.relativeRisk).toBeNull();
    expect(r.value.attributableFraction).toBeNull();
    expect(r.value.riskDifference.difference).toBeCloseTo(0.4, 15);
  });
});
