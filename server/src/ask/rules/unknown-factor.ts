import { FACTOR_WORDS } from '../lexicon/generic-words.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import type { Members } from './members.ts';

/** A drivers cue that relates a named factor to the outcome ("X 对流失有没有影响", "does X drive churn"). */
const RELATION =
  /有没有影响|有影响|影响大吗|有关系|有没有关系|有关吗|相关吗|有关联|有没有关联|drive|affect|anything to do|related|linked|correlated|matter/;

/**
 * "不同供应商对客户流失有没有影响": the factor asked about is not in the data, and the drivers of churn over the
 * known factors would answer another question, so its words are asked back. Generic factor words ("which
 * features / 哪些因素 drive churn") ask about the factors in general and leave the unknown terms here.
 */
export function unknownFactorWords(
  analysis: QuestionAnalysis,
  intent: string,
  members: Members,
): QuestionAnalysis['unknown'] {
  const relation = analysis.cues.find(
    (c) => c.cue === 'drivers' && RELATION.test(analysis.original.slice(c.start, c.end).toLowerCase()),
  );
  analysis.unknown = analysis.unknown.filter(
    (t) => intent !== 'drivers' || !FACTOR_WORDS.has(t.text.trim().toLowerCase()),
  );
  const factorWords = relation
    ? analysis.unknown.filter((t) => t.end <= relation.start && /\p{Script=Han}{2,}|[a-z]{4,}/iu.test(t.text))
    : [];
  const factorNamed = members.dimensions.length > 0 || members.filters.length > 0;
  return intent === 'drivers' && !factorNamed ? factorWords : [];
}
