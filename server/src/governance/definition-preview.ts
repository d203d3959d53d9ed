/**
 * Preview of a draft: a few governed queries on the members the draft changes, run under the live
 * (published) model and under the draft, side by side. When the draft builds different derived tables
 * (churn definition, value tiers, reason signals, as-of rule…), the draft's tables are materialised in a
 * sandbox (preview-sandbox.ts) so the live tables are never touched.
 */

import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { buildCatalog } from '../../../semantic-layer/src/catalog-build.ts';
import { compile, type Issue } from '../../../semantic-layer/src/index.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import { defaultMetricRange } from '../calendar/default-period.ts';
import { isTimeBased } from '../calendar/metric-time.ts';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import { materializationSpec, samePlan } from '../data/materialization-spec.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';
import { withSandbox } from './preview-sandbox.ts';
import { sameValue } from './same-value.ts';
import { type ChangeSummary, summarizeChanges } from './version-diff.ts';

/** Why a sample query was chosen. */
export type SampleReason =
  | 'changed_metric'
  | 'changed_dimension'
  | 'churn_definition'
  | 'context'
  | 'requested';

/** One side of a sample: rows, or the issues that stop the query on that side. */
export type SampleResult =
  | { ok: true; columns: string[]; rows: Record<string, unknown>[]; truncated: boolean }
  | { ok: false; issues: Issue[] };

/** A query run before (published) and after (draft). */
export interface PreviewSample {
  reason: SampleReason;
  query: SemanticQueryInput;
  before: SampleResult;
  after: SampleResult;
  differs: boolean;
}

/** The preview of a draft against the live model. */
export interface DraftPreview {
  asOf: { before: string; after: string };
  /** True when the draft's derived tables were rebuilt in a sandbox for the "after" side. */
  materialized: boolean;
  summary: ChangeSummary;
  samples: PreviewSample[];
  elapsedMs: number;
}

/** What a preview needs. */
export interface PreviewInput {
  /** The live model (the registry's active runtime: published definitions and live tables). */
  live: ModelRuntime;
  /** The files the live model was loaded from (the published version). */
  liveFiles: Record<string, string>;
  draft: SemanticModel;
  /** Queries to run instead of the automatic choice. */
  queries?: SemanticQueryInput[];
  /**
   * Row-level access of the user previewing: on both sides the published (live) model's access rules and
   * the dimension definitions they filter on apply, whatever the draft says about them.
   */
  attributes?: Record<string, string[]>;
}

const MAX_SAMPLES = 6;
const MAX_ROWS = 50;
const TIMEOUT_MS = 15_000;
/** Longest the draft's derived tables may take to build in the sandbox (read when a preview starts). */
export const previewMaterializeTimeoutMs = () => Number(process.env.CHATBI_PREVIEW_TIMEOUT_MS) || 60_000;

/**
 * Runs the preview.
 * @example const preview = await previewDraft({ live: registry.get('retail').runtime, liveFiles, draft });
 */
