import { describe, expect, it } from 'vitest';
import {
  chiSquareSurvival,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSurvival,
  normalTwoSidedP,
  zForConfidence,
} from './distributions.ts';

// Reference values: Abramowitz & Stegun (1964) Tables 26.1 / 26.5 / 26.8 (printed digits), and
// SciPy 1.x `scipy.stats.norm` / `scipy.stats.chi2` / `scipy.special.gammaln` for full precision.
describe('normal distribution', () => {
  it('matches the printed normal table (A&S 26.1): Φ(1) = 0.841344746, Φ(1.96) = 0.975002105, Φ(3) = 0.998650102', () => {
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 14);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('keeps relative accuracy deep in the tails (SciPy: Φ(−10) = 7.61985302416047e-24, 1−Φ(8.3) = 5.2055697448902465e-17)', () => {
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 12);
    expect(normalSurvival(8.3) / 5.2055697448902465e-17).toBeCloseTo(1, 12);
    expect(normalCdf(-40)).toBe(0);
  });

  it('inverts Φ to full precision (AS 241; z_0.975 = 1.959963984540054, z_0.999 = 3.090232306167813)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080409, 14);
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.262340089798409, 12);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0470962993612, 10);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it('round-trips Φ(Φ⁻¹(p)) = p across the range', () => {
    for (const p of [1e-12, 1e-6, 0.01, 0.2, 0.5, 0.7, 0.99, 0.999999]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
    }
  });

  it('gives the familiar 95% critical value and two-sided p (z = 1.96 → p = 0.04999579)', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(normalTwoSidedP(-1.96)).toBeCloseTo(0.04999579029644087, 14);
  });
});

describe('chi-square survival function', () => {
  it('returns 0.05 at the tabled critical values (A&S 26.8: 3.841459 for df 1, 7.814728 for df 3)', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 14);
    expect(chiSquareSurvival(7.814727903251178, 3)).toBeCloseTo(0.05, 13);
  });

  it('matches SciPy chi2.sf for small and large statistics and several df', () => {
    expect(chiSquareSurvival(16.79, 1) / 4.1752751389197874e-5).toBeCloseTo(1, 12);
    expect(chiSquareSurvival(0.5, 1)).toBeCloseTo(0.47950012218695337, 14);
    expect(chiSquareSurvival(10, 3)).toBeCloseTo(0.01856613546304325, 14);
    expect(chiSquareSurvival(7.5, 4)).toBeCloseTo(0.11170929281604328, 14);
    expect(chiSquareSurvival(0.001, 2)).toBeCloseTo(0.9995001249791693, 14);
    expect(chiSquareSurvival(100, 10) / 5.4497019829205215e-17).toBeCloseTo(1, 11);
    expect(chiSquareSurvival(50, 1) / 1.537459794428033e-12).toBeCloseTo(1, 11);
    expect(chiSquareSurvival(0, 2)).toBe(1);
  });
});

describe('log gamma', () => {
  it('matches ln Γ at known points (ln Γ(0.1) = 2.252712651734206, ln Γ(100) = ln 99!)', () => {
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 12);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 11);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
  });
});
