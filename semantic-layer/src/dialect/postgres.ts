import type { TimeGrain } from '../query.ts';
import { BaseDialect, checkedInteger } from './dialect.ts';

/** PostgreSQL: the same governed model on a PostgreSQL-compatible warehouse. */
export class PostgresDialect extends BaseDialect {
  readonly name = 'postgres' as const;
  truncToDate(grain: TimeGrain, expr: string): string {
    return `CAST(date_trunc('${grain}', CAST(${expr} AS TIMESTAMP)) AS DATE)`;
  }
  addMonthsSql(expr: string, monthsSql: string): string {
    return `CAST(${expr} + make_interval(months => CAST(${monthsSql} AS INTEGER)) AS DATE)`;
  }
  toDouble(expr: string): string {
    return `CAST(${expr} AS DOUBLE PRECISION)`;
  }
  addDays(expr: string, days: number): string {
    return `CAST(${expr} + make_interval(days => ${checkedInteger(days)}) AS DATE)`;
  }
  median(expr: string): string {
    return `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr})`;
  }
  percentile(expr: string, p: number): string {
    return `percentile_cont(${Number(p)}) WITHIN GROUP (ORDER BY ${expr})`;
  }
  bucketHash(expr: string): string {
    return `(CAST(hashtext(CAST(${expr} AS TEXT)) AS BIGINT) & 2147483647)`;
  }
  tryDouble(expr: string): string {
    // Model columns read here are numeric or NULL: a plain cast (PostgreSQL has no TRY_CAST).
    return `CAST(${expr} AS DOUBLE PRECISION)`;
  }
  matchesPattern(expr: string, pattern: string): string {
    return `(CAST(${expr} AS VARCHAR) ~ ${this.stringLiteral(pattern)})`;
  }
}
