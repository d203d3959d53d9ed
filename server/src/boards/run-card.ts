/**
 * Answers a pinned card (or a shared answer) for the viewer: the stored governed query runs again with the
 * viewer's own row-level-security attributes, never the rows of whoever pinned or shared it.
 */
import { SemanticQuerySchema } from '../../../semantic-layer/src/query.ts';
import type { Answer, Intent } from '../answer/answer-schema.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import { type AnswerDeps, answerQuestion } from '../pipeline/answer-question.ts';
import { type BoardPeriod, withBoardPeriod } from './board-period.ts';

/** A stored interpretation to re-run. */
export interface PinnedQuery {
  model: string;
  query: unknown;
  intent: string;
}

/** The answer to a pinned query for one viewer; null when its model is no longer served. */
export async function answerPinned(
  deps: { registry: ModelRegistry; answerDeps: AnswerDeps },
  pinned: PinnedQuery,
  viewer: { attributes?: Record<string, string[]>; language: 'zh' | 'en'; period?: BoardPeriod | null },
): Promise<Answer | null> {
  if (!deps.registry.has(pinned.model)) return null;
  const active = deps.registry.get(pinned.model);
  const parsed = SemanticQuerySchema.parse(pinned.query);
  const query = withBoardPeriod(parsed, viewer.period, active.runtime.asOf);
  const { answer } = await answerQuestion(deps.answerDeps, {
    active,
    turn: { query, intent: pinned.intent as Intent, language: viewer.language },
    conversationId: '',
    attributes: viewer.attributes,
  });
  return answer;
}
