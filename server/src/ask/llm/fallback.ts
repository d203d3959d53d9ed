import type { Interpretation } from '../interpretation.ts';
import type { LlmFailureReason, LlmInterpretation, LlmOutcome } from './llm-interpreter.ts';

/** Why the rules interpreter answered although an LLM was configured. */
export interface FallbackNote {
  reason: LlmFailureReason | 'internal_error';
  detail: string;
}

/** Which interpreter answered; `fallback` is set only when the LLM was tried and failed. */
export type AnsweredInterpretation<R extends Interpretation> =
  | { interpreter: 'llm'; interpretation: LlmInterpretation; fallback: null }
  | { interpreter: 'rules'; interpretation: R & { interpreter: 'rules' }; fallback: FallbackNote | null };

/**
 * Tries the LLM interpreter (when configured) and falls back to the rules interpreter on any
 * failure, saying why; the rules interpreter alone answers when no LLM is configured.
 * @example await interpretWithFallback(() => interpretWithRules(input), llm ? () => interpretWithLlm({...}) : null)
 */
export async function interpretWithFallback<R extends Interpretation>(
  rulesFn: () => R | Promise<R>,
  llmFn: (() => Promise<LlmOutcome>) | null,
): Promise<AnsweredInterpretation<R>> {
  let fallback: FallbackNote | null = null;
  if (llmFn) {
    let outcome: LlmOutcome;
    try {
      outcome = await llmFn();
    } catch (error) {
      // A bug on the LLM path must not cost the user an answer the offline interpreter can give.
      outcome = {
        ok: false,
        reason: 'response_error',
        promptVersion: '',
        detail: error instanceof Error ? error.message : String(error),
      };
      fallback = { reason: 'internal_error', detail: outcome.detail };
    }
    if (outcome.ok) return { interpreter: 'llm', interpretation: outcome.interpretation, fallback: null };
    fallback ??= { reason: outcome.reason, detail: outcome.detail };
  }
  const interpretation = await rulesFn();
  return { interpreter: 'rules', interpretation: { ...interpretation, interpreter: 'rules' }, fallback };
}
