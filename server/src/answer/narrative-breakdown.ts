import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import { answerMessage } from './answer-messages.ts';
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
  const lang = input.language;
  const ranked = rankedRows(input.rows, metric.name);
  const label = inlineLabel(input, metric.member);
  if (ranked.length === 0) return answerMessage('breakdown.no_values', lang, { label });
  // a list of customers (grouped by their id) is not a ranking: "共 3 位客户（流失客户数），名单见下表"
  if (dims[0] && /\bid$/i.test(input.members[dims[0].member]?.label.en ?? ''))
    return answerMessage('breakdown.list', lang, {
      prefix: periodPrefix(input),
      suffix: periodSuffix(input),
      label,
      count: input.rows.length,
    });
  const top = ranked[0]!;
  const bottom = ranked[ranked.length - 1]!;
  const topName = combination(input, dims, top);
  const bottomName = combination(input, dims, bottom);
  const topValue = metricText(input, metric, top[metric.name]);
  const bottomValue = metricText(input, metric, bottom[metric.name]);
  const sentence = {
    prefix: periodPrefix(input),
    suffix: periodSuffix(input),
    label,
    leading: leadingLabel(input, metric.member),
    top: topName,
    topValue,
    bottom: bottomName,
    bottomValue,
  };
  if (ranked.length === 1) {
    return answerMessage('breakdown.one', lang, {
      ...sentence,
      baseline: baselineClause(input, metric, top),
    });
  }
  const gap = gapText(
    input,
    metric,
    (toNumber(top[metric.name]) ?? 0) - (toNumber(bottom[metric.name]) ?? 0),
  );
  let text: string;
  if (input.intent === 'comparison' && ranked.length === 2) {
    text = answerMessage('breakdown.pair', lang, { ...sentence, gap });
  } else {
    const by = dims.map((d) => columnLabel(input, d)).join(answerMessage('list.and', lang));
    text = answerMessage('breakdown.spread', lang, {
      ...sentence,
      gap,
      by,
      by_lower: by.toLowerCase(),
      count: ranked.length,
    });
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
  const base = input.compare === 'same_period_last_year';
  return answerMessage(base ? 'breakdown.mover.last_year' : 'breakdown.mover.previous', input.language, {
    name: combination(input, dims, mover),
    phrase,
  });
}

/** The main reasons by share, in order. */
export function reasonsNarrative(
  input: PresentationInput,
  dim: CompiledColumn,
  metric: CompiledColumn,
): string {
  const lang = input.language;
  const ranked = rankedRows(input.rows, metric.name).slice(0, 3);
  if (ranked.length === 0) return breakdownNarrative(input, [dim], metric);
  const items = ranked.map((r) =>
    answerMessage('reasons.item', lang, {
      name: rowLabel(input, dim, r),
      value: metricText(input, metric, r[metric.name]),
    }),
  );
  const rest =
    items.length > 1
      ? answerMessage('reasons.rest', lang, {
          items: items.slice(1).join(answerMessage('reasons.rest_separator', lang)),
        })
      : '';
  const by = columnLabel(input, dim);
  return answerMessage('reasons.narrative', lang, {
    prefix: periodPrefix(input),
    suffix: periodSuffix(input),
    by,
    by_lower: by.toLowerCase(),
    label: inlineLabel(input, metric.member),
    first: items[0]!,
    rest,
  });
}
