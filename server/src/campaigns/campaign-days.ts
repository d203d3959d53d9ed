/** The business day of a send (ISO-day arithmetic is the calendar's). */
import { addDays } from '../calendar/calendar.ts';

/**
 * The day a send counts for in the governed data: today, or the last day of data (as-of − 1) when the
 * data lags the clock (the demo's data ends 2026-09-30): periods such as 上个月 are defined by the data's
 * as-of date, so a campaign sent "now" belongs to the data's present.
 */
export function businessDay(now: Date, asOf: string): string {
  const today = now.toISOString().slice(0, 10);
  return today < asOf ? today : addDays(asOf, -1);
}
