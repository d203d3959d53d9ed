/**
 * The shapes analyses read, as compiler features: each starts from a governed semantic query
 * (resolved with the user's attributes, so row-level security and filters apply exactly as for a
 * question) and wraps its compiled SQL in a shape written by the dialect:
 * - `compileRollup`: factor splits, one query grouped by every candidate dimension and rolled up by
 *   GROUPING SETS (compile/compile-rollup.ts);
 * - `compileScored`: per-customer rows, optionally scored by a logistic model, kept by the score or a
 *   flag and sampled by key hash (compile/compile-scored.ts);
 * - `compileVerbatims`: churners' feedback texts before their churn (compile/compile-verbatims.ts),
 *   the joined tables secured by the same access policy (compile/secured-source.ts).
 * Expected failures come back as `Issue[]`, like `compile()`.
 */
import { accessFor } from './access-policy.ts';
import { type CompiledQuery, compileQuery } from './compile/compile-query.ts';
import { type RollupQuery, compileRollup as rollup, rollupIssues } from './compile/compile-rollup.ts';
import { type ScoredShape, compileScored as scored, scoredIssues } from './compile/compile-scored.ts';
import { type VerbatimShape, compileVerbatims as verbatims } from './compile/compile-verbatims.ts';
import { type DialectName, dialectFor } from './dialect/index.ts';
import type { Issue } from './issues.ts';
import type { SemanticModel } from './model.ts';
import { type QueryContext, type ResolvedQuery, resolveQuery } from './resolve-query.ts';

export type { RollupQuery } from './compile/compile-rollup.ts';
export type { KeepCondition, ScoredShape, ScoreKit, ScoreSpec } from './compile/compile-scored.ts';
export type { VerbatimMembers, VerbatimShape } from './compile/compile-verbatims.ts';

export type AnalysisCompileOptions = { dialect: DialectName; asOf?: string } & QueryContext;
export type ShapeResult<T> =
  | { ok: true; compiled: T; resolved: ResolvedQuery }
  | { ok: false; issues: Issue[] };

function base(
  model: SemanticModel,
  query: unknown,
  opts: AnalysisCompileOptions,
  ordered: boolean,
): ShapeResult<CompiledQuery> {
  const r = resolveQuery(model, query, { attributes: opts.attributes, policy: opts.policy });
  if (!r.ok) return r;
  const compiled = compileQuery(r.resolved, { dialect: dialectFor(opts.dialect), asOf: opts.asOf, ordered });
  return { ok: true, compiled, resolved: r.resolved };
}

/**
 * Factor splits of additive metrics by each of the query's dimensions.
 * @example compileRollup(retail, { model: 'retail', metrics: ['churned_customers', 'active_customers'], dimensions: ['region', 'gender'], timeRange: Q3 }, { dialect: 'postgres' })
 */
export function compileRollup(
  model: SemanticModel,
  query: unknown,
  opts: AnalysisCompileOptions,
): ShapeResult<RollupQuery> {
  const b = base(model, query, opts, false);
  if (!b.ok) return b;
  const issues = rollupIssues(b.resolved);
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    compiled: rollup(b.resolved, b.compiled, dialectFor(opts.dialect)),
    resolved: b.resolved,
  };
}

/**
 * Per-customer rows of a query, optionally scored, kept and sampled in the statement.
 * @example compileScored(retail, { model: 'retail', metrics: ['customers'], dimensions: ['customer_id', 'risk_flags'] }, { keep: [{ column: 'risk_flags', matches: 'non_empty_list' }] }, { dialect: 'duckdb' })
 */
export function compileScored(
  model: SemanticModel,
  query: unknown,
  shape: ScoredShape,
  opts: AnalysisCompileOptions & { ordered?: boolean },
): ShapeResult<CompiledQuery> {
  const b = base(model, query, opts, opts.ordered ?? true);
  if (!b.ok) return b;
  const issues = scoredIssues(b.compiled, shape);
  if (issues.length) return { ok: false, issues };
  return { ok: true, compiled: scored(b.compiled, shape, dialectFor(opts.dialect)), resolved: b.resolved };
}

/**
 * Feedback verbatims of the churners a query selects (it must group by the shape's customer and
 * reason members).
 */
export function compileVerbatims(
  model: SemanticModel,
  churnersQuery: unknown,
  shape: VerbatimShape,
  opts: AnalysisCompileOptions,
): ShapeResult<CompiledQuery> {
  const b = base(model, churnersQuery, opts, true);
  if (!b.ok) return b;
  const access = accessFor(opts.policy ?? model, opts.attributes);
  const v = verbatims(model, b.compiled, shape, access, dialectFor(opts.dialect));
  if (!v.ok) return v;
  return { ok: true, compiled: v.compiled, resolved: b.resolved };
}
