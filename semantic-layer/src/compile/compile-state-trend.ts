import type { Dialect } from '../dialect/dialect.ts';
import type { MeasureDef } from '../model.ts';
import type { Params } from './params.ts';
import type { Period } from './periods.ts';

/** More periods than this make the per-row bucket CASE dearer than the join (a year of days, say). */
export const MAX_BUCKETED_PERIODS = 120;

/** Column names the bucketed form uses between its two levels (never user text). */
const FROM_BUCKET = '__b_from';
const TO_BUCKET = '__b_to';
export const PERIOD_INDEX = 'p_index';

/** One measure of a state group: its per-row aggregate (without period conditions) and how it ends. */
export interface BucketedMeasure {
  m: MeasureDef;
  column: string;
  /** The aggregate over state rows, e.g. `COUNT(*) FILTER (WHERE t0.f_x)`. */
  partial: string;
  /** Counts read 0 where no row qualifies (COUNT semantics); sums read NULL. */
  isCount: boolean;
}

/** Whether a state measure can be summed from per-bucket partials: counts and sums, no per-entity tests. */
export const bucketable = (m: MeasureDef, form: 'rows' | 'values' | null): boolean =>
  !m.min_rows && !m.with_event_in_period && (form !== null || m.agg === 'count' || m.agg === 'sum');

/**
 * A state trend without joining every state row to every period. Periods are contiguous, so a row
 * valid from `f` to `t` is counted at the start of period k exactly when B(f) < k ≤ B(t), where B(v)
 * is the number of period starts on or before v (an open row has B = P + 1, and so has a row with no
 * start, which is never counted); it ends inside period k when B(t) = k, with the last period's end
 * as one more boundary. Rows are first aggregated by (B(f), B(t), dimensions) — a few hundred groups
 * instead of rows × periods — then each group joins the periods it spans.
 */
export function stateTrendByBuckets(opts: {
  dialect: Dialect;
  params: Params;
  periods: Period[];
  periodsName: string;
  /** `t0.__from`, `t0.__to`: the validity bounds of each state row. */
  from: string;
  to: string;
  /** Dimension select items (`expr AS "id"`) and their ids, in key order after the period. */
  dimensions: { select: string; id: string }[];
  measures: BucketedMeasure[];
  /** FROM … WHERE … of the state rows (the same as the joined form, without the periods join). */
  fromWhere: string;
  period: string;
}): string {
  const { dialect: q, params, periods } = opts;
  const bounds = [...periods.map((p) => p.start), periods[periods.length - 1]!.end].map((d) =>
    q.dateParam(params.add(d)),
  );
  const bucket = (v: string) => {
    const whens = bounds.map((b, i) => `WHEN ${v} < ${b} THEN ${i}`).join(' ');
    return `CASE WHEN ${v} IS NULL THEN ${bounds.length} ${whens} ELSE ${bounds.length} END`;
  };
  const dimIds = opts.dimensions.map((d) => q.quoteIdentifier(d.id));
  const inner = [
    `${bucket(opts.from)} AS ${FROM_BUCKET}`,
    `${bucket(opts.to)} AS ${TO_BUCKET}`,
    ...opts.dimensions.map((d) => d.select),
    ...opts.measures.map((x) => `${x.partial} AS ${x.column}`),
  ];
  const outer = [
    `p.${opts.period} AS ${opts.period}`,
    ...dimIds.map((id) => `r.${id}`),
    ...opts.measures.map((x) => {
      const ends = x.m.ending_in_period ? ` FILTER (WHERE r.${TO_BUCKET} = p.${PERIOD_INDEX})` : '';
      const sum = `SUM(r.${x.column})${ends}`;
      return `${x.isCount ? `COALESCE(${sum}, 0)` : sum} AS ${x.column}`;
    }),
  ];
  const innerKeys = inner.slice(0, 2 + dimIds.length).map((_, i) => i + 1);
  const innerSql = `SELECT ${inner.join(',\n    ')}\n  ${opts.fromWhere}\n  GROUP BY ${innerKeys.join(', ')}`;
  const outerKeys = [1, ...dimIds.map((_, i) => i + 2)];
  return `SELECT ${outer.join(',\n    ')}
  FROM (${innerSql}) AS r
  JOIN ${opts.periodsName} AS p ON r.${FROM_BUCKET} < p.${PERIOD_INDEX} AND r.${TO_BUCKET} >= p.${PERIOD_INDEX}
  GROUP BY ${outerKeys.join(', ')}`;
}
