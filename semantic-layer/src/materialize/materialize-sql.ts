/**
 * What the materialisation SQL writes differently on each engine (DuckDB, PostgreSQL); everything
 * else in materialize/ is SQL both accept. Table builds are `CREATE OR REPLACE TABLE` on DuckDB and a
 * drop then a create on PostgreSQL (`tableStatements`).
 */
import type { Dialect } from '../dialect/dialect.ts';
import { DIALECTS } from '../dialect/index.ts';

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The dialect materialisation writes when none is given: DuckDB, the default analytics engine. */
export const DEFAULT_DIALECT: Dialect = DIALECTS.duckdb;

/** `x` rounded to `digits` decimals (PostgreSQL rounds numerics only). */
export function roundTo(d: Dialect, expr: string, digits: number): string {
  return d.name === 'postgres' ? `ROUND(CAST(${expr} AS NUMERIC), ${digits})` : `ROUND(${expr}, ${digits})`;
}

/** The `value` of the row with the largest `order` (NULL values count: the latest row decides). */
export function argMaxNull(d: Dialect, value: string, order: string): string {
  return d.name === 'postgres'
    ? `(array_agg(${value} ORDER BY ${order} DESC))[1]`
    : `arg_max_null(${value}, ${order})`;
}

/** The `value` of the row with the largest `order`, skipping NULL values. */
export function argMax(d: Dialect, value: string, order: string): string {
  return d.name === 'postgres'
    ? `(array_agg(${value} ORDER BY ${order} DESC) FILTER (WHERE ${value} IS NOT NULL))[1]`
    : `arg_max(${value}, ${order})`;
}

/** The most frequent value of `column` (an aggregate), optionally among rows matching `where`. */
export function modeOf(d: Dialect, column: string, where?: string): string {
  const filter = where ? ` FILTER (WHERE ${where})` : '';
  return d.name === 'postgres'
    ? `mode() WITHIN GROUP (ORDER BY ${column})${filter}`
    : `mode(${column})${filter}`;
}

/** Of the known `values`, the one whose count (aligned SQL expressions) is largest and positive; first on ties. */
export function argMaxOfCounts(d: Dialect, counts: string[], values: string[]): string {
  if (d.name === 'postgres') {
    const max = `GREATEST(${counts.join(', ')})`;
    return `CASE WHEN ${max} > 0 THEN (ARRAY[${values.map(lit).join(', ')}])[array_position(ARRAY[${counts.join(', ')}], ${max})] END`;
  }
  const list = `[${counts.join(', ')}]`;
  return `CASE WHEN list_max(${list}) > 0 THEN [${values.map(lit).join(', ')}][list_position(${list}, list_max(${list}))] END`;
}

/** The sorted distinct non-NULL values of `column` as one list (an aggregate). */
export function distinctList(d: Dialect, column: string): string {
  const fn = d.name === 'postgres' ? 'array_agg' : 'list';
  return `${fn}(DISTINCT ${column} ORDER BY ${column}) FILTER (WHERE ${column} IS NOT NULL)`;
}

/** The calendar year of a DATE expression, as an integer. */
export function yearOf(d: Dialect, expr: string): string {
  return d.name === 'postgres' ? `CAST(EXTRACT(YEAR FROM ${expr}) AS INTEGER)` : `year(${expr})`;
}

/** Whole days from `from` to `to` (both DATE). */
export function daysBetween(d: Dialect, from: string, to: string): string {
  return d.name === 'postgres' ? `((${to}) - (${from}))` : `date_diff('day', ${from}, ${to})`;
}

/** A fixed interval of `n` `unit`s to add to or subtract from a DATE or TIMESTAMP. */
export function interval(d: Dialect, n: number, unit: 'DAY' | 'HOUR'): string {
  if (!Number.isSafeInteger(n)) throw new Error(`expected an integer, got ${n}`);
  return d.name === 'postgres' ? `INTERVAL '${n} ${unit.toLowerCase()}'` : `INTERVAL ${n} ${unit}`;
}

/**
 * The statements that build a table from a DuckDB-style `CREATE OR REPLACE TABLE t AS …` statement:
 * itself on DuckDB; `DROP TABLE IF EXISTS t` then `CREATE TABLE t AS …` on PostgreSQL. Other
 * statements are kept as they are.
 */
export function tableStatements(d: Dialect, statement: string): string[] {
  const m = /^CREATE OR REPLACE TABLE ([a-z_][a-z0-9_]*) AS/.exec(statement);
  if (d.name !== 'postgres' || !m) return [statement];
  return [`DROP TABLE IF EXISTS ${m[1]}`, statement.replace('CREATE OR REPLACE TABLE', 'CREATE TABLE')];
}
