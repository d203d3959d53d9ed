/** ISO-day arithmetic and the business day of a send. */

/** `day` plus `n` days (ISO dates, UTC). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The day a send counts for in the governed data: today, or the last day of data (as-of − 1) when the
 * data lags the clock (the demo's data ends 2026-09-30): periods such as 上个月 are defined by the data's
 * as-of date, so a campaign sent "now" belongs to the data's present.
 */
export function businessDay(now: Date, asOf: string): string {
  const today = now.toISOString().slice(0, 10);
  return today < asOf ? today : addDays(asOf, -1);
}
