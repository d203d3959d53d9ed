import { compareShift, shiftBack } from '../../../../semantic-layer/src/compile/periods.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import { lastCompleteQuarter } from '../../calendar/calendar.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import type { AnalysisContext } from './analysis-context.ts';

/** The period an analysis covers, and the assumption to state when it was defaulted. */
export interface AnalysisPeriod {
  range: TimeRange;
  assumption?: string;
}

/**
 * The request's period, or (when it has none) the last complete quarter before the as-of date, said
 * as an assumption. A period that starts on or after the as-of date has no data: an `AnalysisError`.
 */
export function analysisPeriod(ctx: AnalysisContext): AnalysisPeriod {
  const given = ctx.request.query.timeRange;
  const asOf = ctx.runtime.asOf;
  if (given) {
    if (given.start >= asOf) {
      throw new AnalysisError(
        analysisMessage('period.after_as_of', ctx.lang, { period: rangeLabel(given, ctx.lang), asOf }),
        'no_data',
      );
    }
    return { range: given };
  }
  const range = lastCompleteQuarter(asOf);
  return {
    range,
    assumption: analysisMessage('period.default', ctx.lang, { asOf, period: rangeLabel(range, ctx.lang) }),
  };
}

/** The baseline of a comparison: the previous period (default) or the same period a year earlier. */
export function baselinePeriod(
  range: TimeRange,
  compare: 'previous_period' | 'same_period_last_year' | undefined,
): TimeRange {
  return shiftBack(range, compareShift(range, compare ?? 'previous_period'));
}
