/**
 * High: demo mode turned itself on and gave an unauthenticated admin session. Medium/low: brute force,
 * weak passwords, tokens surviving a password change, login CSRF, missing security headers, a spoofable
 * audit address.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copiedDemo, startTestServer } from '../server/test-server.ts';
import { expectHealthy, expectRefusal, SecurityClient } from './security-client.ts';
import { type SecurityContext, STRONG_PASSWORD } from './security-suite.ts';

/** A sign-in attempt with the right password, asking for Chinese messages. */
function tryRight(client: SecurityClient, username: string, password: string) {
  return client.send('POST', '/api/auth/login', { username, password }, { 'accept-language': 'zh' });
}

/** Runs `work` with `CHATBI_TRUSTED_PROXIES` set (loopback is the proxy), then restores it. */
async function behindProxy<T>(work: () => Promise<T>): Promise<T> {
  const previous = process.env.CHATBI_TRUSTED_PROXIES;
  process.env.CHATBI_TRUSTED_PROXIES = '127.0.0.1,::1';
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env.CHATBI_TRUSTED_PROXIES;
    else process.env.CHATBI_TRUSTED_PROXIES = previous;
  }
}

async function victim(ctx: SecurityContext, username: string): Promise<{ id: string; password: string }> {
  const created = await ctx.admin.send('POST', '/api/users', { username, role: 'viewer' });
  expect(created.status).toBe(201);
  return { id: created.body.user.id, password: created.body.oneTimePassword };
}

