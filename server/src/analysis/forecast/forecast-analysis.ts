/**
 * `churn_forecast`: "下个季度预计会流失多少客户?" / "forecast next quarter's churn". The expected
 * churners and churn rate of the quarter starting on the as-of date with a 95% interval, beside the
 * back-test of the same method on the latest quarter whose outcome is known (churn-forecast.ts).
 */
import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import { formatValue } from '../../answer/format.ts';
import type { PresentationInput } from '../../answer/presentation-input.ts';
import type { RunAnalysis } from '../analysis-contract.ts';
import { analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { analysisMembers, countMember, percentMember } from '../governed/analysis-members.ts';
import { forecastChurn, quarterName } from './churn-forecast.ts';
import { forecastMessage } from './forecast-messages.ts';

const col = (name: string, kind: 'dimension' | 'metric'): CompiledColumn => ({ name, kind, member: name });
const COLUMNS: CompiledColumn[] = [
  col('period', 'dimension'),
  col('expected_churners', 'metric'),
  col('churners_low', 'metric'),
  col('churners_high', 'metric'),
  col('actual_churners', 'metric'),
  col('expected_rate', 'metric'),
  col('actual_rate', 'metric'),
];

const both = (id: Parameters<typeof forecastMessage>[0]) => ({
  zh: forecastMessage(id, 'zh'),
  en: forecastMessage(id, 'en'),
});

export const churnForecastAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const lang = ctx.lang;
  const f = await forecastChurn(ctx);
  const { next, backtest: b } = f;
  const n = (v: number) => formatValue(Math.round(v), 'count', lang);
  const pct = (v: number) => formatValue(v, 'percent', lang);
  const quarter = quarterName(f.start);
  const inside = b.actual >= b.low && b.actual <= b.high;
  const rows = [
    {
      period: 'forecast',
      expected_churners: next.expected,
      churners_low: next.low,
      churners_high: next.high,
      actual_churners: null,
      expected_rate: next.expected / next.customers,
      actual_rate: null,
    },
    {
      period: 'backtest',
      expected_churners: b.expected,
      churners_low: b.low,
      churners_high: b.high,
      actual_churners: b.actual,
      expected_rate: b.customers ? b.expected / b.customers : null,
      actual_rate: b.customers ? b.actual / b.customers : null,
    },
  ];
  const presentation: PresentationInput = {
    language: lang,
    intent: 'churn_forecast',
    columns: COLUMNS,
    rows,
    members: analysisMembers(ctx, {
      period: {
        label: both('label_period'),
        values: {
          forecast: {
            zh: forecastMessage('forecast_row', 'zh', { quarter }),
            en: forecastMessage('forecast_row', 'en', { quarter }),
          },
          backtest: {
            zh: forecastMessage('backtest_row', 'zh', { date: b.date }),
            en: forecastMessage('backtest_row', 'en', { date: b.date }),
          },
        },
      },
      expected_churners: countMember(both('label_expected')),
      churners_low: countMember(both('label_low')),
      churners_high: countMember(both('label_high')),
      actual_churners: countMember(both('label_actual')),
      expected_rate: percentMember(both('label_rate'), true),
      actual_rate: percentMember(both('label_actual_rate'), true),
    }),
  };
  const signed = (v: number) => `${v >= 0 ? '+' : ''}${formatValue(v, 'percent', lang)}`;
  const error = b.expected ? b.actual / b.expected - 1 : 0;
  const backtest = forecastMessage('backtest', lang, {
    date: b.date,
    predicted: n(b.expected),
    low: n(b.low),
    high: n(b.high),
    actual: n(b.actual),
    error: signed(error),
    inside: forecastMessage(inside ? 'inside' : 'outside', lang),
  });
  const widened = f.quarters.length
    ? forecastMessage('widened', lang, {
        n: f.quarters.length,
        errors: f.quarters
          .map((q) => `${q.date} ${signed(q.relativeError)}`)
          .join(forecastMessage('list_separator', lang)),
        rms: formatValue(f.rmsError, 'percent', lang),
        low: n(f.widened.low),
        high: n(f.widened.high),
        rateLow: pct(f.widened.low / next.customers),
        rateHigh: pct(f.widened.high / next.customers),
      })
    : '';
  const narrative = forecastMessage('narrative', lang, {
    quarter,
    expected: n(next.expected),
    active: n(next.customers),
    rate: pct(next.expected / next.customers),
    low: n(next.low),
    high: n(next.high),
    rateLow: pct(next.low / next.customers),
    rateHigh: pct(next.high / next.customers),
    backtest,
    widened,
  });
  const m = f.model;
  return analysisResult(ctx, {
    presentation,
    narrative,
    analysis: {
      type: 'churn_forecast',
      quarter,
      start: f.start,
      forecast: { ...next, rate: next.expected / next.customers },
      backtest: { ...b, error, inside },
      quarters: f.quarters,
      rmsError: f.rmsError,
      widened: f.widened,
      method: 'poisson_binomial_normal',
    },
    assumptions: [
      forecastMessage('method', lang, { from: m.productionDates[0]!, to: m.productionDates.at(-1)! }),
      ...(request.query.timeRange ? [forecastMessage('period_note', lang, { quarter, asOf: f.start })] : []),
    ],
  });
};
