import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput, TimeGrain } from '../../../../semantic-layer/src/query.ts';
import { quarterLabel } from '../../calendar/calendar.ts';
import {
  defaultDataStartYear,
  defaultMetricRange,
  defaultTrendRange,
} from '../../calendar/default-period.ts';
import { isTimeBased, modelHasTime } from '../../calendar/metric-time.ts';
import type { TimeResolution } from '../time/resolve-time.ts';
import { grainText, rangeText, say } from './messages.ts';

/** The time parts of a query, with the assumptions made to fill them. */
export interface PeriodChoice {
  timeRange?: SemanticQueryInput['timeRange'];
  time?: SemanticQueryInput['time'];
  compare?: SemanticQueryInput['compare'];
  assumptions: string[];
  understood: { text: string; meaning: string }[];
  /** No time words: the range is the default one (a follow-up asking for a trend may replace it). */
  defaulted: boolean;
}

/**
 * Applies CONVENTIONS.md "Time": explicit words win; a trend without a range gets its default
 * window; a time-based metric without a range gets the last complete quarter; a model or metric
 * without time names the ignored words instead.
 */
export function choosePeriod(
  time: TimeResolution,
  metrics: string[],
  catalog: Catalog,
  asOf: string,
  lang: Lang,
  opts: { timeDimension?: string; trend: boolean },
): PeriodChoice {
  const out: PeriodChoice = { assumptions: [], understood: [], defaulted: false };
  const words = time.matchedText;
  if (!modelHasTime(catalog)) {
    if (words.length > 0) out.assumptions.push(say.noTimeInModel(words, lang));
    return out;
  }
  const timed = metrics.filter((m) => isTimeBased(catalog, m));
  if (timed.length === 0) {
    if (words.length > 0) {
      const label = catalog.metrics.find((m) => m.id === metrics[0])?.label[lang] ?? metrics[0];
      out.assumptions.push(say.timelessMetric(label, words, lang));
    }
    return out;
  }
  const grain: TimeGrain | undefined = time.grain ?? (opts.trend ? 'month' : undefined);
  if (grain) out.time = { dimension: opts.timeDimension ?? 'metric_time', grain };
  if (time.compare) out.compare = time.compare;
  if (time.assumption) out.assumptions.push(time.assumption);
  if (time.range) {
    out.timeRange = time.range;
    if (words.length > 0) {
      out.understood.push({
        text: words.join(' '),
        meaning: `${lang === 'zh' ? '时间：' : 'period: '}${rangeText(time.range, lang)}`,
      });
    }
  } else if (grain) {
    out.timeRange = defaultTrendRange(grain, asOf, defaultDataStartYear(asOf));
    out.assumptions.push(say.defaultTrend(grainText(grain), out.timeRange, lang));
    out.defaulted = true;
  } else {
    out.timeRange = defaultMetricRange(asOf);
    out.assumptions.push(say.defaultQuarter(quarterLabel(out.timeRange), lang));
    out.defaulted = true;
  }
  return out;
}
