import type { TimeGrain } from '../query.ts';

/**
 * What differs between SQL engines, and nothing else (Malloy's Dialect idea). The compiler writes
 * standard SQL and asks the dialect for these pieces; params are `$1, $2, …` on both engines.
 */
export interface Dialect {
  readonly name: 'duckdb' | 'postgres';
  /** Quotes an identifier that comes from the model (never from user input). */
  quoteIdentifier(name: string): string;
  /** A parameter placeholder for the 1-based position `n`. */
  param(n: number): string;
  /** A parameter read as a DATE. */
  dateParam(n: number): string;
  /** Start of the grain containing `expr`, as a DATE. */
  truncToDate(grain: TimeGrain, expr: string): string;
  /** `expr` (a DATE) moved by a whole number of months or days, as a DATE. */
  addMonths(expr: string, months: number): string;
  addDays(expr: string, days: number): string;
  /** `expr` (a DATE) moved by a number of months given as an SQL integer expression, as a DATE. */
  addMonthsSql(expr: string, monthsSql: string): string;
  /** Casts to a double-precision float. */
  toDouble(expr: string): string;
  median(expr: string): string;
  percentile(expr: string, p: number): string;
  /** A governed string constant from the model (band labels), escaped. */
  stringLiteral(value: string): string;
  /** A non-negative integer hash of `expr`, the same for the same value every time (sampling). */
  bucketHash(expr: string): string;
  /** `expr` as a double, NULL when it is not a number. */
  tryDouble(expr: string): string;
  /** True when `expr` read as text matches the regular expression `pattern` (a model constant). */
  matchesPattern(expr: string, pattern: string): string;
}

/** Standard pieces both engines share. */
export abstract class BaseDialect implements Dialect {
  abstract readonly name: 'duckdb' | 'postgres';
  quoteIdentifier(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
  }
  param(n: number): string {
    return `$${n}`;
  }
  dateParam(n: number): string {
    return `CAST($${n} AS DATE)`;
  }
  stringLiteral(value: string): string {
    return `'${value.replaceAll("'", "''")}'`;
  }
  abstract truncToDate(grain: TimeGrain, expr: string): string;
  abstract addDays(expr: string, days: number): string;
  addMonths(expr: string, months: number): string {
    return this.addMonthsSql(expr, String(checkedInteger(months)));
  }
  abstract addMonthsSql(expr: string, monthsSql: string): string;
  abstract toDouble(expr: string): string;
  abstract median(expr: string): string;
  abstract percentile(expr: string, p: number): string;
  abstract bucketHash(expr: string): string;
  abstract tryDouble(expr: string): string;
  abstract matchesPattern(expr: string, pattern: string): string;
}

/** Only integers the compiler computed reach interval literals; anything else is a bug. */
export function checkedInteger(n: number): number {
  if (!Number.isSafeInteger(n)) throw new Error(`expected an integer, got ${n}`);
  return n;
}
