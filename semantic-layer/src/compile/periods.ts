import type { TimeGrain, TimeRange } from '../query.ts';

/**
 * Calendar arithmetic on ISO dates (UTC, no clock). Periods are `[start, end)`; a period's label is
 * the start of its grain, and its evaluation bounds are clipped to the query's range.
 */

export interface Period {
  /** Start of the grain (the label shown), ISO date. */
  label: string;
  /** Clipped to the query range. */
  start: string;
  end: string;
}

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

/** `iso` moved by whole months (day clamped to the month's end, like SQL intervals). */
export function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const day = d.getUTCDate();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return toIso(first);
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY));
}

export function daysBetween(start: string, end: string): number {
  return Math.round((toDate(end).getTime() - toDate(start).getTime()) / DAY);
}

/** Start of the grain containing `iso` (weeks start on Monday, as date_trunc does). */
export function truncate(grain: TimeGrain, iso: string): string {
  const d = toDate(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (grain) {
    case 'day':
      return iso;
    case 'week':
      return addDays(iso, -((d.getUTCDay() + 6) % 7));
    case 'month':
      return toIso(new Date(Date.UTC(y, m, 1)));
    case 'quarter':
      return toIso(new Date(Date.UTC(y, m - (m % 3), 1)));
    case 'year':
      return toIso(new Date(Date.UTC(y, 0, 1)));
  }
}

/** The start of the next grain after `label`. */
export function nextGrain(grain: TimeGrain, label: string): string {
  switch (grain) {
    case 'day':
      return addDays(label, 1);
    case 'week':
      return addDays(label, 7);
    case 'month':
      return addMonths(label, 1);
    case 'quarter':
      return addMonths(label, 3);
    case 'year':
      return addMonths(label, 12);
  }
}

/** The periods of `grain` covering `range`, or the range itself as one period when there is no grain. */
export function periodsOf(range: TimeRange, grain?: TimeGrain): Period[] {
  if (!grain) return [{ label: range.start, start: range.start, end: range.end }];
  const periods: Period[] = [];
  for (let label = truncate(grain, range.start); label < range.end; label = nextGrain(grain, label)) {
    const end = nextGrain(grain, label);
    periods.push({
      label,
      start: label > range.start ? label : range.start, // ISO dates compare as strings
      end: end < range.end ? end : range.end,
    });
  }
  return periods;
}

const isMonthStart = (iso: string) => iso.endsWith('-01');

/** How to move a range to its comparison range: one grain in a trend; else whole months when both ends are month starts, else days. */
export type Shift = { unit: 'months' | 'days'; amount: number };

export function compareShift(
  range: TimeRange,
  compare: 'previous_period' | 'same_period_last_year',
  grain?: TimeGrain,
): Shift {
  if (compare === 'same_period_last_year') return { unit: 'months', amount: 12 };
  // In a trend, each period compares with the one before it.
  if (grain) {
    const months = { month: 1, quarter: 3, year: 12 } as Record<string, number>;
    return months[grain]
      ? { unit: 'months', amount: months[grain]! }
      : { unit: 'days', amount: grain === 'week' ? 7 : 1 };
  }
  if (isMonthStart(range.start) && isMonthStart(range.end)) {
    const a = toDate(range.start);
    const b = toDate(range.end);
    return {
      unit: 'months',
      amount: (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth(),
    };
  }
  return { unit: 'days', amount: daysBetween(range.start, range.end) };
}

/** `range` moved back by `shift`. */
export function shiftBack(range: TimeRange, shift: Shift): TimeRange {
  const move = (iso: string) =>
    shift.unit === 'months' ? addMonths(iso, -shift.amount) : addDays(iso, -shift.amount);
  return { start: move(range.start), end: move(range.end) };
}
