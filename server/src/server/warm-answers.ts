/**
 * Warms the answers users ask first, in the background after a model version is activated (after the
 * risk model, so the two never compete): the home page's example questions in both languages, then the
 * follow-ups their answers suggest ("why?", "who is at risk?"), answered one at a time for an
 * unrestricted user. Their analyses land in the analysis cache and their queries in the engine's result
 * cache, both keyed by the data and the model version, so the first askers read them instead of waiting for a
 * whole-population analysis each. Bounded by `max` questions; readiness never waits for it; a failure
 * is logged and the rest goes on; an aborted `signal` (shutdown) stops it after the question in flight.
 */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { RunAnalysis } from '../analysis/analysis-contract.ts';
import type { ConversationState } from '../ask/conversation.ts';
import { exampleQuestions } from '../http/routes/example-questions.ts';
import type { ActiveModel } from '../models/model-registry.ts';
import { answerQuestion } from '../pipeline/answer-question.ts';

/** At most this many questions are answered ahead of the users. */
export const WARM_QUESTIONS = 24;

export async function warmAnswers(
  active: ActiveModel,
  runAnalysis: RunAnalysis,
  log: (line: string) => void,
  max = WARM_QUESTIONS,
  signal?: AbortSignal,
): Promise<{ asked: number; seconds: number }> {
  const started = performance.now();
  const examples = exampleQuestions(active.runtime.catalog);
  // A suggestion is a follow-up: asked in the conversation of the answer that offered it.
  const queue: { question: string; language: Lang; previous?: ConversationState }[] = [
    ...examples.zh.map((question) => ({ question, language: 'zh' as const })),
    ...examples.en.map((question) => ({ question, language: 'en' as const })),
  ];
  const seen = new Set(queue.map((q) => q.question));
  let asked = 0;
  // Shutdown aborts between questions, so no query is left running while the engine closes.
  while (queue.length && asked < max && !signal?.aborted) {
    const { previous, ...turn } = queue.shift()!;
    asked++;
    try {
      const { answer, state } = await answerQuestion(
        { llm: null, runAnalysis },
        { active, turn, previous, conversationId: 'warm-answers' },
      );
      for (const question of answer.suggestions)
        if (!seen.has(question)) {
          seen.add(question);
          queue.push({ question, language: turn.language, previous: state });
        }
    } catch (err) {
      log(`warm-up of "${turn.question}" failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  log(
    `model ${active.runtime.model.id}: ${asked} example questions and follow-ups answered ahead in ${seconds.toFixed(1)} s`,
  );
  return { asked, seconds };
}
