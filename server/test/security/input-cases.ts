/**
 * Medium/low: oversized and malformed bodies, wrong value types, a runaway preview, what the analytic engine
 * may read, and a conversation message written without its audit entry.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectHealthy, expectRefusal, SecurityClient } from './security-client.ts';
import type { SecurityContext } from './security-suite.ts';

/** POSTs a few bytes announced as `length` bytes of JSON (or 40 KB chunked); resolves with the response. */
function declaredBody(
  base: string,
  path: string,
  /** null: chunked, 40 KB streamed without a length. */
  length: number | null,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        ...(length === null ? {} : { 'content-length': String(length) }),
        ...headers,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => {
        text += String(d);
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.write('{"username": "admin", "password": "');
    if (length === null) for (let i = 0; i < 40; i++) req.write('x'.repeat(1024));
  });
}

export function inputCases(ctx: SecurityContext): void {
  describe('bodies, text and values', () => {
    it('refuses an oversized body with 413 before reading it (unauthenticated login and any route)', async () => {
      // A 300 MB JSON announced by its Content-Length: refused from the header alone.
      const login = await declaredBody(ctx.url, '/api/auth/login', 300 * 1024 * 1024, {
        'accept-language': 'zh',
      });
      expect(login.status).toBe(413);
      expect(JSON.parse(login.text).error).toMatchObject({ code: 'body_too_large' });
      expect(JSON.parse(login.text).error.message).toMatch(/请求体过大/);
      const ask = await declaredBody(ctx.url, '/api/ask', 300 * 1024 * 1024, {
        cookie: ctx.analyst.cookie,
        'x-csrf-token': ctx.analyst.csrf,
      });
      expect(ask.status).toBe(413);
      // Streamed without a length: counted as it arrives.
      const streamed = await declaredBody(ctx.url, '/api/auth/login', null, {});
      expect(streamed.status).toBe(413);
      await expectHealthy(ctx.analyst);
    });

    it.each([
      ['a NUL in a question', '/api/ask', { question: '上个季度\u0000流失率' }, 'question'],
      ['a lone surrogate in a question', '/api/ask', { question: 'churn \ud800 rate' }, 'question'],
      ['a NUL in a token name', '/api/auth/tokens', { name: 'ci\u0000token' }, 'name'],
      ['a lone surrogate in a token name', '/api/auth/tokens', { name: '\udc00ci' }, 'name'],
    ])('refuses %s with 400 naming the field', async (_, path, body, field) => {
      const reply = await ctx.analyst.send('POST', path, body, { 'accept-language': 'zh' });
      expectRefusal(reply, 400, 'invalid_text', 'zh');
      expect(reply.body.error.issues[0].path).toBe(field);
      await expectHealthy(ctx.analyst);
    });

    it('refuses NUL and lone surrogates at sign-in and in feedback', async () => {
      const anyone = new SecurityClient(ctx.url);
      const login = await anyone.send('POST', '/api/auth/login', { username: 'admin\u0000', password: 'x' });
      expectRefusal(login, 400, 'invalid_text', 'en');
      const surrogate = await anyone.send('POST', '/api/auth/login', {
        username: 'admin',
        password: '\ud83d',
      });
      expectRefusal(surrogate, 400, 'invalid_text', 'en');
      const answer = await ctx.analyst.send('POST', '/api/ask', { question: '上个季度的流失率' });
      const feedback = await ctx.analyst.send('POST', '/api/feedback', {
        conversationId: answer.body.conversationId,
        seq: answer.body.seq,
        rating: 'down',
        comment: 'wrong \ud800',
      });
      expectRefusal(feedback, 400, 'invalid_text', 'en');
      expect(feedback.body.error.issues[0].path).toBe('comment');
      await expectHealthy(ctx.analyst);
    });

    it.each([
      [{ member: 'tenure_days', op: 'gt', values: ['abc'] }, 'query.filters.0.values.0'],
      [{ member: 'signup_date', op: 'gte', values: ['2026-13-45'] }, 'query.filters.0.values.0'],
      [{ member: 'churn_rate', op: 'gt', values: ['abc'] }, 'query.filters.0.values.0'],
    ])('refuses a filter value of the wrong type with 400 naming the field: %j', async (filter, field) => {
      const query = {
        model: 'retail',
        metrics: ['churn_rate'],
        filters: [filter],
        timeRange: { start: '2026-07-01', end: '2026-10-01' },
      };
      const reply = await ctx.analyst.send('POST', '/api/ask', { query, language: 'en' });
      expectRefusal(reply, 400, 'invalid_query', 'en');
      expect(reply.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
      await expectHealthy(ctx.analyst);
    });

    it('refuses a time range that is not a calendar date with 400', async () => {
      const query = {
        model: 'retail',
        metrics: ['churn_rate'],
        timeRange: { start: '2026-13-45', end: '2026-10-01' },
      };
      const reply = await ctx.analyst.send('POST', '/api/ask', { query, language: 'zh' });
      expectRefusal(reply, 400, 'invalid_query', 'zh');
      expect(reply.body.error.issues.map((i: { path: string }) => i.path)).toContain('query.timeRange.start');
    });
  });

  describe('a runaway preview is interrupted while the server keeps answering', () => {
    it('stops the draft materialisation with 422 preview_timeout (zh) and answers health meanwhile', async () => {
      const draft = await ctx.analyst.send('POST', '/api/models/retail/drafts', {});
      const no = draft.body.version.versionNo;
      // A new churn window rebuilds every derived table in the sandbox.
      const edit = await ctx.analyst.send('PUT', `/api/models/retail/versions/${no}/churn-window`, {
        window_days: 120,
      });
      expect(edit.body.validation.ok).toBe(true);
      const previous = process.env.CHATBI_PREVIEW_TIMEOUT_MS;
      process.env.CHATBI_PREVIEW_TIMEOUT_MS = '1';
      try {
        const preview = ctx.analyst.send(
          'POST',
          `/api/models/retail/versions/${no}/preview`,
          {},
          { 'accept-language': 'zh' },
        );
        const health = await Promise.all([1, 2, 3].map(() => fetch(`${ctx.url}/api/health`)));
        expect(health.map((r) => r.status)).toEqual([200, 200, 200]);
        const refused = await preview;
        expectRefusal(refused, 422, 'preview_timeout', 'zh');
      } finally {
        if (previous === undefined) delete process.env.CHATBI_PREVIEW_TIMEOUT_MS;
        else process.env.CHATBI_PREVIEW_TIMEOUT_MS = previous;
      }
      const again = await ctx.analyst.send('POST', `/api/models/retail/versions/${no}/preview`, {});
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(again.body.materialized).toBe(true);
      await expectHealthy(ctx.analyst);
    }, 120_000);
  });

  describe('what the analytic engine may read', () => {
    it('keeps app state outside the data folder and reads nothing but its database, per statement type', async () => {
      expect(existsSync(join(ctx.dataDir, 'app'))).toBe(false);
      expect(existsSync(ctx.appDir)).toBe(true);
      const engine = ctx.server.registry.get('retail').runtime.engine;
      const truth = join(ctx.dataDir, 'retail.truth.json');
      for (const sql of [
        `SELECT * FROM read_blob('${truth}')`,
        `SELECT * FROM read_text('${ctx.dataDir}/*')`,
        `SELECT * FROM read_csv('${truth}')`,
        `SELECT * FROM read_parquet('${truth}')`,
        `SELECT * FROM glob('${ctx.appDir}/*')`,
        `SELECT * FROM read_blob('${ctx.appDir}/${'*'}')`,
        `ATTACH '${join(ctx.dataDir, 'other.duckdb')}' AS other`,
        `COPY (SELECT 1) TO '${join(ctx.dataDir, 'out.csv')}'`,
        'INSTALL httpfs',
        'LOAD httpfs',
        'SET enable_external_access = true',
        'PRAGMA threads = 1',
        "SELECT getenv('HOME')",
        `SELECT 1; SELECT * FROM read_blob('${truth}')`,
      ])
        await expect(engine.query(sql), sql).rejects.toThrow(
          /Permission Error|disabled by configuration|configuration has been locked|getenv does not exist/,
        );
      expect((await engine.query('SELECT count(*) AS n FROM customers')).rows[0]!.n).toBe(3000);
      await expectHealthy(ctx.analyst);
    });
  });

  describe('the audit entry is written with the action it records', () => {
    it('records an answer and its audit entry together, or neither', async () => {
      const answer = await ctx.analyst.send('POST', '/api/ask', { question: '上个季度的流失率' });
      const audit = await ctx.server.store.audit.list({ action: 'ask', limit: 5 });
      expect(audit.find((e) => e.target === answer.body.conversationId)?.details).toMatchObject({
        seq: answer.body.seq,
      });
      // An audit entry that cannot be written (a user id that is not a UUID) takes the message with it.
      const before = await ctx.server.store.conversations.listMessages(answer.body.conversationId);
      await expect(
        ctx.server.store.conversations.appendMessage(
          answer.body.conversationId,
          { role: 'assistant', question: 'q' },
          { action: 'ask', userId: 'not-a-uuid' },
        ),
      ).rejects.toThrow();
      expect(await ctx.server.store.conversations.listMessages(answer.body.conversationId)).toHaveLength(
        before.length,
      );
      await expectHealthy(ctx.analyst);
    });
  });
}
