import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from '../stats/index.ts';
import { compute } from './compute-pool.ts';

/** A deterministic logistic problem: `rows` customers, `p` features, outcome from a known linear predictor. */
function problem(rows: number, p: number) {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const columns = Array.from({ length: p }, () => Float64Array.from({ length: rows }, rand));
  const outcome = Float64Array.from({ length: rows }, (_, i) => {
    const eta = columns.reduce((s, c, j) => s + (j % 2 ? 1.5 : -1) * c[i]!, -0.5);
    return rand() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  });
  return { featureNames: columns.map((_, j) => `x${j}`), columns, outcome };
}

describe('compute pool', () => {
  it('fits in a worker thread exactly as inline', async () => {
    const inline = fitLogisticRegression(problem(2000, 4), { ridge: 1 });
    const inWorker = await compute('fitLogisticRegression', problem(2000, 4), { ridge: 1 });
    expect(inWorker).toEqual(inline);
    expect(inWorker.ok && inWorker.value.coefficients[1]!.estimate).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the event loop free while a large fit runs', async () => {
    await compute('fitLogisticRegression', problem(100, 2)); // the worker is started (and tsx loaded)
    const big = problem(200_000, 20);
    const started = performance.now();
    const inline = fitLogisticRegression(problem(200_000, 20));
    const inlineMs = performance.now() - started;
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - 5);
      last = now;
    }, 5);
    const t0 = performance.now();
    const fit = await compute('fitLogisticRegression', big);
    const workerMs = performance.now() - t0;
    clearInterval(timer);
    expect(fit).toEqual(inline);
    // Inline the loop is blocked for the whole fit; in the worker only for the transfer and the reply. Relative
    // to the inline fit (not an absolute figure: a loaded machine slows both; the absolute target is benchmarked
    // in evals/bench/stall-bench.ts).
    expect(inlineMs).toBeGreaterThan(200);
    expect(workerMs).toBeGreaterThan(200);
    expect(worst).toBeLessThan(inlineMs / 2);
  }, 120_000);

  it('reports a task that throws as a rejected promise', async () => {
    await expect(
      compute('predictProbabilities', { coefficients: null } as never, [new Float64Array(3)]),
    ).rejects.toThrow();
  });
});
