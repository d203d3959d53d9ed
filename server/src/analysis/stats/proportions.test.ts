import { describe, expect, it } from 'vitest';
import { netPromoterScore, sampleSizePerArm, twoProportionZTest, wilsonInterval } from './proportions.ts';

describe('twoProportionZTest', () => {
  it('uses the pooled SE for z and the unpooled SE for the CI (hand example 60/100 vs 50/100)', () => {
    // By hand: p̄ = 0.55, SE₀ = √(0.55·0.45·0.02) = 0.0703562, z = 0.1/0.0703562 = 1.421338,
    // p = 2(1 − Φ(1.421338)) = 0.155218; unpooled SE = √(0.0024 + 0.0025) = 0.07,
    // CI = 0.1 ± 1.959964·0.07 = (−0.037197, 0.237197).
    const r = twoProportionZTest(60, 100, 50, 100);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.pooledProportion).toBeCloseTo(0.55, 15);
    expect(r.value.standardErrorPooled).toBeCloseTo(0.0703562363973, 12);
    expect(r.value.z).toBeCloseTo(1.4213381090374029, 12);
    expect(r.value.pValue).toBeCloseTo(0.15521848968468407, 12);
    expect(r.value.standardErrorUnpooled).toBeCloseTo(0.07, 15);
    expect(r.value.differenceInterval.lower).toBeCloseTo(-0.03719747891780378, 12);
    expect(r.value.differenceInterval.upper).toBeCloseTo(0.2371974789178038, 12);
  });

  it('reproduces the Physicians’ Health Study aspirin table (Agresti, Intro. to Categorical Data Analysis, §2.2)', () => {
    // Placebo 189/11034 vs aspirin 104/11037 myocardial infarctions. Agresti: difference 0.0077 with
    // 95% CI (0.005, 0.011). z² equals Pearson's X² = 25.01 (SciPy chi2_contingency, no correction).
    const r = twoProportionZTest(189, 11034, 104, 11037);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.difference).toBeCloseTo(0.0077, 4);
    expect(r.value.differenceInterval.lower).toBeCloseTo(0.005, 3);
    expect(r.value.differenceInterval.upper).toBeCloseTo(0.011, 3);
    expect(r.value.z ** 2).toBeCloseTo(25.013883967194165, 9);
    expect(r.value.pValue).toBeCloseTo(5.691896973740789e-7, 15);
  });

  it('returns issues, not exceptions, for empty groups and no variation', () => {
    expect(twoProportionZTest(0, 0, 1, 10)).toMatchObject({ ok: false, issue: { code: 'empty_input' } });
    expect(twoProportionZTest(0, 10, 0, 10)).toMatchObject({ ok: false, issue: { code: 'no_variation' } });
    expect(twoProportionZTest(11, 10, 0, 10)).toMatchObject({
      ok: false,
      issue: { code: 'invalid_argument' },
    });
  });
});

describe('wilsonInterval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, examples 81/263, 15/148, 0/20, 1/29 (method 3,
  // score without continuity correction); values derived by hand from Wilson's formula, checked with NumPy.
  it('matches the Wilson score limits for Newcombe’s examples', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2552885198782742, 0.36620957698280004],
      [15, 148, 0.0623863995307363, 0.16048724172330803],
      [0, 20, 0, 0.16112515805281938],
      [1, 29, 0.006113214292762653, 0.17175521879320288],
    ];
    for (const [x, n, lower, upper] of cases) {
      const r = wilsonInterval(x, n);
      if (!r.ok) throw new Error(r.issue.message);
      expect(r.value.lower).toBeCloseTo(lower, 12);
      expect(r.value.upper).toBeCloseTo(upper, 12);
    }
  });

  it('pins the upper limit to 1 when every trial is an event', () => {
    const r = wilsonInterval(20, 20);
    expect(r.ok && r.value.upper).toBe(1);
    expect(r.ok && r.value.lower).toBeCloseTo(1 - 0.16112515805281938, 12);
  });
});

describe('sampleSizePerArm', () => {
  it('needs 1091 per arm to detect 25% vs 20% churn at α = 0.05, power 0.8', () => {
    // By hand: (1.959964 + 0.841621)² = 7.848879; [0.1875 + 0.16]/0.0025 = 139; n = 1090.994.
    const r = sampleSizePerArm(0.25, 0.2);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.n).toBeCloseTo(1090.994283074523, 8);
    expect(r.value.perArm).toBe(1091);
  });

  it('refuses equal proportions', () => {
    expect(sampleSizePerArm(0.2, 0.2)).toMatchObject({ ok: false, issue: { code: 'invalid_argument' } });
  });
});

describe('netPromoterScore', () => {
  it('computes NPS and its SE in points (50 promoters, 30 passives, 20 detractors)', () => {
    // By hand: NPS = 100(0.5 − 0.2) = 30; SE = 100√((0.5 + 0.2 − 0.09)/100) = 100√0.0061 = 7.81025.
    const r = netPromoterScore({ promoters: 50, passives: 30, detractors: 20 });
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.nps).toBeCloseTo(30, 12);
    expect(r.value.standardError).toBeCloseTo(7.810249675906654, 12);
    expect(r.value.interval.lower).toBeCloseTo(30 - 1.959963984540054 * 7.810249675906654, 10);
  });

  it('reports no respondents as an issue', () => {
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toMatchObject({
      ok: false,
      issue: { code: 'empty_input' },
    });
  });
});
