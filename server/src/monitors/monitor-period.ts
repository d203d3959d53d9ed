/**
 * The periods a metric monitor reads: the last complete period of its grain before the data's as-of date
 * (the data's "today", not the wall clock: a demo frozen at 2026-10-01 reads Q3 2026 every Monday), the
 * period before it, and the trailing periods an anomaly is measured against.
 */
import type { TimeRange } from '../../../semantic-layer/src/query.ts';
import { addDays, addMonths, monthStart, quarterStart, weekStart } from '../calendar/calendar.ts';

export type MonitorGrain = 'week' | 'month' | 'quarter';

/** Start of the period of `grain` containing `iso`. */
function periodStart(grain: MonitorGrain, iso: string): string {
  if (grain === 'quarter') return quarterStart(iso);
  if (grain === 'month') return monthStart(iso);
  return weekStart(iso);
}

/** `iso` moved by `n` periods of `grain`. */
export function shiftPeriods(grain: MonitorGrain, iso: string, n: number): string {
  if (grain === 'quarter') return addMonths(iso, 3 * n);
  if (grain === 'month') return addMonths(iso, n);
  return addDays(iso, 7 * n);
}

/**
 * The `count` complete periods before `asOf`, oldest first (the last one is the monitored period).
 * @example completePeriods('quarter', '2026-10-01', 2) → [Q2 2026, Q3 2026]
 */
export function completePeriods(grain: MonitorGrain, asOf: string, count: number): TimeRange[] {
  const end = periodStart(grain, asOf);
  const periods: TimeRange[] = [];
  for (let i = count; i >= 1; i--)
    periods.push({ start: shiftPeriods(grain, end, -i), end: shiftPeriods(grain, end, -i + 1) });
  return periods;
}
