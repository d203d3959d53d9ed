/** Σ p and its Poisson-binomial 95% interval (normal approximation), for churner forecasts. */

export const Z95 = 1.959963984540054;

export interface ChurnEstimate {
  customers: number;
  expected: number;
  sd: number;
  low: number;
  high: number;
}

export function poissonBinomial(probabilities: ArrayLike<number>): ChurnEstimate {
  let expected = 0;
  let variance = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    expected += p;
    variance += p * (1 - p);
  }
  const sd = Math.sqrt(variance);
  return {
    customers: probabilities.length,
    expected,
    sd,
    low: Math.max(0, expected - Z95 * sd),
    high: Math.min(probabilities.length, expected + Z95 * sd),
  };
}
