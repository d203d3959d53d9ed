/**
 * A board's period control: one preset moves every card that is measured over a period. A card without a
 * period (a point-in-time metric such as at-risk customers now) keeps its own query.
 */
import type { SemanticQuery, TimeRange } from '../../../semantic-layer/src/query.ts';
import { addMonths, isoDate, lastCompleteQuarter, monthStart, partsOf } from '../calendar/calendar.ts';

export const BOARD_PERIODS = ['last_month', 'last_quarter', 'last_12_months', 'year_to_date'] as const;
export type BoardPeriod = (typeof BOARD_PERIODS)[number];

/** The range of a preset for data as of `asOf` (end exclusive, complete periods only). */
export function periodRange(period: BoardPeriod, asOf: string): TimeRange {
  const thisMonth = monthStart(asOf);
  switch (period) {
    case 'last_month':
      return { start: addMonths(thisMonth, -1), end: thisMonth };
    case 'last_quarter':
      return lastCompleteQuarter(asOf);
    case 'last_12_months':
      return { start: addMonths(thisMonth, -12), end: thisMonth };
    case 'year_to_date': {
      const { year } = partsOf(thisMonth);
      const start = isoDate(year, 1, 1);
      // In January the year so far has no complete month: show the previous year.
      return start === thisMonth ? { start: isoDate(year - 1, 1, 1), end: start } : { start, end: thisMonth };
    }
  }
}

/** The card's query with the board's period, when the card is measured over a period. */
export function withBoardPeriod(
  query: SemanticQuery,
  period: BoardPeriod | null | undefined,
  asOf: string,
): SemanticQuery {
  if (!period || (!query.timeRange && !query.time)) return query;
  return { ...query, timeRange: periodRange(period, asOf) };
}
