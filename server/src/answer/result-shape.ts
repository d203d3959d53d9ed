import type { Bilingual, Lang } from '../../../semantic-layer/src/catalog.ts';
import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import { answerMessage } from './answer-messages.ts';
import type { ValueFormat } from './format.ts';
import type { PresentationInput } from './presentation-input.ts';

/**
 * Reads a result's columns: which are time, dimensions, metrics and comparison columns, and their labels
 * and formats in the question's language. Shared by the table, chart and narrative.
 */

/** Default labels of columns produced by analyses, used when `members` has none for them. */
const ANALYSIS_LABELS: Record<string, Bilingual> = {
  rr: { zh: '相对风险', en: 'Relative risk' },
  rr_low: { zh: '置信下限', en: 'CI low' },
  rr_high: { zh: '置信上限', en: 'CI high' },
  segment: { zh: '细分', en: 'Segment' },
  mix: { zh: '结构效应', en: 'Mix effect' },
  rate: { zh: '比率效应', en: 'Rate effect' },
  total: { zh: '合计贡献', en: 'Total contribution' },
  cohort: { zh: '同期群', en: 'Cohort' },
  period_number: { zh: '第几期', en: 'Period' },
  cohort_size: { zh: '群组人数', en: 'Cohort size' },
  retained: { zh: '留存人数', en: 'Retained' },
  share: { zh: '占比', en: 'Share' },
  reason: { zh: '原因', en: 'Reason' },
  factor: { zh: '因素', en: 'Factor' },
};

const GRAIN_LABELS: Record<string, Bilingual> = {
  day: { zh: '日期', en: 'Date' },
  week: { zh: '周', en: 'Week' },
  month: { zh: '月份', en: 'Month' },
  quarter: { zh: '季度', en: 'Quarter' },
  year: { zh: '年份', en: 'Year' },
};

/** A time grain's name (季度, Quarter); the grain itself when unknown. */
export const grainLabel = (grain: string, lang: Lang): string => GRAIN_LABELS[grain]?.[lang] ?? grain;

/** The result's columns grouped by what they are. */
export interface ResultShape {
  time: CompiledColumn | undefined;
  dimensions: CompiledColumn[];
  metrics: CompiledColumn[];
  comparisons: CompiledColumn[];
}

/** Splits the columns by kind. */
export function resultShape(columns: CompiledColumn[]): ResultShape {
  return {
    time: columns.find((c) => c.kind === 'time'),
    dimensions: columns.filter((c) => c.kind === 'dimension'),
    metrics: columns.filter((c) => c.kind === 'metric'),
    comparisons: columns.filter((c) => c.kind === 'comparison'),
  };
}

/** The comparison column of a metric with the given role, if the result has one. */
export function comparisonColumn(
  columns: CompiledColumn[],
  metric: string,
  role: 'previous' | 'change' | 'change_pct',
): CompiledColumn | undefined {
  return columns.find((c) => c.kind === 'comparison' && c.member === metric && c.role === role);
}

/** A member's label in the question's language, falling back to analysis defaults and then the id. */
export function memberLabel(input: PresentationInput, member: string): string {
  const label = input.members[member]?.label ?? ANALYSIS_LABELS[member];
  return label ? label[input.language] : member.replaceAll('_', ' ');
}

/** The label of a stored dimension value (its code when the model has no label for it). */
export function valueLabel(input: PresentationInput, member: string, value: unknown): string {
  if (value === null || value === undefined) return answerMessage('value.none', input.language);
  const key = String(value);
  return input.members[member]?.values?.[key]?.[input.language] ?? key;
}

/** The wording of the comparison baseline: "上期" / "Previous" or "去年同期" / "Same period last year". */
export function baselineLabel(lang: Lang, compare: PresentationInput['compare']): string {
  return answerMessage(
    compare === 'same_period_last_year' ? 'baseline.last_year' : 'baseline.previous',
    lang,
  );
}

/** A column's header in the question's language. */
export function columnLabel(input: PresentationInput, column: CompiledColumn): string {
  const lang = input.language;
  if (column.kind === 'time') {
    const byGrain = input.grain ? GRAIN_LABELS[input.grain] : undefined;
    return byGrain ? byGrain[lang] : memberLabel(input, column.member);
  }
  if (column.kind !== 'comparison') return memberLabel(input, column.member);
  const role =
    column.role === 'previous'
      ? baselineLabel(lang, input.compare)
      : answerMessage(column.role === 'change' ? 'column.change' : 'column.change_pct', lang);
  const compared = new Set(input.columns.filter((c) => c.kind === 'comparison').map((c) => c.member));
  return compared.size > 1 ? `${memberLabel(input, column.member)} · ${role}` : role;
}

/** The display format of a column's values. */
export function columnFormat(input: PresentationInput, column: CompiledColumn): ValueFormat | undefined {
  const format = input.members[column.member]?.format;
  if (column.kind !== 'comparison') return format;
  if (column.role === 'change_pct') return 'percent';
  if (column.role === 'change' && format === 'percent') return 'percent_points';
  return format;
}

/** true when a lower value of the metric is better. */
export function lowerIsBetter(input: PresentationInput, metric: string): boolean {
  return input.members[metric]?.lowerIsBetter === true;
}
