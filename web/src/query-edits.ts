/**
 * Edits of an answer's interpretation, as the chips make them: pure functions from a `SemanticQuery`
 * to a new one (the input is never mutated), plus the intent the edited query asks for.
 */
import type { Filter, Intent, SemanticQuery } from './api/types.ts';

/** Intents that are plain queries: an edit can move between them. */
const QUERY_INTENTS: Intent[] = ['metric', 'breakdown', 'trend', 'comparison'];

/** The intent of an edited query: plain queries follow its shape; analyses keep theirs. */
export function intentFor(original: Intent, query: SemanticQuery): Intent {
  if (!QUERY_INTENTS.includes(original)) return original;
  if (query.compare && !query.time && query.dimensions.length === 0) return 'comparison';
  if (query.time) return 'trend';
  if (query.dimensions.length > 0) return 'breakdown';
  return 'metric';
}

/** Replaces metric `from` by `to` (ordering by the old metric follows it). */
export function replaceMetric(query: SemanticQuery, from: string, to: string): SemanticQuery {
  if (query.metrics.includes(to)) return removeMetric(query, from);
  return {
    ...query,
    metrics: query.metrics.map((m) => (m === from ? to : m)),
    order: query.order.map((o) => (o.member === from ? { ...o, member: to } : o)),
  };
}

/** Removes a metric (never the last one). */
export function removeMetric(query: SemanticQuery, id: string): SemanticQuery {
  if (query.metrics.length <= 1) return query;
  return {
    ...query,
    metrics: query.metrics.filter((m) => m !== id),
    order: query.order.filter((o) => o.member !== id),
  };
}

/** Replaces dimension `from` by `to`, or adds `to` when `from` is null. */
export function setDimension(query: SemanticQuery, from: string | null, to: string): SemanticQuery {
  const others = query.dimensions.filter((d) => d !== to);
  const dimensions = from === null ? [...others, to] : others.map((d) => (d === from ? to : d));
  return { ...query, dimensions, order: query.order.filter((o) => o.member !== from) };
}

/** Removes a grouping dimension. */
export function removeDimension(query: SemanticQuery, id: string): SemanticQuery {
  return {
    ...query,
    dimensions: query.dimensions.filter((d) => d !== id),
    order: query.order.filter((o) => o.member !== id),
  };
}

/** Sets the filter on `member` (replacing the one at `index`, or adding one); empty values remove it. */
export function setFilter(query: SemanticQuery, index: number | null, filter: Filter): SemanticQuery {
  const filters = [...query.filters];
  const needsValues = filter.op !== 'is_null' && filter.op !== 'not_null';
  if (needsValues && filter.values.length === 0) {
    if (index !== null) filters.splice(index, 1);
  } else if (index === null) filters.push(filter);
  else filters[index] = filter;
  return { ...query, filters };
}

/** Removes the filter at `index`. */
export function removeFilter(query: SemanticQuery, index: number): SemanticQuery {
  return { ...query, filters: query.filters.filter((_, i) => i !== index) };
}

/** Adds one day to an ISO date (time ranges are end-exclusive; the chip shows inclusive dates). */
export function shiftDate(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Sets the period from inclusive dates; null clears it. */
export function setTimeRange(
  query: SemanticQuery,
  range: { start: string; lastDay: string } | null,
): SemanticQuery {
  if (!range) {
    const { timeRange: _range, compare: _compare, ...rest } = query;
    return rest as SemanticQuery;
  }
  return { ...query, timeRange: { start: range.start, end: shiftDate(range.lastDay, 1) } };
}

/** Sets (or with null, removes) the trend grain. */
export function setGrain(
  query: SemanticQuery,
  grain: NonNullable<SemanticQuery['time']>['grain'] | null,
): SemanticQuery {
  if (grain === null) {
    const { time: _dropped, ...rest } = query;
    return rest as SemanticQuery;
  }
  return { ...query, time: { dimension: query.time?.dimension ?? 'metric_time', grain } };
}

/** Sets (or with null, removes) the comparison. */
export function setCompare(query: SemanticQuery, compare: SemanticQuery['compare'] | null): SemanticQuery {
  if (!compare) {
    const { compare: _dropped, ...rest } = query;
    return rest as SemanticQuery;
  }
  return { ...query, compare };
}
