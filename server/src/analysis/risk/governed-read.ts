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

const quoteIdentifier = (id: string) => dialectFor('duckdb').quoteIdentifier(id);

/** Rows a per-customer read may return (history of ~1M customers over a year of snapshots). */
export const WIDE_MAX_ROWS = 5_000_000;

/** A deterministic sample of the result's rows by a column's hash (the same keys in or out every time). */
export interface RowSample {
  column: string;
  /** Share of keys kept, in (0, 1). */
  rate: number;
}

/** Resolution of the sampling hash: keys are kept when hash mod this is below rate × it. */
const SAMPLE_BUCKETS = 1_000_000;

/**
 * Compiles and runs one governed query; `filters` default to none (not the request's). `ordered:
 * false` skips sorting the rows (for reads whose consumer orders them itself: at 1M customers the
 * sort by every key is a large part of the read).
 */
export async function readGoverned(
  ctx: AnalysisContext,
  step: string,
  query: GovernedQuery,
  opts: { sample?: RowSample; ordered?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const { sample } = opts;
  const compiled = compileGoverned(
    ctx,
    { ...query, filters: query.filters ?? [] },
    { ordered: opts.ordered },
  );
  const sql = sample
    ? `SELECT * FROM (\n${compiled.sql}\n) AS governed WHERE hash(${quoteIdentifier(sample.column)}) % ${SAMPLE_BUCKETS} < ${Math.round(sample.rate * SAMPLE_BUCKETS)}`
    : compiled.sql;
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
