/** Parts of the members read from a question: the pieces a clarify carries, the groupings, a follow-up's grouping. */
import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { Intent } from '../../answer/answer-schema.ts';
import type { ConversationState } from '../conversation.ts';
import { ANALYSIS_INTENT_SET } from '../interpretation.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import type { QuestionParts } from './clarify.ts';
import type { Members } from './members.ts';
import { say } from './messages.ts';

/** The time words, values and groupings of a question, to carry into the readings offered. */
export function questionParts(analysis: QuestionAnalysis, members: Members): QuestionParts {
  const text = (s: { start: number; end: number }) => analysis.original.slice(s.start, s.end);
  return {
    time: analysis.timeTokens.map(text),
    values: members.valueMatches.map(text),
    groupings: analysis.matches
      .filter((m) => m.targets.length === 1 && m.targets[0].target.kind === 'dimension')
      .filter((m) => members.groupedBy.has((m.targets[0].target as { id: string }).id))
      .map(text),
  };
}

/** Group-by dimensions: all named ones for plain queries; only 按/by ones (and compared ones) for analyses. */
export function dimensionsFor(intent: Intent, members: Members, total: boolean): string[] {
  const compared = total
    ? []
    : [...members.valuesByDimension.entries()]
        .filter(([d, v]) => v.length >= 2 && !members.unions?.has(d))
        .map(([d]) => d);
  const dims = ANALYSIS_INTENT_SET.has(intent)
    ? members.dimensions.filter((d) => members.groupedBy.has(d))
    : members.dimensions;
  return [...new Set([...dims, ...compared])];
}

/**
 * "what about by channel?" after an answer: a grouping word several dimensions share, in a follow-up
 * that names no metric, is read as the first of them (catalog order) and said with the others in the
 * assumptions, rather than asking back mid-conversation. Returns that assumption, or undefined.
 */
export function followUpGrouping(
  members: Members,
  previous: ConversationState | undefined,
  catalog: Catalog,
  lang: Lang,
): string | undefined {
  const ambiguity = members.ambiguities[0];
  if (!ambiguity || members.ambiguities.length > 1 || members.metrics.length > 0) return undefined;
  if (previous?.lastQuery?.model !== catalog.model) return undefined;
  const allowed = new Set(
    previous.lastQuery.metrics.flatMap((id) => catalog.metrics.find((m) => m.id === id)?.dimensions ?? []),
  );
  const dims = ambiguity.targets.flatMap((t) => (t.kind === 'dimension' && allowed.has(t.id) ? [t.id] : []));
  if (dims.length !== ambiguity.targets.length) return undefined;
  members.dimensions.push(dims[0]);
  members.groupedBy.add(dims[0]);
  const label = (id: string) => catalog.dimensions.find((d) => d.id === id)!.label[lang];
  return say.groupingReading(ambiguity.match.text, label(dims[0]), dims.slice(1).map(label), lang);
}
