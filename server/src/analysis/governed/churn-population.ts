import { addMonths, truncate } from '../../../../semantic-layer/src/compile/periods.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import { lastCompleteQuarter } from '../../calendar/calendar.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { analysisPeriod } from './analysis-period.ts';

/**
 * A churn population for comparing customer groups: the population metric (customers at risk), the
 * event metric (of them, who churned), their ratio and the period. Point-in-time snapshots are
 * preferred (`snapshot_churn_rate`: groups as they were at the quarter start, churn during the
 * quarter), so a group never describes the customer after the outcome; a model without them (label
 * churn) uses `churn_rate` as it stands. Used by key drivers and segments.
 */
export interface ChurnPopulation {
  rateMetric: string;
  events: string;
  population: string;
  range?: TimeRange;
  assumptions: string[];
}

/** Ratio metrics groups are compared on, in order of preference. */
export const POPULATION_RATE_METRICS = ['snapshot_churn_rate', 'churn_rate'] as const;

export function churnPopulation(ctx: AnalysisContext): ChurnPopulation {
  const model = ctx.runtime.model;
  const id = POPULATION_RATE_METRICS.find((m) => model.metrics[m]?.type === 'ratio');
  const metric = id ? model.metrics[id] : undefined;
  if (!id || metric?.type !== 'ratio') {
    throw new AnalysisError(
      analysisMessage('population.no_metric', ctx.lang, { model: model.id }),
      'unsupported',
    );
  }
  const base = { rateMetric: id, events: metric.numerator, population: metric.denominator };
  if (id !== 'snapshot_churn_rate') {
    const needsPeriod = ctx.runtime.catalog.metrics.find((m) => m.id === id)?.requiresPeriod;
    if (!needsPeriod) return { ...base, assumptions: [] };
    const p = analysisPeriod(ctx);
    return { ...base, range: p.range, assumptions: p.assumption ? [p.assumption] : [] };
  }
  // Snapshots are taken at quarter starts: analyse the quarter the period starts in, once fully observed.
  const period = analysisPeriod(ctx);
  const start = truncate('quarter', period.range.start);
  let range: TimeRange = { start, end: addMonths(start, 3) };
  const assumptions = period.assumption ? [period.assumption] : [];
  if (range.end > ctx.runtime.asOf) {
    range = lastCompleteQuarter(ctx.runtime.asOf);
    assumptions.push(
      analysisMessage('population.last_complete', ctx.lang, { period: rangeLabel(range, ctx.lang) }),
    );
  } else if (range.start !== period.range.start || range.end !== period.range.end) {
    assumptions.push(
      analysisMessage('population.snapshots', ctx.lang, { period: rangeLabel(range, ctx.lang) }),
    );
  }
  return { ...base, range, assumptions };
}
