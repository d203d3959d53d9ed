import { accessFor, deniedMessage } from './access-policy.ts';
import { compareShift, type Period, periodsOf, type Shift, shiftBack } from './compile/periods.ts';
import { type Issue, IssueLog } from './issues.ts';
import { findJoinPath, type JoinPath, joinEdges } from './join-graph.ts';
import {
  type DimensionDef,
  type MeasureDef,
  type MetricDef,
  measureOf,
  metricDependencies,
  type SemanticModel,
  type SourceDef,
} from './model.ts';
import {
  type Filter,
  type SemanticQuery,
  SemanticQuerySchema,
  type TimeGrain,
  type TimeRange,
} from './query.ts';

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

const ADDITIVE = new Set(['count', 'count_distinct', 'sum']);

/**
 * Checks a query against the model and works out how to compute it: which measures, from which
 * sources, how every dimension is reached without double counting, which periods. Pure.
 */
export function resolveQuery(model: SemanticModel, input: unknown, ctx: QueryContext = {}): ResolveResult {
  const log = new IssueLog();
  const parsed = SemanticQuerySchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        code: 'invalid_shape' as const,
        message: i.message,
        path: i.path.join('.'),
        severity: 'error' as const,
      })),
    };
  }
  const query = parsed.data;
  if (query.model !== model.id)
    log.error('model_mismatch', `query is for model ${query.model}, not ${model.id}`, { path: 'model' });

  const metrics = query.metrics.map((id, i) => {
    const m = model.metrics[id];
    if (!m) log.error('unknown_member', unknownMessage(model, id, 'metric'), { path: `metrics.${i}` });
    return m;
  });
  const dimensions = query.dimensions.map((id, i) => {
    const d = model.dimensions[id];
    if (!d) log.error('unknown_member', unknownMessage(model, id, 'dimension'), { path: `dimensions.${i}` });
    else if (d.type === 'time')
      log.error('type_mismatch', `${id} is a time dimension: put it in \`time\` with a grain`, {
        path: `dimensions.${i}`,
      });
    return d;
  });
  if (log.hasErrors) return { ok: false, issues: log.issues };

  const closure = metricClosureOf(model, metrics as MetricDef[]);
  const cohorts = closure.filter((m) => m.type === 'cohort_retention');
  if (cohorts.length && closure.length > 1)
    log.error('not_groupable', 'cohort retention is answered on its own, not with other metrics', {
      path: 'metrics',
    });

  let timeDim: DimensionDef | null = null;
  if (query.time && query.time.dimension !== 'metric_time') {
    timeDim = model.dimensions[query.time.dimension] ?? null;
    if (timeDim?.type !== 'time')
      log.error('unknown_member', `${query.time.dimension} is not a time dimension`, {
        path: 'time.dimension',
      });
    else if (timeDim.grains && !timeDim.grains.includes(query.time.grain))
      log.error('grain_not_supported', `${timeDim.id} has no ${query.time.grain} grain`, {
        path: 'time.grain',
      });
  }
  const range = query.timeRange;
  if (range && range.start >= range.end)
    log.error('invalid_time_range', `time range start ${range.start} is not before its end ${range.end}`, {
      path: 'timeRange',
    });

  const filters: ResolvedFilter[] = [];
  const metricFilters: ResolvedQuery['metricFilters'] = [];
  query.filters.forEach((f, i) => {
    const at = `filters.${i}`;
    checkFilterValues(f, at, log);
    const d = model.dimensions[f.member];
    const m = model.metrics[f.member];
    checkValueTypes(f, d ? d.type : m ? 'numeric' : undefined, at, log);
    // Interpreters carry boolean values as text ('true'); a boolean column compares with booleans.
    const values = d?.type === 'boolean' ? f.values.map(asBoolean) : f.values;
    if (d) filters.push({ dimension: d, op: f.op, values, enforced: false });
    else if (m) metricFilters.push({ metric: m, op: f.op, values: f.values });
    else log.error('unknown_member', unknownMessage(model, f.member, 'dimension'), { path: `${at}.member` });
  });
  const policy = ctx.policy ?? model;
  const foreignPolicy = policy !== model;
  const access = accessFor(policy, ctx.attributes);
  if (access.kind === 'denied')
    log.error('access_denied', deniedMessage(policy, access), { path: 'attributes' });
  for (const rule of access.kind === 'restricted' ? access.rules : []) {
    const dimension = policy.dimensions[rule.dimension];
    if (!dimension) {
      log.error('access_denied', `access rule ${rule.attribute} names unknown dimension ${rule.dimension}`, {
        path: 'attributes',
      });
      continue;
    }
    filters.push({
      dimension,
      op: 'in',
      values: rule.values,
      enforced: true,
      ...(foreignPolicy ? { bindingKey: `__rls_${dimension.id}` } : {}),
    });
  }
  checkTimeRange(query.timeRange, log);
  query.order.forEach((o, i) => {
    const known =
      query.metrics.includes(o.member) || query.dimensions.includes(o.member) || o.member === 'period';
    if (!known)
      log.error('invalid_order', `order by ${o.member}: only the query's metrics, dimensions or period`, {
        path: `order.${i}.member`,
      });
  });
  if (log.hasErrors) return { ok: false, issues: log.issues };

  const edges = joinEdges(model);
  const groups = groupMeasures(model, closure);
  const bindIds = [
    ...new Set([
      ...dimensions.map((d) => d!.id),
      ...filters.filter((f) => !f.bindingKey).map((f) => f.dimension.id),
      ...(timeDim ? [timeDim.id] : []),
    ]),
  ];
  for (const g of groups) {
    for (const f of filters.filter((x) => x.bindingKey)) {
      const binding = bindUnderPolicy(model, policy, f.dimension, g);
      if (binding) g.bindings[f.bindingKey!] = binding;
      else
        log.error(
          'rls_unreachable',
          `row-level security on ${f.dimension.id} cannot be enforced on ${g.source.id} as the published version defines it: only an unrestricted user can preview this`,
          { path: 'attributes' },
        );
    }
    for (const id of bindIds) {
      const d = model.dimensions[id]!;
      if (timeDim?.id === id && isOwnTime(d, g)) continue;
      const binding = bindDimension(model, d, g, edges);
      const enforced = filters.some((f) => f.enforced && f.dimension.id === id);
      if (!binding) {
        const code = enforced ? 'rls_unreachable' : 'unreachable';
        log.error(
          code,
          `${d.id} cannot be reached from ${g.source.id} (measures ${g.measures.map((x) => x.id).join(', ')})`,
          {
            path: 'dimensions',
          },
        );
      } else if (binding.path.fansOut && g.measures.some((m) => m.agg !== 'count_distinct')) {
        log.error(
          'fan_out',
          `grouping ${g.measures.map((x) => x.id).join(', ')} by ${d.id} would double count (${g.source.id} → ${d.source} is one-to-many)`,
          { path: 'dimensions' },
        );
      } else g.bindings[id] = binding;
    }
    if (g.kind === 'state' && !range)
      log.error(
        'time_range_required',
        `${g.measures.map((m) => m.id).join(', ')} is measured over a period: give a timeRange`,
        {
          path: 'timeRange',
        },
      );
    if (g.kind === 'static' && (range || query.time) && !cohorts.length)
      log.warn(
        'time_ignored',
        `${g.measures.map((m) => m.id).join(', ')} does not change over time; the time range does not apply`,
        {
          path: 'timeRange',
        },
      );
    if (g.kind === 'static' && query.time && !timeDim)
      log.error(
        'not_groupable',
        `${g.measures.map((m) => m.id).join(', ')} cannot be split by ${query.time.grain}`,
        {
          path: 'time',
        },
      );
  }

  let comparison: ResolvedQuery['comparison'];
  const popKinds = new Set(closure.flatMap((m) => (m.type === 'period_over_period' ? [m.compare] : [])));
  if (query.compare && popKinds.size && !popKinds.has(query.compare))
    log.error('compare_conflict', 'the query compares differently from its period-over-period metric', {
      path: 'compare',
    });
  if (popKinds.size > 1)
    log.error('compare_conflict', 'period-over-period metrics compare differently', { path: 'metrics' });
  const compareKind = query.compare ?? [...popKinds][0];
  if (compareKind) {
    if (!range) log.error('compare_requires_range', 'a comparison needs a timeRange', { path: 'compare' });
    else {
      const shift = compareShift(range, compareKind, query.time?.grain);
      const prev = shiftBack(range, shift);
      comparison = { kind: compareKind, range: prev, periods: periodsOf(prev, query.time?.grain), shift };
    }
  }
  if (log.hasErrors) return { ok: false, issues: log.issues };
  return {
    ok: true,
    warnings: log.warnings,
    resolved: {
      model,
      query,
      metrics: metrics as MetricDef[],
      metricClosure: closure,
      groups,
      dimensions: dimensions as DimensionDef[],
      time: query.time ? { grain: query.time.grain, dimension: timeDim } : undefined,
      range,
      periods: range ? periodsOf(range, query.time?.grain) : null,
      comparison,
      filters,
      metricFilters,
      cohort: cohorts[0] as ResolvedQuery['cohort'],
    },
  };
}

