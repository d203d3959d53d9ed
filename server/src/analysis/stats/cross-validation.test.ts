import { describe, expect, it } from 'vitest';
import { crossValidateLogistic, seededRandom, stratifiedFolds } from './cross-validation.ts';

function syntheticChurn(n: number, seed: number) {
  const random = seededRandom(seed);
  const tenure = new Float64Array(n);
  const tickets = new Float64Array(n);
  const noise = new Float64Array(n);
  const outcome = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tenure[i] = random() * 72;
    tickets[i] = Math.floor(random() * 6);
    noise[i] = random();
    const eta = 0.5 - 0.05 * tenure[i] + 0.4 * tickets[i];
    outcome[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { featureNames: ['tenure', 'tickets', 'noise'], columns: [tenure, tickets, noise], outcome };
}

describe('stratifiedFolds', () => {
  it('keeps the churn share equal across folds and is reproducible for a seed', () => {
    const outcome = Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 250 churners
    const folds = stratifiedFolds(outcome, 5, 42);
    for (let f = 0; f < 5; f++) {
      const rows = [...folds.keys()].filter((i) => folds[i] === f);
      expect(rows).toHaveLength(200);
      expect(rows.filter((i) => outcome[i] === 1)).toHaveLength(50);
    }
    expect(stratifiedFolds(outcome, 5, 42)).toEqual(folds);
    expect(stratifiedFolds(outcome, 5, 43)).not.toEqual(folds);
  });
});

describe('crossValidateLogistic', () => {
  it('returns one out-of-fold AUC per fold, each matching a strong but imperfect model', () => {
    const input = syntheticChurn(4000, 7);
    const r = crossValidateLogistic(input, { folds: 5, seed: 1 });
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.foldAuc).toHaveLength(5);
    for (const auc of r.value.foldAuc) expect(auc).toBeGreaterThan(0.75);
    expect(r.value.meanAuc).toBeLessThan(0.95);
    expect(r.value.sdAuc).toBeLessThan(0.05);
    expect(r.value.outOfFold.every((p) => p > 0 && p < 1)).toBe(true);
    // Same seed, same folds, same numbers.
    const again = crossValidateLogistic(input, { folds: 5, seed: 1 });
    expect(again.ok && again.value.foldAuc).toEqual(r.value.foldAuc);
  });

  it('refuses fewer than two folds', () => {
    expect(crossValidateLogistic(syntheticChurn(50, 1), { folds: 1 })).toMatchObject({
      ok: false,
      issue: { code: 'invalid_argument' },
    });
  });
});
