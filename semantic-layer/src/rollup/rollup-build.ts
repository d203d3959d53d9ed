/**
 * The statements that materialise the model's rollups: for each rollup, grain and measure group, the
 * group compiled by the query compiler itself (`compileGroup`) as a trend over the rollup's periods
 * by all its dimensions, unrestricted, its parameters written as literals (they are compiler dates).
 * Built with the derived tables in the same transaction (materialize/plan.ts).
 */
import { compileGroup, periodsCte } from '../compile/compile-group.ts';
import { Params } from '../compile/params.ts';
import { addDays, addMonths, nextGrain, periodsOf, truncate } from '../compile/periods.ts';
import type { Dialect } from '../dialect/dialect.ts';
import type { SemanticModel } from '../model.ts';
import type { TimeGrain, TimeRange } from '../query.ts';
import { type MaterializedRollup, rollupLayout, rollupTable } from './rollup-layout.ts';

export interface RollupStep {
  table: string;
  statements: string[];
  /** Derived tables it reads (they are built first). */
  reads: string[];
  rollup: MaterializedRollup;
}

/** The periods a rollup holds: whole grains from `months` before the as-of date to the one holding its eve. */
export function rollupRange(grain: TimeGrain, asOf: string, months: number): TimeRange {
  return {
    start: truncate(grain, addMonths(asOf, -months)),
    end: nextGrain(grain, truncate(grain, addDays(asOf, -1))),
  };
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
    for (const grain of def.grains) {
      const range = rollupRange(grain, opts.asOf, def.months);
      const periods = periodsOf(range, grain);
      for (const g of layout.groups) {
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
        const table = rollupTable(id, grain, g);
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
