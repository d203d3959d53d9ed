import type { Dialect } from '../dialect/dialect.ts';
import type { MetricDef } from '../model.ts';
import type { TimeGrain } from '../query.ts';
import type { MeasureGroup, ResolvedQuery } from '../resolve-query.ts';
import { coveringRollup } from '../rollup/rollup-cover.ts';
import type { MaterializedRollup } from '../rollup/rollup-layout.ts';
import { rollupGroupSql } from '../rollup/rollup-read.ts';
import { compileCohort } from './compile-cohort.ts';
import { compileGroup, filterSql, PERIOD, periodsCte, statePeriodsJoined } from './compile-group.ts';
import { metricExpression } from './compile-metric.ts';
import { Params } from './params.ts';
import type { Period } from './periods.ts';

export interface CompiledColumn {
  name: string;
  kind: 'time' | 'dimension' | 'metric' | 'comparison';
  /** The member id behind the column (for comparison columns: the metric). */
  member: string;
  /** For comparison columns: previous value, change or relative change. */
  role?: 'previous' | 'change' | 'change_pct';
}

export interface CompiledQuery {
  sql: string;
  params: unknown[];
  columns: CompiledColumn[];
  /** Where the measures were read: a rollup (rollups.yaml) and its tables, or the base tables (absent: base). */
  answeredFrom?: { kind: 'base' } | { kind: 'rollup'; rollup: string; grain: TimeGrain; tables: string[] };
}

export interface CompileOptions {
  dialect: Dialect;
  /** The data's as-of date (cohort retention only counts periods that have been reached). */
  asOf?: string;
  /**
   * False leaves out the ORDER BY of a query without a limit: for SQL that wraps the result and
   * aggregates it again, where sorting every row by every key would be wasted work. Default true.
   */
  ordered?: boolean;
  /** Rollups materialised on the engine: a covering one answers instead of the base tables. */
  rollups?: MaterializedRollup[];
}

/**
 * Compiles a resolved query to one SQL statement with parameters. Deterministic: the same resolved
 * query gives the same text and params. Each measure group aggregates on its own and the groups meet
 * at the query grain, so measures of different fact tables never multiply each other.
 */
export function compileQuery(r: ResolvedQuery, opts: CompileOptions): CompiledQuery {
  if (r.cohort) return compileCohort(r, opts);
  const q = opts.dialect;
  const params = new Params();
  const ctes: string[] = [];
  const keys = [...(r.time ? [PERIOD] : []), ...r.dimensions.map((d) => d.id)];
  const rollup = coveringRollup(r, opts.rollups ?? []);
  const core = (suffix: string, range: ResolvedQuery['range'], periods: Period[] | null) => {
    const periodsName = `periods${suffix}`;
    if (!rollup && periods && statePeriodsJoined(!!r.time) && r.groups.some((g) => g.kind === 'state'))
      ctes.push(periodsCte(periodsName, periods, params, q));
    for (const g of r.groups) {
      const read = rollup?.reads.get(g.id);
      const sql = read
        ? rollupGroupSql(g, read, { resolved: r, dialect: q, params, range })
        : compileGroup(g, {
            resolved: r,
            dialect: q,
            params,
            range,
            periodsName,
            periods,
            hasGrain: !!r.time,
          }).sql;
      ctes.push(`${g.id}${suffix} AS (\n  ${sql}\n)`);
    }
    ctes.push(`core${suffix} AS (\n  ${coreSelect(r, suffix, keys, q)}\n)`);
  };
  core('', r.range, r.periods);
  if (r.comparison) core('_prev', r.comparison.range, r.comparison.periods);

  const qk = (k: string) => q.quoteIdentifier(k);
  const select: string[] = keys.map((k) => `c.${qk(k)}`);
  const columns: CompiledColumn[] = keys.map((k) =>
    k === PERIOD
      ? { name: PERIOD, kind: 'time', member: r.time!.dimension?.id ?? 'metric_time' }
      : { name: k, kind: 'dimension', member: k },
  );
  const dimKeys = r.dimensions.map((d) => d.id);
  for (const m of r.metrics) {
    select.push(`${outputExpression(m, r, dimKeys, q)} AS ${qk(m.id)}`);
    columns.push({ name: m.id, kind: 'metric', member: m.id });
  }
  if (r.query.compare) {
    for (const m of r.metrics) {
      if (m.type === 'period_over_period') continue;
      const cur = `c.${qk(m.id)}`;
      const prev = `p.${qk(m.id)}`;
      select.push(`${prev} AS ${qk(`${m.id}__previous`)}`);
      select.push(`${cur} - ${prev} AS ${qk(`${m.id}__change`)}`);
      select.push(`(${cur} - ${prev}) / NULLIF(ABS(${q.toDouble(prev)}), 0) AS ${qk(`${m.id}__change_pct`)}`);
      columns.push(
        { name: `${m.id}__previous`, kind: 'comparison', member: m.id, role: 'previous' },
        { name: `${m.id}__change`, kind: 'comparison', member: m.id, role: 'change' },
        { name: `${m.id}__change_pct`, kind: 'comparison', member: m.id, role: 'change_pct' },
      );
    }
  }
  let from = 'core AS c';
  if (r.comparison) {
    const on = keys.map((k) => {
      if (k !== PERIOD) return `c.${qk(k)} IS NOT DISTINCT FROM p.${qk(k)}`;
      const s = r.comparison!.shift;
      const moved =
        s.unit === 'months' ? q.addMonths(`p.${PERIOD}`, s.amount) : q.addDays(`p.${PERIOD}`, s.amount);
      return `c.${PERIOD} = ${moved}`;
    });
    from += ` LEFT JOIN core_prev AS p ON ${on.length ? on.join(' AND ') : 'TRUE'}`;
  }
  ctes.push(`result AS (\n  SELECT ${select.join(',\n    ')}\n  FROM ${from}\n)`);

  // Metric filters share the dimension filters' SQL (values as parameters; ne/not_in keep NULLs).
  const where = r.metricFilters.map((f) => filterSql(f, qk(f.metric.id), q, params));
  // Explicit order first, then every key, so ties always come out the same way.
  const order = [
    ...r.query.order.map((o) => `${qk(o.member)} ${o.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`),
    ...keys.filter((k) => !r.query.order.some((o) => o.member === k)).map((k) => `${qk(k)} ASC NULLS LAST`),
  ];
  const limit = r.query.limit ? `\nLIMIT ${q.param(params.add(r.query.limit))}` : '';
  if (opts.ordered === false && !limit) order.length = 0;
  const sql = `WITH ${ctes.join(',\n')}\nSELECT * FROM result${where.length ? `\nWHERE ${where.join(' AND ')}` : ''}${order.length ? `\nORDER BY ${order.join(', ')}` : ''}${limit}`;
  const answeredFrom: NonNullable<CompiledQuery['answeredFrom']> = rollup
    ? {
        kind: 'rollup',
        rollup: rollup.id,
        grain: rollup.grain,
        tables: [...new Set([...rollup.reads.values()].map((x) => x.table))],
      }
    : { kind: 'base' };
  return { sql, params: params.values, columns, answeredFrom };
}

