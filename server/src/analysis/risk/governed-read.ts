/**
 * Per-customer reads for the risk model and the playbook: compiled by the shared `compileGoverned`
 * (model identifiers, values as parameters, the user's row-level security), recorded in the run's
 * trace, and run with a row cap sized for whole customer bases. The shared `runGoverned` caps rows at
 * 200k for sampled reads; scoring every active customer and training on a year of snapshots cannot
 * sample, so a read that would still be cut off fails loudly instead of returning part of the list.
 */

import { dialectFor } from '../../../../semantic-layer/src/dialect/index.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { AnalysisError } from '../analysis-contract.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { ANALYSIS_TIMEOUT_MS, compileGoverned, type GovernedQuery } from '../governed/governed-query.ts';

/** A governed result column in SQL that wraps the compiled query (`column(id)` in `ReadOptions`). */
export const resultColumn = (id: string) => dialectFor('duckdb').quoteIdentifier(id);

/** Rows a per-customer read may return (history of ~1M customers over a year of snapshots). */
export const WIDE_MAX_ROWS = 5_000_000;

/** Resolution of the sampling hash: keys are kept when hash mod this is below rate × it. */
const SAMPLE_BUCKETS = 1_000_000;

/**
 * A condition keeping a deterministic share of the result's rows by a column's hash (the same keys
 * are in or out every time), for `ReadOptions.where`.
 */
export const sampleCondition = (column: string, rate: number) =>
  `hash(${resultColumn(column)}) % ${SAMPLE_BUCKETS} < ${Math.round(rate * SAMPLE_BUCKETS)}`;

/** How a read post-processes the governed result in SQL (model-derived expressions, never user text). */
export interface ReadOptions {
  /** False skips sorting the rows (for consumers that order them themselves; large reads sort slowly). */
  ordered?: boolean;
  /** Extra columns computed from the result's columns, as `expression AS "name"`. */
  extraColumns?: string[];
  /** A condition on the result's columns and the extra columns: only matching rows come back. */
  where?: string;
}

/**
 * Compiles and runs one governed query; `filters` default to none (not the request's). `opts` may
 * skip the sort, add computed columns and keep only some rows, in the statement, so rows that are not
 * needed never reach JavaScript.
 */
export async function readGoverned(
  ctx: AnalysisContext,
  step: string,
  query: GovernedQuery,
  opts: ReadOptions = {},
): Promise<Record<string, unknown>[]> {
  const compiled = compileGoverned(
    ctx,
    { ...query, filters: query.filters ?? [] },
    { ordered: opts.ordered },
  );
  let sql = compiled.sql;
  if (opts.extraColumns?.length)
    sql = `SELECT *, ${opts.extraColumns.join(', ')} FROM (\n${sql}\n) AS governed`;
  if (opts.where) sql = `SELECT * FROM (\n${sql}\n) AS selected WHERE ${opts.where}`;
  ctx.trace.record(sql, compiled.params);
  const result = await ctx.runtime.engine.query(sql, compiled.params, {
    timeoutMs: ANALYSIS_TIMEOUT_MS,
    maxRows: WIDE_MAX_ROWS,
  });
  ctx.trace.time(step, result.elapsedMs);
  if (result.truncated) {
    throw new AnalysisError(
      ctx.lang === 'zh'
        ? `数据量超过 ${WIDE_MAX_ROWS.toLocaleString('en-US')} 行，请加筛选条件缩小范围。`
        : `More than ${WIDE_MAX_ROWS.toLocaleString('en-US')} rows: add a filter to narrow it down.`,
      'invalid_request',
    );
  }
  return result.rows;
}

/** True when the model defines every member id given (dimensions or metrics). */
export function hasMembers(runtime: ModelRuntime, ids: readonly string[]): boolean {
  const m = runtime.model;
  return ids.every((id) => id in m.dimensions || id in m.metrics);
}

/**
 * The attributes row-level security reads, in a stable form (for cache keys): only attributes the
 * model's rules name, sorted, with sorted values.
 */
export function securityScope(
  runtime: ModelRuntime,
  attributes: Record<string, string[]> | undefined,
): string {
  const scope = runtime.model.rowLevelSecurity
    .map((r) => r.attribute)
    .filter((a) => attributes?.[a] !== undefined)
    .sort()
    .map((a) => [a, [...attributes![a]!].sort()]);
  return JSON.stringify(scope);
}
