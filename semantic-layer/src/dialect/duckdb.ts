import type { TimeGrain } from '../query.ts';
import { BaseDialect, checkedInteger } from './dialect.ts';

/** DuckDB: the analytic engine that serves questions. */
export class DuckDbDialect extends BaseDialect {
  readonly name = 'duckdb' as const;
  truncToDate(grain: TimeGrain, expr: string): string {
    return `CAST(date_trunc('${grain}', ${expr}) AS DATE)`;
  }
  addMonthsSql(expr: string, monthsSql: string): string {
    return `CAST(${expr} + to_months(CAST(${monthsSql} AS INTEGER)) AS DATE)`;
  }
  toDouble(expr: string): string {
    return `CAST(${expr} AS DOUBLE)`;
  }
  addDays(expr: string, days: number): string {
    return `CAST(${expr} + to_days(${checkedInteger(days)}) AS DATE)`;
  }
  median(expr: string): string {
    return `quantile_cont(${expr}, 0.5)`;
  }
  percentile(expr: string, p: number): string {
    return `quantile_cont(${expr}, ${Number(p)})`;
  }
  bucketHash(expr: string): string {
    return `hash(${expr})`;
  }
  tryDouble(expr: string): string {
    return `TRY_CAST(${expr} AS DOUBLE)`;
  }
  matchesPattern(expr: string, pattern: string): string {
    return `regexp_matches(CAST(${expr} AS VARCHAR), ${this.stringLiteral(pattern)})`;
  }
}
