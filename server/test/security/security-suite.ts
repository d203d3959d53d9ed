/**
 * The security suite (issue 19): every attack of the audit replayed against the real server over HTTP — a
 * copy of the 3,000-customer demo in DuckDB, the app store given by `factory` (PGlite or PostgreSQL), the
 * governance routes. Each case asserts the refusal (status, code, language) and that the server still
 * answers. Run by server/src/http/security.pglite.test.ts and security.postgres.test.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { RunningServer } from '../../src/server/start-server.ts';
import { copiedDemo, startTestServer } from '../server/test-server.ts';
import type { StoreFactory } from '../store/test-stores.ts';
import { accessCases } from './access-cases.ts';
import { authCases } from './auth-cases.ts';
import { inputCases } from './input-cases.ts';
import { modelSqlCases } from './model-sql-cases.ts';
import { SecurityClient } from './security-client.ts';

/** What the cases share. */
export interface SecurityContext {
  factory: StoreFactory;
  server: RunningServer;
  url: string;
  /** The folder of the analytic databases (and a planted truth file). */
  dataDir: string;
  appDir: string;
  admin: SecurityClient;
  analyst: SecurityClient;
  /** manager_south: a viewer limited to 华南. */
  south: SecurityClient;
  /** An analyst limited to 华南 (created by the admin): the preview attacker. */
  southAnalyst: SecurityClient;
}

/** Password of the accounts the suite creates (passes the password policy). */
export const STRONG_PASSWORD = 'Correct-Horse-7-Battery';

export function defineSecuritySuite(label: string, factory: StoreFactory): void {
  describe(`security on ${label}`, () => {
    const ctx = { factory } as SecurityContext;

    beforeAll(async () => {
      ctx.dataDir = await copiedDemo();
      ctx.appDir = `${ctx.dataDir}-app`;
      writeFileSync(join(ctx.dataDir, 'retail.truth.json'), '{"planted": "south churn 27%"}');
      ctx.server = await startTestServer(ctx.dataDir, await factory(), true);
      ctx.url = `http://127.0.0.1:${ctx.server.port}`;
      ctx.admin = await new SecurityClient(ctx.url).login('demo_admin', 'demo-admin');
      ctx.analyst = await new SecurityClient(ctx.url).demoLogin('analyst');
      ctx.south = await new SecurityClient(ctx.url).demoLogin('manager_south');
      const created = await ctx.admin.send('POST', '/api/users', {
        username: 'analyst_south',
        role: 'analyst',
        attributes: { region: ['华南'] },
      });
      expect(created.status).toBe(201);
      ctx.southAnalyst = await new SecurityClient(ctx.url).login(
        'analyst_south',
        created.body.oneTimePassword,
      );
      const changed = await ctx.southAnalyst.send('POST', '/api/auth/password', {
        currentPassword: created.body.oneTimePassword,
        newPassword: STRONG_PASSWORD,
      });
      expect(changed.status).toBe(200);
    }, 180_000);

    afterAll(async () => {
      await ctx.server?.close();
      for (const dir of [ctx.dataDir, ctx.appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    modelSqlCases(ctx);
    accessCases(ctx);
    inputCases(ctx);
    authCases(ctx);
  });
}
