/** A tiny HTTP server on 127.0.0.1 (port 0) for the fake Slack and WeCom APIs, with scripted failures. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake received it. */
export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** What a handler answers. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
}

/** A scripted failure: an HTTP status (429 with Retry-After, 5xx) or a JSON body. */
/** A scripted reply; with `when`, it is only given to a request whose body matches (others are served). */
export type Scripted = Reply & { when?: (body: string) => boolean };

export class FakeHttp {
  private server!: Server;
  base = '';
  private readonly scripted = new Map<string, Scripted[]>();

  constructor(private readonly handle: (req: Received) => Reply | Promise<Reply>) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections?.();
    return new Promise((ok) => this.server.close(() => ok()));
  }

  /** The next requests to `path` get these replies, in order, instead of the normal one. */
  script(path: string, ...replies: Scripted[]): void {
    this.scripted.set(path, [...(this.scripted.get(path) ?? []), ...replies]);
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.base);
    const received: Received = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    const queue = this.scripted.get(url.pathname) ?? [];
    const at = queue.findIndex((r) => !r.when || r.when(received.body.toString('utf8')));
    const reply = at >= 0 ? queue.splice(at, 1)[0]! : await this.handle(received);
    const headers = { ...(reply.headers ?? {}) };
    let payload = reply.text ?? '';
    if (reply.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      payload = JSON.stringify(reply.json);
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(payload);
  }
}

/** Polls `probe` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
