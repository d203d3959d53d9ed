/** Test helpers: send JSON requests through `app.request` with a session cookie, CSRF header or bearer token. */
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { CSRF_HEADER } from '../../../src/http/auth/authenticate.ts';

/** What auth cases share. */
export interface AuthFixture {
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app shape is fine for requests
  app: Hono<any>;
}

/** Request options. */
export interface SendOptions {
  body?: unknown;
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

/** Sends one request to the app (no server). */
export function send(app: AuthFixture['app'], method: string, path: string, options: SendOptions = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers[CSRF_HEADER] = options.csrf;
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  return app.request(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** The `name=value` part of the response's session cookie. */
export function sessionCookie(res: Response): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Signs in with a password; returns the cookie to send back and the CSRF token. */
export async function login(app: AuthFixture['app'], username: string, password: string) {
  const res = await send(app, 'POST', '/auth/login', { body: { username, password } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: sessionCookie(res), csrf: body.csrfToken };
}
