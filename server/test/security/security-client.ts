/** A client of the real server over HTTP for the security suite: a session (cookie + CSRF) or none. */
import { expect } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely
export type Json = Record<string, any>;

/** One HTTP response with its parsed JSON body (null when the body is not JSON). */
export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
}

export class SecurityClient {
  cookie = '';
  csrf = '';
  constructor(
    readonly base: string,
    /** Extra headers on every request (a forwarded client address, a language). */
    readonly headers: Record<string, string> = {},
  ) {}

  async raw(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie, 'x-csrf-token': this.csrf } : {}),
        ...this.headers,
        ...init.headers,
      },
      body: init.body,
    });
    const text = await res.text();
    let body: Json = {};
    try {
      body = JSON.parse(text) as Json;
    } catch {
      body = { text };
    }
    return { status: res.status, headers: res.headers, body } satisfies Reply;
  }

  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.raw(method, path, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    });
  }

  private keep(reply: Reply, setCookie: string | null) {
    this.cookie = (setCookie ?? '').split(';')[0]!;
    this.csrf = reply.body.csrfToken;
  }

  /** Signs in with a password; fails the test unless it works. */
  async login(username: string, password: string): Promise<this> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as Json;
    expect(res.status, JSON.stringify(body)).toBe(200);
    this.keep({ status: res.status, headers: res.headers, body }, res.headers.get('set-cookie'));
    return this;
  }

  /** One-click demo sign-in; fails the test unless it works. */
  async demoLogin(username: string): Promise<this> {
    const res = await fetch(`${this.base}/api/auth/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    const body = (await res.json()) as Json;
    expect(res.status, JSON.stringify(body)).toBe(200);
    this.keep({ status: res.status, headers: res.headers, body }, res.headers.get('set-cookie'));
    return this;
  }
}

/** The server still answers: health and an ordinary signed-in request. */
export async function expectHealthy(client: SecurityClient): Promise<void> {
  const health = await client.send('GET', '/api/health');
  expect(health.status).toBe(200);
  expect(health.body.ok).toBe(true);
  const catalog = await client.send('GET', '/api/catalog');
  expect(catalog.status).toBe(200);
}

/** The error of a refused request: its status, code and message language. */
export function expectRefusal(reply: Reply, status: number, code: string, language?: 'zh' | 'en'): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body.error?.code).toBe(code);
  if (language === 'zh') expect(reply.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  if (language === 'en') expect(reply.body.error.message).not.toMatch(/[\u4e00-\u9fff]/);
}
