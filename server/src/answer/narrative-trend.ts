import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import { answerMessage } from './answer-messages.ts';
import { changePhrase, toNumber } from './format.ts';
import {
  baselineClause,
  inlineLabel,
  leadingLabel,
  metricText,
  rankedRows,
  rowLabel,
  verdict,
} from './narrative-words.ts';
import { rangeLabel } from './period-label.ts';
import type { PresentationInput } from './presentation-input.ts';
import { columnFormat, columnLabel } from './result-shape.ts';

/** Narratives of trends: the latest value and its change, then the peak and the trough. */

function byTime(rows: Record<string, unknown>[], time: CompiledColumn): Record<string, unknown>[] {
  return [...rows].sort((a, b) => String(a[time.name]).localeCompare(String(b[time.name])));
}

/** One metric over time (one series). */
export function trendNarrative(
  input: PresentationInput,
  time: CompiledColumn,
  metric: CompiledColumn,
): string {
  const lang = input.language;
  const rows = byTime(input.rows, time).filter((r) => toNumber(r[metric.name]) !== null);
  const label = inlineLabel(input, metric.member);
  if (rows.length === 0) return answerMessage('breakdown.no_values', lang, { label });
  const latest = rows[rows.length - 1]!;
  const latestLabel = rowLabel(input, time, latest);
  const latestValue = metricText(input, metric, latest[metric.name]);
  const within = input.timeRange
    ? answerMessage('trend.within', lang, { range: rangeLabel(input.timeRange, lang) })
    : '';
  const words = { label, leading: leadingLabel(input, metric.member), latest: latestLabel, latestValue };
  if (rows.length === 1) {
    return answerMessage('trend.one', lang, { ...words, baseline: baselineClause(input, metric, latest) });
  }
  const before = rows[rows.length - 2]!;
  const delta = toNumber(latest[metric.name])! - toNumber(before[metric.name])!;
  const phrase = changePhrase(delta, columnFormat(input, metric), input.language, {
    currency: input.currency,
  });
  let text = answerMessage('trend.latest', lang, {
    ...words,
    within,
    before: rowLabel(input, time, before),
    phrase,
    verdict: verdict(input, metric, delta),
  });
  if (rows.length >= 3) {
    const ranked = rankedRows(rows, metric.name);
    const peak = ranked[0]!;
    const trough = ranked[ranked.length - 1]!;
    text += answerMessage('trend.extremes', lang, {
      count: rows.length,
      peak: rowLabel(input, time, peak),
      peakValue: metricText(input, metric, peak[metric.name]),
      trough: rowLabel(input, time, trough),
      troughValue: metricText(input, metric, trough[metric.name]),
    });
  }
  const compared = baselineClause(input, metric, latest);
  if (compared) {
    text += answerMessage('trend.compared', lang, {
      ...words,
      compared,
      compared_trimmed: compared.replace(/^，/, ''),
    });
  }
  return text;
}

/** One metric over time for several series: who is highest and lowest in the latest period. */
export function seriesTrendNarrative(
  input: PresentationInput,
  time: CompiledColumn,
  series: CompiledColumn,
  metric: CompiledColumn,
): string {
  const lang = input.language;
  const rows = byTime(input.rows, time);
  const latestKey = String(rows[rows.length - 1]![time.name]);
  const latest = rankedRows(
    rows.filter((r) => String(r[time.name]) === latestKey),
    metric.name,
  );
  const label = inlineLabel(input, metric.member);
  if (latest.length === 0) return answerMessage('breakdown.no_values', lang, { label });
  const top = latest[0]!;
  const bottom = latest[latest.length - 1]!;
  const by = columnLabel(input, series);
  const words = {
    when: rowLabel(input, time, top),
    label,
    by,
    by_lower: by.toLowerCase(),
    top: rowLabel(input, series, top),
    topValue: metricText(input, metric, top[metric.name]),
    bottom: rowLabel(input, series, bottom),
    bottomValue: metricText(input, metric, bottom[metric.name]),
  };
  if (latest.length === 1) return answerMessage('series.one', lang, words);
  return answerMessage('series.latest', lang, words);
}
