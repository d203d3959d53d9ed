/**
 * Dense symmetric positive-definite algebra on row-major Float64Array matrices, sized for
 * information matrices (p ≤ a few dozen), so clarity beats blocking.
 */

/**
 * In-place Cholesky factorisation A = L·Lᵀ of an n×n row-major matrix; the lower triangle
 * receives L. Returns −1 on success, else the first pivot index where A is not numerically positive
 * definite (for a Gram matrix: the first column that depends linearly on earlier ones).
 */
export function choleskyInPlace(a: Float64Array, n: number): number {
  for (let j = 0; j < n; j++) {
    let diag = a[j * n + j];
    for (let k = 0; k < j; k++) diag -= a[j * n + k] * a[j * n + k];
    // A relative tolerance: a pivot this small means a (near-)linear dependency among columns.
    if (!(diag > 1e-12 * Math.max(1, Math.abs(a[j * n + j])))) return j;
    const ljj = Math.sqrt(diag);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / ljj;
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) a[i * n + j] = 0;
  return -1;
}

/** Solves L·Lᵀ·x = b given the factor from `choleskyInPlace`. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** Inverse of a symmetric positive-definite matrix, or null when it is singular. */
export function invertSymmetricPositiveDefinite(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = Float64Array.from(a);
  if (choleskyInPlace(l, n) >= 0) return null;
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, n, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i];
  }
  return inv;
}
