/**
 * Whether a materialised rollup answers a resolved query exactly as the base tables would, and from
 * which tables. All of the query's measure groups come from one rollup at one grain, or none does.
 */
import { nextGrain, truncate } from '../compile/periods.ts';
import type { TimeGrain, TimeRange } from '../query.ts';
import { isOwnTime, type MeasureGroup, type ResolvedQuery } from '../resolve-query.ts';
import {
  GRAIN_ORDER,
  type MaterializedRollup,
  reaggregable,
  rollupLayout,
  rollupTable,
} from './rollup-layout.ts';

/** The table a query's group reads, the stored group it holds, and the rollup's grain. */
export interface RollupRead {
  table: string;
  stored: MeasureGroup;
  grain: TimeGrain;
}

/** A rollup chosen for a query: by query group id, where each group reads. */
export interface RollupChoice {
  id: string;
  grain: TimeGrain;
  reads: Map<string, RollupRead>;
}

/** Grains whose periods are unions of whole `fine` periods (weeks cross months and years). */
function groupsInto(fine: TimeGrain, coarse: TimeGrain): boolean {
  if (fine === coarse || fine === 'day') return true;
  if (fine === 'week' || coarse === 'week') return false;
  return GRAIN_ORDER.indexOf(fine) < GRAIN_ORDER.indexOf(coarse);
}

/**
 * The rollup that covers `r`, coarsest grain first (fewest rows), or null: the base tables answer.
 * Covered means: every metric's measures stored in one group of the same source and time; the query's
 * dimensions and every filter (row-level security included) on the rollup's dimensions; whole periods
 * of the rollup's grain inside its range; and measures that cannot be summed read one stored row per
 * answer row (each rollup dimension grouped by or pinned to one value, same periods).
 */
export function coveringRollup(r: ResolvedQuery, built: MaterializedRollup[]): RollupChoice | null {
  if (r.cohort || !built.length) return null;
  // A draft previewed under the published policy binds its security filters differently: base tables.
  if (r.filters.some((f) => f.bindingKey)) return null;
  const order = [...built].sort((a, b) => GRAIN_ORDER.indexOf(b.grain) - GRAIN_ORDER.indexOf(a.grain));
  for (const b of order) {
    const choice = covers(r, b);
    if (choice) return choice;
  }
  return null;
}

function covers(r: ResolvedQuery, b: MaterializedRollup): RollupChoice | null {
  const def = r.model.rollups[b.id];
  if (!def) return null;
  const layout = rollupLayout(r.model, b.id);
  if (Array.isArray(layout)) return null;
  const dims = new Set(def.dimensions);
  if (!r.dimensions.every((d) => dims.has(d.id))) return null;
  if (!r.filters.every((f) => dims.has(f.dimension.id))) return null;
  const sameDims = def.dimensions.every((d) => r.dimensions.some((x) => x.id === d) || pinned(r, d));
  const reads = new Map<string, RollupRead>();
  for (const g of r.groups) {
    const stored = layout.groups.find(
      (s) =>
        s.source.id === g.source.id &&
        s.kind === g.kind &&
        s.timeColumn === g.timeColumn &&
        g.measures.every((m) => s.measures.some((x) => x.id === m.id)),
    );
    if (!stored) return null;
    const exactOnly = g.measures.some((m) => !reaggregable(m, stored));
    if (exactOnly && !sameDims) return null;
    if (g.kind !== 'static' && !timeCovered(r, g, b, exactOnly || g.kind === 'state')) return null;
    reads.set(g.id, { table: rollupTable(b.id, b.grain, stored), stored, grain: b.grain });
  }
  return { id: b.id, grain: b.grain, reads };
}

/**
 * Whether a filter keeps one value of dimension `id` (an `eq`, or an `in` of one value: "high-value
 * customers", a user restricted to one region), so the stored rows of an answer row are the one row
 * of that value: measures that cannot be summed are read as if the query grouped by it.
 */
function pinned(r: ResolvedQuery, id: string): boolean {
  return r.filters.some(
    (f) => f.dimension.id === id && (f.op === 'eq' || f.op === 'in') && f.values.length === 1,
  );
}

/**
 * Whole periods of the rollup's grain inside its range, for the query and its comparison; a trend's
 * grain made of whole rollup periods. `samePeriods`: each answer period is exactly one stored period
 * (state measures are counted at the period start, so a quarter is not the sum of its months).
 */
function timeCovered(
  r: ResolvedQuery,
  g: MeasureGroup,
  b: MaterializedRollup,
  samePeriods: boolean,
): boolean {
  if (!r.range) return false;
  if (r.time?.dimension && !isOwnTime(r.time.dimension, g)) return false;
  const G = b.grain;
  const aligned = (iso: string) => truncate(G, iso) === iso;
  const ranges: TimeRange[] = [r.range, ...(r.comparison ? [r.comparison.range] : [])];
  for (const range of ranges) {
    if (!aligned(range.start) || !aligned(range.end)) return false;
    if (range.start < b.range.start || range.end > b.range.end) return false;
    if (!r.time && samePeriods && nextGrain(G, range.start) !== range.end) return false;
  }
  if (!r.time) return true;
  return samePeriods ? r.time.grain === G : groupsInto(G, r.time.grain);
}
