/**
 * Authentication middleware: a bearer API token or a session cookie identifies the user.
 * CSRF: cookie-authenticated unsafe requests must echo the session's CSRF token (issued at login and by
 * GET /me) in `X-CSRF-Token`; bearer requests are exempt because browsers never attach them on their own.
 */
import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Store } from '../../store/open-store.ts';
import type { Role } from '../../store/schema.ts';
import { errorResponse } from '../api-error.ts';
import { type AuthEnv, toAuthUser } from './auth-context.ts';
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts';

/** Header that carries the CSRF token on cookie-authenticated unsafe requests. */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Options for {@link authenticate}. */
export interface AuthenticateOptions {
  /**
   * Refuse session users who still must change their password (default true). The auth routes that let
   * them do so (me, password, logout) turn this off. API tokens are never blocked: they belong to automation.
   */
  enforcePasswordChange?: boolean;
}

/**
 * Requires a signed-in user and puts it in `c.get('user')`; answers 401/403 JSON errors otherwise.
 * @example app.use('/api/*', authenticate(store)); app.get('/api/x', requireRole('admin'), handler);
 */
export function authenticate(store: Store, options: AuthenticateOptions = {}) {
  const enforcePasswordChange = options.enforcePasswordChange ?? true;
  return createMiddleware<AuthEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      const found = token ? await store.apiTokens.verify(token) : null;
      if (!found) return errorResponse(c, 'unauthenticated');
      c.set('user', toAuthUser(found.user));
      c.set('auth', { kind: 'token', tokenId: found.tokenId });
      return next();
    }

    const sessionToken = readSessionCookie(c);
    const found = sessionToken ? await store.sessions.findValid(sessionToken) : null;
    if (!found) {
      if (sessionToken) clearSessionCookie(c);
      return errorResponse(c, 'unauthenticated');
    }
    if (!SAFE_METHODS.has(c.req.method) && !sameSecret(c.req.header(CSRF_HEADER), found.session.csrfToken)) {
      return errorResponse(c, 'csrf_failed', { header: CSRF_HEADER });
    }
    if (enforcePasswordChange && found.user.mustChangePassword) {
      return errorResponse(c, 'password_change_required');
    }
    c.set('user', toAuthUser(found.user));
    c.set('auth', {
      kind: 'session',
      sessionId: found.session.id,
      csrfToken: found.session.csrfToken,
      expiresAt: found.session.expiresAt,
    });
    return next();
  });
}

/**
 * Allows only users with one of `roles` (use after {@link authenticate}); 403 otherwise.
 * @example app.post('/api/models/:id/approve', requireRole('admin'), approve);
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) return errorResponse(c, 'unauthenticated');
    if (!roles.includes(user.role)) {
      return errorResponse(c, 'forbidden', { roles: roles.join(',') });
    }
    return next();
  });
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
