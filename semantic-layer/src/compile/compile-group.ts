import type { Dialect } from '../dialect/dialect.ts';
import type { DimensionDef, MeasureDef } from '../model.ts';
import type { TimeGrain } from '../query.ts';
import type { DimensionBinding, MeasureGroup, ResolvedFilter, ResolvedQuery } from '../resolve-query.ts';
import { isOwnTime } from '../resolve-query.ts';
import {
  type BucketedMeasure,
  bucketable,
  MAX_BUCKETED_PERIODS,
  PERIOD_INDEX,
  stateTrendByBuckets,
} from './compile-state-trend.ts';
import type { Params } from './params.ts';
import type { Period } from './periods.ts';

/** Column aliases used between the compiler's CTEs (never user text). */
export const measureColumn = (m: MeasureDef) => `m_${m.id}`;
export const PERIOD = 'period';

/** The SQL expression of a dimension value inside its source's subquery (bands become CASE). */
export function dimensionExpression(d: DimensionDef, sql: string, dialect: Dialect): string {
  if (d.type !== 'numeric_band' || !d.bands) return `(${sql})`;
  const whens = d.bands
    .filter((b) => b.lt !== undefined)
    .map((b) => `WHEN (${sql}) < ${Number(b.lt)} THEN ${dialect.stringLiteral(b.value)}`);
  const last = d.bands[d.bands.length - 1]!;
  return `CASE WHEN (${sql}) IS NULL THEN NULL ${whens.join(' ')} ELSE ${dialect.stringLiteral(last.value)} END`;
}

/** The periods of one evaluation as a VALUES list (labels and clipped bounds are parameters; 1-based index). */
export function periodsCte(name: string, periods: Period[], params: Params, dialect: Dialect): string {
  const rows = periods.map(
    (p, i) =>
      `(${dialect.dateParam(params.add(p.label))}, ${dialect.dateParam(params.add(p.start))}, ${dialect.dateParam(params.add(p.end))}, ${i + 1})`,
  );
  return `${name}(${PERIOD}, p_start, p_end, ${PERIOD_INDEX}) AS (VALUES ${rows.join(', ')})`;
}

interface GroupContext {
  resolved: ResolvedQuery;
  dialect: Dialect;
  params: Params;
  /** The range and periods of this evaluation (current or comparison). */
  range?: { start: string; end: string };
  periodsName: string;
  /** The periods of a trend (contiguous, in order). */
  periods?: Period[] | null;
  hasGrain: boolean;
}

/**
 * Whether state groups read the periods CTE: only in a trend. With one period, its bounds are plain
 * parameters in the WHERE clause, which the engine can push into the scan (no join).
 */
export const statePeriodsJoined = (hasGrain: boolean) => hasGrain;

/**
 * How a counting measure can be computed more cheaply with the same result, when no join of the group
 * multiplies rows:
 * - a distinct count of a source's one-column primary key is a plain count (each row is another key);
 * - so is a distinct count of a state source's `validity.entity` (an entity has at most one row valid at
 *   an instant, so the rows valid at a period start are distinct entities);
 * - a count of a primary-key column is a count of rows (primary-key columns are never NULL).
 */
export function countForm(m: MeasureDef, g: MeasureGroup): 'rows' | 'values' | null {
  const col = m.sql.trim();
  const key = g.source.primary_key;
  const distinctRows =
    m.agg === 'count_distinct' &&
    ((key.length === 1 && key[0] === col) || (g.kind === 'state' && g.source.validity?.entity === col)) &&
    !Object.values(g.bindings).some((b) => b.path.fansOut);
  if (m.agg !== 'count' && !distinctRows) return null;
  return key.includes(col) ? 'rows' : 'values';
}

