import { expect } from 'vitest';
import { type Row, rowsDiffer } from './row-compare.ts';

const rounded = (rows: Row[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(12)) : v]),
    ),
  );

/** Asserts the same rows in the same order, each with the same columns and values; shows a diff when not. */
export function expectSameRows(actual: Row[], expected: Row[]): void {
  const diff = rowsDiffer(actual, expected);
  if (diff) expect(rounded(actual)).toEqual(rounded(expected));
  expect(diff, 'rows differ beyond floating-point rounding').toBeNull();
}

/** Keeps the named columns of each row, in that order. */
export function pick(rows: Row[], ...columns: string[]): Row[] {
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
}
