/**
 * Auth endpoints, as a Hono sub-app for the lead to mount (e.g. `app.route('/api/auth', authRoutes(store, opts))`):
 * POST /login, POST /logout, GET /me, GET /session (a probe: 200 with `user: null` when signed out), POST /password, GET|POST /tokens, DELETE /tokens/:id,
 * and in demo mode GET /demo-users and POST /demo-login.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Store } from '../../store/open-store.ts';
import { ROLES } from '../../store/schema.ts';
import type { User } from '../../store/users.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import { requestLanguage } from '../request-language.ts';
import { type AuthEnv, clientIp, toAuthUser } from './auth-context.ts';
import { authenticate } from './authenticate.ts';
import { ENV_TOKEN_NAME } from './bootstrap.ts';
import { DEMO_USERS } from './demo-users.ts';
import { loginGate, oneAttemptAtATime, THROTTLE } from './login-throttle.ts';
import { passwordMessage, passwordProblem } from './password-policy.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { sameOriginJson } from './same-origin-json.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.ts';
import { tokenRoutes } from './token-routes.ts';

/** Demo accounts offered for one-click sign-in: never an administrator. */
const ONE_CLICK_USERS = DEMO_USERS.filter((u) => u.role !== 'admin');

/** Options for {@link authRoutes}. */
export interface AuthRoutesOptions {
  /** Demo mode: enables GET /demo-users and POST /demo-login. */
  demo?: boolean;
  /** Session lifetime (default 7 days). */
  sessionTtlMs?: number;
}

/** Default session lifetime: a working week plus a weekend. */
export const DEFAULT_SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A signed-in user as the API shows it (no secrets). */
export const AuthUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    attributes: z.record(z.string(), z.array(z.string())),
    mustChangePassword: z.boolean(),
    email: z.string().nullable(),
    wecomUserId: z.string().nullable(),
  })
  .meta({ id: 'User' });
const SessionReply = z.object({ user: AuthUserSchema, csrfToken: z.string(), expiresAt: z.string() });
const Ok = z.object({ ok: z.literal(true) });

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
const demoLoginBody = z.object({ username: z.string().min(1).max(64) });
const passwordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

