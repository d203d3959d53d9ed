import type { DimensionDef } from '../model.ts';
import type { ResolvedQuery } from '../resolve-query.ts';
import { dimensionExpression, filterSql } from './compile-group.ts';
import type { CompiledQuery, CompileOptions } from './compile-query.ts';
import { Params } from './params.ts';

const GRAIN_MONTHS = { week: 0, month: 1, quarter: 3 } as const;

/**
 * Cohort retention: members grouped by the grain of their cohort time; for k = 0..periods, the share
 * still active at the end of their k-th period (active = a row of the state source valid at that
 * instant). Periods not yet reached by the as-of date are left out, so averages only use cohorts
 * that reached k.
 */
export function compileCohort(r: ResolvedQuery, opts: CompileOptions): CompiledQuery {
  const q = opts.dialect;
  const qk = (k: string) => q.quoteIdentifier(k);
  const params = new Params();
  const m = r.cohort!;
  const model = r.model;
  const cohortSource = model.sources[m.cohort_source]!;
  const state = model.sources[m.state_source]!;
  const key = cohortSource.primary_key[0]!;
  const dims = r.dimensions;
  // Dimensions and filters are read from the cohort source's own columns or its one-to-one neighbours.
  const dimCol = (d: DimensionDef) => {
    if (d.source === cohortSource.id) return dimensionExpression(d, d.sql, q);
    const alt = d.alternates.find((a) => a.source === cohortSource.id);
    if (alt) return dimensionExpression(d, alt.sql, q);
    return `(SELECT ${dimensionExpression(d, d.sql, q)} FROM ${qk(model.sources[d.source]!.table ?? d.source)} AS x WHERE x.${qk(key)} = c.${qk(key)} LIMIT 1)`;
  };
  const where: string[] = [];
  if (r.range) {
    where.push(`c.${qk(m.cohort_time)} >= ${q.dateParam(params.add(r.range.start))}`);
    where.push(`c.${qk(m.cohort_time)} < ${q.dateParam(params.add(r.range.end))}`);
  }
  for (const f of r.filters) where.push(filterSql(f, dimCol(f.dimension), q, params));
  const members = `members AS (SELECT c.${qk(key)} AS entity, ${q.truncToDate(m.grain, `c.${qk(m.cohort_time)}`)} AS cohort${dims
    .map((d) => `, ${dimCol(d)} AS ${qk(d.id)}`)
    .join(
      '',
    )} FROM ${qk(cohortSource.table!)} AS c WHERE c.${qk(m.cohort_time)} IS NOT NULL${where.length ? ` AND ${where.join(' AND ')}` : ''})`;
  const offsets = Array.from({ length: m.periods + 1 }, (_, k) => `(${k})`).join(', ');
  const instant =
    m.grain === 'week'
      ? `CAST(m.cohort + (o.k + 1) * 7 AS DATE)`
      : q.addMonthsSql('m.cohort', `(o.k + 1) * ${GRAIN_MONTHS[m.grain]}`);
  const asOf = opts.asOf ? ` AND ${instant} <= ${q.dateParam(params.add(opts.asOf))}` : '';
  const v = state.validity!;
  const stateKey = qk(state.primary_key[0]!);
  // One member per cohort-source key, and (with validity.entity) at most one state row valid per member at
  // an instant: then the grid rows are distinct members and plain counts are the distinct counts.
  const plain = cohortSource.primary_key.length === 1 && v.entity === state.primary_key[0];
  const dimSelect = dims.map((d) => `m.${qk(d.id)}`);
  const sql = `WITH ${members},
offsets(k) AS (VALUES ${offsets}),
grid AS (
  SELECT m.cohort, o.k${dimSelect.map((d) => `, ${d}`).join('')}, m.entity, ${instant} AS instant
  FROM members AS m CROSS JOIN offsets AS o
  WHERE TRUE${asOf}
),
retained AS (
  SELECT g.cohort, g.k${dims.map((d) => `, g.${qk(d.id)}`).join('')},
    ${plain ? 'COUNT(*)' : 'COUNT(DISTINCT g.entity)'} AS cohort_size,
    COUNT(${plain ? '' : 'DISTINCT '}s.${stateKey}) AS retained
  FROM grid AS g
  LEFT JOIN ${qk(state.table!)} AS s ON s.${stateKey} = g.entity
    AND s.${qk(v.from)} < g.instant AND COALESCE(s.${qk(v.to)}, DATE '9999-12-31') >= g.instant
  GROUP BY ${[1, 2, ...dims.map((_, i) => i + 3)].join(', ')}
)
SELECT cohort, k AS period_number${dims.map((d) => `, ${qk(d.id)}`).join('')}, cohort_size, retained,
  ${q.toDouble('retained')} / NULLIF(cohort_size, 0) AS ${qk(m.id)}
FROM retained
ORDER BY cohort, period_number${dims.map((d) => `, ${qk(d.id)}`).join('')}`;
  return {
    sql,
    params: params.values,
    columns: [
      { name: 'cohort', kind: 'time', member: m.cohort_time },
      { name: 'period_number', kind: 'dimension', member: 'period_number' },
      ...dims.map((d) => ({ name: d.id, kind: 'dimension' as const, member: d.id })),
      { name: 'cohort_size', kind: 'metric', member: 'cohort_size' },
      { name: 'retained', kind: 'metric', member: 'retained' },
      { name: m.id, kind: 'metric', member: m.id },
    ],
  };
}
