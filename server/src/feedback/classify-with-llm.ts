import { z } from 'zod';
import { REASON_CODES } from '../canonical/canonical-schema.ts';
import { classifyFeedback, type FeedbackClassification } from './classify-feedback.ts';
import {
  FEEDBACK_PROMPT_VERSION,
  FEEDBACK_RESPONSE_SCHEMA,
  FEEDBACK_SYSTEM_PROMPT,
} from './feedback-prompt.ts';

/** The part of an OpenAI-compatible client this path uses; an `OpenAI` instance from the `openai` package fits. */
export interface ChatCompletionsClient {
  chat: {
    completions: {
      create(
        body: {
          model: string;
          messages: Array<{ role: 'system' | 'user'; content: string }>;
          response_format: {
            type: 'json_schema';
            json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
          };
          temperature?: number;
        },
        options?: { signal?: AbortSignal },
      ): PromiseLike<{ choices: Array<{ message: { content: string | null } }> }>;
    };
  };
}

/** Options of {@link classifyWithLlm}. */
export interface LlmClassifyOptions {
  /** Texts per request (default 20). */
  batchSize?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
}

/** A classification that says whether the LLM or the lexicon fallback decided it. */
export interface LlmFeedbackClassification extends FeedbackClassification {
  source: 'llm' | 'lexicon';
}

const LlmResponse = z.object({
  items: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      topic: z.enum(REASON_CODES),
      sentiment: z.enum(['positive', 'neutral', 'negative']),
    }),
  ),
});

/**
 * Classifies texts with an LLM (strict JSON schema, checked with zod); any failure — network, timeout, bad
 * JSON, a missing or out-of-range item — falls back to the lexicon result for the texts affected, and says so
 * in the cues. Scores stay the lexicon's: the LLM returns labels only.
 * @example await classifyWithLlm(['送餐太慢'], new OpenAI(), 'gpt-4o-mini')
 */
export async function classifyWithLlm(
  texts: readonly string[],
  client: ChatCompletionsClient,
  model: string,
  options: LlmClassifyOptions = {},
): Promise<LlmFeedbackClassification[]> {
  const batchSize = Math.max(1, options.batchSize ?? 20);
  const results: LlmFeedbackClassification[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    results.push(...(await classifyBatch(batch, client, model, options)));
  }
  return results;
}

async function classifyBatch(
  batch: readonly string[],
  client: ChatCompletionsClient,
  model: string,
  options: LlmClassifyOptions,
): Promise<LlmFeedbackClassification[]> {
  const lexicon = batch.map((text) => classifyFeedback(text));
  const fallback = (reason: string) =>
    lexicon.map(
      (r): LlmFeedbackClassification => ({
        ...r,
        source: 'lexicon',
        cues: [...r.cues, `llm fallback: ${reason}`],
      }),
    );
  let content: string | null | undefined;
  try {
    const response = await client.chat.completions.create(
      {
        model,
        messages: [
          { role: 'system', content: FEEDBACK_SYSTEM_PROMPT },
          { role: 'user', content: JSON.stringify({ items: batch.map((text, index) => ({ index, text })) }) },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'feedback_classification', strict: true, schema: FEEDBACK_RESPONSE_SCHEMA },
        },
        temperature: 0,
      },
      { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) },
    );
    content = response.choices[0]?.message.content;
  } catch (error) {
    return fallback(`request failed (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!content) return fallback('empty response');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return fallback('response is not JSON');
  }
  const parsed = LlmResponse.safeParse(json);
  if (!parsed.success)
    return fallback(`response does not match the schema (${parsed.error.issues[0]?.message})`);
  const byIndex = new Map(parsed.data.items.map((item) => [item.index, item]));
  return lexicon.map((r, index): LlmFeedbackClassification => {
    const item = byIndex.get(index);
    if (!item)
      return { ...r, source: 'lexicon', cues: [...r.cues, 'llm fallback: item missing from response'] };
    return {
      ...r,
      topic: item.topic,
      // The LLM names a reason, not the praised aspect: keep the offline aspect when it says `other`.
      aspect: item.topic === 'other' ? r.aspect : item.topic,
      sentiment: item.sentiment,
      source: 'llm',
      cues: [
        ...r.cues,
        `llm ${model} (${FEEDBACK_PROMPT_VERSION}): topic ${item.topic}, sentiment ${item.sentiment}` +
          ` (lexicon said ${r.topic}, ${r.sentiment})`,
      ],
    };
  });
}
