/**
 * A many-valued dimension nested in a coarser one (a city inside its region), compared where a manager
 * would act: each significant city against the rest of its own region, and each significant region
 * split into that city and the rest. A region whose excess disappears once its city is set apart
 * (the rest of the region vs the other regions: RR interval includes 1) is the city's effect seen at
 * the wrong level.
 */
import type { DimensionDef } from '../../../../semantic-layer/src/model.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { valueText } from '../governed/analysis-members.ts';
import type { ChurnPopulation } from '../governed/churn-population.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import { riskComparison } from '../stats/index.ts';
import type { DriverFactor } from './driver-factors.ts';

/** A child value counts as nested when at least this share of its customers fall in one parent value. */
const NESTED_SHARE = 0.99;

export interface NestedComparison {
  dimension: string;
  value: string;
  parentDimension: string;
  parentValue: string;
  parentLabel: string;
  /** The child against the rest of its parent (e.g. 武汉 vs the rest of 华中). */
  withinRr: number | null;
  withinLow: number | null;
  withinHigh: number | null;
  withinRate: number;
  restOfParentRate: number;
  /** The rest of the parent against everyone outside it (e.g. 华中 without 武汉 vs other regions). */
  restRr: number | null;
  restLow: number | null;
  restHigh: number | null;
  /** True when the parent's excess is the child's: the rest of the parent is not different. */
  explainsParent: boolean;
}

interface Cell {
  events: number;
  population: number;
}

/**
 * For each significant value of a dimension with more than `manyValues` values, the coarser categorical
 * candidate on the same source that contains it (found from the data: one governed query by parent ×
 * child) and the comparisons above. Returns nothing when no dimension nests.
 */
export async function nestedComparisons(
  ctx: AnalysisContext,
  pop: ChurnPopulation,
  dimensions: DimensionDef[],
  shown: DriverFactor[],
  valueCount: (d: DimensionDef) => number,
  manyValues: number,
  totals: Cell,
): Promise<NestedComparison[]> {
  const out: NestedComparison[] = [];
  const categorical = dimensions.filter((d) => d.type === 'categorical');
  for (const child of categorical.filter((d) => valueCount(d) > manyValues)) {
    const risers = shown.filter((f) => f.dimension === child.id && (f.relativeRisk ?? 0) > 1);
    if (!risers.length) continue;
    for (const parent of categorical) {
      if (parent === child || parent.source !== child.source || valueCount(parent) >= valueCount(child))
        continue;
      const { rows } = await runGoverned(ctx, 'driver_nested_counts', {
        metrics: [pop.events, pop.population],
        dimensions: [parent.id, child.id],
        timeRange: pop.range,
      });
      const cells = new Map<string, Map<string, Cell>>();
      for (const r of rows) {
        const c = String(r[child.id]);
        const p = String(r[parent.id]);
        if (!cells.has(c)) cells.set(c, new Map());
        cells.get(c)!.set(p, { events: count(r[pop.events]), population: count(r[pop.population]) });
      }
      const parentOf = (c: string): { value: string; cell: Cell } | null => {
        const byParent = [...(cells.get(c)?.entries() ?? [])];
        const total = byParent.reduce((s, [, x]) => s + x.population, 0);
        const top = byParent.sort((x, y) => y[1].population - x[1].population)[0];
        return top && total > 0 && top[1].population / total >= NESTED_SHARE
          ? { value: top[0], cell: top[1] }
          : null;
      };
      const nested = [...cells.keys()].every((c) => c === 'null' || parentOf(c) !== null);
      if (!nested) continue;
      const parentTotal = (p: string): Cell => {
        const t = { events: 0, population: 0 };
        for (const m of cells.values()) {
          const x = m.get(p);
          if (x) {
            t.events += x.events;
            t.population += x.population;
          }
        }
        return t;
      };
      for (const f of risers) {
        const home = parentOf(f.value);
        if (!home) continue;
        const whole = parentTotal(home.value);
        const rest = {
          events: whole.events - home.cell.events,
          population: whole.population - home.cell.population,
        };
        const outside = {
          events: totals.events - whole.events,
          population: totals.population - whole.population,
        };
        if (rest.population <= 0 || outside.population <= 0) continue;
        const within = riskComparison({
          a: home.cell.events,
          b: home.cell.population - home.cell.events,
          c: rest.events,
          d: rest.population - rest.events,
        });
        const restVsOutside = riskComparison({
          a: rest.events,
          b: rest.population - rest.events,
          c: outside.events,
          d: outside.population - outside.events,
        });
        const w = within.ok ? within.value.relativeRisk : null;
        const r = restVsOutside.ok ? restVsOutside.value.relativeRisk : null;
        out.push({
          dimension: child.id,
          value: f.value,
          parentDimension: parent.id,
          parentValue: home.value,
          parentLabel: valueText(ctx, parent.id, home.value),
          withinRr: w?.relativeRisk ?? null,
          withinLow: w?.interval.lower ?? null,
          withinHigh: w?.interval.upper ?? null,
          withinRate: home.cell.population ? home.cell.events / home.cell.population : 0,
          restOfParentRate: rest.population ? rest.events / rest.population : 0,
          restRr: r?.relativeRisk ?? null,
          restLow: r?.interval.lower ?? null,
          restHigh: r?.interval.upper ?? null,
          explainsParent: (w?.interval.lower ?? 0) > 1 && r !== null && r.interval.lower <= 1,
        });
      }
    }
  }
  return out;
}
