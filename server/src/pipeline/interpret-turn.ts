import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import { resolveQuery } from '../../../semantic-layer/src/resolve-query.ts';
import type { Intent } from '../answer/answer-schema.ts';
import type { ConversationState } from '../ask/conversation.ts';
import { ANALYSIS_INTENT_SET, type Interpretation } from '../ask/interpretation.ts';
import { interpretWithFallback } from '../ask/llm/fallback.ts';
import type { LlmConfig } from '../ask/llm/llm-from-env.ts';
import { interpretWithLlm } from '../ask/llm/llm-interpreter.ts';
import { interpretWithRules } from '../ask/rules-interpreter.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';

/** A question in words, or an interpretation the user edited (chips) to run as is. */
export type TurnInput =
  | { question: string; language?: Lang }
  | { query: SemanticQueryInput; intent?: Intent; language: Lang };

export interface InterpretedTurn {
  interpretation: Interpretation;
  interpreter: 'rules' | 'llm';
  promptVersion?: string;
  defaultedRange: boolean;
  /** Set when an LLM was configured but the rules interpreter answered. */
  fallback: string | null;
}

/** Interprets a turn with the LLM when configured (falling back to the rules), or takes an edited query. */
export async function interpretTurn(
  runtime: ModelRuntime,
  input: TurnInput,
  previous: ConversationState | undefined,
  llm: LlmConfig | null,
): Promise<InterpretedTurn> {
  if ('query' in input) return editedTurn(input, previous);
  const { catalog, asOf, model } = runtime;
  const rules = () => interpretWithRules({ question: input.question, catalog, asOf, previous });
  const llmFn = llm
    ? () =>
        interpretWithLlm({
          question: input.question,
          catalog,
          asOf,
          previous,
          client: llm.client,
          model: llm.model,
          timeoutMs: llm.timeoutMs,
          stream: llm.stream,
          resolve: (q) => {
            const r = resolveQuery(model, q, {});
            return r.ok ? r.warnings : r.issues;
          },
        })
    : null;
  const answered = await interpretWithFallback(rules, llmFn);
  if (answered.interpreter === 'llm')
    return {
      interpretation: answered.interpretation,
      interpreter: 'llm',
      promptVersion: answered.interpretation.promptVersion,
      defaultedRange: false,
      fallback: null,
    };
  return {
    interpretation: answered.interpretation,
    interpreter: 'rules',
    defaultedRange: answered.interpretation.defaultedRange === true,
    fallback: answered.fallback ? `${answered.fallback.reason}: ${answered.fallback.detail}` : null,
  };
}

function editedTurn(
  input: { query: SemanticQueryInput; intent?: Intent; language: Lang },
  previous: ConversationState | undefined,
): InterpretedTurn {
  const intent = input.intent ?? defaultIntent(input.query, previous);
  return {
    interpretation: {
      kind: ANALYSIS_INTENT_SET.has(intent) ? 'analysis' : 'query',
      intent,
      language: input.language,
      query: input.query,
      assumptions: [],
      understood: [],
      unknownTerms: [],
    },
    interpreter: 'rules',
    defaultedRange: false,
    fallback: null,
  };
}

/** The intent an edited query reads as, keeping the previous analysis when the user only changed chips. */
function defaultIntent(query: SemanticQueryInput, previous: ConversationState | undefined): Intent {
  if (previous?.lastIntent && ANALYSIS_INTENT_SET.has(previous.lastIntent)) return previous.lastIntent;
  if (query.time) return 'trend';
  if (query.compare) return 'comparison';
  if ((query.dimensions ?? []).length > 0) return 'breakdown';
  return 'metric';
}
