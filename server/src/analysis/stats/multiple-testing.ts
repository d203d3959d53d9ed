/**
 * Multiple-testing control for factor scans (DOMAIN.md §5): Benjamini–Hochberg false discovery rate.
 */

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the order given: q₍ᵢ₎ = min over j ≥ i of
 * m·p₍ⱼ₎/j for the sorted p-values, capped at 1. A test is a discovery at FDR α when q ≤ α.
 * Non-finite p-values count as 1 (they stay in m, as tests that were run).
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.005]) // [0.02, 0.04, 0.04, 0.02]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues
    .map((p, i) => ({ p: Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1, i }))
    .sort((x, y) => x.p - y.p);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k]!;
    running = Math.min(running, (m * p) / (k + 1));
    q[i] = Math.min(1, running);
  }
  return q;
}
