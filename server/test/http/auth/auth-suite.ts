/**
 * Auth behaviour through `app.request` (no server), run unchanged on PGlite and on PostgreSQL
 * (see `auth.*.test.ts`). Cases run in order on one store bootstrapped in demo mode with an env token.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthEnv } from '../../../src/http/auth/auth-context.ts';
import { authRoutes } from '../../../src/http/auth/auth-routes.ts';
import { authenticate, requireRole } from '../../../src/http/auth/authenticate.ts';
import { type BootstrapResult, bootstrapAuth, ENV_TOKEN_NAME } from '../../../src/http/auth/bootstrap.ts';
import { DEMO_USERS } from '../../../src/http/auth/demo-users.ts';
import type { Store } from '../../../src/store/open-store.ts';
import type { StoreFactory } from '../../store/test-stores.ts';
import { passwordCases } from './password-cases.ts';
import { type AuthFixture, login, send, sessionCookie } from './request-helpers.ts';

const ENV_TOKEN = 'env-admin-token-0123456789abcdef';

/** Defines the auth suite against a store from `factory`. */
export function defineAuthSuite(label: string, factory: StoreFactory): void {
  describe(`auth on ${label}`, () => {
    const fx = {} as AuthFixture & { store: Store; boot: BootstrapResult };
    beforeAll(async () => {
      fx.store = await factory();
      fx.boot = await bootstrapAuth(fx.store, { demo: true, apiToken: ENV_TOKEN });
      const app = new Hono<AuthEnv>();
      app.route('/auth', authRoutes(fx.store, { demo: true }));
      app.get('/admin-only', authenticate(fx.store), requireRole('admin'), (c) =>
        c.json({ who: c.get('user').username }),
      );
      fx.app = app;
    });
    afterAll(async () => {
      await fx.store?.close();
    });

    it('bootstraps admin with a one-time password, the demo users, and the env token, idempotently', async () => {
      expect(fx.boot.adminPassword).toMatch(/^[a-zA-Z2-9]{20}$/);
      expect(fx.boot.demoUsersCreated.map((u) => u.username)).toEqual([
        'demo_admin',
        'analyst',
        'viewer',
        'manager_south',
      ]);
      expect(fx.boot.apiToken).toBe('provisioned');
      const admin = await fx.store.users.findByUsername('admin');
      expect(admin).toMatchObject({ role: 'admin', mustChangePassword: true });
      expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
      const users = await fx.store.users.list();
      expect(users.map((u) => [u.username, u.role, u.attributes])).toEqual([
        ['admin', 'admin', {}],
        ['analyst', 'analyst', {}],
        ['demo_admin', 'admin', {}],
        ['manager_south', 'viewer', { region: ['华南'] }],
        ['viewer', 'viewer', {}],
      ]);

      const again = await bootstrapAuth(fx.store, { demo: true, apiToken: ENV_TOKEN });
      expect(again).toEqual({ adminPassword: null, demoUsersCreated: [], apiToken: 'provisioned' });
      const tokens = await fx.store.apiTokens.listForUser(admin!.id);
      expect(tokens.map((t) => t.name)).toEqual([ENV_TOKEN_NAME]);
      expect((await bootstrapAuth(fx.store, { apiToken: 'short' })).apiToken).toBe('too_short');
    });

    it('signs in with a password and sets an HttpOnly, SameSite=Lax, Path=/ session cookie', async () => {
      const res = await send(fx.app, 'POST', '/auth/login', {
        body: { username: 'analyst', password: 'demo-analyst' },
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^chatbi_session=[A-Za-z0-9_-]{43}; /);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Secure');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ user: { username: 'analyst', role: 'analyst', attributes: {} } });
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(body)).not.toContain('argon2');
      const [audit] = await fx.store.audit.list({ action: 'login', limit: 1 });
      expect(audit).toMatchObject({ target: 'analyst', details: { method: 'password' } });
    });

    it('marks the cookie Secure over https and in production', async () => {
      const https = await send(fx.app, 'POST', 'https://chatbi.example/auth/login', {
        body: { username: 'viewer', password: 'demo-viewer' },
      });
      expect(https.headers.get('set-cookie')).toContain('Secure');
      const previous = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        const prod = await send(fx.app, 'POST', '/auth/login', {
          body: { username: 'viewer', password: 'demo-viewer' },
        });
        expect(prod.headers.get('set-cookie')).toContain('Secure');
      } finally {
        process.env.NODE_ENV = previous;
      }
    });

    it('answers a wrong password and an unknown user with the same generic 401, and audits both', async () => {
      const wrong = await send(fx.app, 'POST', '/auth/login', {
        body: { username: 'analyst', password: 'nope' },
      });
      const unknown = await send(fx.app, 'POST', '/auth/login', {
        body: { username: 'ghost', password: 'nope' },
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const expected = { error: { code: 'invalid_credentials', message: 'Invalid username or password' } };
      expect(await wrong.json()).toEqual(expected);
      expect(await unknown.json()).toEqual(expected);
      expect(wrong.headers.get('set-cookie')).toBeNull();
      const failed = await fx.store.audit.list({ action: 'login_failed', limit: 2 });
      expect(failed.map((e) => e.target)).toEqual(['ghost', 'analyst']);
    });

    it('rejects a malformed login body with 400 and the path of each issue', async () => {
      const res = await send(fx.app, 'POST', '/auth/login', { body: { username: 'analyst' } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.issues.map((i) => i.path)).toEqual(['password']);
    });

    it('answers the session probe with 200 and user null when signed out, the user and CSRF token when in', async () => {
      const out = await send(fx.app, 'GET', '/auth/session');
      expect(out.status).toBe(200);
      expect(await out.json()).toEqual({ user: null });
      const stale = await send(fx.app, 'GET', '/auth/session', { cookie: 'chatbi_session=not-a-session' });
      expect(await stale.json()).toEqual({ user: null });
      const session = await login(fx.app, 'analyst', 'demo-analyst');
      const probe = await send(fx.app, 'GET', '/auth/session', { cookie: session.cookie });
      expect(probe.status).toBe(200);
      expect(await probe.json()).toMatchObject({ user: { username: 'analyst' }, csrfToken: session.csrf });
    });

    it('requires the X-CSRF-Token header on cookie-authenticated POSTs, not on GETs', async () => {
      const session = await login(fx.app, 'analyst', 'demo-analyst');
      const me = await send(fx.app, 'GET', '/auth/me', { cookie: session.cookie });
      expect(await me.json()).toMatchObject({
        user: { username: 'analyst' },
        auth: 'session',
        csrfToken: session.csrf,
      });
      const missing = await send(fx.app, 'POST', '/auth/tokens', {
        cookie: session.cookie,
        body: { name: 'a' },
      });
      expect(missing.status).toBe(403);
      expect(await missing.json()).toEqual({
        error: { code: 'csrf_failed', message: 'Missing or wrong X-CSRF-Token header' },
      });
      const wrong = await send(fx.app, 'POST', '/auth/tokens', {
        cookie: session.cookie,
        csrf: 'x',
        body: { name: 'a' },
      });
      expect(wrong.status).toBe(403);
      const ok = await send(fx.app, 'POST', '/auth/tokens', {
        cookie: session.cookie,
        csrf: session.csrf,
        body: { name: 'laptop' },
      });
      expect(ok.status).toBe(201);
    });

    it('accepts a bearer API token without CSRF, and refuses it once revoked', async () => {
      const session = await login(fx.app, 'viewer', 'demo-viewer');
      const created = await send(fx.app, 'POST', '/auth/tokens', {
        cookie: session.cookie,
        csrf: session.csrf,
        body: { name: 'script' },
      });
      const { id, token } = (await created.json()) as { id: string; token: string };
      expect(token).toMatch(/^cbi_/);
      const me = await send(fx.app, 'GET', '/auth/me', { bearer: token });
      expect(await me.json()).toEqual({
        user: expect.objectContaining({ username: 'viewer', role: 'viewer' }),
        auth: 'token',
      });
      const listed = await send(fx.app, 'GET', '/auth/tokens', { bearer: token });
      expect(JSON.stringify(await listed.json())).not.toContain(token);
      const revoke = await send(fx.app, 'DELETE', `/auth/tokens/${id}`, { bearer: token });
      expect(revoke.status).toBe(200);
      expect((await send(fx.app, 'GET', '/auth/me', { bearer: token })).status).toBe(401);
      expect((await send(fx.app, 'GET', '/auth/me', { bearer: '' })).status).toBe(401);
    });

    it('lets CHATBI_API_TOKEN act as admin and enforces roles with requireRole', async () => {
      const asAdmin = await send(fx.app, 'GET', '/admin-only', { bearer: ENV_TOKEN });
      expect(asAdmin.status).toBe(200);
      expect(await asAdmin.json()).toEqual({ who: 'admin' });
      const viewer = await login(fx.app, 'viewer', 'demo-viewer');
      const denied = await send(fx.app, 'GET', '/admin-only', { cookie: viewer.cookie });
      expect(denied.status).toBe(403);
      expect(await denied.json()).toEqual({
        error: { code: 'forbidden', message: 'This requires the admin role' },
      });
      expect((await send(fx.app, 'GET', '/admin-only')).status).toBe(401);
    });

    it('offers one-click demo sign-in for the non-admin demo users only, and only in demo mode', async () => {
      const list = await send(fx.app, 'GET', '/auth/demo-users');
      const { users } = (await list.json()) as { users: Record<string, unknown>[] };
      // One click never grants admin: the demo admin signs in with its password.
      expect(users.map((u) => [u.username, u.role, u.attributes])).toEqual(
        DEMO_USERS.filter((u) => u.role !== 'admin').map((u) => [u.username, u.role, u.attributes]),
      );
      const demoAdmin = await send(fx.app, 'POST', '/auth/demo-login', { body: { username: 'demo_admin' } });
      expect(demoAdmin.status).toBe(403);
      expect(((await demoAdmin.json()) as { error: { code: string } }).error.code).toBe('demo_admin_refused');
      expect(JSON.stringify(users)).not.toContain('demo-analyst');
      const south = await send(fx.app, 'POST', '/auth/demo-login', { body: { username: 'manager_south' } });
      expect(south.status).toBe(200);
      expect(sessionCookie(south)).toMatch(/^chatbi_session=/);
      expect(await south.json()).toMatchObject({
        user: { role: 'viewer', attributes: { region: ['华南'] } },
      });
      const admin = await send(fx.app, 'POST', '/auth/demo-login', { body: { username: 'admin' } });
      expect(admin.status).toBe(404);

      const production = authRoutes(fx.store);
      expect((await production.request('/demo-users')).status).toBe(404);
      const blocked = await production.request('/demo-login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'analyst' }),
      });
      expect(blocked.status).toBe(404);
    });

    it('signs out: the session ends and the cookie is cleared', async () => {
      const session = await login(fx.app, 'analyst', 'demo-analyst');
      const out = await send(fx.app, 'POST', '/auth/logout', { cookie: session.cookie, csrf: session.csrf });
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/^chatbi_session=; Max-Age=0; /);
      expect((await send(fx.app, 'GET', '/auth/me', { cookie: session.cookie })).status).toBe(401);
    });

    passwordCases(fx, () => fx.boot.adminPassword!);
  });
}
