import { describe, expect, it } from 'vitest';
import { explainScore, predictLogOdds, predictProbabilities } from './logistic-prediction.ts';
import { fitLogisticRegression, type LogisticModel } from './logistic-regression.ts';
import type { StatsResult } from './stats-result.ts';

function unwrap(r: StatsResult<LogisticModel>): LogisticModel {
  if (!r.ok) throw new Error(`${r.issue.code}: ${r.issue.message}`);
  return r.value;
}

// Space Shuttle O-ring data, 23 launches before Challenger (Dalal, Fowlkes & Hoadley 1989, JASA 84:945–957):
// launch temperature (°F) and whether any O-ring was damaged. Published MLE (e.g. Agresti 2002 §5.x,
// R glm): intercept 15.0429 (SE 7.3786), temperature −0.2322 (SE 0.1082); residual deviance 20.315, null 28.267.
const temperature = [
  66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58,
];
const damaged = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1];

describe('fitLogisticRegression', () => {
  it('fits grouped rows with frequency weights exactly as the expanded rows', () => {
    // Challenger data grouped by temperature: one row per (temperature, outcome) with its count.
    const groups = new Map<string, number>();
    temperature.forEach((t, i) => {
      const key = `${t}|${damaged[i]}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    });
    const keys = [...groups.keys()];
    expect(keys.length).toBeLessThan(temperature.length);
    const grouped = unwrap(
      fitLogisticRegression({
        featureNames: ['temperature'],
        columns: [keys.map((k) => Number(k.split('|')[0]))],
        outcome: keys.map((k) => Number(k.split('|')[1])),
        weights: keys.map((k) => groups.get(k)!),
      }),
    );
    const rows = unwrap(
      fitLogisticRegression({ featureNames: ['temperature'], columns: [temperature], outcome: damaged }),
    );
    expect(grouped.rows).toBe(23);
    expect(grouped.events).toBe(7);
    expect(grouped.coefficients[0].mean).toBeCloseTo(rows.coefficients[0].mean, 12);
    expect(grouped.coefficients[0].sd).toBeCloseTo(rows.coefficients[0].sd, 12);
    expect(grouped.intercept.estimate).toBeCloseTo(15.04290165, 6);
    expect(grouped.coefficients[0].estimate).toBeCloseTo(-0.23216274, 7);
    expect(grouped.coefficients[0].standardError).toBeCloseTo(0.10823652, 7);
    expect(grouped.deviance).toBeCloseTo(rows.deviance, 8);
    expect(grouped.nullLogLikelihood).toBeCloseTo(rows.nullLogLikelihood, 10);
    // A zero weight leaves a row out.
    const withZero = unwrap(
      fitLogisticRegression({
        featureNames: ['temperature'],
        columns: [[...temperature, 40]],
        outcome: [...damaged, 0],
        weights: [...temperature.map(() => 1), 0],
      }),
    );
    expect(withZero.coefficients[0].estimate).toBeCloseTo(-0.23216274, 7);
    const bad = fitLogisticRegression({
      featureNames: ['temperature'],
      columns: [temperature],
      outcome: damaged,
      weights: temperature.map(() => -1),
    });
    expect(bad.ok ? null : bad.issue.code).toBe('invalid_argument');
  });

  it('reproduces the published Challenger O-ring fit', () => {
    const m = unwrap(
      fitLogisticRegression({ featureNames: ['temperature'], columns: [temperature], outcome: damaged }),
    );
    expect(m.converged).toBe(true);
    expect(m.intercept.estimate).toBeCloseTo(15.0429, 4);
    expect(m.intercept.standardError).toBeCloseTo(7.3786, 4);
    expect(m.coefficients[0].estimate).toBeCloseTo(-0.2322, 4);
    expect(m.coefficients[0].standardError).toBeCloseTo(0.1082, 4);
    // Full-precision values from an independent NumPy IRLS: 15.04290165, −0.23216274, SEs 7.37863638, 0.10823652.
    expect(m.intercept.estimate).toBeCloseTo(15.04290165, 6);
    expect(m.coefficients[0].standardError).toBeCloseTo(0.10823652, 7);
    expect(m.deviance).toBeCloseTo(20.315, 3);
    expect(-2 * m.nullLogLikelihood).toBeCloseTo(28.267, 3);
    expect(m.warnings).toEqual([]);
    // Per-SD effect: the same slope times the temperature SD (7.0571).
    expect(m.coefficients[0].standardized.estimate / m.coefficients[0].sd).toBeCloseTo(-0.23216274, 7);
    expect(m.coefficients[0].oddsRatio).toBeCloseTo(Math.exp(-0.23216274), 7);
  });

  it('predicts near-certain damage at the 31°F Challenger launch temperature (0.9996)', () => {
    const m = unwrap(
      fitLogisticRegression({ featureNames: ['temperature'], columns: [temperature], outcome: damaged }),
    );
    expect(predictProbabilities(m, [[31]])[0]).toBeCloseTo(0.9996087828849319, 6);
  });

  it('equals the 2×2 closed form for one binary predictor (slope = log OR, SE = √(1/a+1/b+1/c+1/d))', () => {
    // With the factor: 30 churned, 70 stayed; without: 10 churned, 90 stayed. By hand:
    // slope = ln(30·90/(70·10)) = ln 3.857143 = 1.349927, SE = √(1/30 + 1/70 + 1/10 + 1/90) = 0.398410;
    // intercept = ln(10/90) = −2.197225, SE = √(1/10 + 1/90) = 0.333333; OR CI = exp(1.349927 ± 1.959964·0.398410).
    const x: number[] = [];
    const y: number[] = [];
    const add = (xv: number, yv: number, count: number) => {
      for (let i = 0; i < count; i++) {
        x.push(xv);
        y.push(yv);
      }
    };
    add(1, 1, 30);
    add(1, 0, 70);
    add(0, 1, 10);
    add(0, 0, 90);
    const m = unwrap(fitLogisticRegression({ featureNames: ['factor'], columns: [x], outcome: y }));
    const slope = m.coefficients[0];
    expect(slope.estimate).toBeCloseTo(Math.log((30 * 90) / (70 * 10)), 10);
    expect(slope.standardError).toBeCloseTo(Math.sqrt(1 / 30 + 1 / 70 + 1 / 10 + 1 / 90), 10);
    expect(m.intercept.estimate).toBeCloseTo(Math.log(10 / 90), 10);
    expect(m.intercept.standardError).toBeCloseTo(Math.sqrt(1 / 10 + 1 / 90), 10);
    expect(slope.oddsRatio).toBeCloseTo((30 * 90) / 700, 9);
    expect(slope.oddsRatioInterval.lower).toBeCloseTo(
      Math.exp(1.3499267169490159 - 1.959963984540054 * 0.3984095364),
      8,
    );
  });

  it('matches an independent NumPy IRLS on three correlated-scale features', () => {
    const { columns, outcome } = syntheticChurn(300);
    const m = unwrap(fitLogisticRegression({ featureNames: ['x1', 'x2', 'x3'], columns, outcome }));
    expect(m.events).toBe(92);
    expect(m.intercept.estimate).toBeCloseTo(-4.492235334364864, 7);
    expect(m.intercept.standardError).toBeCloseTo(1.0842676254480965, 7);
    const expected = [
      [0.09285280905582904, 0.021258478279797478],
      [1.0100198013079515, 0.21362730005539554],
      [-0.4104507710823329, 0.07741031449479216],
    ];
    m.coefficients.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo(expected[j][0], 8);
      expect(c.standardError).toBeCloseTo(expected[j][1], 8);
    });
    expect(m.logLikelihood).toBeCloseTo(-149.2135968519828, 9);
  });

  it('is unaffected by affine rescaling of a feature, except for the per-unit slope', () => {
    const { columns, outcome } = syntheticChurn(300);
    const base = unwrap(fitLogisticRegression({ featureNames: ['x1', 'x2', 'x3'], columns, outcome }));
    const shifted = columns[0].map((v) => v * 1000 + 1e7);
    const m = unwrap(
      fitLogisticRegression({
        featureNames: ['x1', 'x2', 'x3'],
        columns: [shifted, columns[1], columns[2]],
        outcome,
      }),
    );
    expect(m.coefficients[0].estimate * 1000).toBeCloseTo(base.coefficients[0].estimate, 10);
    expect(m.coefficients[0].standardized.estimate).toBeCloseTo(
      base.coefficients[0].standardized.estimate,
      10,
    );
    expect(m.logLikelihood).toBeCloseTo(base.logLikelihood, 10);
  });

  it('explains a score as baseline plus per-feature contributions βⱼ(xᵢⱼ − x̄ⱼ)', () => {
    const { columns, outcome } = syntheticChurn(300);
    const m = unwrap(fitLogisticRegression({ featureNames: ['x1', 'x2', 'x3'], columns, outcome }));
    const row = [columns[0][7], columns[1][7], columns[2][7]];
    const e = explainScore(m, row);
    expect(e.logOdds).toBeCloseTo(predictLogOdds(m, columns)[7], 12);
    const x2 = e.contributions.find((c) => c.feature === 'x2');
    expect(x2?.contribution).toBeCloseTo(m.coefficients[1].estimate * (row[1] - m.coefficients[1].mean), 14);
    expect(Math.abs(e.contributions[0].contribution)).toBeGreaterThanOrEqual(
      Math.abs(e.contributions[1].contribution),
    );
    // The baseline is the log-odds of a customer at every mean.
    expect(
      predictLogOdds(
        m,
        m.coefficients.map((c) => [c.mean]),
      )[0],
    ).toBeCloseTo(e.baselineLogOdds, 12);
  });

  it('fails with singular_information on collinear features, and a ridge penalty rescues the fit', () => {
    const { columns, outcome } = syntheticChurn(300);
    const copy = columns[1].map((v) => 2 * v + 1);
    const input = { featureNames: ['x1', 'x2', 'x2_copy'], columns: [columns[0], columns[1], copy], outcome };
    expect(fitLogisticRegression(input)).toMatchObject({
      ok: false,
      issue: { code: 'singular_information' },
    });
    const m = unwrap(fitLogisticRegression(input, { ridge: 1 }));
    expect(m.warnings.map((w) => w.code)).toEqual(['ridge_applied']);
    // The penalty splits the shared effect equally between the two identical standardised columns.
    expect(m.coefficients[1].standardized.estimate).toBeCloseTo(m.coefficients[2].standardized.estimate, 8);
  });

  it('warns about complete separation instead of returning silent nonsense', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const m = unwrap(fitLogisticRegression({ featureNames: ['x'], columns: [x], outcome: y }));
    expect(m.warnings.map((w) => w.code)).toContain('separation');
    const ridge = unwrap(
      fitLogisticRegression({ featureNames: ['x'], columns: [x], outcome: y }, { ridge: 1 }),
    );
    expect(ridge.converged).toBe(true);
    expect(Number.isFinite(ridge.coefficients[0].standardError)).toBe(true);
  });

  it('drops a constant feature with a warning and reports its effect as 0', () => {
    const constant = temperature.map(() => 5);
    const m = unwrap(
      fitLogisticRegression({
        featureNames: ['temperature', 'flat'],
        columns: [temperature, constant],
        outcome: damaged,
      }),
    );
    expect(m.warnings).toMatchObject([{ code: 'constant_feature', feature: 'flat' }]);
    expect(m.coefficients[1].estimate).toBe(0);
    expect(m.coefficients[0].estimate).toBeCloseTo(-0.23216274, 7);
  });

  it('rejects bad input as values', () => {
    expect(
      fitLogisticRegression({ featureNames: ['t'], columns: [temperature], outcome: damaged.map(() => 0) }),
    ).toMatchObject({
      ok: false,
      issue: { code: 'single_class' },
    });
    expect(
      fitLogisticRegression({ featureNames: ['t'], columns: [[1, Number.NaN]], outcome: [0, 1] }),
    ).toMatchObject({
      ok: false,
      issue: { code: 'non_finite', where: 'columns[0][1]' },
    });
    expect(
      fitLogisticRegression({ featureNames: ['t'], columns: [[1, 2, 3]], outcome: [0, 1] }),
    ).toMatchObject({
      ok: false,
      issue: { code: 'length_mismatch' },
    });
  });

  it('fits 100k rows × 20 features within seconds', () => {
    const n = 100_000;
    const p = 20;
    let state = 12345;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const columns = Array.from({ length: p }, () => new Float64Array(n));
    const outcome = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let eta = -1.5;
      for (let j = 0; j < p; j++) {
        const v = random() * 2 - 1 + (j % 3 === 0 ? random() : 0);
        columns[j][i] = v;
        eta += (j % 4 === 0 ? 0.6 : 0.05) * v;
      }
      outcome[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    const started = performance.now();
    const m = unwrap(
      fitLogisticRegression({ featureNames: columns.map((_, j) => `f${j}`), columns, outcome }),
    );
    const elapsed = performance.now() - started;
    expect(m.converged).toBe(true);
    expect(m.coefficients[0].estimate).toBeCloseTo(0.6, 1);
    // ≈ 0.5–0.8 s on an idle 2-core box; the bound only catches an accidental O(n·p³) or row-wise regression.
    expect(elapsed).toBeLessThan(8000);
  });
});

/** Deterministic synthetic data, reproduced exactly by the NumPy cross-check script. */
function syntheticChurn(n: number): { columns: number[][]; outcome: number[] } {
  const x1: number[] = [];
  const x2: number[] = [];
  const x3: number[] = [];
  const outcome: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.sin(i) * 10 + 50;
    const b = Math.cos(3 * i);
    const c = i % 7;
    const eta = -1 + 0.08 * (a - 50) + 0.9 * b - 0.25 * (c - 3);
    const u = (((Math.sin(i * 12.9898) * 43758.5453) % 1) + 1) % 1;
    x1.push(a);
    x2.push(b);
    x3.push(c);
    outcome.push(u < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
  }
  return { columns: [x1, x2, x3], outcome };
}
