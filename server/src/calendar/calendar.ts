import { addDays, addMonths } from '../../../semantic-layer/src/compile/periods.ts';
import type { TimeRange } from '../../../semantic-layer/src/query.ts';

export { addDays, addMonths };

/** Calendar arithmetic on ISO dates (UTC, no clock): month, quarter and week boundaries. */

/** Year, month (1-12) and day of an ISO date. */
export function partsOf(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/** ISO date of year/month/day; months and days outside their range roll over. */
export function isoDate(year: number, month: number, day = 1): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The first day of the month containing the date. */
export function monthStart(iso: string): string {
  const { year, month } = partsOf(iso);
  return isoDate(year, month);
}

/** Quarter number (1-4) of a month (1-12). */
export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The first day of the quarter containing the date. */
export function quarterStart(iso: string): string {
  const { year, month } = partsOf(iso);
  return isoDate(year, (quarterOfMonth(month) - 1) * 3 + 1);
}

/** The range of quarter q of a year. */
export function quarterRange(year: number, quarter: number): TimeRange {
  const start = isoDate(year, (quarter - 1) * 3 + 1);
  return { start, end: addMonths(start, 3) };
}

/** The range of one calendar month. */
export function monthRange(year: number, month: number): TimeRange {
  const start = isoDate(year, month);
  return { start, end: addMonths(start, 1) };
}

/** The range of one calendar year. */
export function yearRange(year: number): TimeRange {
  return { start: isoDate(year, 1), end: isoDate(year + 1, 1) };
}

/** The Monday on or before the date (weeks start on Monday, as in China and ISO 8601). */
export function weekStart(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((weekday + 6) % 7));
}

/** The last complete quarter before the as-of date. */
export function lastCompleteQuarter(asOf: string): TimeRange {
  const end = quarterStart(asOf);
  return { start: addMonths(end, -3), end };
}

/** Quarter label such as "2026Q3" for a range starting on a quarter boundary. */
export function quarterLabel(range: TimeRange): string {
  const { year, month } = partsOf(range.start);
  return `${year}Q${quarterOfMonth(month)}`;
}

/** The same range one year earlier. */
export function shiftYears(range: TimeRange, years: number): TimeRange {
  const s = partsOf(range.start);
  const e = partsOf(range.end);
  return { start: isoDate(s.year + years, s.month, s.day), end: isoDate(e.year + years, e.month, e.day) };
}

/** Ends a range no later than the as-of date; an emptied range has start === end. */
export function clipToAsOf(range: TimeRange, asOf: string): TimeRange {
  if (range.start >= asOf) return { start: range.start, end: range.start };
  return { start: range.start, end: range.end < asOf ? range.end : asOf };
}
