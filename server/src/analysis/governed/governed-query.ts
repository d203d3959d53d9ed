import {
  type AnalysisCompileOptions,
  type CompiledQuery,
  compile,
  type Issue,
  type ShapeResult,
} from '../../../../semantic-layer/src/index.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import type { AnalysisContext } from './analysis-context.ts';

/** Per-statement time limit for analyses (the pipeline's query timeout). */
export const ANALYSIS_TIMEOUT_MS = Number(process.env.CHATBI_QUERY_TIMEOUT_MS) || 15_000;
/** Row cap for analysis statements (per-customer reads sample below it). */
export const ANALYSIS_MAX_ROWS = 200_000;

/** The parts of a governed query an analysis sets; the model id and the user's filters are added. */
export type GovernedQuery = Omit<SemanticQueryInput, 'model'>;

/**
 * Compiles a governed query for the analysis: the request's filters are kept unless `filters` is given,
 * and the user's row-level security always applies. A query the model cannot answer is an
 * `AnalysisError('invalid_request')` naming the compiler's issues.
 */
export function compileGoverned(
  ctx: AnalysisContext,
  query: GovernedQuery,
  opts: { ordered?: boolean } = {},
): CompiledQuery {
  const { runtime, request } = ctx;
  const full: SemanticQueryInput = {
    model: runtime.model.id,
    ...query,
    filters: query.filters ?? request.query.filters ?? [],
  };
  const r = compile(runtime.model, full, { ...compileOptions(ctx), ordered: opts.ordered });
  if (!r.ok) throw cannotRun(ctx, r.issues);
  return r.compiled;
}

/** How the analysis compiles: the engine's dialect, the as-of date and the user's attributes. */
export function compileOptions(ctx: AnalysisContext): AnalysisCompileOptions {
  return {
    dialect: ctx.runtime.engine.dialect,
    asOf: ctx.runtime.asOf,
    attributes: ctx.request.attributes,
  };
}

/** The compiled statement of an analysis shape (compileRollup, compileScored, compileVerbatims). */
export function shaped<T>(ctx: AnalysisContext, result: ShapeResult<T>): T {
  if (!result.ok) throw cannotRun(ctx, result.issues);
  return result.compiled;
}

/** The query the model cannot answer, as `AnalysisError('invalid_request')` naming the compiler's issues. */
function cannotRun(ctx: AnalysisContext, issues: Issue[]): AnalysisError {
  const why = issues
    .filter((i) => i.severity === 'error')
    .map((i) => i.message)
    .join('; ');
  return new AnalysisError(analysisMessage('cannot_run', ctx.lang, { why }), 'invalid_request');
}

/** Runs SQL built on governed queries, recording it in the trace under `step`. */
export async function runSql(
  ctx: AnalysisContext,
  step: string,
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  ctx.trace.record(sql, params);
  const result = await ctx.runtime.engine.query(sql, params, {
    timeoutMs: ANALYSIS_TIMEOUT_MS,
    maxRows: ANALYSIS_MAX_ROWS,
    cache: true,
  });
  ctx.trace.time(step, result.elapsedMs);
  return result.rows;
}

/** Compiles and runs one governed query. */
export async function runGoverned(
  ctx: AnalysisContext,
  step: string,
  query: GovernedQuery,
): Promise<{ rows: Record<string, unknown>[]; compiled: CompiledQuery }> {
  const compiled = compileGoverned(ctx, query);
  const rows = await runSql(ctx, step, compiled.sql, compiled.params);
  return { rows, compiled };
}

/** A result value as a number (counts arrive as numbers; NULL counts as 0). */
export function count(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}
