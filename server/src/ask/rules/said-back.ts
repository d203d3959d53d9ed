import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import type { Interpretation } from '../interpretation.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { say } from './messages.ts';
import { unansweredAsks } from './two-asks.ts';
import { unaccountedValues } from './words-accounted.ts';

/**
 * What an answer left out of the question, said back: a later ask left unanswered (rules/two-asks.ts) and a
 * value read and lost on the way (rules/words-accounted.ts).
 */
export function sayWhatWasLeft<T extends Interpretation>(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  checked: T,
): T {
  if (checked.kind !== 'query' && checked.kind !== 'analysis') return checked;
  const result = withLostValues(analysis, catalog, checked);
  const asks = unansweredAsks(analysis, catalog, result.query, result.intent);
  if (asks.length === 0) return result;
  return {
    ...result,
    unanswered: asks,
    assumptions: [say.unanswered(asks, result.language), ...result.assumptions],
  };
}

/** A value read and lost on the way is named back in the headline (rules/words-accounted.ts). */
function withLostValues<T extends Interpretation>(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  result: T,
): T {
  if (!result.query) return result;
  const lost = unaccountedValues(analysis, catalog, result.query).map((w) => w.text);
  if (lost.length === 0) return result;
  return {
    ...result,
    unknownTerms: [...result.unknownTerms, ...lost],
    assumptions: [...result.assumptions, say.notApplied(lost, result.language)],
  };
}