/** One measure group as a `SELECT … GROUP BY` over its source and the sources its dimensions need. */
export function compileGroup(g: MeasureGroup, c: GroupContext): { sql: string; keys: string[] } {
  const { dialect: q, params, resolved } = c;
  const nodes = new Map<string, { alias: string; source: string; exprs: Map<string, string> }>();
  const joins: string[] = [];
  const nodeFor = (b: DimensionBinding | null): string => {
    if (!b || b.path.steps.length === 0) return 't0';
    let parent = 't0';
    let key = '';
    for (const step of b.path.steps) {
      key += `>${step.to}`;
      let node = nodes.get(key);
      if (!node) {
        node = { alias: `t${nodes.size + 1}`, source: step.to, exprs: new Map() };
        nodes.set(key, node);
        const on = step.on.map(
          ([a, bb]) => `${parent}.${q.quoteIdentifier(a)} = ${node!.alias}.${q.quoteIdentifier(bb)}`,
        );
        joins.push(`LEFT JOIN ${'{node:' + key + '}'} AS ${node.alias} ON ${on.join(' AND ')}`);
      }
      parent = node.alias;
    }
    return parent;
  };
  const rootExprs = new Map<string, string>();
  const exprsOf = (alias: string) =>
    alias === 't0' ? rootExprs : [...nodes.values()].find((n) => n.alias === alias)!.exprs;

  // Column of a bound dimension, computed inside its node's subquery.
  const dimColumn = (id: string): string => {
    const b = g.bindings[id]!;
    const alias = nodeFor(b);
    const col = `d_${id}`;
    exprsOf(alias).set(col, dimensionExpression(b.dimension, b.sql, q));
    return `${alias}.${q.quoteIdentifier(col)}`;
  };

  const keys: string[] = [];
  const select: string[] = [];
  const where: string[] = [];
  /** The grain when the period is the group's own event time truncated (a day roll-up may apply). */
  let ownTimeGrain: TimeGrain | undefined;
  /** Whether a state trend's period is its own (rows counted at each period start). */
  let statePeriod = false;
  if (g.kind === 'event') rootExprs.set('__time', `(${g.timeColumn})`);
  if (g.kind === 'state') {
    rootExprs.set('__from', `(${g.source.validity!.from})`);
    rootExprs.set('__to', `(${g.source.validity!.to})`);
  }

  if (c.hasGrain) {
    const grain = resolved.time!.grain;
    const td = resolved.time!.dimension;
    if (td && !isOwnTime(td, g)) select.push(`${q.truncToDate(grain, dimColumn(td.id))} AS ${PERIOD}`);
    else if (g.kind === 'state') {
      statePeriod = true;
      select.push(`p.${PERIOD} AS ${PERIOD}`);
    } else {
      ownTimeGrain = grain;
      select.push(`${q.truncToDate(grain, 't0.__time')} AS ${PERIOD}`);
    }
    keys.push(PERIOD);
  }
  for (const d of resolved.dimensions) {
    select.push(`${dimColumn(d.id)} AS ${q.quoteIdentifier(d.id)}`);
    keys.push(d.id);
  }
  if (c.range && g.kind === 'event') {
    where.push(`t0.__time >= ${q.dateParam(params.add(c.range.start))}`);
    where.push(`t0.__time < ${q.dateParam(params.add(c.range.end))}`);
  }
  for (const f of resolved.filters)
    where.push(filterSql(f, dimColumn(f.bindingKey ?? f.dimension.id), q, params));

  // State rows valid at the period start: joined to the periods of a trend, else filtered by its bounds.
  const joinPeriods = g.kind === 'state' && statePeriodsJoined(c.hasGrain);
  let end = joinPeriods ? 'p.p_end' : '';
  // The period end is a parameter only when a measure reads it (every parameter must appear in the SQL).
  const periodEnd = () => {
    end ||= q.dateParam(params.add(c.range!.end));
    return end;
  };
  let start = joinPeriods ? 'p.p_start' : '';
  if (g.kind === 'state' && !joinPeriods) {
    start = q.dateParam(params.add(c.range!.start));
    where.push(`t0.__from < ${start}`, `(t0.__to IS NULL OR t0.__to >= ${start})`);
  }
  // An entity with at least one row of the event source dated inside the period.
  const eventInPeriod = (sourceId: string) => {
    const event = c.resolved.model.sources[sourceId]!;
    const entity = q.quoteIdentifier(g.source.validity!.entity!);
    const time = `e.${q.quoteIdentifier(event.time!)}`;
    return `EXISTS (SELECT 1 FROM ${sourceRelation(sourceId, new Map(), c)} AS e WHERE e.${entity} = t0.${entity} AND ${time} >= ${start} AND ${time} < ${periodEnd()})`;
  };

  const periods = c.periods ?? [];
  const forms = g.measures.map((m) => (m.min_rows ? null : countForm(m, g)));
  const buckets =
    statePeriod &&
    periods.length <= MAX_BUCKETED_PERIODS &&
    g.measures.every((m, i) => bucketable(m, forms[i] ?? null));
  const aggregates = g.measures.map((m, i) => {
    const form = forms[i] ?? null;
    if (form !== 'rows') rootExprs.set(measureColumn(m), `(${m.sql})`);
    const conds: string[] = [];
    if (m.filter) {
      rootExprs.set(`f_${m.id}`, `(${m.filter})`);
      conds.push(`t0.f_${m.id}`);
    }
    // Bucketed trends test the period end on the buckets (stateTrendByBuckets), so `expr` is the
    // per-row partial there (bucketable measures have no per-entity test either).
    if (m.ending_in_period && !buckets) conds.push(`t0.__to < ${periodEnd()}`);
    if (m.with_event_in_period) conds.push(eventInPeriod(m.with_event_in_period));
    return { m, form, expr: aggregate(m, `t0.${measureColumn(m)}`, conds, q, form) };
  });

  const fromRoot = `${sourceRelation(g.source.id, rootExprs, c)} AS t0`;
  const periodJoin = joinPeriods
    ? [`JOIN ${c.periodsName} AS p ON t0.__from < p.p_start AND (t0.__to IS NULL OR t0.__to >= p.p_start)`]
    : [];
  const joinSql = joins.map((j) =>
    j.replace(/\{node:([^}]+)\}/, (_, key: string) => {
      const n = nodes.get(key)!;
      return sourceRelation(n.source, n.exprs, c);
    }),
  );
  const whereSql = where.length ? `\n  WHERE ${where.join('\n    AND ')}` : '';
  if (buckets) {
    const measures: BucketedMeasure[] = aggregates.map((a) => ({
      m: a.m,
      column: measureColumn(a.m),
      partial: a.expr,
      isCount: a.form !== null || a.m.agg === 'count',
    }));
    const sql = stateTrendByBuckets({
      dialect: q,
      params,
      periods,
      periodsName: c.periodsName,
      from: 't0.__from',
      to: 't0.__to',
      dimensions: select.slice(1).map((s, i) => ({ select: s, id: keys[i + 1]! })),
      measures,
      fromWhere: `FROM ${[fromRoot, ...joinSql].join('\n  ')}${whereSql}`,
      period: PERIOD,
    });
    return { sql, keys };
  }
  const from = [fromRoot, ...joinSql, ...periodJoin].join('\n  ');
  const groupBy = keys.length ? `\n  GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : '';

  const minRows = g.measures.find((m) => m.min_rows);
  if (minRows) {
    // Rows per entity in each group, then entities counted: all of them (a distinct count) or those
    // with at least min_rows rows. The group's measures share the entity and the filter (resolve-query).
    const entity = `t0.${measureColumn(minRows)}`;
    const filter = minRows.filter ? `${whereSql ? ' AND' : '\n  WHERE'} t0.f_${minRows.id}` : '';
    const innerKeys = [...select, `${entity} AS entity`];
    const inner = `SELECT ${innerKeys.join(', ')}, COUNT(*) AS n\n  FROM ${from}${whereSql}${filter}\n  GROUP BY ${innerKeys.map((_, i) => i + 1).join(', ')}`;
    const outerKeys = keys.map((k) => q.quoteIdentifier(k));
    const counts = g.measures.map(
      (m) =>
        `COUNT(e.entity)${m.min_rows ? ` FILTER (WHERE e.n >= ${Number(m.min_rows)})` : ''} AS ${measureColumn(m)}`,
    );
    const outer = `SELECT ${[...outerKeys, ...counts].join(', ')} FROM (${inner}) AS e${outerKeys.length ? ` GROUP BY ${outerKeys.join(', ')}` : ''}`;
    return { sql: outer, keys };
  }
  const cols = [...select, ...aggregates.map((a) => `${a.expr} AS ${measureColumn(a.m)}`)];
  const combine = aggregates.map((a) => rollupOf(a.m, a.form));
  if (ownTimeGrain && combine.every(Boolean)) {
    // Event rows of a trend aggregate per day first, then days roll up to the grain: truncating a
    // few hundred days is far cheaper than truncating every row's timestamp, and sums, counts,
    // minima and maxima of days give the same totals.
    const inner = [
      'CAST(t0.__time AS DATE) AS __day',
      ...select.slice(1),
      ...aggregates.map((a) => `${a.expr} AS ${measureColumn(a.m)}`),
    ];
    const outer = [
      `${q.truncToDate(ownTimeGrain, 'r.__day')} AS ${PERIOD}`,
      ...keys.slice(1).map((k) => `r.${q.quoteIdentifier(k)}`),
      ...aggregates.map((a, i) => `${combine[i]}(r.${measureColumn(a.m)}) AS ${measureColumn(a.m)}`),
    ];
    const innerSql = `SELECT ${inner.join(',\n    ')}\n  FROM ${from}${whereSql}${groupBy}`;
    return {
      sql: `SELECT ${outer.join(',\n    ')}\n  FROM (${innerSql}) AS r\n  GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`,
      keys,
    };
  }
  return { sql: `SELECT ${cols.join(',\n    ')}\n  FROM ${from}${whereSql}${groupBy}`, keys };
}

/** How per-day partial results of an aggregate combine (null when they cannot, e.g. averages, distinct counts). */
function rollupOf(m: MeasureDef, form: 'rows' | 'values' | null): string | null {
  if (form || m.agg === 'count' || m.agg === 'sum') return 'SUM';
  if (m.agg === 'min') return 'MIN';
  if (m.agg === 'max') return 'MAX';
  return null;
}

function sourceRelation(sourceId: string, exprs: Map<string, string>, c: GroupContext): string {
  const q = c.dialect;
  const s = c.resolved.model.sources[sourceId]!;
  const base = s.table ? q.quoteIdentifier(s.table) : `(${s.sql}) AS s`;
  const extra = [...exprs.entries()].map(([alias, e]) => `${e} AS ${q.quoteIdentifier(alias)}`);
  return `(SELECT *${extra.length ? `, ${extra.join(', ')}` : ''} FROM ${base}${s.where ? ` WHERE ${s.where}` : ''})`;
}

function aggregate(
  m: MeasureDef,
  col: string,
  conds: string[],
  q: Dialect,
  form: 'rows' | 'values' | null,
): string {
  const filter = conds.length ? ` FILTER (WHERE ${conds.join(' AND ')})` : '';
  if (form === 'rows') return `COUNT(*)${filter}`;
  if (form === 'values') return `COUNT(${col})${filter}`;
  switch (m.agg) {
    case 'count':
      return `COUNT(${col})${filter}`;
    case 'count_distinct':
      return `COUNT(DISTINCT ${col})${filter}`;
    case 'sum':
      return `SUM(${col})${filter}`;
    case 'avg':
      return `AVG(${col})${filter}`;
    case 'min':
      return `MIN(${col})${filter}`;
    case 'max':
      return `MAX(${col})${filter}`;
    case 'median':
      return `${q.median(col)}${filter}`;
    case 'percentile':
      return `${q.percentile(col, m.percentile ?? 0.5)}${filter}`;
    case 'share':
      return `AVG(CASE WHEN ${col} THEN 1.0 ELSE 0.0 END)${filter}`;
  }
}

/** A filter on a dimension column; every value is a parameter. */
export function filterSql(
  f: Pick<ResolvedFilter, 'op' | 'values'>,
  col: string,
  q: Dialect,
  params: Params,
): string {
  const p = (v: unknown) => q.param(params.add(v));
  switch (f.op) {
    case 'in':
    case 'not_in': {
      if (f.values.length === 0) return f.op === 'in' ? 'FALSE' : 'TRUE';
      const list = f.values.map(p).join(', ');
      return f.op === 'in' ? `${col} IN (${list})` : `(${col} IS NULL OR ${col} NOT IN (${list}))`;
    }
    case 'eq':
      return `${col} = ${p(f.values[0])}`;
    case 'ne':
      return `(${col} IS NULL OR ${col} <> ${p(f.values[0])})`;
    case 'gt':
      return `${col} > ${p(f.values[0])}`;
    case 'gte':
      return `${col} >= ${p(f.values[0])}`;
    case 'lt':
      return `${col} < ${p(f.values[0])}`;
    case 'lte':
      return `${col} <= ${p(f.values[0])}`;
    case 'between':
      return `${col} BETWEEN ${p(f.values[0])} AND ${p(f.values[1])}`;
    case 'is_null':
      return `${col} IS NULL`;
    case 'not_null':
      return `${col} IS NOT NULL`;
  }
}