export function authCases(ctx: SecurityContext): void {
  describe('demo mode is explicit and never admin', () => {
    it('refuses one-click sign-in as the demo admin (403) and does not list it', async () => {
      const anyone = new SecurityClient(ctx.url, { 'accept-language': 'zh' });
      expectRefusal(
        await anyone.send('POST', '/api/auth/demo-login', { username: 'demo_admin' }),
        403,
        'demo_admin_refused',
        'zh',
      );
      const listed = await anyone.send('GET', '/api/auth/demo-users');
      expect(listed.body.users.map((u: { role: string }) => u.role)).not.toContain('admin');
      await new SecurityClient(ctx.url).demoLogin('viewer');
    });

    it('a copied database does not turn demo mode on (with this app store)', async () => {
      const dataDir = await copiedDemo();
      const other = await startTestServer(dataDir, await ctx.factory());
      try {
        const url = `http://127.0.0.1:${other.port}`;
        const anyone = new SecurityClient(url);
        expect((await anyone.send('GET', '/api/health')).body.demo).toBe(false);
        // No demo routes: the request falls through to the authenticated API (401), no session is made.
        for (const username of ['demo_admin', 'analyst']) {
          const res = await anyone.send('POST', '/api/auth/demo-login', { username });
          expect([401, 404]).toContain(res.status);
          expect(res.headers.get('set-cookie')).toBeNull();
        }
        expect([401, 404]).toContain((await anyone.send('GET', '/api/auth/demo-users')).status);
        expect(other.boot.demoUsersCreated).toEqual([]);
      } finally {
        await other.close();
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(`${dataDir}-app`, { recursive: true, force: true });
      }
    }, 120_000);
  });

  describe('brute force is throttled per account and per address, and an admin lifts a lock-out', () => {
    it('60 sequential wrong passwords, then the right one: refused (429 with Retry-After)', async () => {
      const v = await victim(ctx, 'victim_seq');
      await behindProxy(async () => {
        const attacker = new SecurityClient(ctx.url, { 'x-forwarded-for': '198.51.100.1' });
        const statuses: number[] = [];
        for (let i = 0; i < 60; i++)
          statuses.push(
            (
              await attacker.send('POST', '/api/auth/login', {
                username: 'victim_seq',
                password: `guess-${i}`,
              })
            ).status,
          );
        // Five tries, then a doubling wait: only a handful of guesses are ever checked.
        expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
        expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
        expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
        const right = await tryRight(attacker, 'victim_seq', v.password);
        expectRefusal(right, 429, 'too_many_attempts', 'zh');
        expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      });
      await expectHealthy(ctx.analyst);
    });

    it('80 parallel wrong passwords, then the right one: refused', async () => {
      const v = await victim(ctx, 'victim_par');
      await behindProxy(async () => {
        const attacker = new SecurityClient(ctx.url, { 'x-forwarded-for': '198.51.100.2' });
        const statuses = await Promise.all(
          Array.from(
            { length: 80 },
            async (_, i) =>
              (
                await attacker.send('POST', '/api/auth/login', {
                  username: 'victim_par',
                  password: `guess-${i}`,
                })
              ).status,
          ),
        );
        // Attempts on one account are taken in turn: the burst meets the back-off like a sequential one.
        expect(
          statuses.every((s) => s === 401 || s === 429),
          JSON.stringify(statuses),
        ).toBe(true);
        expect(statuses.filter((s) => s === 401).length, JSON.stringify(statuses)).toBeLessThanOrEqual(10);
        const right = await attacker.send('POST', '/api/auth/login', {
          username: 'victim_par',
          password: v.password,
        });
        expect([423, 429]).toContain(right.status);
      });
      await expectHealthy(ctx.analyst);
    }, 120_000);

    it('a slow attack that reaches 20 failures locks the account until an admin unlocks it', async () => {
      const v = await victim(ctx, 'victim_slow');
      // Twenty failures spread over hours, as the audit log would hold them.
      for (let i = 0; i < 20; i++)
        await ctx.server.store.audit.record({
          action: 'login_failed',
          target: 'victim_slow',
          ip: '198.51.100.3',
        });
      await behindProxy(async () => {
        const owner = new SecurityClient(ctx.url, { 'x-forwarded-for': '203.0.113.7' });
        const right = await tryRight(owner, 'victim_slow', v.password);
        expectRefusal(right, 423, 'account_locked', 'zh');
        const listed = (await ctx.admin.send('GET', '/api/users')).body.users.find(
          (u: { username: string }) => u.username === 'victim_slow',
        );
        expect(listed.locked).toBe(true);
        expect((await ctx.admin.send('PATCH', `/api/users/${v.id}`, { unlock: true })).status).toBe(200);
        await owner.login('victim_slow', v.password);
      });
      await expectHealthy(ctx.analyst);
    });

    it('an address with 50 failures in 15 minutes is throttled for every account', async () => {
      for (let i = 0; i < 50; i++)
        await ctx.server.store.audit.record({
          action: 'login_failed',
          target: `sprayed_${i}`,
          ip: '198.51.100.4',
        });
      await behindProxy(async () => {
        const sprayer = new SecurityClient(ctx.url, { 'x-forwarded-for': '198.51.100.4' });
        expectRefusal(
          await sprayer.send('POST', '/api/auth/login', { username: 'demo_admin', password: 'demo-admin' }),
          429,
          'too_many_attempts',
          'en',
        );
        await new SecurityClient(ctx.url, { 'x-forwarded-for': '203.0.113.8' }).login(
          'demo_admin',
          'demo-admin',
        );
      });
    });
  });

  describe('passwords and tokens', () => {
    it('refuses weak passwords (zh/en) and revokes API tokens on a password change', async () => {
      const v = await victim(ctx, 'token_owner');
      const owner = await new SecurityClient(ctx.url).login('token_owner', v.password);
      for (const weak of ['aaaaaaaaaa', '1234567890', 'password123', 'token_owner-2026'])
        expectRefusal(
          await owner.send(
            'POST',
            '/api/auth/password',
            { currentPassword: v.password, newPassword: weak },
            { 'accept-language': 'zh' },
          ),
          400,
          'weak_password',
          'zh',
        );
      expect(
        (
          await owner.send('POST', '/api/auth/password', {
            currentPassword: v.password,
            newPassword: STRONG_PASSWORD,
          })
        ).status,
      ).toBe(200);
      const token = (await owner.send('POST', '/api/auth/tokens', { name: 'script' })).body.token as string;
      const bearer = { authorization: `Bearer ${token}` };
      expect((await new SecurityClient(ctx.url).send('GET', '/api/auth/me', undefined, bearer)).status).toBe(
        200,
      );
      const changed = await owner.send('POST', '/api/auth/password', {
        currentPassword: STRONG_PASSWORD,
        newPassword: 'Another-Strong-Phrase-9',
      });
      expect(changed.body).toEqual({ ok: true, tokensRevoked: 1 });
      expectRefusal(
        await new SecurityClient(ctx.url).send('GET', '/api/auth/me', undefined, bearer),
        401,
        'unauthenticated',
      );
      await expectHealthy(owner);
    });
  });

  describe('sign-in only as JSON from this origin, headers, client address', () => {
    it('refuses a text/plain login and a login from another origin (login CSRF)', async () => {
      const anyone = new SecurityClient(ctx.url);
      const form = await anyone.raw('POST', '/api/auth/login', {
        body: JSON.stringify({ username: 'demo_admin', password: 'demo-admin' }),
        headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
      });
      expectRefusal(form, 415, 'json_required');
      const foreign = await anyone.send(
        'POST',
        '/api/auth/login',
        { username: 'demo_admin', password: 'demo-admin' },
        { origin: 'http://evil.example', 'accept-language': 'zh' },
      );
      expectRefusal(foreign, 403, 'cross_origin', 'zh');
      const same = await anyone.send(
        'POST',
        '/api/auth/login',
        { username: 'demo_admin', password: 'demo-admin' },
        { origin: ctx.url },
      );
      expect(same.status).toBe(200);
    });

    it('sends a CSP, frame denial and nosniff on every response', async () => {
      for (const path of ['/api/health', '/', '/api/nothing']) {
        const res = await fetch(`${ctx.url}${path}`);
        expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
        expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });

    it('trusts X-Forwarded-For only from a configured proxy', async () => {
      const spoofed = new SecurityClient(ctx.url, { 'x-forwarded-for': '203.0.113.66' });
      await spoofed.login('demo_admin', 'demo-admin');
      const direct = (await ctx.server.store.audit.list({ action: 'login', limit: 1 }))[0]!;
      expect(direct.ip).not.toBe('203.0.113.66');
      expect(direct.ip).toMatch(/127\.0\.0\.1|::1/);
      await behindProxy(() => spoofed.login('demo_admin', 'demo-admin'));
      expect((await ctx.server.store.audit.list({ action: 'login', limit: 1 }))[0]!.ip).toBe('203.0.113.66');
    });
  });
}
