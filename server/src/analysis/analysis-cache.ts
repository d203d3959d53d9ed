/**
 * Analysis results kept while the data is unchanged: a result is a function of the store's data (the
 * engine and its write count: ingest and materialisation are writes), the model version, the as-of date
 * and the rollups built, the analysis (intent, base query, list page) and who asks (row-level-security
 * attributes, every one of them: an attribute no rule knows denies, so it is part of the key too) and
 * the language. Many users asking "what drives churn?" over the same data get one computation; a user
 * restricted to 华南 never reads a result computed for another scope. Results that read app state
 * (campaign outcomes) or one named customer are not kept.
 */

import type { ModelRuntime } from '../data/model-runtime.ts';
import { StoreMemo } from '../data/store-memo.ts';
import type { AnalysisIntent, AnalysisRequest, AnalysisResult } from './analysis-contract.ts';

/** Intents whose results depend on more than the analytic store, or are about one customer. */
const NOT_KEPT: ReadonlySet<AnalysisIntent> = new Set(['campaign_outcomes', 'customer_profile']);

/** Rows kept across results, per store (a result counts its table's rows, plus one). */
const MAX_ROWS = 50_000;

const results = new StoreMemo<AnalysisResult>((r) => r.presentation.rows.length + 1, MAX_ROWS, 5_001);

/** JSON with object keys sorted, so equal queries give equal keys whatever order they were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Everything besides the store's data an analysis result is a function of. */
export function analysisKey(runtime: ModelRuntime, request: AnalysisRequest): string {
  // No attributes and none given are the same unrestricted user (accessFor); any attribute keys its scope.
  const attributes = Object.entries(request.attributes ?? {});
  const scope = attributes.length ? attributes.map(([a, values]) => [a, [...values].sort()]) : null;
  return canonical([
    runtime.model.id,
    runtime.model.version,
    runtime.asOf,
    runtime.rollups ?? [],
    request.intent,
    request.language,
    request.query,
    scope,
    request.list ?? null,
  ]);
}

/** Freezes `value` and everything it holds (plain objects and arrays), once, where it was computed. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The result of `run()` for this request, computed once while the store is unchanged (concurrent
 * askers share one run). Every caller shares the one kept result, frozen (issue 21: a deep copy per
 * reader cost the event loop more than the cached answer itself): a caller builds its answer from it
 * and never writes into it (a write throws); only the top level is the caller's own, so `timings` can say
 * whether the result was kept.
 */
export async function cachedAnalysis(
  runtime: ModelRuntime,
  request: AnalysisRequest,
  run: () => Promise<AnalysisResult>,
): Promise<AnalysisResult> {
  if (NOT_KEPT.has(request.intent)) return run();
  const started = performance.now();
  const { value, cached } = await results.get(runtime.engine, analysisKey(runtime, request), async () =>
    deepFreeze(await run()),
  );
  if (!cached) return { ...value };
  return { ...value, timings: { ...value.timings, cache_hit_ms: performance.now() - started } };
}

/** Forgets the kept results of a store (benchmarks measuring an analysis itself). */
export function forgetAnalyses(runtime: Pick<ModelRuntime, 'engine'>): void {
  results.clear(runtime.engine);
}

/** How many results are kept for a store (tests). */
export function keptAnalyses(runtime: Pick<ModelRuntime, 'engine'>): number {
  return results.size(runtime.engine);
}
