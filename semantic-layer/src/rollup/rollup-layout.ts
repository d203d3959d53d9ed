/**
 * How a declared rollup (rollups.yaml) is stored: the measure groups of its metrics, resolved like a
 * query by all its dimensions, one table per group and grain. The compiler reads the same layout to
 * know which table holds a measure, and whether that measure may be re-aggregated.
 */
import { countForm } from '../compile/compile-group.ts';
import type { Issue } from '../issues.ts';
import type { MeasureDef, SemanticModel } from '../model.ts';
import type { TimeGrain, TimeRange } from '../query.ts';
import { type MeasureGroup, type ResolvedQuery, resolveQuery } from '../resolve-query.ts';

/** A rollup materialised at one grain over `range` (periods of the grain, end exclusive). */
export interface MaterializedRollup {
  id: string;
  grain: TimeGrain;
  range: TimeRange;
}

export interface RollupLayout {
  id: string;
  /** The rollup resolved as an unrestricted query by all its dimensions (no time grain). */
  resolved: ResolvedQuery;
  groups: MeasureGroup[];
}

/** Any range resolves the layout: groups and dimension bindings do not depend on the period. */
const PROBE_RANGE = { start: '2000-01-01', end: '2000-04-01' };

const layouts = new WeakMap<SemanticModel, Map<string, RollupLayout | Issue[]>>();

/** The layout of rollup `id`, or the issues that keep its metrics and dimensions from resolving. */
export function rollupLayout(model: SemanticModel, id: string): RollupLayout | Issue[] {
  const cache = layouts.get(model) ?? new Map<string, RollupLayout | Issue[]>();
  layouts.set(model, cache);
  const hit = cache.get(id);
  if (hit) return hit;
  const def = model.rollups[id]!;
  const r = resolveQuery(model, {
    model: model.id,
    metrics: def.metrics,
    dimensions: def.dimensions,
    timeRange: PROBE_RANGE,
  });
  let out: RollupLayout | Issue[];
  if (!r.ok) out = r.issues;
  else if (r.resolved.cohort)
    out = [{ code: 'not_groupable', message: 'cohort retention has no rollup', severity: 'error' }];
  else out = { id, resolved: r.resolved, groups: r.resolved.groups };
  cache.set(id, out);
  return out;
}

/** Grains from finest to coarsest. */
export const GRAIN_ORDER: TimeGrain[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Every rollup table's name starts with it: they are derived, never copied as data. */
export const ROLLUP_TABLE_PREFIX = 'rollup_';

/** The table holding one group of a rollup at one grain. */
export function rollupTable(id: string, grain: TimeGrain, group: MeasureGroup): string {
  return `${ROLLUP_TABLE_PREFIX}${id}_${grain}_${group.id}`;
}

/**
 * Whether a stored measure may be summed over the rollup's rows (other dimensions, finer periods of
 * an event): sums and counts, and distinct counts the compiler counts as rows (a one-column key, a
 * state source's entity; no join multiplies rows). Distinct counts of anything else, per-entity
 * thresholds, averages, shares and medians are read only where one stored row is one answer row.
 */
export function reaggregable(m: MeasureDef, stored: MeasureGroup): boolean {
  if (m.min_rows) return false;
  return m.agg === 'sum' || m.agg === 'count' || countForm(m, stored) !== null;
}

/** Whether a stored measure is a count (summed counts are cast back to BIGINT, the type of COUNT). */
export function isCount(m: MeasureDef, stored: MeasureGroup): boolean {
  return m.agg === 'count' || countForm(m, stored) !== null;
}
