import { expect } from 'vitest';

export type Json = Record<string, any>;

/** A signed-in client of the real server over HTTP (cookie + CSRF header). */
export class Client {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  /** One-click demo sign-in; with a password, the sign-in form (the demo admin has no one-click). */
  async demoLogin(username: string, password?: string): Promise<Json> {
    const res = await fetch(`${this.base}/api/auth/${password ? 'login' : 'demo-login'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const body = (await res.json()) as Json;
    this.csrf = body.csrfToken;
    return body;
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async ask(body: Json): Promise<Json> {
    const res = await this.send('POST', '/api/ask', body);
    expect(res.status).toBe(200);
    return (await res.json()) as Json;
  }
}
