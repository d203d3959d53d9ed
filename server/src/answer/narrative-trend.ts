import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
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
  const zh = input.language === 'zh';
  const rows = byTime(input.rows, time).filter((r) => toNumber(r[metric.name]) !== null);
  const label = inlineLabel(input, metric.member);
  if (rows.length === 0) {
    return zh
      ? `所选范围内${label}没有可计算的值。`
      : `No ${label} values could be computed for this selection.`;
  }
  const latest = rows[rows.length - 1]!;
  const latestLabel = rowLabel(input, time, latest);
  const latestValue = metricText(input, metric, latest[metric.name]);
  const within = input.timeRange ? rangeLabel(input.timeRange, input.language) : '';
  let text: string;
  if (rows.length === 1) {
    text = zh
      ? `${latestLabel} ${label}为 ${latestValue}${baselineClause(input, metric, latest)}。`
      : `${leadingLabel(input, metric.member)} was ${latestValue} in ${latestLabel}${baselineClause(input, metric, latest)}.`;
    return text;
  }
  const before = rows[rows.length - 2]!;
  const delta = toNumber(latest[metric.name])! - toNumber(before[metric.name])!;
  const phrase = changePhrase(delta, columnFormat(input, metric), input.language, {
    currency: input.currency,
  });
  const beforeLabel = rowLabel(input, time, before);
  text = zh
    ? `${within ? `${within}内，` : ''}${label}最新一期（${latestLabel}）为 ${latestValue}，较前一期（${beforeLabel}）${phrase}${verdict(input, metric, delta)}。`
    : `${leadingLabel(input, metric.member)} was ${latestValue} in ${latestLabel}, the latest period, ${phrase} on ${beforeLabel}${verdict(input, metric, delta)}.`;
  if (rows.length >= 3) {
    const ranked = rankedRows(rows, metric.name);
    const peak = ranked[0]!;
    const trough = ranked[ranked.length - 1]!;
    const peakText = `${metricText(input, metric, peak[metric.name])}`;
    const troughText = `${metricText(input, metric, trough[metric.name])}`;
    text += zh
      ? `期间最高为 ${rowLabel(input, time, peak)} 的 ${peakText}，最低为 ${rowLabel(input, time, trough)} 的 ${troughText}。`
      : ` Over ${rows.length} periods it peaked at ${peakText} in ${rowLabel(input, time, peak)} and was lowest at ${troughText} in ${rowLabel(input, time, trough)}.`;
  }
  const compared = baselineClause(input, metric, latest);
  if (compared) {
    text += zh
      ? `${latestLabel} ${compared.replace(/^，/, '')}。`
      : ` In ${latestLabel}, ${label} was ${latestValue}${compared}.`;
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
  const zh = input.language === 'zh';
  const rows = byTime(input.rows, time);
  const latestKey = String(rows[rows.length - 1]![time.name]);
  const latest = rankedRows(
    rows.filter((r) => String(r[time.name]) === latestKey),
    metric.name,
  );
  const label = inlineLabel(input, metric.member);
  if (latest.length === 0) {
    return zh
      ? `所选范围内${label}没有可计算的值。`
      : `No ${label} values could be computed for this selection.`;
  }
  const when = rowLabel(input, time, latest[0]!);
  const top = latest[0]!;
  const bottom = latest[latest.length - 1]!;
  const by = columnLabel(input, series);
  const topText = `${rowLabel(input, series, top)}（${metricText(input, metric, top[metric.name])}）`;
  const bottomText = `${rowLabel(input, series, bottom)}（${metricText(input, metric, bottom[metric.name])}）`;
  if (latest.length === 1) {
    return zh
      ? `${when} ${topText.replace('（', '的' + label + '为 ').replace('）', '')}。`
      : `In ${when}, ${label} for ${rowLabel(input, series, top)} was ${metricText(input, metric, top[metric.name])}.`;
  }
  return zh
    ? `最新一期（${when}）按${by}看，${label}最高的是${topText}，最低的是${bottomText}。`
    : `In the latest period (${when}), ${label} by ${by.toLowerCase()} was highest for ${rowLabel(input, series, top)} (${metricText(input, metric, top[metric.name])}) and lowest for ${rowLabel(input, series, bottom)} (${metricText(input, metric, bottom[metric.name])}).`;
}
