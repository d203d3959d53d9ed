/**
 * Login CSRF defence for the unauthenticated sign-in routes: the body must be JSON (a cross-site HTML form
 * can only send form or text/plain bodies without a CORS preflight) and, when the browser says where the
 * request comes from (`Origin`, `Sec-Fetch-Site`), it must be this origin.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requestScheme, viaTrustedProxy } from '../client-address.ts';
import { requestLanguage } from '../request-language.ts';
import { jsonError } from './auth-context.ts';

/** The origin the browser sees this server at. */
function ownOrigin(c: Context): string {
  const forwardedHost = viaTrustedProxy(c) ? c.req.header('x-forwarded-host') : undefined;
  const host = forwardedHost ?? c.req.header('host') ?? new URL(c.req.url).host;
  return `${requestScheme(c)}://${host}`;
}

/** 415 `json_required` unless the body is JSON; 403 `cross_origin` for another site's request. */
export function sameOriginJson(): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    const zh = requestLanguage(c) === 'zh';
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? ''))
      return jsonError(
        c,
        415,
        'json_required',
        zh ? '请求体必须是 JSON（application/json）' : 'The body must be JSON (application/json)',
      );
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if ((origin && origin !== ownOrigin(c)) || (site && site !== 'same-origin' && site !== 'none'))
      return jsonError(
        c,
        403,
        'cross_origin',
        zh ? '不接受来自其他网站的登录请求' : 'Sign-in requests from another site are refused',
      );
    return next();
  });
}
