import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';

/** The first function call of an assistant turn, arguments still as the raw JSON text sent. */
export interface RawToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** What one assistant turn said: a tool call, or text only (which we treat as a failed call). */
export interface AssistantTurn {
  toolCall: RawToolCall | null;
  content: string | null;
  usage?: { promptTokens: number; completionTokens: number };
}

/** Reads a non-streamed completion. */
export function readCompletion(completion: ChatCompletion): AssistantTurn {
  const message = completion.choices?.[0]?.message;
  const call = message?.tool_calls?.find((c) => c.type === 'function');
  return {
    toolCall:
      call && call.type === 'function'
        ? { id: call.id, name: call.function.name, arguments: call.function.arguments ?? '' }
        : null,
    content: message?.content ?? null,
    usage: completion.usage
      ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens }
      : undefined,
  };
}

/**
 * Assembles a streamed completion: tool-call deltas arrive by `index`, the id and name once, the
 * arguments in pieces to concatenate.
 */
export async function readStream(chunks: AsyncIterable<ChatCompletionChunk>): Promise<AssistantTurn> {
  const calls = new Map<number, RawToolCall>();
  let content: string | null = null;
  let usage: AssistantTurn['usage'];
  for await (const chunk of chunks) {
    if (chunk.usage)
      usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
    const delta = chunk.choices?.[0]?.delta;
    if (!delta) continue;
    if (delta.content) content = (content ?? '') + delta.content;
    for (const d of delta.tool_calls ?? []) {
      const call = calls.get(d.index) ?? { id: '', name: '', arguments: '' };
      if (d.id) call.id = d.id;
      if (d.function?.name) call.name += d.function.name;
      if (d.function?.arguments) call.arguments += d.function.arguments;
      calls.set(d.index, call);
    }
  }
  const first = [...calls.entries()].sort((a, b) => a[0] - b[0])[0]?.[1] ?? null;
  return { toolCall: first?.name ? first : null, content, usage };
}

/** One request to the endpoint, streamed or not, read into an `AssistantTurn`. */
export async function requestTurn(
  client: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  stream: boolean,
  signal: AbortSignal,
): Promise<AssistantTurn> {
  // Retries are the caller's job: one deadline covers the whole interpretation.
  const options = { signal, maxRetries: 0 };
  if (!stream) return readCompletion(await client.chat.completions.create(body, options));
  const chunks = await client.chat.completions.create({ ...body, stream: true }, options);
  return readStream(chunks);
}
