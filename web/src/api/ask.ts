import { lang } from '../i18n/i18n.ts';
import { ApiError, send } from './client.ts';
import type { Answer, AskProgress, Intent, SemanticQuery } from './types.ts';

/** What the chat sends: a question, or an edited interpretation (chips) to re-run. */
export type AskRequest =
  | { question: string; conversationId?: string; model?: string }
  | { query: SemanticQuery; intent?: Intent; conversationId?: string; model?: string };

interface SseEvent {
  event: string;
  data: string;
}

/** Splits a server-sent-events buffer into complete events and the unfinished rest. */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/**
 * POST /api/ask with `Accept: text/event-stream`: reports `progress` events while the answer is computed,
 * resolves with the `answer` event. A plain JSON reply (a server without streaming) works too.
 */
export async function ask(
  request: AskRequest,
  onProgress: (progress: AskProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<Answer> {
  const response = await send(
    'POST',
    '/api/ask',
    { ...request, language: lang() },
    {
      signal,
      headers: { Accept: 'text/event-stream' },
    },
  );
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream') || !response.body) return (await response.json()) as Answer;

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let answer: Answer | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const { events, rest } = parseSse(done ? `${buffer}\n\n` : buffer);
    buffer = rest;
    for (const { event, data } of events) {
      if (event === 'progress') onProgress(JSON.parse(data) as AskProgress);
      // The stream is read to its end (the server closes it after the answer): cancelling it would show
      // the request as failed (ERR_ABORTED) in the browser.
      else if (event === 'answer') answer = JSON.parse(data) as Answer;
      else if (event === 'error') {
        const body = JSON.parse(data) as { error?: { code?: string; message?: string }; message?: string };
        throw new ApiError(500, body.error?.code ?? 'error', body.error?.message ?? body.message ?? data);
      }
    }
    if (done) {
      if (answer) return answer;
      throw new ApiError(0, 'stream_ended', 'The answer stream ended without an answer');
    }
  }
}
