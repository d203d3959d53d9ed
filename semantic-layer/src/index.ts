/** The semantic layer's public surface: load a model, resolve and compile queries, materialise. */
import { type CompiledQuery, compileQuery } from './compile/compile-query.ts';
import { type DialectName, dialectFor } from './dialect/index.ts';
import type { Issue } from './issues.ts';
import type { SemanticModel } from './model.ts';
import { type QueryContext, type ResolvedQuery, resolveQuery } from './resolve-query.ts';
import type { MaterializedRollup } from './rollup/rollup-layout.ts';

export { type Access, accessFor, unknownAttributes } from './access-policy.ts';
export type { Catalog } from './catalog.ts';
export type { CompiledColumn, CompiledQuery } from './compile/compile-query.ts';
export {
  type AnalysisCompileOptions,
  compileRollup,
  compileScored,
  compileVerbatims,
  type KeepCondition,
  type RollupQuery,
  type ScoredShape,
  type ScoreKit,
  type ScoreSpec,
  type ShapeResult,
  type VerbatimMembers,
  type VerbatimShape,
} from './compile-analysis.ts';
export { loadModel, loadModelFromDir, readModelFiles } from './definition/load-model.ts';
export { formatIssue, type Issue } from './issues.ts';
export type { SemanticModel } from './model.ts';
export { type SemanticQuery, type SemanticQueryInput, SemanticQuerySchema } from './query.ts';
export type { QueryContext, ResolvedQuery } from './resolve-query.ts';
export type { MaterializedRollup } from './rollup/rollup-layout.ts';

export type CompileResult =
  | { ok: true; compiled: CompiledQuery; resolved: ResolvedQuery; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

/**
 * Resolves and compiles a query in one call.
 * @example compile(model, { model: 'retail', metrics: ['churn_rate'], timeRange: { start: '2026-07-01', end: '2026-10-01' } }, { dialect: 'duckdb' })
 */
export function compile(
  model: SemanticModel,
  query: unknown,
  opts: {
    dialect: DialectName;
    asOf?: string;
    ordered?: boolean;
    rollups?: MaterializedRollup[];
  } & QueryContext,
): CompileResult {
  const r = resolveQuery(model, query, { attributes: opts.attributes, policy: opts.policy });
  if (!r.ok) return r;
  return {
    ok: true,
    compiled: compileQuery(r.resolved, {
      dialect: dialectFor(opts.dialect),
      asOf: opts.asOf,
      ordered: opts.ordered,
      rollups: opts.rollups,
    }),
    resolved: r.resolved,
    warnings: r.warnings,
  };
}
