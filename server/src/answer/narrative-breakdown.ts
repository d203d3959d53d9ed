import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import { changePhrase, toNumber } from './format.ts';
import {
  baselineClause,
  gapText,
  inlineLabel,
  leadingLabel,
  metricText,
  periodPrefix,
  periodSuffix,
  rankedRows,
  rowLabel,
} from './narrative-words.ts';
import type { PresentationInput } from './presentation-input.ts';
import { columnFormat, columnLabel, comparisonColumn } from './result-shape.ts';

/** Narratives of results split by categories: the extremes and the spread, or the gap between two. */

function combination(input: PresentationInput, dims: CompiledColumn[], row: Record<string, unknown>): string {
  return dims.map((d) => rowLabel(input, d, row)).join(' · ');
}

/** One metric across the values of one or two dimensions. */
export function breakdownNarrative(
  input: PresentationInput,
  dims: CompiledColumn[],
  metric: CompiledColumn,
): string {
  const zh = input.language === 'zh';
  const ranked = rankedRows(input.rows, metric.name);
  const label = inlineLabel(input, metric.member);
  if (ranked.length === 0) {
    return zh
      ? `所选范围内${label}没有可计算的值。`
      : `No ${label} values could be computed for this selection.`;
  }
  const top = ranked[0]!;
  const bottom = ranked[ranked.length - 1]!;
  const topName = combination(input, dims, top);
  const bottomName = combination(input, dims, bottom);
  const topValue = metricText(input, metric, top[metric.name]);
  const bottomValue = metricText(input, metric, bottom[metric.name]);
  if (ranked.length === 1) {
    return zh
      ? `${periodPrefix(input)}${topName}的${label}为 ${topValue}${baselineClause(input, metric, top)}。`
      : `${leadingLabel(input, metric.member)} for ${topName} was ${topValue}${periodSuffix(input)}${baselineClause(input, metric, top)}.`;
  }
  const gap = gapText(
    input,
    metric,
    (toNumber(top[metric.name]) ?? 0) - (toNumber(bottom[metric.name]) ?? 0),
  );
  let text: string;
  if (input.intent === 'comparison' && ranked.length === 2) {
    text = zh
      ? `${periodPrefix(input)}${topName}的${label}（${topValue}）比${bottomName}（${bottomValue}）高 ${gap}。`
      : `${leadingLabel(input, metric.member)} for ${topName} (${topValue}) was ${gap} higher than for ${bottomName} (${bottomValue})${periodSuffix(input)}.`;
  } else {
    const by = dims.map((d) => columnLabel(input, d));
    const n = ranked.length;
    text = zh
      ? `${periodPrefix(input)}按${by.join('和')}看（共 ${n} 组），${label}最高的是${topName}（${topValue}），最低的是${bottomName}（${bottomValue}），相差 ${gap}。`
      : `${leadingLabel(input, metric.member)} by ${by.join(' and ').toLowerCase()}${periodSuffix(input)}: highest for ${topName} (${topValue}), lowest for ${bottomName} (${bottomValue}), a spread of ${gap} across ${n} groups.`;
  }
  return text + moverSentence(input, dims, metric);
}

/** The group whose value moved most against the baseline, when the result carries a comparison. */
function moverSentence(input: PresentationInput, dims: CompiledColumn[], metric: CompiledColumn): string {
  const change = comparisonColumn(input.columns, metric.member, 'change');
  if (!change) return '';
  const movers = input.rows
    .filter((r) => toNumber(r[change.name]) !== null)
    .sort((a, b) => Math.abs(toNumber(b[change.name])!) - Math.abs(toNumber(a[change.name])!));
  const mover = movers[0];
  if (!mover) return '';
  const delta = toNumber(mover[change.name])!;
  const phrase = changePhrase(delta, columnFormat(input, metric), input.language, {
    currency: input.currency,
  });
  const zh = input.language === 'zh';
  const base = input.compare === 'same_period_last_year';
  const name = combination(input, dims, mover);
  return zh
    ? `较${base ? '去年同期' : '上期'}变化最大的是${name}（${phrase}）。`
    : ` The largest change on ${base ? 'the same period last year' : 'the previous period'} was for ${name} (${phrase}).`;
}

/** The main reasons by share, in order. */
export function reasonsNarrative(
  input: PresentationInput,
  dim: CompiledColumn,
  metric: CompiledColumn,
): string {
  const zh = input.language === 'zh';
  const ranked = rankedRows(input.rows, metric.name).slice(0, 3);
  if (ranked.length === 0) return breakdownNarrative(input, [dim], metric);
  const items = ranked.map(
    (r) => `${rowLabel(input, dim, r)}（${metricText(input, metric, r[metric.name])}）`,
  );
  const itemsEn = ranked.map(
    (r) => `${rowLabel(input, dim, r)} (${metricText(input, metric, r[metric.name])})`,
  );
  if (zh) {
    const rest = items.length > 1 ? `，其次是${items.slice(1).join('、')}` : '';
    return `${periodPrefix(input)}按${columnLabel(input, dim)}看，${inlineLabel(input, metric.member)}最高的是${items[0]}${rest}。`;
  }
  const rest = itemsEn.length > 1 ? `, followed by ${itemsEn.slice(1).join(' and ')}` : '';
  return `By ${columnLabel(input, dim).toLowerCase()}${periodSuffix(input)}, ${inlineLabel(input, metric.member)} is highest for ${itemsEn[0]}${rest}.`;
}
