import type { TimeRange } from '../../../../semantic-layer/src/query.ts';

const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

/** The last quarter that ended on or before `asOf` (end exclusive), e.g. 2026-10-01 → 2026-07-01..2026-10-01. */
export function lastCompleteQuarter(asOf: string): TimeRange {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const qStartMonth = Math.floor((m - 1) / 3) * 3 + 1;
  const end = iso(y, qStartMonth);
  return { start: monthsBefore(end, 3), end };
}

/** The first day of the month `n` months before an ISO month start. */
export function monthsBefore(monthStart: string, n: number): string {
  const y = Number(monthStart.slice(0, 4));
  const m = Number(monthStart.slice(5, 7)) - 1 - n;
  return iso(y + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1);
}
