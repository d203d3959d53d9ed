/**
 * Login CSRF defence for the unauthenticated sign-in routes: the body must be JSON (a cross-site HTML form
 * can only send form or text/plain bodies without a CORS preflight) and, when the browser says where the
 * request comes from (`Origin`, `Sec-Fetch-Site`), it must be this origin.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { errorResponse } from '../api-error.ts';
import { requestScheme, viaTrustedProxy } from '../client-address.ts';

/** The origin the browser sees this server at. */
function ownOrigin(c: Context): string {
  const forwardedHost = viaTrustedProxy(c) ? c.req.header('x-forwarded-host') : undefined;
  const host = forwardedHost ?? c.req.header('host') ?? new URL(c.req.url).host;
  return `${requestScheme(c)}://${host}`;
}

/** 415 `json_required` unless the body is JSON; 403 `cross_origin` for another site's request. */
export function sameOriginJson(): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? ''))
      return errorResponse(c, 'json_required');
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if ((origin && origin !== ownOrigin(c)) || (site && site !== 'same-origin' && site !== 'none'))
      return errorResponse(c, 'cross_origin');
    return next();
  });
}
