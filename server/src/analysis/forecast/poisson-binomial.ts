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
  return churnEstimate(probabilities.length, expected, variance);
}

/** The estimate from `customers`, Σ p and Σ p(1 − p) (totals summed in SQL, say). */
export function churnEstimate(customers: number, expected: number, variance: number): ChurnEstimate {
  const sd = Math.sqrt(variance);
  return {
    customers,
    expected,
    sd,
    low: Math.max(0, expected - Z95 * sd),
    high: Math.min(customers, expected + Z95 * sd),
  };
}
