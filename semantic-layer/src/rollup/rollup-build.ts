/**
 * The statements that materialise the model's rollups: for each rollup, grain and measure group, the
 * group compiled by the query compiler itself (`compileGroup`) as a trend over the rollup's periods
 * by all its dimensions, unrestricted, its parameters written as literals (they are compiler dates).
 * Built with the derived tables in the same transaction (materialize/plan.ts).
 */
import { compileGroup, measureColumn, PERIOD, periodsCte } from '../compile/compile-group.ts';
import { Params } from '../compile/params.ts';
import { addDays, addMonths, nextGrain, periodsOf, truncate } from '../compile/periods.ts';
import type { Dialect } from '../dialect/dialect.ts';
import type { SemanticModel } from '../model.ts';
import type { TimeGrain, TimeRange } from '../query.ts';
import type { MeasureGroup, ResolvedQuery } from '../resolve-query.ts';
import {
  GRAIN_ORDER,
  type MaterializedRollup,
  reaggregable,
  rollupLayout,
  rollupTable,
} from './rollup-layout.ts';

export interface RollupStep {
  table: string;
  statements: string[];
  /** Derived tables it reads (they are built first). */
  reads: string[];
  rollup: MaterializedRollup;
}

/**
 * The periods a rollup holds at `grain`: from `months` before the as-of date to the end of the period
 * holding its eve, both on boundaries of the rollup's coarsest grain (weeks apart), so every grain spans
 * the same days and a coarser table can be summed from a finer one.
 */
export function rollupRange(grain: TimeGrain, grains: TimeGrain[], asOf: string, months: number): TimeRange {
  const coarsest =
    grain === 'week' ? 'week' : GRAIN_ORDER.filter((g) => g !== 'week' && grains.includes(g)).at(-1)!;
  return {
    start: truncate(coarsest, addMonths(asOf, -months)),
    end: nextGrain(coarsest, truncate(coarsest, addDays(asOf, -1))),
  };
}

/** The finest other grain of the rollup whose periods make up `grain`'s (weeks make up nothing else). */
function finerSource(grain: TimeGrain, grains: TimeGrain[]): TimeGrain | undefined {
  if (grain === 'week' || grain === 'day') return undefined;
  return GRAIN_ORDER.filter(
    (g) => g !== 'week' && grains.includes(g) && GRAIN_ORDER.indexOf(g) < GRAIN_ORDER.indexOf(grain),
  )[0];
}

/**
 * Steps building every rollup whose tables exist (`tables`: canonical tables present and derived tables
 * the plan builds; `derived`: the latter). A rollup that does not resolve is skipped (load reports it).
 */
export function rollupSteps(
  model: SemanticModel,
  opts: { asOf: string; tables: Set<string>; derived: Set<string>; dialect: Dialect },
): RollupStep[] {
  const steps: RollupStep[] = [];
  for (const [id, def] of Object.entries(model.rollups)) {
    const layout = rollupLayout(model, id);
    if (Array.isArray(layout)) continue;
    const read = new Set<string>();
    for (const g of layout.groups) {
      read.add(g.source.id);
      for (const b of Object.values(g.bindings)) for (const s of b.path.steps) read.add(s.to);
    }
    const tables = [...read].map((s) => model.sources[s]!.table).filter((t): t is string => !!t);
    if (tables.length < read.size || !tables.every((t) => opts.tables.has(t))) continue;
    const reads = [...new Set(tables.filter((t) => opts.derived.has(t)))].sort();
    const grains = GRAIN_ORDER.filter((g) => def.grains.includes(g));
    for (const grain of grains) {
      const range = rollupRange(grain, grains, opts.asOf, def.months);
      const periods = periodsOf(range, grain);
      const finer = finerSource(grain, grains);
      for (const g of layout.groups) {
        const table = rollupTable(id, grain, g);
        // Sums and counts of events: summed from the finer table (one scan of the events for all grains).
        if (finer && g.kind === 'event' && g.measures.every((m) => reaggregable(m, g))) {
          const from = rollupTable(id, finer, g);
          steps.push({
            table,
            statements: [
              `CREATE OR REPLACE TABLE ${table} AS ${resummed(g, grain, from, layout.resolved, opts.dialect)}`,
            ],
            reads: [...reads, from],
            rollup: { id, grain, range },
          });
          continue;
        }
        const params = new Params();
        const q = literalParams(opts.dialect, params);
        const { sql } = compileGroup(g, {
          resolved: { ...layout.resolved, time: { grain, dimension: null }, range, periods },
          dialect: q,
          params,
          range,
          periodsName: 'periods',
          periods,
          hasGrain: g.kind !== 'static',
        });
        const withPeriods = g.kind === 'state' ? `WITH ${periodsCte('periods', periods, params, q)}\n` : '';
        steps.push({
          table,
          statements: [`CREATE OR REPLACE TABLE ${table} AS ${withPeriods}${sql}`],
          reads,
          rollup: { id, grain, range },
        });
      }
    }
  }
  return steps;
}

/** A finer grain's table of an event group summed to `grain` (the same columns). */
function resummed(g: MeasureGroup, grain: TimeGrain, from: string, r: ResolvedQuery, d: Dialect): string {
  const dims = r.dimensions.map((x) => `t.${d.quoteIdentifier(x.id)}`);
  const select = [
    `${d.truncToDate(grain, `t.${PERIOD}`)} AS ${PERIOD}`,
    ...dims,
    ...g.measures.map((m) => `SUM(t.${measureColumn(m)}) AS ${measureColumn(m)}`),
  ];
  return `SELECT ${select.join(', ')} FROM ${from} AS t GROUP BY ${[PERIOD, ...dims].map((_, i) => i + 1).join(', ')}`;
}

/** `d` writing each parameter as its literal: the values are dates and numbers the compiler made. */
function literalParams(d: Dialect, params: Params): Dialect {
  const literal = (n: number) => {
    const v = params.values[n - 1];
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string') return d.stringLiteral(v);
    throw new Error(`rollup parameter ${n} is not a date or number`);
  };
  return Object.assign(Object.create(d) as Dialect, {
    param: literal,
    dateParam: (n: number) => `CAST(${literal(n)} AS DATE)`,
  });
}