/** Joins the groups at the query grain and computes every metric of the closure. */
function coreSelect(r: ResolvedQuery, suffix: string, keys: string[], q: Dialect): string {
  const qk = (k: string) => q.quoteIdentifier(k);
  const alias = (g: MeasureGroup) => `${g.id}${suffix}`;
  const cols = r.metricClosure
    .filter((m) => m.type !== 'cohort_retention')
    .map((m) => `${metricExpression(m, r.model, r.groups, alias, q)} AS ${qk(m.id)}`);
  if (r.groups.length === 1) {
    const g = alias(r.groups[0]!);
    return `SELECT ${[...keys.map((k) => `${g}.${qk(k)}`), ...cols].join(', ')} FROM ${g}`;
  }
  if (!keys.length) return `SELECT ${cols.join(', ')} FROM ${r.groups.map(alias).join(' CROSS JOIN ')}`;
  const union = r.groups.map((g) => `SELECT ${keys.map(qk).join(', ')} FROM ${alias(g)}`).join(' UNION ');
  const joins = r.groups
    .map(
      (g) =>
        `LEFT JOIN ${alias(g)} ON ${keys.map((k) => `${alias(g)}.${qk(k)} IS NOT DISTINCT FROM k.${qk(k)}`).join(' AND ')}`,
    )
    .join(' ');
  return `SELECT ${[...keys.map((k) => `k.${qk(k)}`), ...cols].join(', ')} FROM (${union}) AS k ${joins}`;
}

/** Metrics whose value needs the whole result: running windows and period-over-period. */
function outputExpression(m: MetricDef, r: ResolvedQuery, dimKeys: string[], q: Dialect): string {
  const qk = (k: string) => q.quoteIdentifier(k);
  if (m.type === 'cumulative' && r.time) {
    const frame = m.window ? `${m.window - 1} PRECEDING` : 'UNBOUNDED PRECEDING';
    const partition = dimKeys.length ? `PARTITION BY ${dimKeys.map((k) => `c.${qk(k)}`).join(', ')} ` : '';
    return `SUM(c.${qk(m.id)}) OVER (${partition}ORDER BY c.${PERIOD} ROWS BETWEEN ${frame} AND CURRENT ROW)`;
  }
  if (m.type === 'period_over_period') {
    const cur = `c.${qk(m.id)}`;
    const prev = `p.${qk(m.id)}`;
    if (m.calc === 'previous') return prev;
    if (m.calc === 'difference') return `${cur} - ${prev}`;
    return `(${cur} - ${prev}) / NULLIF(ABS(${q.toDouble(prev)}), 0)`;
  }
  return `c.${qk(m.id)}`;
}