/** The auth sub-app. */
export function authRoutes(store: Store, options: AuthRoutesOptions = {}) {
  const ttlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const signedIn = authenticate(store, { enforcePasswordChange: false });
  const app = apiRouter<AuthEnv>();

  // Unknown users still cost one argon2 verification, so response time does not reveal which usernames exist.
  let decoyHash: Promise<string> | undefined;
  const decoy = () => {
    decoyHash ??= hashPassword(generatePassword());
    return decoyHash;
  };

  async function startSession(c: Context, user: User, method: 'password' | 'demo') {
    const session = await store.sessions.create(user.id, ttlMs);
    setSessionCookie(c, session.token, session.expiresAt);
    await store.audit.record({
      action: 'login',
      userId: user.id,
      target: user.username,
      details: { method },
      ip: clientIp(c),
    });
    return c.json(
      { user: toAuthUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() },
      200,
    );
  }

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/login',
      summary: 'Sign in: sets the session cookie',
      description:
        'JSON only, from this origin. Back-off after 5 failures of an account (50 of an address) in 15 min; locked after 20.',
      tags: ['auth'],
      middleware: [sameOriginJson()],
      request: { body: jsonBody(loginBody) },
      responses: { 200: jsonResponse('Signed in', SessionReply) },
      errors: ['json_required', 'cross_origin', 'invalid_credentials', 'too_many_attempts', 'account_locked'],
    }),
    async (c) => {
      const body = c.req.valid('json');
      return oneAttemptAtATime(body.username, () => attemptLogin(c, body));
    },
  );

  async function attemptLogin(c: Context, body: z.infer<typeof loginBody>) {
    const ip = clientIp(c);
    const gate = await loginGate(store, body.username, ip);
    if (!gate.ok) {
      if (gate.code === 'account_locked') throw new ApiError(gate.code);
      throw new ApiError(gate.code, { retryAfter: gate.retryAfter }, undefined, {
        'Retry-After': String(gate.retryAfter),
      });
    }
    const user = await store.users.findByUsername(body.username);
    const matches = await verifyPassword(user?.passwordHash ?? (await decoy()), body.password);
    if (!user?.passwordHash || user.disabled || !matches) {
      await store.audit.record({
        action: 'login_failed',
        userId: user?.id ?? null,
        target: body.username,
        ip,
      });
      if (gate.failures + 1 === THROTTLE.lockAfter)
        await store.audit.record({
          action: 'account_locked',
          userId: user?.id ?? null,
          target: body.username,
          ip,
        });
      throw new ApiError('invalid_credentials');
    }
    return startSession(c, user, 'password');
  }
  app.openapi(
    apiRoute({
      method: 'post',
      path: '/logout',
      summary: 'Sign out (ends this session)',
      tags: ['auth'],
      security: SIGNED_IN,
      middleware: [signedIn],
      responses: { 200: jsonResponse('Signed out', Ok) },
      errors: ['unauthenticated', 'csrf_failed'],
    }),
    async (c) => {
      const auth = c.get('auth');
      if (auth.kind === 'session') await store.sessions.delete(auth.sessionId);
      clearSessionCookie(c);
      await store.audit.record({ action: 'logout', userId: c.get('user').id, ip: clientIp(c) });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/me',
      summary: 'The signed-in user (and the CSRF token of a session)',
      tags: ['auth'],
      security: SIGNED_IN,
      middleware: [signedIn],
      responses: {
        200: jsonResponse(
          'The user',
          z.object({
            user: AuthUserSchema,
            auth: z.enum(['session', 'token']),
            csrfToken: z.string().optional(),
            expiresAt: z.string().optional(),
          }),
        ),
      },
      errors: ['unauthenticated'],
    }),
    (c) => {
      const auth = c.get('auth');
      return c.json(
        {
          user: c.get('user'),
          auth: auth.kind,
          ...(auth.kind === 'session'
            ? { csrfToken: auth.csrfToken, expiresAt: auth.expiresAt.toISOString() }
            : {}),
        },
        200,
      );
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/session',
      summary: "This browser's session, if any: the user and CSRF token, or `user: null` when signed out",
      description:
        'The web app probes it on load: a signed-out visitor is an ordinary state, not an error, so it answers 200.',
      tags: ['auth'],
      security: [],
      responses: {
        200: jsonResponse(
          'The session or none',
          z.object({
            user: AuthUserSchema.nullable(),
            csrfToken: z.string().optional(),
            expiresAt: z.string().optional(),
          }),
        ),
      },
    }),
    async (c) => {
      const token = readSessionCookie(c);
      const found = token ? await store.sessions.findValid(token) : null;
      if (!found) {
        if (token) clearSessionCookie(c);
        return c.json({ user: null }, 200);
      }
      const { session } = found;
      return c.json(
        {
          user: toAuthUser(found.user),
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt.toISOString(),
        },
        200,
      );
    },
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/password',
      summary: "Change one's password: other sessions end and API tokens are revoked",
      tags: ['auth'],
      security: SIGNED_IN,
      middleware: [signedIn],
      request: { body: jsonBody(passwordBody) },
      responses: {
        200: jsonResponse('Changed', z.object({ ok: z.literal(true), tokensRevoked: z.number().int() })),
      },
      errors: ['unauthenticated', 'csrf_failed', 'wrong_password', 'same_password', 'weak_password'],
    }),
    async (c) => {
      const body = c.req.valid('json');
      const me = c.get('user');
      const user = await store.users.findById(me.id);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, body.currentPassword)))
        throw new ApiError('wrong_password');
      if (body.currentPassword === body.newPassword) throw new ApiError('same_password');
      const problem = passwordProblem(body.newPassword, me.username);
      if (problem) {
        const detail = passwordMessage(problem, requestLanguage(c));
        throw new ApiError('weak_password', { detail }, [{ path: 'newPassword', message: detail }]);
      }
      await store.users.setPassword(me.id, await hashPassword(body.newPassword), false);
      // Other sessions and API tokens may belong to whoever knew the old password (the environment's token
      // answers to the environment, not to the password).
      const auth = c.get('auth');
      await store.sessions.deleteForUser(me.id, auth.kind === 'session' ? auth.sessionId : undefined);
      const tokensRevoked = await store.apiTokens.revokeAllForUser(me.id, [ENV_TOKEN_NAME]);
      await store.audit.record({
        action: 'password.change',
        userId: me.id,
        target: me.username,
        details: { tokensRevoked },
        ip: clientIp(c),
      });
      return c.json({ ok: true as const, tokensRevoked }, 200);
    },
  );

  app.route('/tokens', tokenRoutes(store));

  if (options.demo) {
    app.openapi(
      apiRoute({
        method: 'get',
        path: '/demo-users',
        summary: 'Demo mode: the non-admin demo accounts offered for one-click sign-in',
        tags: ['auth'],
        security: [],
        responses: {
          200: jsonResponse(
            'Demo accounts',
            z.object({
              users: z.array(
                AuthUserSchema.pick({ username: true, displayName: true, role: true, attributes: true }),
              ),
            }),
          ),
        },
      }),
      (c) =>
        c.json(
          {
            users: ONE_CLICK_USERS.map(({ username, displayName, role, attributes }) => ({
              username,
              displayName,
              role,
              attributes,
            })),
          },
          200,
        ),
    );

    app.openapi(
      apiRoute({
        method: 'post',
        path: '/demo-login',
        summary: 'Demo mode: one-click sign-in as a non-admin demo account',
        tags: ['auth'],
        security: [],
        middleware: [sameOriginJson()],
        request: { body: jsonBody(demoLoginBody) },
        responses: { 200: jsonResponse('Signed in', SessionReply) },
        errors: ['json_required', 'cross_origin', 'demo_admin_refused', 'unknown_demo_user'],
      }),
      async (c) => {
        const body = c.req.valid('json');
        const isDemoUser = ONE_CLICK_USERS.some((demo) => demo.username === body.username);
        const user = isDemoUser ? await store.users.findByUsername(body.username) : null;
        // One click never signs anyone in as an administrator, whatever the account's role became since.
        if (
          user?.role === 'admin' ||
          DEMO_USERS.some((d) => d.username === body.username && d.role === 'admin')
        )
          throw new ApiError('demo_admin_refused');
        if (!user || user.disabled) throw new ApiError('unknown_demo_user');
        return startSession(c, user, 'demo');
      },
    );
  }

  return app;
}
