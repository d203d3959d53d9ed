/**
 * High: an analyst limited to 华南 bypassed row-level security in preview. Medium: catalog counts ignored it,
 * an unknown attribute key showed every region. Row-level security now follows the published policy and
 * fails closed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RLS_BYPASS_DRAFTS } from '../../../semantic-layer/test/rls-bypass-drafts.ts';
import { expectHealthy, expectRefusal, type Json, SecurityClient } from './security-client.ts';
import { type SecurityContext, STRONG_PASSWORD } from './security-suite.ts';

const BY_REGION = { model: 'retail', metrics: ['customers'], dimensions: ['region'] };
const total = (rows: Json[]) => rows.reduce((n, r) => n + Number(r.customers), 0);

/** Creates a user, changes the one-time password; returns the signed-in client and the user's id. */
async function newUser(ctx: SecurityContext, username: string, attributes: Record<string, string[]>) {
  const created = await ctx.admin.send('POST', '/api/users', { username, role: 'analyst', attributes });
  expect(created.status).toBe(201);
  const client = await new SecurityClient(ctx.url).login(username, created.body.oneTimePassword);
  const changed = await client.send('POST', '/api/auth/password', {
    currentPassword: created.body.oneTimePassword,
    newPassword: STRONG_PASSWORD,
  });
  expect(changed.status).toBe(200);
  return { client, id: created.body.user.id as string };
}

export function accessCases(ctx: SecurityContext): void {
  describe('previews are bound by the published access policy', () => {
    let published: Record<string, string>;
    let southCustomers: number;
    beforeAll(async () => {
      published = (await ctx.southAnalyst.send('GET', '/api/models/retail/versions/1')).body.version.files;
      const home = await ctx.admin.send('GET', '/api/catalog');
      const region = home.body.dimensions.find((d: Json) => d.id === 'region');
      southCustomers = region.values.find((v: Json) => v.value === '华南').count;
      expect(southCustomers).toBeGreaterThan(0);
    });

    it.each(RLS_BYPASS_DRAFTS)(
      'a draft that %s still shows the 华南 analyst only 华南, and is flagged for the reviewer',
      async (_, file, from, to) => {
        const draft = await ctx.southAnalyst.send('POST', '/api/models/retail/drafts', {});
        const no = draft.body.version.versionNo;
        expect(published[file]).toContain(from);
        const saved = await ctx.southAnalyst.send('PUT', `/api/models/retail/versions/${no}/files`, {
          files: { ...published, [file]: published[file]!.replace(from, to) },
        });
        expect(saved.body.validation.ok).toBe(true);
        const preview = await ctx.southAnalyst.send('POST', `/api/models/retail/versions/${no}/preview`, {
          queries: [BY_REGION],
        });
        expect(preview.status, JSON.stringify(preview.body)).toBe(200);
        const [sample] = preview.body.samples;
        expect(sample.before, JSON.stringify(sample)).toMatchObject({
          ok: true,
          rows: [{ region: '华南', customers: southCustomers }],
        });
        expect(sample.after.ok).toBe(true);
        expect(total(sample.after.rows)).toBe(southCustomers);
        const diff = await ctx.admin.send('GET', `/api/models/retail/diff?from=1&to=${no}`);
        expect(diff.body.summary.accessPolicy.changed).toBe(true);
        await expectHealthy(ctx.southAnalyst);
      },
    );
  });

  describe('row-level security fails closed', () => {
    it('refuses an unknown attribute key when an admin sets it (zh)', async () => {
      const typo = { attributes: { regoin: ['华南'] } };
      const create = await ctx.admin.send(
        'POST',
        '/api/users',
        { username: 'typo_create', role: 'viewer', ...typo },
        { 'accept-language': 'zh' },
      );
      expectRefusal(create, 400, 'unknown_attribute', 'zh');
      expect(create.body.error.message).toContain('regoin');
      const users = (await ctx.admin.send('GET', '/api/users')).body.users as Json[];
      const south = users.find((u) => u.username === 'manager_south')!;
      const patch = await ctx.admin.send('PATCH', `/api/users/${south.id}`, typo);
      expectRefusal(patch, 400, 'unknown_attribute', 'en');
      expect(patch.body.error.issues[0].path).toBe('attributes.regoin');
      await expectHealthy(ctx.admin);
    });

    it('a user whose stored attributes match no rule sees nothing: answers, home tiles, catalog values', async () => {
      const { client, id } = await newUser(ctx, 'legacy_typo', { region: ['华南'] });
      // As if written before attributes were validated (or the rule was renamed since).
      await ctx.server.store.users.update(id, { attributes: { regoin: ['华南'] } });
      const answer = await client.send('POST', '/api/ask', { question: '上个季度各地区的流失率' });
      expect(answer.status).toBe(200);
      expect(answer.body.kind).toBe('error');
      expect(answer.body.narrative).toMatch(/数据权限属性与该模型的访问规则不匹配/);
      // Programs get the codes the narrative is made from (Answer.error).
      expect(answer.body.error).toEqual({
        code: 'invalid_query',
        issues: [{ code: 'access_denied', path: 'attributes', message: expect.any(String) }],
      });
      expect(answer.body.table?.rows ?? []).toEqual([]);
      const atRisk = await client.send('POST', '/api/ask', { question: '哪些高价值客户有流失风险?' });
      expect(atRisk.body.kind).toBe('error');
      expect(atRisk.body.error.code).toMatch(/^(invalid_query|no_data|invalid_request|unsupported)$/);
      expect(atRisk.body.table?.rows ?? []).toEqual([]);
      expectRefusal(
        await client.send('GET', '/api/customers/at-risk?language=zh'),
        403,
        'access_denied',
        'zh',
      );
      const home = await client.send('GET', '/api/home');
      expect(home.body.tiles).toEqual([]);
      const catalog = await client.send('GET', '/api/catalog');
      for (const d of catalog.body.dimensions as Json[]) expect(d.values, d.id).toEqual([]);
      await expectHealthy(client);
    });

    it('catalog values and counts, and suggestions, are filtered for the 华南 manager', async () => {
      const all = (await ctx.admin.send('GET', '/api/catalog')).body.dimensions as Json[];
      const mine = (await ctx.south.send('GET', '/api/catalog')).body.dimensions as Json[];
      const values = (dims: Json[], id: string) => dims.find((d) => d.id === id)!.values as Json[];
      const south = values(all, 'region').find((v) => v.value === '华南')!.count;
      expect(values(mine, 'region').map((v) => [v.value, v.count])).toEqual([['华南', south]]);
      const cities = values(mine, 'city');
      expect(cities.length).toBeLessThan(values(all, 'city').length);
      expect(cities.reduce((n, v) => n + v.count, 0)).toBe(south);
      const tiers = (dims: Json[]) => values(dims, 'risk_tier').reduce((n, v) => n + v.count, 0);
      expect(tiers(mine)).toBeGreaterThan(0);
      expect(tiers(mine)).toBeLessThan(tiers(all));
      const home = await ctx.south.send('GET', '/api/home?language=zh');
      for (const other of ['华北', '华东', '西南'])
        expect(JSON.stringify(home.body.suggestions)).not.toContain(other);
      await expectHealthy(ctx.south);
    });
  });
}
