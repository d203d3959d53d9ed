/** Comparison of result rows from two queries that should give the same answer (no test runner needed). */

export type Row = Record<string, unknown>;

/** Numbers equal up to floating-point summation order (relative 1e-9); anything else exactly. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * Why two row lists differ (same order, same columns, same values), or null when they are the same answer.
 * @example rowsDiffer([{ a: 1 }], [{ a: 1 + 1e-12 }]) // null
 */
export function rowsDiffer(actual: Row[], expected: Row[]): string | null {
  if (actual.length !== expected.length) return `${actual.length} rows, expected ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    const keys = Object.keys(b);
    if (Object.keys(a).length !== keys.length || keys.some((k) => !(k in a)))
      return `row ${i}: columns ${Object.keys(a).join(', ')}, expected ${keys.join(', ')}`;
    for (const k of keys) {
      if (!sameValue(a[k], b[k])) return `row ${i}, ${k}: ${String(a[k])}, expected ${String(b[k])}`;
    }
  }
  return null;
}
