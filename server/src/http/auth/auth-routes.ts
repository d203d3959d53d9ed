/**
 * Auth endpoints, as a Hono sub-app for the lead to mount (e.g. `app.route('/api/auth', authRoutes(store, opts))`):
 * POST /login, POST /logout, GET /me, POST /password, GET|POST /tokens, DELETE /tokens/:id,
 * and in demo mode GET /demo-users and POST /demo-login.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../../store/open-store.ts';
import type { User } from '../../store/users.ts';
import { requestLanguage } from '../request-language.ts';
import { type AuthEnv, clientIp, jsonError, toAuthUser } from './auth-context.ts';
import { authenticate } from './authenticate.ts';
import { ENV_TOKEN_NAME } from './bootstrap.ts';
import { DEMO_USERS } from './demo-users.ts';
import { loginGate, oneAttemptAtATime, THROTTLE, throttleMessage } from './login-throttle.ts';
import { parseJsonBody } from './parse-body.ts';
import { passwordMessage, passwordProblem } from './password-policy.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { sameOriginJson } from './same-origin-json.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
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
  const app = new Hono<AuthEnv>();

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
    return c.json({
      user: toAuthUser(user),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    });
  }

  app.post('/login', sameOriginJson(), async (c) => {
    const body = await parseJsonBody(c, loginBody);
    if (body instanceof Response) return body;
    return oneAttemptAtATime(body.username, () => attemptLogin(c, body));
  });

  async function attemptLogin(c: Context, body: z.infer<typeof loginBody>): Promise<Response> {
    const ip = clientIp(c);
    const gate = await loginGate(store, body.username, ip);
    if (!gate.ok) {
      const lang = requestLanguage(c);
      if (gate.code === 'account_locked') return jsonError(c, 423, gate.code, throttleMessage(gate, lang));
      c.header('Retry-After', String(gate.retryAfter));
      return jsonError(c, 429, gate.code, throttleMessage(gate, lang));
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
      return jsonError(
        c,
        401,
        'invalid_credentials',
        requestLanguage(c) === 'zh' ? '用户名或密码错误' : 'Invalid username or password',
      );
    }
    return startSession(c, user, 'password');
  }
  app.post('/logout', signedIn, async (c) => {
    const auth = c.get('auth');
    if (auth.kind === 'session') await store.sessions.delete(auth.sessionId);
    clearSessionCookie(c);
    await store.audit.record({ action: 'logout', userId: c.get('user').id, ip: clientIp(c) });
    return c.json({ ok: true });
  });

  app.get('/me', signedIn, (c) => {
    const auth = c.get('auth');
    return c.json({
      user: c.get('user'),
      auth: auth.kind,
      ...(auth.kind === 'session'
        ? { csrfToken: auth.csrfToken, expiresAt: auth.expiresAt.toISOString() }
        : {}),
    });
  });

  app.post('/password', signedIn, async (c) => {
    const body = await parseJsonBody(c, passwordBody);
    if (body instanceof Response) return body;
    const me = c.get('user');
    const user = await store.users.findById(me.id);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
      return jsonError(c, 400, 'wrong_password', 'The current password is not correct');
    }
    const lang = requestLanguage(c);
    if (body.currentPassword === body.newPassword) {
      return jsonError(
        c,
        400,
        'same_password',
        lang === 'zh' ? '新密码不能与当前密码相同' : 'The new password must differ from the current one',
      );
    }
    const problem = passwordProblem(body.newPassword, me.username);
    if (problem)
      return jsonError(c, 400, 'weak_password', passwordMessage(problem, lang), [
        { path: 'newPassword', message: passwordMessage(problem, lang) },
      ]);
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
    return c.json({ ok: true, tokensRevoked });
  });

  app.route('/tokens', tokenRoutes(store));

  if (options.demo) {
    app.get('/demo-users', (c) =>
      c.json({
        users: ONE_CLICK_USERS.map(({ username, displayName, role, attributes }) => ({
          username,
          displayName,
          role,
          attributes,
        })),
      }),
    );

    app.post('/demo-login', sameOriginJson(), async (c) => {
      const body = await parseJsonBody(c, demoLoginBody);
      if (body instanceof Response) return body;
      const zh = requestLanguage(c) === 'zh';
      const isDemoUser = ONE_CLICK_USERS.some((demo) => demo.username === body.username);
      const user = isDemoUser ? await store.users.findByUsername(body.username) : null;
      // One click never signs anyone in as an administrator, whatever the account's role became since.
      if (
        user?.role === 'admin' ||
        DEMO_USERS.some((d) => d.username === body.username && d.role === 'admin')
      )
        return jsonError(
          c,
          403,
          'demo_admin_refused',
          zh
            ? '演示一键登录不提供管理员身份，请使用密码登录'
            : 'One-click demo sign-in never grants admin: sign in with the password',
        );
      if (!user || user.disabled)
        return jsonError(c, 404, 'unknown_demo_user', zh ? '没有这个演示用户' : 'No such demo user');
      return startSession(c, user, 'demo');
    });
  }

  return app;
}
