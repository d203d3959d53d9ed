/**
 * `winback_timing`: "流失客户多久内最容易挽回?" / "when is the best time to win back churned
 * customers?". A bar chart of the return rate by month after churn, the best window with its counts
 * and interval, and the cumulative share returned (winback-timing.ts computes them).
 */
import { formatValue } from '../../answer/format.ts';
import type { PresentationInput } from '../../answer/presentation-input.ts';
import type { RunAnalysis } from '../analysis-contract.ts';
import { analysisContext, analysisResult, resultColumns } from '../governed/analysis-context.ts';
import { analysisMembers, countMember, percentMember, requireMembers } from '../governed/analysis-members.ts';
import { winbackMessage } from './winback-messages.ts';
import { type ReturnMonth, WINBACK_MEMBERS, winbackTiming } from './winback-timing.ts';

const COLUMNS = resultColumns(
  ['month_after_churn'],
  ['return_rate', 'returned', 'still_away', 'cumulative_returned'],
);

/** The cumulative share returned by the end of month `k` (the last month read when fewer). */
const cumulativeBy = (months: ReturnMonth[], k: number) =>
  (months.find((x) => x.month === k) ?? months.at(-1)!).cumulative;

export const winbackTimingAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const m = WINBACK_MEMBERS;
  requireMembers(ctx, { metrics: [m.events, m.returned], dimensions: [m.month, m.churnMonth] });
  const lang = ctx.lang;
  const timing = await winbackTiming(ctx);
  const best = timing.best!;
  const pct = (v: number | null) => formatValue(v, 'percent', lang);
  const n = (v: number) => formatValue(v, 'count', lang);
  const rows = timing.months.map((x) => ({
    month_after_churn: String(x.month),
    return_rate: x.rate,
    returned: x.returned,
    still_away: x.atRisk,
    cumulative_returned: x.cumulative,
  }));
  const presentation: PresentationInput = {
    language: lang,
    intent: 'winback_timing',
    columns: COLUMNS,
    rows,
    members: analysisMembers(ctx, {
      month_after_churn: {
        label: { zh: winbackMessage('month_label', 'zh'), en: winbackMessage('month_label', 'en') },
        values: Object.fromEntries(
          timing.months.map((x) => [
            String(x.month),
            {
              zh: winbackMessage('month_value', 'zh', { k: x.month }),
              en: winbackMessage('month_value', 'en', { k: x.month }),
            },
          ]),
        ),
      },
      return_rate: percentMember({
        zh: winbackMessage('return_rate', 'zh'),
        en: winbackMessage('return_rate', 'en'),
      }),
      returned: countMember({ zh: winbackMessage('returned', 'zh'), en: winbackMessage('returned', 'en') }),
      still_away: countMember({ zh: winbackMessage('at_risk', 'zh'), en: winbackMessage('at_risk', 'en') }),
      cumulative_returned: percentMember({
        zh: winbackMessage('cumulative', 'zh'),
        en: winbackMessage('cumulative', 'en'),
      }),
    }),
  };
  const narrative = winbackMessage('narrative', lang, {
    events: n(timing.events),
    best: best.month,
    rate: pct(best.rate),
    returned: n(best.returned),
    atRisk: n(best.atRisk),
    low: pct(best.low),
    high: pct(best.high),
    by3: pct(cumulativeBy(timing.months, 3)),
    by6: pct(cumulativeBy(timing.months, 6)),
    by12: pct(cumulativeBy(timing.months, 12)),
    window:
      best.month <= 3
        ? winbackMessage('window_early', lang, { end: Math.max(best.month, 3) })
        : winbackMessage('window_late', lang),
  });
  return analysisResult(ctx, {
    presentation,
    narrative,
    analysis: {
      type: 'winback_timing',
      events: timing.events,
      returnedEver: timing.returnedEver,
      bestMonth: best.month,
      best,
      months: timing.months,
    },
    assumptions: [
      winbackMessage('assumption_months', lang, { asOf: runtime.asOf }),
      ...(request.query.timeRange ? [winbackMessage('assumption_period', lang)] : []),
    ],
  });
};