export async function previewDraft(input: PreviewInput): Promise<DraftPreview> {
  const started = performance.now();
  const { live, draft } = input;
  const available = await live.engine.tables();
  const [liveSpec, draftSpec] = await Promise.all([
    materializationSpec(live.engine, live.model, available),
    materializationSpec(live.engine, draft, available),
  ]);
  const materialized = !samePlan(liveSpec, draftSpec);
  const summary = summarizeChanges(input.liveFiles, draft.files);
  const draftCatalog = buildCatalog(draft, draftSpec.asOf);
  const queries = input.queries?.length
    ? input.queries.slice(0, MAX_SAMPLES).map((query) => ({ reason: 'requested' as const, query }))
    : chooseSamples(summary, draft, draftCatalog, live.asOf, materialized);

  const runAll = async (engine: AnalyticsEngine, model: SemanticModel, asOf: string) => {
    const results: SampleResult[] = [];
    for (const { query } of queries)
      results.push(await runSample(engine, model, asOf, query, input.attributes, live.model));
    return results;
  };
  const before = await runAll(live.engine, live.model, live.asOf);
  const after = materialized
    ? await withSandbox(
        live.engine,
        draftSpec,
        liveSpec,
        (sandbox) => runAll(sandbox, draft, draftSpec.asOf),
        { read: TIMEOUT_MS, write: previewMaterializeTimeoutMs() },
      )
    : await runAll(live.engine, draft, draftSpec.asOf);

  const samples = queries.map(({ reason, query }, i) => ({
    reason,
    query,
    before: before[i]!,
    after: after[i]!,
    differs: !sameValue(before[i], after[i]),
  }));
  return {
    asOf: { before: live.asOf, after: draftSpec.asOf },
    materialized,
    summary,
    samples,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function runSample(
  engine: AnalyticsEngine,
  model: SemanticModel,
  asOf: string,
  query: SemanticQueryInput,
  attributes: Record<string, string[]> | undefined,
  policy: SemanticModel,
): Promise<SampleResult> {
  const compiled = compile(model, query, { dialect: engine.dialect, asOf, attributes, policy });
  if (!compiled.ok) return { ok: false, issues: compiled.issues.filter((i) => i.severity === 'error') };
  const { sql, params } = compiled.compiled;
  const result = await engine.query(sql, params, { timeoutMs: TIMEOUT_MS, maxRows: MAX_ROWS });
  return {
    ok: true,
    columns: result.columns.map((c) => c.name),
    rows: result.rows,
    truncated: result.truncated,
  };
}

/**
 * Sample queries for what changed: each changed metric in total and by a breakdown, each changed dimension
 * with a metric it can split, the churn metrics when the derived tables change; at least one context query.
 */
export function chooseSamples(
  summary: ChangeSummary,
  draft: SemanticModel,
  catalog: Catalog,
  asOf: string,
  materialized: boolean,
): { reason: SampleReason; query: SemanticQueryInput }[] {
  const out: { reason: SampleReason; query: SemanticQueryInput }[] = [];
  const seen = new Set<string>();
  const range = defaultMetricRange(asOf);
  const add = (reason: SampleReason, metric: string, dimension?: string) => {
    const query: SemanticQueryInput = {
      model: draft.id,
      metrics: [metric],
      dimensions: dimension ? [dimension] : [],
      ...(isTimeBased(catalog, metric) ? { timeRange: range } : {}),
    };
    const key = JSON.stringify(query);
    if (out.length < MAX_SAMPLES && !seen.has(key)) {
      seen.add(key);
      out.push({ reason, query });
    }
  };
  const metricOf = (id: string) => catalog.metrics.find((m) => m.id === id);
  const breakdown = (metricId: string) => {
    const dims = metricOf(metricId)?.dimensions ?? [];
    const rls = draft.rowLevelSecurity.map((r) => r.dimension).find((d) => dims.includes(d));
    return rls ?? dims[0];
  };
  const { metrics, dimensions } = summary.members;
  for (const id of [...metrics.changed.map((c) => c.id), ...metrics.added].filter((m) => metricOf(m))) {
    add('changed_metric', id);
    add('changed_metric', id, breakdown(id));
  }
  for (const id of [...dimensions.changed.map((c) => c.id), ...dimensions.added]) {
    if (catalog.dimensions.find((d) => d.id === id)?.type === 'time') continue;
    const metric = [draft.defaultMetric, ...catalog.metrics.map((m) => m.id)].find((m) =>
      metricOf(m)?.dimensions.includes(id),
    );
    if (metric) add('changed_dimension', metric, id);
  }
  if (materialized) {
    const churnMetrics = catalog.metrics.filter((m) => m.requiresPeriod).map((m) => m.id);
    for (const id of [draft.defaultMetric, ...churnMetrics].filter((m) => metricOf(m)).slice(0, 2)) {
      add('churn_definition', id);
    }
    add('churn_definition', draft.defaultMetric, breakdown(draft.defaultMetric));
  }
  if (out.length === 0 && metricOf(draft.defaultMetric)) add('context', draft.defaultMetric);
  return out;
}
