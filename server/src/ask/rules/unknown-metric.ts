import { ANALYSIS_INTENT_SET, type Interpretation } from '../interpretation.ts';
import { unknownMetricWord } from '../match/word-slots.ts';
import type { QuestionAnalysis } from './analyse-question.ts';

/**
 * "CES score 上个月多少? customer effort score", "bounce rate by channel": the main term is a metric word the
 * catalog lacks (match/word-slots.ts `unknownMetricWord`) and no metric of the catalog was named; a people
 * word beside it ("customer") names none. Then the question asks back with the likeliest metrics, never
 * answering the count of customers or the default metric. Analyses and customer lists pick their own figure.
 */
export function asksUnknownMetric(
  analysis: QuestionAnalysis,
  metricsNamed: readonly string[],
  intent: Interpretation['intent'],
  listed: boolean,
): boolean {
  return (
    metricsNamed.length === 0 &&
    !ANALYSIS_INTENT_SET.has(intent) &&
    !listed &&
    unknownMetricWord(analysis.unknown, analysis.original) !== undefined
  );
}
