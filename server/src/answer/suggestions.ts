import { toNumber } from './format.ts';
import { inlineLabel, leadingLabel, rankedRows, rowLabel } from './narrative-words.ts';
import type { AvailableDimension, PresentationInput } from './presentation-input.ts';
import { comparisonColumn, resultShape } from './result-shape.ts';

/** Phrases of follow-up questions, worded so the interpreters can read them back as questions. */
const WORDS = {
  zh: {
    by: (m: string, d: string) => `按${d}看${m}`,
    trend: (m: string) => `${m}的趋势`,
    why: (m: string) => `${m}为什么变化？`,
    whyMoved: (m: string, up: boolean) => `为什么${m}${up ? '上升' : '下降'}？`,
    lastYear: (m: string) => `${m}和去年同期比较`,
    drillBy: (m: string, v: string, d: string) => `${v}按${d}看${m}`,
    drillTrend: (m: string, v: string) => `${v}的${m}趋势`,
    whyTop: (m: string, v: string) => `为什么${v}的${m}最高？`,
    atRisk: '哪些客户有流失风险？',
    actions: '有什么挽留建议？',
    reasons: '客户流失的主要原因是什么？',
    reasonsBy: (d: string) => `按${d}看流失原因`,
    /** The metric at the head of a question (inline label `m`, or the leading one `M`). */
    subject: (m: string, _M: string) => m,
    trendSubject: (m: string, _M: string) => `${m}趋势`,
  },
  en: {
    by: (m: string, d: string) => `${m} by ${d.toLowerCase()}`,
    trend: (m: string) => `Show the ${m} trend`,
    why: (m: string) => `Why did ${m} change?`,
    whyMoved: (m: string, up: boolean) => `Why did ${m} ${up ? 'rise' : 'fall'}?`,
    lastYear: (m: string) => `Compare ${m} with the same period last year`,
    drillBy: (m: string, v: string, d: string) => `${m} in ${v} by ${d.toLowerCase()}`,
    drillTrend: (m: string, v: string) => `${m} trend in ${v}`,
    whyTop: (m: string, v: string) => `Why is ${m} highest in ${v}?`,
    atRisk: 'Which customers are at risk of churning?',
    actions: 'What retention actions do you suggest?',
    reasons: 'What are the main reasons for churn?',
    reasonsBy: (d: string) => `Churn reasons by ${d.toLowerCase()}`,
    subject: (_m: string, M: string) => M,
    trendSubject: (_m: string, M: string) => `${M} trend`,
  },
};

/**
 * Three follow-up questions in the question's language, from the intent and the result's shape:
 * after a metric, split it, trend it, ask why; after a breakdown, drill into the top value; after a
 * trend, compare with last year. `availableDimensions` are the model's candidates for the next split.
 */
export function suggestionsFor(
  input: PresentationInput,
  availableDimensions: AvailableDimension[],
): string[] {
  const w = WORDS[input.language];
  const { time, dimensions, metrics } = resultShape(input.columns);
  const metric = metrics[0];
  const used = new Set(dimensions.map((d) => d.member));
  const next = availableDimensions.find((d) => !used.has(d.id));
  const m = metric ? inlineLabel(input, metric.member) : '';
  const M = metric ? leadingLabel(input, metric.member) : '';
  const split = (label: string) => (next ? w.by(w.subject(label, M), next.label) : w.lastYear(label));
  let out: string[];
  switch (input.intent) {
    case 'reasons':
      out = [w.atRisk, w.actions, next ? w.reasonsBy(next.label) : w.trend(m)];
      break;
    case 'drivers':
      out = [w.atRisk, w.actions, w.reasons];
      break;
    case 'risk_list':
      out = [w.actions, w.reasons, next && m ? split(m) : w.atRisk];
      break;
    case 'decomposition':
    case 'cohorts':
    case 'survival':
    case 'segments':
    case 'campaign_outcomes':
    case 'customer_profile':
      out = [w.reasons, w.atRisk, w.actions];
      break;
    default:
      out = metric ? queryFollowUps(input, next, w, m, M) : [w.reasons, w.atRisk, w.actions];
  }
  // Pad from generic follow-ups when a template could not fill all three distinct slots.
  const unique = [...new Set(out.filter(Boolean))];
  for (const extra of [w.reasons, w.atRisk, w.actions])
    if (unique.length < 3 && !unique.includes(extra)) unique.push(extra);
  return unique.slice(0, 3);

  function queryFollowUps(
    inp: PresentationInput,
    nextDim: AvailableDimension | undefined,
    words: (typeof WORDS)['zh'],
    label: string,
    leading: string,
  ): string[] {
    const main = metric!;
    const whyText = (() => {
      const change = comparisonColumn(inp.columns, main.member, 'change');
      const delta = change && inp.rows.length === 1 ? toNumber(inp.rows[0]![change.name]) : null;
      return delta ? words.whyMoved(label, delta > 0) : words.why(label);
    })();
    if (time && dimensions.length === 0) {
      return [
        inp.compare === 'same_period_last_year' ? words.why(label) : words.lastYear(label),
        nextDim ? words.by(words.trendSubject(label, leading), nextDim.label) : words.why(label),
        whyText,
      ];
    }
    if (dimensions.length > 0 && inp.rows.length > 0) {
      const top = rankedRows(inp.rows, main.name)[0];
      const dim = dimensions[0]!;
      if (top) {
        const value = rowLabel(inp, dim, top);
        return [
          nextDim
            ? words.drillBy(words.subject(label, leading), value, nextDim.label)
            : words.drillTrend(label, value),
          words.drillTrend(words.subject(label, leading), value),
          words.whyTop(label, value),
        ];
      }
    }
    return [split(label), words.trend(label), whyText];
  }
}
