/**
 * Per-customer reads for the risk model and the playbook: compiled by the semantic layer's
 * `compileScored` (model identifiers, values as parameters, the user's row-level security; scoring,
 * keeping and sampling written by the engine's dialect), recorded in the run's
 * trace, and run with a row cap sized for whole customer bases. The shared `runGoverned` caps rows at
 * 200k for sampled reads; scoring every active customer and training on a year of snapshots cannot
 * sample, so a read that would still be cut off fails loudly instead of returning part of the list.
 */

import { compileScored, type ScoredShape, type ScoreSpec } from '../../../../semantic-layer/src/index.ts';
import type { OnRows } from '../../data/analytics-engine.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { AnalysisError } from '../analysis-contract.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import {
  ANALYSIS_TIMEOUT_MS,
  compileOptions,
  type GovernedQuery,
  shaped,
} from '../governed/governed-query.ts';
import { riskMessage } from './risk-messages.ts';

/** Rows a per-customer read may return (history of ~1M customers over a year of snapshots). */
export const WIDE_MAX_ROWS = 5_000_000;

/** How a read post-processes the governed result in the statement (see `ScoredShape`). */
export interface ReadOptions extends ScoredShape {
  /** False skips sorting the rows (for consumers that order them themselves; large reads sort slowly). */
  ordered?: boolean;
}

/**
 * Compiles and runs one governed query; `filters` default to none (not the request's). `opts` may
 * skip the sort, score the rows, keep only some and sample them, in the statement, so rows that are
 * not needed never reach JavaScript.
 */
export async function readGoverned(
  ctx: AnalysisContext,
  step: string,
  query: GovernedQuery,
  opts: ReadOptions = {},
): Promise<Record<string, unknown>[]> {
  const compiled = compileRead(ctx, query, opts);
  const result = await ctx.runtime.engine.query(compiled.sql, compiled.params, {
    timeoutMs: ANALYSIS_TIMEOUT_MS,
    maxRows: WIDE_MAX_ROWS,
  });
  ctx.trace.time(step, result.elapsedMs);
  if (result.truncated) {
    throw new AnalysisError(
      riskMessage('too_many_rows', ctx.lang, { max: WIDE_MAX_ROWS.toLocaleString('en-US') }),
      'invalid_request',
    );
  }
  return result.rows;
}

/** Compiles one governed read and records it in the run's trace. */
function compileRead(ctx: AnalysisContext, query: GovernedQuery, opts: ReadOptions) {
  const { ordered, ...shape } = opts;
  const compiled = shaped(
    ctx,
    compileScored(
      ctx.runtime.model,
      { model: ctx.runtime.model.id, ...query, filters: query.filters ?? [] },
      shape,
      { ...compileOptions(ctx), ordered },
    ),
  );
  ctx.trace.record(compiled.sql, compiled.params);
  return compiled;
}

/**
 * `readGoverned` streamed: the rows reach `onRows` chunk by chunk and are not kept (issue 21 §3: a read of
 * every flagged customer with every model input, of which the caller keeps a few), so no row cap applies.
 */
export async function streamGoverned(
  ctx: AnalysisContext,
  step: string,
  query: GovernedQuery,
  opts: ReadOptions,
  onRows: OnRows,
): Promise<void> {
  const compiled = compileRead(ctx, query, opts);
  const result = await ctx.runtime.engine.stream(compiled.sql, compiled.params, onRows, {
    timeoutMs: ANALYSIS_TIMEOUT_MS,
  });
  ctx.trace.time(step, result.elapsedMs);
}

/** Totals of a scored read (`ScoredShape.totals`): rows, Σ p, Σ p(1 − p), and true counts by column. */
export interface ScoreTotals {
  rows: number;
  sum: number;
  variance: number;
  trues: Record<string, number>;
}

/** Reads the one-row totals of a scored governed query (`readGoverned` with `totals`). */
export async function readScoreTotals(
  ctx: AnalysisContext,
  step: string,
  query: GovernedQuery,
  score: ScoreSpec,
  trueCounts: string[] = [],
): Promise<ScoreTotals> {
  const [row] = await readGoverned(ctx, step, query, { ordered: false, score, totals: { trueCounts } });
  return {
    rows: Number(row?.rows ?? 0),
    sum: Number(row?.score_sum ?? 0),
    variance: Number(row?.score_variance ?? 0),
    trues: Object.fromEntries(trueCounts.map((c) => [c, Number(row?.[`true_${c}`] ?? 0)])),
  };
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
