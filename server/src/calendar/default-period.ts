import type { TimeGrain, TimeRange } from '../../../semantic-layer/src/query.ts';
import {
  addDays,
  addMonths,
  isoDate,
  lastCompleteQuarter,
  monthStart,
  partsOf,
  quarterStart,
  weekStart,
} from './calendar.ts';

/** The period used when a question names none (CONVENTIONS.md "No time words"). */

/** A trend without a range: 12 months, 8 quarters, 13 weeks, 30 days, or the years since the data began. */
export function defaultTrendRange(grain: TimeGrain, asOf: string, dataStartYear: number): TimeRange {
  switch (grain) {
    case 'month':
      return { start: addMonths(monthStart(asOf), -12), end: monthStart(asOf) };
    case 'quarter':
      return { start: addMonths(quarterStart(asOf), -24), end: quarterStart(asOf) };
    case 'week':
      return { start: addDays(weekStart(asOf), -7 * 13), end: weekStart(asOf) };
    case 'day':
      return { start: addDays(asOf, -30), end: asOf };
    case 'year':
      return { start: isoDate(dataStartYear, 1), end: asOf };
  }
}

/** A metric that needs a period, asked without one: the last complete quarter. */
export function defaultMetricRange(asOf: string): TimeRange {
  return lastCompleteQuarter(asOf);
}

/** The first year a yearly trend starts from: two years before the as-of year (the demo data's span). */
export function defaultDataStartYear(asOf: string): number {
  return partsOf(asOf).year - 2;
}
