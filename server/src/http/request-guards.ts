/**
 * Guards every request passes before a route sees it: security headers with a Content-Security-Policy the
 * web app runs under, body size limits, and text that PostgreSQL and JSON consumers cannot store (NUL
 * characters, unpaired UTF-16 surrogates) refused with a 400 naming the field, in the user's language.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { errorResponse } from './api-error.ts';
import { httpMessage } from './messages/http-messages.ts';
import { requestLanguage } from './request-language.ts';

/** Largest request body on any route (definition files are the biggest legitimate bodies). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Largest body of the unauthenticated auth routes (a username and a password). */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/**
 * Security headers (nosniff, frame denial, no referrer) and a CSP: scripts only from this origin (no inline
 * script, no eval: charts use Vega's interpreter), styles from this origin plus inline style attributes
 * (Vega sets them on SVG), images from this origin and data/blob URLs (chart export).
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
}

/** A 413 JSON error once a body passes `maxSize` (read as it streams, so nothing larger is buffered). */
export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => errorResponse(c, 'body_too_large', { limitKb: Math.round(maxSize / 1024) }),
  });
}

/** `limitBody` on every path but `streamed` ones (routes that stream their body to disk and limit it themselves). */
export function limitBodyExcept(maxSize: number, streamed: string[]): MiddlewareHandler {
  const limit = limitBody(maxSize);
  return (c, next) => (streamed.includes(c.req.path) ? next() : limit(c, next));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for text that cannot be stored as is: a NUL character or an unpaired surrogate. */
export function unstorableText(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}

/** The path of the first unstorable string (or key) in a JSON value, or null. */
function firstUnstorable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return unstorableText(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = firstUnstorable(v, `${path}${path ? '.' : ''}${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = `${path}${path ? '.' : ''}${k}`;
      if (unstorableText(k)) return at;
      const found = firstUnstorable(v, at);
      if (found) return found;
    }
  }
  return null;
}

function refuseText(c: Context, field: string) {
  return errorResponse(c, 'invalid_text', { field }, [
    { path: field, message: httpMessage('issue.unstorable', requestLanguage(c)) },
  ]);
}

/** Refuses NUL characters and unpaired surrogates in the query string and in JSON bodies (400 `invalid_text`). */
export function textGuard(): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    for (const [key, values] of Object.entries(c.req.queries()))
      if (unstorableText(key) || values.some(unstorableText)) return refuseText(c, key);
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && type.includes('json')) {
      const text = await c.req.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return next(); // the route answers malformed JSON with its own 400
      }
      const field = firstUnstorable(parsed, '');
      if (field !== null) return refuseText(c, field || '(body)');
    }
    return next();
  });
}
