import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import { answerMessage } from './answer-messages.ts';
import { cohortsNarrative, decompositionNarrative, driversNarrative } from './narrative-analysis.ts';
import { breakdownNarrative, reasonsNarrative } from './narrative-breakdown.ts';
import { seriesTrendNarrative, trendNarrative } from './narrative-trend.ts';
import {
  baselineClause,
  inlineLabel,
  leadingLabel,
  listText,
  metricText,
  periodPrefix,
  periodSuffix,
} from './narrative-words.ts';
import { rangePhrase } from './period-label.ts';
import type { PresentationInput } from './presentation-input.ts';
import { columnLabel, resultShape } from './result-shape.ts';

/** The headline of a single-row result: each metric's value and its change against the baseline. */
function metricNarrative(input: PresentationInput, metrics: CompiledColumn[]): string {
  const row = input.rows[0]!;
  return metrics
    .slice(0, 4)
    .map((m, i) => {
      const value = metricText(input, m, row[m.name]);
      if (input.language === 'zh') {
        return `${i === 0 ? periodPrefix(input) : ''}${inlineLabel(input, m.member)}为 ${value}${baselineClause(input, m, row)}。`;
      }
      return `${leadingLabel(input, m.member)} was ${value}${i === 0 ? periodSuffix(input) : ''}${baselineClause(input, m, row)}.`;
    })
    .join(answerMessage('sentence.separator', input.language));
}

/** Says what was asked when nothing matched, so the user can widen the question. */
function emptyNarrative(input: PresentationInput): string {
  const { metrics, dimensions } = resultShape(input.columns);
  const zh = input.language === 'zh';
  const what = listText(
    metrics.map((m) => inlineLabel(input, m.member)),
    input.language,
  );
  const by = dimensions.map((d) => columnLabel(input, d));
  if (zh) {
    const period = input.timeRange ? `${periodPrefix(input).trim()}` : '';
    const scope = [period, by.length ? `按${by.join('和')}` : ''].filter(Boolean).join('、');
    return `没有找到符合条件的数据（${scope ? `${scope}的` : ''}${what || '所问指标'}）。可以放宽时间范围或筛选条件再试。`;
  }
  const byText = by.length ? ` by ${by.join(' and ').toLowerCase()}` : '';
  const period = input.timeRange ? ` ${rangePhrase(input.timeRange, 'en')}` : '';
  return `No data for this selection (${what || 'the requested metric'}${byText}${period}). Try a wider time range or fewer filters.`;
}

/**
 * The narrative of a result in the question's language, built by templates from the rows alone:
 * every number it states is a value of the rows (or a difference of two of them).
 * @example narrativeFor(input) // "2026年Q3 流失率为 12.3%，较上期（10.2%）上升 2.1 个百分点，有所恶化。"
 */
export function narrativeFor(input: PresentationInput): string {
  if (input.rows.length === 0) return emptyNarrative(input);
  const names = new Set(input.columns.map((c) => c.name));
  if (names.has('rr') && names.has('rr_low') && names.has('rr_high')) return driversNarrative(input);
  if (names.has('segment') && names.has('total')) return decompositionNarrative(input);
  if (names.has('cohort') && names.has('period_number')) return cohortsNarrative(input);
  const { time, dimensions, metrics } = resultShape(input.columns);
  const metric = metrics[0];
  if (!metric) return '';
  if (input.intent === 'reasons' && dimensions[0]) return reasonsNarrative(input, dimensions[0], metric);
  if (time && dimensions.length === 0) return trendNarrative(input, time, metric);
  if (time && dimensions[0]) return seriesTrendNarrative(input, time, dimensions[0], metric);
  if (dimensions.length > 0) return breakdownNarrative(input, dimensions, metric);
  return metricNarrative(input, metrics);
}
