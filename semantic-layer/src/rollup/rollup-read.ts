/**
 * A query's measure group read from a rollup table instead of its source: the same columns as
 * `compileGroup` (period, dimensions, `m_<measure>`), so the core joins and computes metrics from it
 * unchanged. Sums and counts are summed over the stored rows; anything else is read from its one row.
 */
import { filterSql, measureColumn, PERIOD } from '../compile/compile-group.ts';
import type { Params } from '../compile/params.ts';
import type { Dialect } from '../dialect/dialect.ts';
import type { MeasureGroup, ResolvedQuery } from '../resolve-query.ts';
import type { RollupRead } from './rollup-cover.ts';
import { isCount, reaggregable } from './rollup-layout.ts';

export function rollupGroupSql(
  g: MeasureGroup,
  read: RollupRead,
  c: { resolved: ResolvedQuery; dialect: Dialect; params: Params; range?: { start: string; end: string } },
): string {
  const { resolved: r, dialect: q, params } = c;
  const qk = (k: string) => q.quoteIdentifier(k);
  const keys: string[] = [];
  if (r.time)
    keys.push(r.time.grain === read.grain ? `t.${PERIOD}` : q.truncToDate(r.time.grain, `t.${PERIOD}`));
  keys.push(...r.dimensions.map((d) => `t.${qk(d.id)}`));
  const select = [
    ...(r.time ? [`${keys[0]} AS ${PERIOD}`] : []),
    ...r.dimensions.map((d) => `t.${qk(d.id)} AS ${qk(d.id)}`),
    ...g.measures.map((m) => {
      const col = `t.${measureColumn(m)}`;
      const value = !reaggregable(m, read.stored)
        ? `MAX(${col})`
        : isCount(m, read.stored)
          ? `CAST(SUM(${col}) AS BIGINT)`
          : `SUM(${col})`;
      return `${value} AS ${measureColumn(m)}`;
    }),
  ];
  const where: string[] = [];
  if (g.kind !== 'static' && c.range) {
    where.push(`t.${PERIOD} >= ${q.dateParam(params.add(c.range.start))}`);
    where.push(`t.${PERIOD} < ${q.dateParam(params.add(c.range.end))}`);
  }
  for (const f of r.filters) where.push(filterSql(f, `t.${qk(f.dimension.id)}`, q, params));
  const whereSql = where.length ? `\n  WHERE ${where.join('\n    AND ')}` : '';
  const groupBy = keys.length ? `\n  GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : '';
  return `SELECT ${select.join(',\n    ')}\n  FROM ${qk(read.table)} AS t${whereSql}${groupBy}`;
}
