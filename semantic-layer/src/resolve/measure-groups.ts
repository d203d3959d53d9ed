import { findJoinPath, joinEdges } from '../join-graph.ts';
import {
  type DimensionDef,
  type MeasureDef,
  type MetricDef,
  measureOf,
  metricDependencies,
  type SemanticModel,
} from '../model.ts';
import type { DimensionBinding, MeasureGroup } from './resolved-query.ts';

/** Which measures aggregate together (measure groups) and how each group reaches a dimension. */

const ADDITIVE = new Set(['count', 'count_distinct', 'sum']);

/**
 * Binds a policy dimension (from another version of the model) to a measure group: the join path comes
 * from the policy's graph, and the group's source and every source on the path must read the same table in
 * both versions. Otherwise null: the filter cannot be enforced as published, so the query is refused.
 */
export function bindUnderPolicy(
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

export function groupMeasures(model: SemanticModel, closure: MetricDef[]): MeasureGroup[] {
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

export function bindDimension(
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
