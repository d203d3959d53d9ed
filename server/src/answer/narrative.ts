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
      return answerMessage('metric.value', input.language, {
        prefix: i === 0 ? periodPrefix(input) : '',
        suffix: i === 0 ? periodSuffix(input) : '',
        label: inlineLabel(input, m.member),
        leading: leadingLabel(input, m.member),
        value: metricText(input, m, row[m.name]),
        baseline: baselineClause(input, m, row),
      });
    })
    .join(answerMessage('sentence.separator', input.language));
}

/** Says what was asked when nothing matched, so the user can widen the question. */
function emptyNarrative(input: PresentationInput): string {
  const { metrics, dimensions } = resultShape(input.columns);
  const lang = input.language;
  const what = listText(
    metrics.map((m) => inlineLabel(input, m.member)),
    lang,
  );
  const by = dimensions.map((d) => columnLabel(input, d)).join(answerMessage('list.and', lang));
  const byText = by ? answerMessage('empty.by', lang, { by, by_lower: by.toLowerCase() }) : '';
  const period = input.timeRange
    ? answerMessage('empty.period', lang, {
        prefix: periodPrefix(input).trim(),
        phrase: rangePhrase(input.timeRange, lang),
      })
    : '';
  const scope = [period, byText].filter(Boolean).join(answerMessage('empty.scope_separator', lang));
  return answerMessage('empty.narrative', lang, {
    what: what || answerMessage('empty.metric', lang),
    scope: scope ? answerMessage('empty.scope', lang, { scope }) : '',
    by: byText,
    period,
  });
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