function unknownMessage(model: SemanticModel, id: string, kind: 'metric' | 'dimension'): string {
  const pool = kind === 'metric' ? Object.keys(model.metrics) : Object.keys(model.dimensions);
  const near = pool.filter((p) => p.includes(id) || id.includes(p)).slice(0, 3);
  return `unknown ${kind} ${id}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

function asBoolean(v: string | number | boolean): string | number | boolean {
  if (v === 'true' || v === 1) return true;
  if (v === 'false' || v === 0) return false;
  return v;
}

function checkFilterValues(f: Filter, at: string, log: IssueLog): void {
  const n = f.values.length;
  const want =
    f.op === 'is_null' || f.op === 'not_null'
      ? n === 0
      : f.op === 'between'
        ? n === 2
        : f.op === 'in' || f.op === 'not_in'
          ? true
          : n === 1;
  if (!want)
    log.error('invalid_filter', `filter op ${f.op} cannot take ${n} value(s)`, { path: `${at}.values` });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for a real calendar date (2026-02-30 and 2026-13-45 are not). */
function isCalendarDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

function checkTimeRange(range: TimeRange | undefined, log: IssueLog): void {
  for (const side of ['start', 'end'] as const)
    if (range && !isCalendarDate(range[side]))
      log.error('invalid_time_range', `timeRange.${side} ${range[side]} is not a calendar date`, {
        path: `timeRange.${side}`,
      });
}

/** Values must fit the member before anything is compiled: numbers, calendar dates, booleans. */
function checkValueTypes(f: Filter, type: DimensionDef['type'] | undefined, at: string, log: IssueLog): void {
  const fits = (v: string | number | boolean): boolean => {
    switch (type) {
      case 'numeric':
        return typeof v === 'number'
          ? Number.isFinite(v)
          : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);
      case 'time':
        return typeof v === 'string' && isCalendarDate(v);
      case 'boolean':
        return typeof v === 'boolean' || v === 'true' || v === 'false' || v === 1 || v === 0;
      default:
        return true;
    }
  };
  const want = { numeric: 'a number', time: 'a calendar date YYYY-MM-DD', boolean: 'true or false' } as const;
  f.values.forEach((v, j) => {
    if (!fits(v))
      log.error(
        'invalid_value',
        `${f.member} takes ${want[type as keyof typeof want]}, not ${JSON.stringify(v)}`,
        {
          path: `${at}.values.${j}`,
        },
      );
  });
}

/**
 * Binds a policy dimension (from another version of the model) to a measure group: the join path comes
 * from the policy's graph, and the group's source and every source on the path must read the same table in
 * both versions. Otherwise null: the filter cannot be enforced as published, so the query is refused.
 */
function bindUnderPolicy(
  model: SemanticModel,
  policy: SemanticModel,
  d: DimensionDef,
  g: MeasureGroup,
): DimensionBinding | null {
  const sameTable = (id: string) =>
    Boolean(model.sources[id]?.table) && model.sources[id]?.table === policy.sources[id]?.table;
  if (!sameTable(g.source.id)) return null;
  const binding = bindDimension(policy, d, g, joinEdges(policy));
  if (!binding?.path.steps.every((s) => sameTable(s.to))) return null;
  return binding;
}

/** Every metric the requested ones need, dependencies before dependants, each once. */
export function metricClosureOf(model: SemanticModel, metrics: MetricDef[]): MetricDef[] {
  const out: MetricDef[] = [];
  const seen = new Set<string>();
  const visit = (m: MetricDef) => {
    if (seen.has(m.id)) return;
    seen.add(m.id);
    for (const dep of metricDependencies(m)) visit(model.metrics[dep]!);
    out.push(m);
  };
  metrics.forEach(visit);
  return out;
}

function groupMeasures(model: SemanticModel, closure: MetricDef[]): MeasureGroup[] {
  const groups = new Map<string, MeasureGroup>();
  const measures = closure.flatMap((m) => (m.type === 'simple' ? [measureOf(model, m.measure)!] : []));
  const kindOf = (m: MeasureDef) => {
    const timeColumn = m.time ?? model.sources[m.source]!.time;
    const kind: MeasureGroup['kind'] = m.at ? 'state' : timeColumn ? 'event' : 'static';
    return { timeColumn, kind };
  };
  // Entity-threshold measures (min_rows) aggregate per entity first, then count entities: distinct counts
  // of the same entity (same source, time and filter) are read from that same per-entity pass.
  const entityKey = (m: MeasureDef) =>
    m.agg === 'count_distinct' && !m.at
      ? `${m.source}|${kindOf(m).timeColumn ?? ''}|${m.sql.trim()}|${m.filter ?? ''}`
      : null;
  const perEntity = new Set(measures.filter((m) => m.min_rows).map(entityKey));
  for (const measure of measures) {
    const source = model.sources[measure.source]!;
    const { timeColumn, kind } = kindOf(measure);
    const entity = entityKey(measure);
    const key =
      entity && perEntity.has(entity)
        ? `entity|${entity}`
        : `${source.id}|${kind}|${kind === 'event' ? timeColumn : ''}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        id: `g${groups.size + 1}`,
        source,
        kind,
        timeColumn: kind === 'event' ? timeColumn : undefined,
        measures: [],
        bindings: {},
      };
      groups.set(key, g);
    }
    if (!g.measures.some((m) => m.id === measure.id)) g.measures.push(measure);
  }
  return [...groups.values()];
}

