import { type CompiledQuery, compile } from '../../../semantic-layer/src/index.ts';
import type { Issue } from '../../../semantic-layer/src/issues.ts';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import type { Intent } from '../answer/answer-schema.ts';
import type { PresentationInput } from '../answer/presentation-input.ts';
import { presentedMembers } from '../answer/presented-members.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';
import { withoutEmptyUnknownRows } from './empty-rows.ts';
import { askedNames, pointInTime } from './point-in-time.ts';

export const QUERY_TIMEOUT_MS = Number(process.env.CHATBI_QUERY_TIMEOUT_MS) || 15_000;
export const MAX_ROWS = 5_000;

export type QueryRun =
  | {
      ok: true;
      presentation: PresentationInput;
      sql: string;
      params: unknown[];
      truncated: boolean;
      timings: { compile: number; execute: number };
      /** Where the answer was read: a rollup or the base tables (provenance). */
      answeredFrom: NonNullable<CompiledQuery['answeredFrom']>;
      /** Said to the user when the query was changed to keep it point in time (point-in-time.ts). */
      assumptions: string[];
    }
  | { ok: false; issues: Issue[] };

/**
 * Compiles a governed query with the user's row-level security and runs it on the model's engine.
 * The only path from a question to SQL: identifiers from the catalog, values as parameters.
 */
export async function runQuery(
  runtime: ModelRuntime,
  query: SemanticQueryInput,
  ctx: { intent: Intent; language: 'zh' | 'en'; attributes?: Record<string, string[]> },
): Promise<QueryRun> {
  const t0 = performance.now();
  const pit = pointInTime(runtime.model, query, runtime.asOf);
  const compiled = compile(runtime.model, pit.query, {
    dialect: runtime.engine.dialect,
    asOf: runtime.asOf,
    attributes: ctx.attributes,
    rollups: runtime.rollups,
  });
  if (!compiled.ok) return { ok: false, issues: compiled.issues.filter((i) => i.severity === 'error') };
  const t1 = performance.now();
  const { sql, params } = compiled.compiled;
  const result = await runtime.engine.query(sql, params, {
    timeoutMs: QUERY_TIMEOUT_MS,
    maxRows: MAX_ROWS,
    cache: true,
  });
  const resolved = compiled.resolved;
  const { columns, rows } = askedNames(pit.renamed, compiled.compiled.columns, result.rows);
  return {
    ok: true,
    sql,
    params,
    truncated: result.truncated,
    answeredFrom: compiled.compiled.answeredFrom ?? { kind: 'base' },
    assumptions: pit.assumption ? [pit.assumption[ctx.language]] : [],
    timings: { compile: t1 - t0, execute: result.elapsedMs },
    presentation: {
      language: ctx.language,
      intent: ctx.intent,
      columns,
      rows: withoutEmptyUnknownRows(columns, rows),
      members: presentedMembers(runtime.catalog),
      timeRange: resolved.query.timeRange,
      grain: resolved.query.time?.grain,
      compare: resolved.query.compare,
      currency: runtime.model.currency,
    },
  };
}
