import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import { answerMessage } from './answer-messages.ts';
import {
  changeDirection,
  changeFormat,
  changePhrase,
  formatValue,
  relativeChange,
  toNumber,
} from './format.ts';
import { periodLabel, rangeLabel, rangePhrase } from './period-label.ts';
import type { PresentationInput } from './presentation-input.ts';
import { columnFormat, comparisonColumn, memberLabel, valueLabel } from './result-shape.ts';

/** Phrases shared by the narrative templates; every number they print is read from the rows. */

/** A metric value as a narrative prints it (万/亿 in Chinese, M/B in English for large amounts). */
export function metricText(input: PresentationInput, column: CompiledColumn, value: unknown): string {
  return formatValue(value, columnFormat(input, column), input.language, {
    style: 'compact',
    currency: input.currency,
  });
}

/** The size of a gap between two values of a metric ("7.1 个百分点", "¥1.2万"). */
export function gapText(input: PresentationInput, column: CompiledColumn, gap: number): string {
  const format = changeFormat(columnFormat(input, column));
  return formatValue(Math.abs(gap), format, input.language, { style: 'compact', currency: input.currency });
}

/** "（恶化）"-style verdict: worse when a lower-is-better metric rises; nothing when direction is unknown. */
export function verdict(input: PresentationInput, column: CompiledColumn, delta: number): string {
  const lower = input.members[column.member]?.lowerIsBetter;
  const direction = changeDirection(delta, columnFormat(input, column), input.language);
  if (lower === undefined || direction === 'flat') return '';
  const better = (direction === 'down') === lower;
  return answerMessage(better ? 'verdict.better' : 'verdict.worse', input.language);
}

/** A metric's label for use inside an English sentence ("churn rate"); Chinese labels unchanged. */
export function inlineLabel(input: PresentationInput, member: string): string {
  const label = memberLabel(input, member);
  return input.language === 'en' && !/^[A-Z]{2,}/.test(label) ? label.toLowerCase() : label;
}

/** A metric's label at the start of a sentence. */
export function leadingLabel(input: PresentationInput, member: string): string {
  const label = memberLabel(input, member);
  return input.language === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** The queried period as a sentence prefix (zh: "2026年Q3 ") or suffix (en: " in 2026 Q3"). */
export function periodPrefix(input: PresentationInput): string {
  const range = input.timeRange;
  return range
    ? answerMessage('period.prefix', input.language, { label: rangeLabel(range, input.language) })
    : '';
}
export function periodSuffix(input: PresentationInput): string {
  const range = input.timeRange;
  return range
    ? answerMessage('period.suffix', input.language, { phrase: rangePhrase(range, input.language) })
    : '';
}

/** The label of a row's value in a dimension or time column. */
export function rowLabel(
  input: PresentationInput,
  column: CompiledColumn,
  row: Record<string, unknown>,
): string {
  if (column.kind === 'time') return periodLabel(row[column.name], input.grain, input.language);
  const label = valueLabel(input, column.member, row[column.name]);
  // a yes-no trait's value alone ("否", "No") says nothing in a sentence: "用券客户：否"
  return BARE_YES_NO.has(label)
    ? answerMessage('value.of_trait', input.language, {
        dimension: memberLabel(input, column.member),
        value: label,
      })
    : label;
}

const BARE_YES_NO = new Set(['是', '否', '有', '无', 'Yes', 'No', 'yes', 'no']);

/**
 * The comparison with the baseline for one row, when the result has comparison columns:
 * zh "，较上期（10.2%）上升 2.1 个百分点，有所恶化" / en ", up 2.1 pp on the previous period (10.2%) (worse)".
 */
export function baselineClause(
  input: PresentationInput,
  metric: CompiledColumn,
  row: Record<string, unknown>,
): string {
  const prevColumn = comparisonColumn(input.columns, metric.member, 'previous');
  if (!prevColumn) return '';
  const lang = input.language;
  const base = answerMessage(
    input.compare === 'same_period_last_year' ? 'baseline.last_year.inline' : 'baseline.previous.inline',
    lang,
  );
  const previous = toNumber(row[prevColumn.name]);
  const current = toNumber(row[metric.name]);
  if (previous === null || current === null) return answerMessage('clause.no_baseline', lang, { base });
  const changeColumn = comparisonColumn(input.columns, metric.member, 'change');
  const delta = (changeColumn ? toNumber(row[changeColumn.name]) : null) ?? current - previous;
  const prevText = metricText(input, metric, previous);
  const phrase = changePhrase(delta, columnFormat(input, metric), input.language, {
    currency: input.currency,
  });
  if (changeDirection(delta, columnFormat(input, metric), input.language) === 'flat') {
    return answerMessage('clause.unchanged', lang, { base, previous: prevText });
  }
  const pctColumn = comparisonColumn(input.columns, metric.member, 'change_pct');
  const relative =
    columnFormat(input, metric) !== 'percent' && pctColumn
      ? relativeChange(row[pctColumn.name], input.language)
      : null;
  return answerMessage('clause.change', lang, {
    base,
    previous: prevText,
    phrase,
    relative: relative ? answerMessage('clause.relative', lang, { relative }) : '',
    verdict: verdict(input, metric, delta),
  });
}

/** Joins items as a list: "A、B 和 C" / "A, B and C". */
export function listText(items: string[], lang: 'zh' | 'en'): string {
  return joinedText(items, answerMessage('list.separator', lang), answerMessage('list.and', lang));
}

/** Items joined by `separator`, the last by `and` ("a, b and c"). */
export function joinedText(items: string[], separator: string, and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)}${and}${items[items.length - 1]}`;
}

/** Rows with a numeric value in the column, highest first. */
export function rankedRows(rows: Record<string, unknown>[], name: string): Record<string, unknown>[] {
  return rows
    .filter((r) => toNumber(r[name]) !== null)
    .sort((a, b) => (toNumber(b[name]) ?? 0) - (toNumber(a[name]) ?? 0));
}
