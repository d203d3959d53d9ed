/**
 * Factor splits: one compiled query grouped by every candidate dimension at once (unordered), rolled
 * up by GROUPING SETS to one split per dimension, so the population is read and joined once instead
 * of once per dimension. Only additive metrics (counts and sums) roll up; a distinct count adds up
 * only when each member falls in one combination, which the caller checks against the totals.
 */
import type { Dialect } from '../dialect/dialect.ts';
import type { Issue } from '../issues.ts';
import type { ResolvedQuery } from '../resolve-query.ts';
import type { CompiledQuery } from './compile-query.ts';

/** A rolled-up query: per split, `grouping[i]` is 0 on the rows of dimension i's split. */
export interface RollupQuery extends CompiledQuery {
  /** Column names of the GROUPING() flags, one per dimension in the query's order. */
  grouping: string[];
}

const ROLLABLE_AGGS = new Set(['count', 'count_distinct', 'sum']);

/** The metrics of `r` that cannot be summed across combinations (not a count or sum of one measure). */
export function rollupIssues(r: ResolvedQuery): Issue[] {
  const issues: Issue[] = [];
  if (r.time || r.query.compare || r.query.limit)
    issues.push({
      code: 'not_groupable',
      message: 'a factor split has no time grain, comparison or limit',
      path: 'query',
      severity: 'error',
    });
  if (r.dimensions.length === 0)
    issues.push({
      code: 'not_groupable',
      message: 'a factor split needs dimensions',
      path: 'dimensions',
      severity: 'error',
    });
  for (const m of r.metrics) {
    const measure =
      m.type === 'simple'
        ? r.model.sources[r.model.measureSources[m.measure] ?? '']?.measures[m.measure]
        : undefined;
    if (!measure || !ROLLABLE_AGGS.has(measure.agg))
      issues.push({
        code: 'not_groupable',
        message: `${m.id} is not a count or a sum: it cannot be rolled up into factor splits`,
        path: 'metrics',
        severity: 'error',
      });
  }
  return issues;
}

/** Wraps the combinations query (compiled unordered) in the GROUPING SETS roll-up. */
export function compileRollup(r: ResolvedQuery, combos: CompiledQuery, dialect: Dialect): RollupQuery {
  const q = (id: string) => dialect.quoteIdentifier(id);
  const ids = r.dimensions.map((d) => d.id);
  const metrics = r.metrics.map((m) => m.id);
  const grouping = ids.map((_, i) => `__grouped_${i}`);
  const sql = `SELECT ${ids.map(q).join(', ')},
  ${ids.map((id, i) => `GROUPING(${q(id)}) AS ${q(grouping[i]!)}`).join(', ')},
  ${metrics.map((m) => `SUM(${q(m)}) AS ${q(m)}`).join(', ')}
FROM (
${combos.sql}
) AS combos
GROUP BY GROUPING SETS (${ids.map((id) => `(${q(id)})`).join(', ')})`;
  return {
    sql,
    params: combos.params,
    columns: combos.columns.filter((c) => c.kind === 'dimension' || c.kind === 'metric'),
    grouping,
  };
}
