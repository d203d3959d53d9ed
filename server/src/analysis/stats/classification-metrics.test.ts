import { describe, expect, it } from 'vitest';
import { brierScore, calibrationTable, logLoss, precisionAtTop, rocAuc } from './classification-metrics.ts';

function value<T>(r: { ok: true; value: T } | { ok: false; issue: { message: string } }): T {
  if (!r.ok) throw new Error(r.issue.message);
  return r.value;
}

describe('rocAuc', () => {
  it('gives 0.75 on the scikit-learn roc_auc_score documentation example', () => {
    expect(value(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]))).toBe(0.75);
  });

  it('counts tied churner/stayer pairs as ½ (hand example = U/(n₁n₀) = 5.5/9)', () => {
    // Churners 0.35, 0.8, 0.4 vs stayers 0.1, 0.4, 0.6: pairs won 1 + 3 + (1 + ½) = 5.5 of 9.
    expect(value(rocAuc([0.1, 0.4, 0.35, 0.8, 0.4, 0.6], [0, 0, 1, 1, 1, 0]))).toBeCloseTo(5.5 / 9, 15);
  });

  it('reproduces Hanley & McNeil (1982, Radiology 143:29–36) Table 1: AUC 0.893 for the 5-point ratings', () => {
    // 58 normal: ratings 1–5 seen 33, 6, 6, 11, 2 times; 51 abnormal: 3, 2, 2, 11, 33 times.
    const scores: number[] = [];
    const labels: number[] = [];
    const add = (label: number, counts: number[]) =>
      counts.forEach((count, r) => {
        for (let i = 0; i < count; i++) {
          scores.push(r + 1);
          labels.push(label);
        }
      });
    add(0, [33, 6, 6, 11, 2]);
    add(1, [3, 2, 2, 11, 33]);
    const auc = value(rocAuc(scores, labels));
    expect(auc).toBeCloseTo(0.893, 3);
    expect(auc).toBeCloseTo(0.8931710615280595, 13); // SciPy mannwhitneyu U/(n₁n₀)
  });

  it('fails when only one class is present', () => {
    expect(rocAuc([0.2, 0.3], [1, 1])).toMatchObject({ ok: false, issue: { code: 'single_class' } });
    expect(rocAuc([0.2], [1, 0])).toMatchObject({ ok: false, issue: { code: 'length_mismatch' } });
  });
});

describe('precisionAtTop', () => {
  it('takes the top decile and reports lift over the base rate', () => {
    // 20 customers scored 1…20; churners are those scored 20, 19 and 5. Top 10% = 2 customers, both churned.
    const scores = Array.from({ length: 20 }, (_, i) => i + 1);
    const labels = scores.map((s) => (s === 20 || s === 19 || s === 5 ? 1 : 0));
    const r = value(precisionAtTop(scores, labels, 0.1));
    expect(r).toMatchObject({ flagged: 2, threshold: 19, precision: 1 });
    expect(r.lift).toBeCloseTo(1 / 0.15, 12);
  });

  it('shares tied scores at the cut fractionally, independent of row order', () => {
    // Top 2 of 4: one customer at 0.9 (churned) and a three-way tie at 0.5 holding one churner:
    // expected precision = (1 + 1·(1/3))/2 = 2/3.
    const r1 = value(precisionAtTop([0.9, 0.5, 0.5, 0.5], [1, 1, 0, 0], 0.5));
    const r2 = value(precisionAtTop([0.5, 0.5, 0.9, 0.5], [0, 0, 1, 1], 0.5));
    expect(r1.precision).toBeCloseTo(2 / 3, 15);
    expect(r2.precision).toBeCloseTo(2 / 3, 15);
  });
});

describe('calibrationTable', () => {
  it('bins by predicted risk with equal counts and compares mean prediction to the observed rate', () => {
    const p = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.15, 0.85];
    const y = [0, 0, 1, 0, 1, 1, 0, 1, 0, 1];
    const table = value(calibrationTable(p, y, 2));
    expect(table).toHaveLength(2);
    // Lower half: 0.1, 0.15, 0.2, 0.3, 0.4 with one churner; upper half: 0.6 … 0.9 with four.
    expect(table[0]).toMatchObject({ bin: 1, count: 5, events: 1, minScore: 0.1, maxScore: 0.4 });
    expect(table[0].meanPredicted).toBeCloseTo(0.23, 15);
    expect(table[0].observedRate).toBeCloseTo(0.2, 15);
    expect(table[1]).toMatchObject({ bin: 2, count: 5, events: 4 });
    expect(table[1].meanPredicted).toBeCloseTo(0.77, 15);
  });

  it('makes ten deciles by default, sizes differing by at most one', () => {
    const n = 1003;
    const p = Array.from({ length: n }, (_, i) => ((i * 37) % n) / n);
    const y = p.map((v) => (v > 0.5 ? 1 : 0));
    const table = value(calibrationTable(p, y));
    expect(table).toHaveLength(10);
    expect(table.reduce((s, b) => s + b.count, 0)).toBe(n);
    expect(
      Math.max(...table.map((b) => b.count)) - Math.min(...table.map((b) => b.count)),
    ).toBeLessThanOrEqual(1);
  });
});

describe('brierScore and logLoss', () => {
  it('match the scikit-learn documentation examples (Brier 0.0375, log loss 0.21616)', () => {
    expect(value(brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]))).toBeCloseTo(0.0375, 15);
    expect(value(logLoss([0.9, 0.1, 0.2, 0.65], [1, 0, 0, 1]))).toBeCloseTo(0.21616187468057912, 14);
  });

  it('clips log loss so a confident miss is large but finite', () => {
    expect(value(logLoss([0], [1]))).toBeCloseTo(-Math.log(1e-15), 10);
  });
});
