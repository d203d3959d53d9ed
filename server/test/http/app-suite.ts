import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationLog } from '../../src/pipeline/conversation-log.ts';
import type { RunningServer } from '../../src/server/start-server.ts';
import { startTestServer } from '../server/test-server.ts';
import type { StoreFactory } from '../store/test-stores.ts';
import { Client, type Json } from './http-client.ts';

/**
 * The product end to end over real HTTP: demo data in DuckDB, the app store given by `factory`,
 * the rules interpreter, row-level security, conversations that survive a restart, feedback.
 */
export function defineAppSuite(label: string, factory: StoreFactory): void {
  describe(`the HTTP app on ${label}`, () => {
    let server: RunningServer;
    let dir: string;
    let analyst: Client;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'chatbi-app-'));
      // Demo mode is asked for: with PostgreSQL app state it is never on by itself.
      server = await startTestServer(dir, await factory(), true);
      analyst = new Client(`http://127.0.0.1:${server.port}`);
      await analyst.demoLogin('analyst');
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers a Chinese breakdown with the planted 华南 churn, a chart and provenance', async () => {
      const a = await analyst.ask({ question: '上个季度各地区的流失率' });
      expect(a.kind).toBe('answer');
      expect(a.interpretation.query).toMatchObject({
        metrics: ['churn_rate'],
        dimensions: ['region'],
        timeRange: { start: '2026-07-01', end: '2026-10-01' },
      });
      const rows = a.table.rows as { region: string; churn_rate: number }[];
      expect(rows).toHaveLength(7);
      const top = [...rows].sort((x, y) => y.churn_rate - x.churn_rate)[0]!;
      expect(top.region).toBe('华南');
      expect(top.churn_rate).toBeGreaterThan(0.18);
      expect(a.narrative).toContain('华南');
      expect(JSON.stringify(a.chart)).toContain('华南');
      expect(a.provenance.sql[0]).toMatch(/SELECT/i);
      expect(a.provenance.modelVersion).toMatch(/^retail/);
      expect(a.provenance.definitions.map((d: Json) => d.id)).toEqual(['churn_rate', 'region']);
      expect(a.seq).toBe(1);
    });

    it('keeps context across follow-ups in English', async () => {
      const first = await analyst.ask({ question: 'What was the churn rate last quarter?' });
      expect(first.language).toBe('en');
      expect(first.table.rows[0].churn_rate).toBeGreaterThan(0.05);
      const byChannel = await analyst.ask({
        question: 'what about by sales channel?',
        conversationId: first.conversationId,
      });
      expect(byChannel.conversationId).toBe(first.conversationId);
      expect(byChannel.interpretation.query.dimensions).toEqual(['sales_channel']);
      expect(byChannel.interpretation.query.timeRange).toEqual(first.interpretation.query.timeRange);
      const high = await analyst.ask({
        question: 'only high-value customers',
        conversationId: first.conversationId,
      });
      expect(high.interpretation.query.filters).toEqual([
        { member: 'value_tier', op: 'in', values: ['high'] },
      ]);
      expect(high.interpretation.query.dimensions).toEqual(['sales_channel']);
    });

    it('remembers the conversation after a restart (state read back from the store)', async () => {
      const first = await analyst.ask({ question: '上个季度的流失率' });
      // A fresh log with an empty cache, as after a restart, reads the state from the stored message.
      const log = new ConversationLog(server.store);
      const user = await server.store.users.findByUsername('analyst');
      const reopened = await log.open(first.conversationId, user!.id, 'retail', 'x');
      expect(reopened.id).toBe(first.conversationId);
      expect(reopened.previous?.lastQuery?.metrics).toEqual(['churn_rate']);
      expect(reopened.previous?.turn).toBe(1);
    });

    it('re-runs an edited interpretation (a changed chip)', async () => {
      const a = await analyst.ask({ question: '上个季度各地区的流失率' });
      const edited = { ...a.interpretation.query, dimensions: ['value_tier'] };
      const b = await analyst.ask({ query: edited, conversationId: a.conversationId, language: 'zh' });
      expect(b.kind).toBe('answer');
      // Tables show value labels in the answer's language; the query keeps stored codes.
      expect(b.interpretation.query.dimensions).toEqual(['value_tier']);
      expect(b.table.rows.map((r: Json) => r.value_tier).sort()).toEqual(['中价值', '低价值', '高价值']);
    });

    it('limits a regional manager to 华南 on every answer and tile', async () => {
      const south = new Client(`http://127.0.0.1:${server.port}`);
      await south.demoLogin('manager_south');
      const a = await south.ask({ question: '上个季度各地区的流失率' });
      expect(a.table.rows.map((r: Json) => r.region)).toEqual(['华南']);
      const count = await south.ask({ question: 'how many customers by region' });
      expect(count.table.rows.map((r: Json) => r.region)).toEqual(['South China']);
      const home = (await (await south.send('GET', '/api/home?language=en')).json()) as Json;
      const all = (await (await analyst.send('GET', '/api/home?language=en')).json()) as Json;
      const churn = (h: Json) => h.tiles.find((t: Json) => t.metric === 'churn_rate').value;
      expect(churn(home)).toBeGreaterThan(churn(all));
    });

    it('streams progress, then the answer, as server-sent events', async () => {
      const res = await analyst.send(
        'POST',
        '/api/ask',
        { question: 'churn rate by region last quarter' },
        { accept: 'text/event-stream' },
      );
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const text = await res.text();
      const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
      expect(events[0]).toBe('progress');
      expect(events.at(-1)).toBe('answer');
      expect(text).toContain('"stage":"execute"');
      const answer = JSON.parse(text.split('event: answer\ndata: ')[1]!.split('\n')[0]!) as Json;
      expect(answer.table.rows).toHaveLength(7);
    });

    it("draws an answer's chart as a PNG for its owner only (the channels' renderer)", async () => {
      const answer = await analyst.ask({ question: 'churn rate by region last quarter' });
      const path = `/api/conversations/${answer.conversationId}/answers/${answer.seq}/chart.png`;
      const res = await analyst.send('GET', path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1440); // 720 px at 2×
      // Another user's answer is not theirs to draw.
      const south = new Client(`http://127.0.0.1:${server.port}`);
      await south.demoLogin('manager_south');
      expect((await south.send('GET', path)).status).toBe(404);
      const declined = await analyst.ask({ question: '明天北京天气怎么样' });
      const none = await analyst.send(
        'GET',
        `/api/conversations/${declined.conversationId}/answers/${declined.seq}/chart.png`,
      );
      expect(none.status).toBe(404);
      expect(((await none.json()) as Json).error.code).toBe('no_chart');
    });

    it('declines out-of-scope and write requests politely, in the question language', async () => {
      const weather = await analyst.ask({ question: '明天北京天气怎么样' });
      expect(weather.kind).toBe('out_of_scope');
      expect(weather.narrative).toMatch(/抱歉/);
      const del = await analyst.ask({ question: 'delete all customers' });
      expect(del.kind).toBe('out_of_scope');
      expect(del.narrative).toMatch(/cannot|can't|only/i);
    });

    it('rejects bad requests with specific errors and refuses anonymous callers', async () => {
      const bad = await analyst.send('POST', '/api/ask', { question: '' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Json).error.code).toBe('invalid_request');
      const anon = await fetch(`http://127.0.0.1:${server.port}/api/ask`, { method: 'POST', body: '{}' });
      expect(anon.status).toBe(401);
      const unknown = await analyst.send(
        'POST',
        '/api/ask',
        { question: 'x', model: 'nope' },
        { 'accept-language': 'zh-CN' },
      );
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as Json).error.message).toContain('没有名为 nope 的模型');
    });

    it('records thumbs down on an answer and lists the conversation', async () => {
      const a = await analyst.ask({ question: '近12个月流失率的月度趋势' });
      expect(a.interpretation.intent).toBe('trend');
      expect(a.table.rows.length).toBe(12);
      const fb = await analyst.send('POST', '/api/feedback', {
        conversationId: a.conversationId,
        seq: a.seq,
        rating: 'down',
        comment: '应该按流失日期',
      });
      expect(fb.status).toBe(201);
      const [stored] = await server.store.feedback.list({ status: 'open' });
      expect(stored).toMatchObject({ rating: 'down', comment: '应该按流失日期' });
      const list = (await (await analyst.send('GET', '/api/conversations')).json()) as Json;
      expect(list.conversations.map((c: Json) => c.id)).toContain(a.conversationId);
      const conv = (await (
        await analyst.send('GET', `/api/conversations/${a.conversationId}`)
      ).json()) as Json;
      // The history page carries each answer in one line; the full answer is fetched by its seq.
      expect(conv.messages).toEqual([
        {
          seq: a.seq,
          question: '近12个月流失率的月度趋势',
          summary: { kind: 'answer', narrative: a.narrative, conversationId: a.conversationId },
          createdAt: expect.anything(),
        },
      ]);
      expect(conv.more).toBe(false);
      expect(JSON.stringify(conv)).not.toContain('"table"');
      const turn = (await (
        await analyst.send('GET', `/api/conversations/${a.conversationId}/answers/${a.seq}`)
      ).json()) as Json;
      expect(turn.seq).toBe(a.seq);
      expect(turn.question).toBe('近12个月流失率的月度趋势');
      expect(turn.answer.narrative).toBe(a.narrative);
      expect(turn.answer.table.rows).toEqual(a.table.rows);
      const missing = await analyst.send('GET', `/api/conversations/${a.conversationId}/answers/999`);
      expect(missing.status).toBe(404);
      const south = new Client(`http://127.0.0.1:${server.port}`);
      await south.demoLogin('manager_south');
      for (const path of [
        `/api/conversations/${a.conversationId}`,
        `/api/conversations/${a.conversationId}/answers/${a.seq}`,
      ])
        expect((await south.send('GET', path)).status).toBe(404);
      // Pages: the newest `limit` turns first, then the ones before a seq, each in seq order.
      const b = await analyst.ask({ question: '上个季度流失率是多少?', conversationId: a.conversationId });
      const c = await analyst.ask({ question: '按地区看呢?', conversationId: a.conversationId });
      const page = async (query: string) =>
        (await (await analyst.send('GET', `/api/conversations/${a.conversationId}?${query}`)).json()) as Json;
      const newest = await page('limit=2');
      expect(newest.messages.map((m: Json) => [m.seq, m.summary.narrative])).toEqual([
        [b.seq, b.narrative],
        [c.seq, c.narrative],
      ]);
      expect(newest.more).toBe(true);
      const older = await page(`limit=2&before=${b.seq}`);
      expect(older.messages.map((m: Json) => m.seq)).toEqual([a.seq]);
      expect(older.more).toBe(false);
      expect((await analyst.send('GET', `/api/conversations/${a.conversationId}?limit=0`)).status).toBe(400);
    });

    it("lets an admin change a user's row-level access, effective at once and audited; others may not", async () => {
      const admin = new Client(`http://127.0.0.1:${server.port}`);
      await admin.demoLogin('demo_admin', 'demo-admin');
      const viewer = new Client(`http://127.0.0.1:${server.port}`);
      await viewer.demoLogin('viewer');
      const { users } = (await (await admin.send('GET', '/api/users')).json()) as Json;
      const target = users.find((u: Json) => u.username === 'viewer');
      expect(JSON.stringify(users)).not.toContain('passwordHash');
      const denied = await analyst.send('PATCH', `/api/users/${target.id}`, {
        attributes: { region: ['华东'] },
      });
      expect(denied.status).toBe(403);
      const changed = await admin.send('PATCH', `/api/users/${target.id}`, {
        attributes: { region: ['华东'] },
      });
      expect(changed.status).toBe(200);
      const a = await viewer.ask({ question: '上个季度各地区的流失率' });
      expect(a.table.rows.map((r: Json) => r.region)).toEqual(['华东']);
      await admin.send('PATCH', `/api/users/${target.id}`, { attributes: {} });
      const b = await viewer.ask({ question: '上个季度各地区的流失率' });
      expect(b.table.rows).toHaveLength(7);
      const [entry] = await server.store.audit.list({ action: 'user.permissions' });
      expect(entry!.details).toMatchObject({ after: { attributes: {} } });
      const self = users.find((u: Json) => u.username === 'demo_admin');
      const lockout = await admin.send('PATCH', `/api/users/${self.id}`, { role: 'viewer' });
      expect(lockout.status).toBe(409);
      const created = await admin.send('POST', '/api/users', {
        username: 'east_lead',
        role: 'viewer',
        attributes: { region: ['华东'] },
      });
      expect(created.status).toBe(201);
      expect(((await created.json()) as Json).oneTimePassword).toMatch(/^\S{12,}$/);
      expect((await admin.send('POST', '/api/users', { username: 'east_lead', role: 'viewer' })).status).toBe(
        409,
      );
    });

    it('uses a definition change as soon as an admin approves it (analyst drafts, admin publishes)', async () => {
      const before = await analyst.ask({ question: '上个季度的客损' });
      expect(before.interpretation.unknownTerms).toContain('客损');
      const draft = await analyst.send('POST', '/api/models/retail/drafts', {});
      expect(draft.status).toBe(201);
      const no = ((await draft.json()) as Json).version.versionNo;
      const catalog = (await (await analyst.send('GET', '/api/catalog')).json()) as Json;
      const synonyms = catalog.metrics.find((m: Json) => m.id === 'churn_rate').synonyms;
      const edit = await analyst.send(
        'PUT',
        `/api/models/retail/versions/${no}/metrics/churn_rate/synonyms`,
        {
          zh: [...synonyms.zh, '客损'],
          en: synonyms.en,
        },
      );
      expect(edit.status).toBe(200);
      expect(((await edit.json()) as Json).validation.ok).toBe(true);
      expect((await analyst.send('POST', `/api/models/retail/versions/${no}/submit`, {})).status).toBe(200);
      expect((await analyst.send('POST', `/api/models/retail/versions/${no}/approve`, {})).status).toBe(403);
      const admin = new Client(`http://127.0.0.1:${server.port}`);
      await admin.demoLogin('demo_admin', 'demo-admin');
      const approved = await admin.send('POST', `/api/models/retail/versions/${no}/approve`, {
        comment: 'ok',
      });
      expect(approved.status).toBe(200);
      const after = await analyst.ask({ question: '上个季度的客损' });
      expect(after.kind).toBe('answer');
      expect(after.interpretation.unknownTerms).toEqual([]);
      expect(after.interpretation.query.metrics).toEqual(['churn_rate']);
      expect(after.provenance.modelVersion).toMatch(new RegExp(`^retail v${no} `));
      const audit = (await (await admin.send('GET', '/api/audit?action=model.*')).json()) as Json;
      expect(JSON.stringify(audit)).toContain('model.approve');
    });

    it('answers "why" with the reason breakdown and "which customers" with the at-risk list', async () => {
      const reasons = await analyst.ask({ question: '上个季度流失客户的主要原因是什么?' });
      expect(reasons.kind).toBe('answer');
      expect(reasons.interpretation.intent).toBe('reasons');
      expect(reasons.analysis.type).toBe('reasons');
      const top = reasons.table.rows[0];
      expect(Object.values(top)).toContain('物流配送');
      expect(reasons.narrative).toMatch(/静默流失/);
      const list = await analyst.ask({ question: 'which high-value customers are at risk?' });
      expect(list.interpretation.intent).toBe('risk_list');
      expect(list.table.rows.length).toBeGreaterThan(5);
      expect(list.table.rows.every((r: Json) => r.value_tier === 'High value')).toBe(true);
    });

    it('lists at-risk customers for a regional manager only in 华南, and exports them as CSV (audited)', async () => {
      const south = new Client(`http://127.0.0.1:${server.port}`);
      await south.demoLogin('manager_south');
      const res = await south.send('GET', '/api/customers/at-risk?limit=500&language=zh');
      expect(res.status).toBe(200);
      const body = (await res.json()) as Json;
      expect(body.customers.length).toBeGreaterThan(5);
      expect(new Set(body.customers.map((c: Json) => c.regionLabel))).toEqual(new Set(['华南']));
      expect(body.customers[0]).toMatchObject({ customerId: expect.any(String), risk: expect.any(Number) });
      const all = (await (
        await analyst.send('GET', '/api/customers/at-risk?limit=500&language=zh')
      ).json()) as Json;
      expect(new Set(all.customers.map((c: Json) => c.regionLabel)).size).toBeGreaterThan(3);
      const csv = await south.send('GET', '/api/customers/at-risk?format=csv&limit=50');
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const text = await csv.text();
      const lines = text.trim().split('\r\n');
      expect(lines.length).toBe(Math.min(51, body.customers.length + 1));
      expect(lines.slice(1).every((l) => l.includes('South China') || l.includes('华南'))).toBe(true);
      const [entry] = await server.store.audit.list({ action: 'export' });
      expect(entry!.target).toBe('customers/at-risk');
    });

    it('gives the at-risk count of the home tile in the list, pages it with the total, and exports what the filters show', async () => {
      const home = (await (await analyst.send('GET', '/api/home?language=zh')).json()) as Json;
      const tile = home.tiles.find((t: Json) => t.metric === 'at_risk_customers');
      const first = (await (
        await analyst.send('GET', '/api/customers/at-risk?page=1&pageSize=5&language=zh')
      ).json()) as Json;
      const second = (await (
        await analyst.send('GET', '/api/customers/at-risk?page=2&pageSize=5&language=zh')
      ).json()) as Json;
      expect(first.atRisk).toBe(tile.value);
      expect(first.total).toBe(first.atRisk);
      expect(second).toMatchObject({ page: 2, pageSize: 5, total: first.total });
      const ids = (r: Json) => r.customers.map((c: Json) => c.customerId);
      expect(ids(second)).toHaveLength(5);
      expect(ids(second).some((id: string) => ids(first).includes(id))).toBe(false);
      const east = (await (
        await analyst.send('GET', '/api/customers/at-risk?q=%E5%8D%8E%E4%B8%9C&pageSize=500&language=zh')
      ).json()) as Json;
      expect(east.total).toBeLessThan(first.total);
      const csv = await analyst.send(
        'GET',
        '/api/customers/at-risk?format=csv&q=%E5%8D%8E%E4%B8%9C&language=zh',
      );
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines.length).toBe(east.total + 1);
      expect(lines.slice(1).every((l) => l.includes('华东'))).toBe(true);
      expect(lines[1]).toMatch(/\d+\.\d%/);
      expect(lines[1]).toContain('¥');
      const bad = await analyst.send('GET', '/api/customers/at-risk?pageSize=501');
      expect(bad.status).toBe(400);
    });

    it('serves health, catalog and home tiles', async () => {
      const health = (await (await fetch(`http://127.0.0.1:${server.port}/api/health`)).json()) as Json;
      expect(health.models[0]).toMatchObject({ id: 'retail', asOf: '2026-10-01' });
      const catalog = (await (await analyst.send('GET', '/api/catalog')).json()) as Json;
      const region = catalog.dimensions.find((d: Json) => d.id === 'region');
      expect(region.values.map((v: Json) => v.value)).toContain('华南');
      expect(catalog.examples.zh.length).toBeGreaterThan(2);
      const home = (await (await analyst.send('GET', '/api/home?language=zh')).json()) as Json;
      const churn = home.tiles.find((t: Json) => t.metric === 'churn_rate');
      expect(churn.label).toBe('流失率');
      expect(churn.spark).toHaveLength(12);
      expect(churn.value - churn.previous).toBeCloseTo(churn.change, 10);
      expect(churn.period).toEqual({ start: '2026-07-01', end: '2026-10-01' });
      // At-risk customers are counted now: no period, and no "change" against the same number.
      const atRisk = home.tiles.find((t: Json) => t.metric === 'at_risk_customers');
      expect(atRisk).toMatchObject({ period: null, previous: null, change: null, spark: [] });
      expect(atRisk.value).toBeGreaterThan(0);
    });
  });
}
