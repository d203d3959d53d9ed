import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for an OpenAI-compatible endpoint, for tests: a real HTTP server speaking the
 * Chat Completions wire format (JSON and `text/event-stream`), answering from a script.
 */

/** What the fake answers to one request. */
export type FakeReply =
  /** A function call; `arguments` as an object is serialised, as a string is sent verbatim (to send broken JSON). */
  | { toolCall: { name: string; arguments: unknown } }
  /** A plain text answer without a tool call. */
  | { text: string }
  /** An HTTP error with OpenAI's error body. */
  | { error: { status: number; message: string; type?: string; code?: string | null } }
  /** Never answers (until the client gives up or the server closes). */
  | { hang: true }
  /** A streamed response cut short by a line that is not JSON. */
  | { brokenStream: true };

/** The script: replies in order, or a function of the request and its 0-based number. */
export type FakeScript = FakeReply[] | ((body: ChatRequestBody, n: number) => FakeReply);

/** The parts of a Chat Completions request the tests look at (the rest is kept as sent). */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string | null; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: {
    type: string;
    function: { name: string; description?: string; parameters: Record<string, unknown> };
  }[];
  tool_choice?: unknown;
  stream?: boolean;
  [key: string]: unknown;
}

export interface FakeOpenAiServer {
  /** Base URL for the `openai` client, ending in `/v1`. */
  baseURL: string;
  /** Every request body received, in order. */
  requests: ChatRequestBody[];
  /** Authorization headers received, in order. */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}${(++counter).toString(36).padStart(8, '0')}`;

function completionBase(model: string) {
  return {
    id: nextId('chatcmpl-fake'),
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_fake',
  };
}

const USAGE = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };

function argumentsText(args: unknown): string {
  return typeof args === 'string' ? args : JSON.stringify(args);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': nextId('req_') });
  res.end(JSON.stringify(body));
}

function sendCompletion(
  res: ServerResponse,
  model: string,
  reply: { toolCall: { name: string; arguments: unknown } } | { text: string },
): void {
  const message =
    'toolCall' in reply
      ? {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: [
            {
              id: nextId('call_'),
              type: 'function',
              function: { name: reply.toolCall.name, arguments: argumentsText(reply.toolCall.arguments) },
            },
          ],
        }
      : { role: 'assistant', content: reply.text, refusal: null };
  sendJson(res, 200, {
    ...completionBase(model),
    object: 'chat.completion',
    choices: [
      { index: 0, message, logprobs: null, finish_reason: 'toolCall' in reply ? 'tool_calls' : 'stop' },
    ],
    usage: USAGE,
  });
}

/** Streams a reply as chunks; tool-call arguments arrive in several pieces, as real servers send them. */
function sendStream(res: ServerResponse, model: string, reply: FakeReply): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const base = completionBase(model);
  const chunk = (delta: unknown, finish: string | null = null) =>
    `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  if ('brokenStream' in reply) {
    res.write(chunk({ role: 'assistant', content: null }));
    res.end('data: {"id": "chatcmpl-broken", "choices": [\n\n');
    return;
  }
  res.write(chunk({ role: 'assistant', content: null }));
  if ('toolCall' in reply) {
    const text = argumentsText(reply.toolCall.arguments);
    const id = nextId('call_');
    res.write(
      chunk({
        tool_calls: [
          { index: 0, id, type: 'function', function: { name: reply.toolCall.name, arguments: '' } },
        ],
      }),
    );
    const step = Math.max(1, Math.ceil(text.length / 4));
    for (let i = 0; i < text.length; i += step)
      res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: text.slice(i, i + step) } }] }));
    res.write(chunk({}, 'tool_calls'));
  } else if ('text' in reply) {
    res.write(chunk({ content: reply.text }));
    res.write(chunk({}, 'stop'));
  }
  res.write(
    `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage: USAGE })}\n\n`,
  );
  res.end('data: [DONE]\n\n');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeOpenAi(script: FakeScript): Promise<FakeOpenAiServer> {
  const requests: ChatRequestBody[] = [];
  const authorizations: (string | undefined)[] = [];
  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      sendJson(res, 404, {
        error: {
          message: `no route ${req.method} ${req.url}`,
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      });
      return;
    }
    const body = JSON.parse(await readBody(req)) as ChatRequestBody;
    const n = requests.length;
    requests.push(body);
    authorizations.push(req.headers.authorization);
    const reply = typeof script === 'function' ? script(body, n) : script[n];
    if (!reply) {
      sendJson(res, 500, {
        error: {
          message: `fake: no scripted reply for request ${n}`,
          type: 'server_error',
          param: null,
          code: null,
        },
      });
      return;
    }
    if ('hang' in reply) return;
    if ('error' in reply) {
      const { status, message, type = 'server_error', code = null } = reply.error;
      sendJson(res, status, { error: { message, type, param: null, code } });
      return;
    }
    if (body.stream || 'brokenStream' in reply) sendStream(res, body.model, reply);
    else sendCompletion(res, body.model, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    authorizations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging replies keep their sockets open; drop them so close() returns.
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
