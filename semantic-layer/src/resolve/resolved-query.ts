import type { Period, Shift } from '../compile/periods.ts';
import type { Issue } from '../issues.ts';
import type { JoinPath } from '../join-graph.ts';
import type { DimensionDef, MeasureDef, MetricDef, SemanticModel, SourceDef } from '../model.ts';
import type { Filter, SemanticQuery, TimeGrain, TimeRange } from '../query.ts';

/** What `resolveQuery` works out from a query and the model: the input of the compiler. */

/** A dimension (or time dimension) as one measure group reaches it. */
export interface DimensionBinding {
  dimension: DimensionDef;
  source: string;
  sql: string;
  path: JoinPath;
}

/** Measures aggregated together: same source, same time semantics. */
export interface MeasureGroup {
  id: string;
  source: SourceDef;
  /** event: rows in the range by their time column; state: rows valid at each period start; static: no time. */
  kind: 'event' | 'state' | 'static';
  timeColumn?: string;
  measures: MeasureDef[];
  /** By dimension id: every dimension, filter dimension and non-metric time dimension of the query. */
  bindings: Record<string, DimensionBinding>;
}

export interface ResolvedFilter {
  dimension: DimensionDef;
  op: Filter['op'];
  values: Filter['values'];
  /** Row-level security: added from the user's attributes, never removable by the query. */
  enforced: boolean;
  /**
   * The key of this filter's dimension binding in each group: the dimension id, or `__rls_<id>` when the
   * access policy comes from another version of the model (a draft previewed under the published policy).
   */
  bindingKey?: string;
}

export interface ResolvedQuery {
  model: SemanticModel;
  query: SemanticQuery;
  /** The metrics asked for, in order. */
  metrics: MetricDef[];
  /** Every metric needed to compute them (dependencies first). */
  metricClosure: MetricDef[];
  groups: MeasureGroup[];
  dimensions: DimensionDef[];
  time?: { grain: TimeGrain; dimension: DimensionDef | null };
  range?: TimeRange;
  periods: Period[] | null;
  comparison?: {
    kind: 'previous_period' | 'same_period_last_year';
    range: TimeRange;
    periods: Period[] | null;
    shift: Shift;
  };
  filters: ResolvedFilter[];
  metricFilters: { metric: MetricDef; op: Filter['op']; values: Filter['values'] }[];
  cohort?: MetricDef & { type: 'cohort_retention' };
}

/** Who is asking: their attributes drive row-level security (absent or empty = unrestricted). */
export interface QueryContext {
  attributes?: Record<string, string[]>;
  /**
   * The model version whose access rules are enforced, with the definitions they filter on (default: the
   * model queried). A draft is previewed under the published policy, whatever the draft says about it.
   */
  policy?: SemanticModel;
}

export type ResolveResult =
  | { ok: true; resolved: ResolvedQuery; warnings: Issue[] }
  | { ok: false; issues: Issue[] };
