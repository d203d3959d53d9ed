/**
 * Expected statistical failures (empty groups, zero cells, a singular design) are returned as values
 * with a stable code and the argument they concern; a thrown exception means a bug.
 */
export type StatsIssueCode =
  | 'empty_input'
  | 'length_mismatch'
  | 'non_finite'
  | 'invalid_argument'
  | 'zero_cell'
  | 'no_variation'
  | 'single_class'
  | 'singular_information'
  | 'too_few_groups';

/** One expected problem: a code, the argument (or field) it concerns, and a readable message. */
export interface StatsIssue {
  code: StatsIssueCode;
  /** Argument or field the problem concerns, e.g. `table.c` or `features[3]`. */
  where: string;
  message: string;
}

/** A computed value, or the issue that prevented it. */
export type StatsResult<T> = { ok: true; value: T } | { ok: false; issue: StatsIssue };

/** Wraps a successful value. */
export function ok<T>(value: T): StatsResult<T> {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function fail<T>(code: StatsIssueCode, where: string, message: string): StatsResult<T> {
  return { ok: false, issue: { code, where, message } };
}

/** Finds the first non-finite entry of a numeric array, for input validation. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}