/** A time dimension is a group's own metric time when it is the group's time column on its source. */
export function isOwnTime(d: DimensionDef, g: MeasureGroup): boolean {
  if (g.kind === 'state')
    return d.source === g.source.id && (d.sql === g.source.validity?.to || d.sql === g.source.time);
  return d.source === g.source.id && d.sql === g.timeColumn;
}

function bindDimension(
  model: SemanticModel,
  d: DimensionDef,
  g: MeasureGroup,
  edges: ReturnType<typeof joinEdges>,
): DimensionBinding | null {
  // The group's own source first: a point-in-time table answers with its own columns.
  const candidates = [{ source: d.source, sql: d.sql }, ...d.alternates].sort(
    (a, b) => Number(b.source === g.source.id) - Number(a.source === g.source.id),
  );
  let fallback: DimensionBinding | null = null;
  for (const c of candidates) {
    const path = findJoinPath(model, g.source.id, c.source, edges);
    if (!path) continue;
    if (!path.fansOut) return { dimension: d, source: c.source, sql: c.sql, path };
    fallback ??= { dimension: d, source: c.source, sql: c.sql, path };
  }
  return fallback;
}

/** Whether a measure's zero means "no rows" (counts and sums) rather than "unknown". */
export function isAdditive(m: MeasureDef): boolean {
  return ADDITIVE.has(m.agg);
}
