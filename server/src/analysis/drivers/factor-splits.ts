/**
 * The population's event and population counts split by each candidate dimension. One governed query
 * groups by every dimension at once (no ORDER BY), and GROUPING SETS roll its rows up to one split per
 * dimension: the population is read and joined once instead of once per dimension (at 1M customers,
 * 13 dimensions: ~5 s → ~1.5 s). The roll-up sums counts, which is exact when each population member
 * falls in one combination; each split is checked against the totals, and a dimension whose split
 * does not add up (a member counted under two values) is read on its own instead.
 */
import { compileRollup } from '../../../../semantic-layer/src/index.ts';
import type { DimensionDef } from '../../../../semantic-layer/src/model.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import type { ChurnPopulation } from '../governed/churn-population.ts';
import { compileOptions, count, runGoverned, runSql, shaped } from '../governed/governed-query.ts';

type Row = Record<string, unknown>;

/** Rows of one split: `{ [dimension]: value, [events]: n, [population]: n }`, one per value. */
export interface FactorSplits {
  totals: Row;
  splits: Row[][];
  /** Dimensions read on their own because the combined split did not add up to the totals. */
  separate: string[];
}

export async function factorSplits(
  ctx: AnalysisContext,
  pop: ChurnPopulation,
  dimensions: DimensionDef[],
): Promise<FactorSplits> {
  const metrics = [pop.events, pop.population];
  const ids = dimensions.map((d) => d.id);
  const rollup = shaped(
    ctx,
    compileRollup(
      ctx.runtime.model,
      {
        model: ctx.runtime.model.id,
        metrics,
        dimensions: ids,
        timeRange: pop.range,
        filters: ctx.request.query.filters ?? [],
      },
      compileOptions(ctx),
    ),
  );
  const [totals, rolled] = await Promise.all([
    runGoverned(ctx, 'driver_counts', { metrics, timeRange: pop.range }),
    runSql(ctx, 'driver_counts', rollup.sql, rollup.params),
  ]);
  const total = totals.rows[0] ?? {};
  const splits: Row[][] = ids.map(() => []);
  for (const row of rolled) {
    const i = rollup.grouping.findIndex((column) => Number(row[column]) === 0);
    if (i < 0) continue;
    splits[i]!.push({
      [ids[i]!]: row[ids[i]!],
      [pop.events]: row[pop.events],
      [pop.population]: row[pop.population],
    });
  }
  const addsUp = (rows: Row[]) =>
    metrics.every((m) => rows.reduce((s, r) => s + count(r[m]), 0) === count(total[m]));
  const separate = ids.filter((_, i) => !addsUp(splits[i]!));
  await Promise.all(
    separate.map(async (id) => {
      const own = await runGoverned(ctx, 'driver_counts', {
        metrics,
        dimensions: [id],
        timeRange: pop.range,
      });
      splits[ids.indexOf(id)] = own.rows;
    }),
  );
  return { totals: total, splits, separate };
}
