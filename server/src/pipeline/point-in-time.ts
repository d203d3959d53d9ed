/**
 * Point in time for questions that explain churn by a customer feature (issue 18 §1): "按多个工单超72小时
 * 未解决看流失率" compares churn in a period across groups, so each customer's group must be taken as of
 * the period start (the `customer_history` snapshot of that quarter), never from today's snapshot,
 * which describes churned customers after they left. When a churn metric is split or filtered by a
 * dimension of today's snapshot that has a point-in-time alternate, the query is answered with the
 * quarter-start snapshot metrics instead, and the answer says so.
 */
import { truncate } from '../../../semantic-layer/src/compile/periods.ts';
import { measureOf, type SemanticModel } from '../../../semantic-layer/src/model.ts';
import type { SemanticQueryInput, TimeRange } from '../../../semantic-layer/src/query.ts';
import { rangeLabel } from '../answer/period-label.ts';
import { lastCompleteQuarter } from '../calendar/calendar.ts';
import { pipelineMessages } from './pipeline-messages.ts';

/** Churn metrics measured at the period start, and their quarter-start snapshot equivalents. */
const SNAPSHOT_EQUIVALENT: Readonly<Record<string, string>> = {
  churn_rate: 'snapshot_churn_rate',
  churned_customers: 'snapshot_churned_customers',
  active_customers: 'snapshot_active_customers',
};
/** The source holding one row per customer as of today, and the one holding quarter-start snapshots. */
const TODAY = 'customer_snapshot';
const HISTORY = 'customer_history';

export interface PointInTimeQuery {
  query: SemanticQueryInput;
  assumption: { zh: string; en: string } | null;
  /** Snapshot metric id → the metric asked, to name the result's columns as the user asked. */
  renamed: Record<string, string>;
}

/**
 * The result under the metric names asked (`snapshot_churn_rate` → `churn_rate`, `…__previous` too):
 * the user asked for churn rate, and the assumption says how it was measured.
 */
export function askedNames<C extends { name: string; member: string }>(
  renamed: Record<string, string>,
  columns: C[],
  rows: Record<string, unknown>[],
): { columns: C[]; rows: Record<string, unknown>[] } {
  if (!Object.keys(renamed).length) return { columns, rows };
  const rename = (name: string) => {
    for (const [from, to] of Object.entries(renamed))
      if (name === from || name.startsWith(`${from}__`)) return to + name.slice(from.length);
    return name;
  };
  return {
    columns: columns.map((c) => ({ ...c, name: rename(c.name), member: renamed[c.member] ?? c.member })),
    rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [rename(k), v]))),
  };
}

/** The members of `query` that describe the customer as of today but have a point-in-time alternate. */
function todaysFeatures(model: SemanticModel, query: SemanticQueryInput): string[] {
  const members = [...(query.dimensions ?? []), ...(query.filters ?? []).map((f) => f.member)];
  return [...new Set(members)].filter((id) => {
    const d = model.dimensions[id];
    return d?.source === TODAY && d.alternates.some((a) => a.source === HISTORY);
  });
}

/** A metric counting churn events of the period (lost revenue, churned customers): measured at its start. */
function churnMeasured(model: SemanticModel, id: string): boolean {
  const m = model.metrics[id];
  if (m?.type !== 'simple') return false;
  return measureOf(model, m.measure)?.ending_in_period === true;
}

/** How many whole calendar quarters a range spans (null when it does not start and end on quarter starts). */
function wholeQuarters(r: TimeRange): number | null {
  if (truncate('quarter', r.start) !== r.start || truncate('quarter', r.end) !== r.end) return null;
  const [ys, ms] = r.start.split('-').map(Number) as [number, number];
  const [ye, me] = r.end.split('-').map(Number) as [number, number];
  const months = (ye - ys) * 12 + (me - ms);
  return months > 0 ? months / 3 : null;
}

export function pointInTime(model: SemanticModel, query: SemanticQueryInput, asOf: string): PointInTimeQuery {
  const same = { query, assumption: null, renamed: {} };
  const features = todaysFeatures(model, query);
  if (!features.length || !query.metrics.length) return same;
  const label = (lang: 'zh' | 'en') =>
    features
      .map((id) => model.dimensions[id]?.label?.[lang] ?? id)
      .join(pipelineMessages.listSeparator(lang));
  const todaysState = {
    query,
    renamed: {},
    assumption: {
      zh: `${label('zh')}取的是今天的状态：已流失客户的状态是流失之后的，用它解释这段期间的流失会有偏差；按整季度提问可按季度初快照比较。`,
      en: `${label('en')} is today's state: for churned customers it describes them after they left, which biases any explanation of churn in this period; ask by whole quarter to compare quarter-start snapshots.`,
    },
  };
  // a churn measure without a snapshot equivalent (lost revenue by value tier): today's state, said so
  if (!query.metrics.every((m) => SNAPSHOT_EQUIVALENT[m] && model.metrics[SNAPSHOT_EQUIVALENT[m]!]))
    return query.metrics.some((m) => churnMeasured(model, m)) ? todaysState : same;
  const range: TimeRange = query.timeRange ?? lastCompleteQuarter(asOf);
  const quarters = wholeQuarters(range);
  const trend = query.time?.grain === 'quarter';
  // No quarter-start snapshot describes this period: answered as asked, with the caveat.
  if (!quarters || range.end > asOf || (quarters > 1 && !trend) || (query.time && !trend)) return todaysState;
  const metrics = query.metrics.map((m) => SNAPSHOT_EQUIVALENT[m]!);
  const rewritten: SemanticQueryInput = {
    ...query,
    metrics,
    timeRange: range,
    ...(query.order
      ? { order: query.order.map((o) => ({ ...o, member: SNAPSHOT_EQUIVALENT[o.member] ?? o.member })) }
      : {}),
    // a condition on a churn measure (the churned-customer list: churned_customers >= 1 per customer) follows it
    ...(query.filters
      ? { filters: query.filters.map((f) => ({ ...f, member: SNAPSHOT_EQUIVALENT[f.member] ?? f.member })) }
      : {}),
  };
  return {
    query: rewritten,
    renamed: Object.fromEntries(query.metrics.map((m) => [SNAPSHOT_EQUIVALENT[m]!, m])),
    assumption: {
      zh: `按季度初快照计算（${rangeLabel(range, 'zh')}）：客户分组（${label('zh')}）取季度初的状态，比较季度内是否流失，而不是用今天的状态解释过去的流失。`,
      en: `Computed on quarter-start snapshots (${rangeLabel(range, 'en')}): customers are grouped by ${label('en')} as they were at the quarter start and compared on churn during it, never by today's state.`,
    },
  };
}
