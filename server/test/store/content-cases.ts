/** Conformance cases for migrations, conversations and messages, model versions, and feedback. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { definitionHash } from '../../src/store/model-versions.ts';
import { rawRows, type StoreRef } from './store-suite.ts';

const TABLES = [
  'answer_feedback',
  'api_tokens',
  'app_settings',
  'audit_log',
  'board_cards',
  'boards',
  'campaign_messages',
  'campaigns',
  'channel_deliveries',
  'channel_events',
  'channel_jobs',
  'channel_link_codes',
  'channel_links',
  'channel_threads',
  'conversations',
  'insights',
  'messages',
  'model_versions',
  'monitor_deliveries',
  'monitor_runs',
  'monitor_subscriptions',
  'opt_outs',
  'sessions',
  'share_links',
  'tasks',
  'users',
];
const MIGRATIONS = [
  '0000_init.sql',
  '0001_channels.sql',
  '0002_monitors.sql',
  '0003_campaigns.sql',
  '0005_web22.sql',
  '0007_web22_review_notes.sql',
].map((f) => readFileSync(new URL(`../../src/store/migrations/${f}`, import.meta.url), 'utf8'));

/** Cases over stored content. */
export function contentCases(store: StoreRef): void {
  it('applies the migrations: every table exists and the journal records each migration once', async () => {
    const tables = await rawRows<{ table_name: string }>(
      store(),
      sql`select table_name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'
            and table_name <> '__drizzle_migrations' order by table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(TABLES);
    const journalSchema = store().driver === 'pglite' ? 'drizzle' : null;
    const journal = await rawRows<{ hash: string }>(
      store(),
      journalSchema
        ? sql`select hash from drizzle.__drizzle_migrations`
        : sql`select hash from __drizzle_migrations`,
    );
    expect(journal.map((j) => j.hash)).toEqual(
      MIGRATIONS.map((m) => createHash('sha256').update(m).digest('hex')),
    );
  });

  describe('conversations', () => {
    it('number 50 concurrent messages 1..50 with no gaps or duplicates', async () => {
      const user = await store().users.create({ username: 'c_concurrent', role: 'viewer' });
      const conversation = await store().conversations.create({
        userId: user.id,
        model: 'retail',
        title: '流失',
      });
      const appended = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store().conversations.appendMessage(conversation.id, { role: 'user', question: `q${i}` }),
        ),
      );
      const expected = Array.from({ length: 50 }, (_, i) => i + 1);
      expect(appended.map((m) => m!.seq).sort((a, b) => a - b)).toEqual(expected);
      const listed = await store().conversations.listMessages(conversation.id);
      expect(listed.map((m) => m.seq)).toEqual(expected);
      expect(new Set(listed.map((m) => m.question)).size).toBe(50);
      expect((await store().conversations.get(conversation.id))!.lastSeq).toBe(50);
      expect((await store().conversations.listMessages(conversation.id, 3)).map((m) => m.seq)).toEqual([
        48, 49, 50,
      ]);
    });

    it('store an assistant answer with its interpretation, SQL and timings as JSON', async () => {
      const user = await store().users.create({ username: 'c_answer', role: 'viewer' });
      const conversation = await store().conversations.create({ userId: user.id, model: 'retail' });
      const answer = { kind: 'answer', table: { rows: [{ region: '华南', churn_rate: 0.123 }] } };
      const message = await store().conversations.appendMessage(conversation.id, {
        role: 'assistant',
        interpretation: { interpreter: 'rules', query: { metrics: ['churn_rate'] } },
        answer,
        sql: 'select 1 where $1',
        modelVersion: 'retail@3',
        interpreter: 'rules',
        timings: { compileMs: 1.5, executeMs: 12 },
      });
      expect(await store().conversations.getMessage(message!.id)).toMatchObject({
        seq: 1,
        role: 'assistant',
        answer,
        timings: { compileMs: 1.5, executeMs: 12 },
        modelVersion: 'retail@3',
      });
      expect(await store().conversations.get(conversation.id, user.id)).not.toBeNull();
      expect(
        await store().conversations.get(conversation.id, '00000000-0000-4000-8000-000000000000'),
      ).toBeNull();
      expect((await store().conversations.listForUser(user.id)).map((c) => c.id)).toEqual([conversation.id]);
    });

    it('write a message and its audit entry together: the entry gets the seq; a refused message leaves neither', async () => {
      const user = await store().users.create({ username: 'c_audited', role: 'viewer' });
      const conversation = await store().conversations.create({ userId: user.id, model: 'retail' });
      const audit = {
        action: 'ask',
        userId: user.id,
        target: conversation.id,
        details: { question: '为什么?' },
      };
      const first = await store().conversations.appendMessage(
        conversation.id,
        { role: 'user', question: 'a' },
        audit,
      );
      expect(first?.seq).toBe(1);
      expect(await store().conversations.listTurnSummaries(conversation.id, { limit: 50 })).toEqual({
        turns: [{ seq: 1, question: 'a', summary: null, createdAt: first!.createdAt }],
        more: false,
      });
      // The role check refuses the insert: the counter and the audit log stay as they were.
      await expect(
        store().conversations.appendMessage(
          conversation.id,
          { role: 'robot' as 'user', question: 'b' },
          audit,
        ),
      ).rejects.toThrow();
      const second = await store().conversations.appendMessage(conversation.id, { role: 'assistant' });
      expect(second?.seq).toBe(2);
      // a history page reads each answer's kind and narrative out of the stored answer, the full one by seq
      const answer = {
        kind: 'answer',
        narrative: '华南流失率 12.3%',
        conversationId: conversation.id,
        table: {},
      };
      await store().conversations.appendMessage(conversation.id, {
        role: 'assistant',
        question: 'c',
        answer,
      });
      expect(await store().conversations.listTurnSummaries(conversation.id, { limit: 1 })).toEqual({
        turns: [
          {
            seq: 3,
            question: 'c',
            summary: { kind: 'answer', narrative: '华南流失率 12.3%', conversationId: conversation.id },
            createdAt: expect.anything(),
          },
        ],
        more: true,
      });
      const older = await store().conversations.listTurnSummaries(conversation.id, { limit: 5, before: 3 });
      expect(older.turns.map((t) => t.seq)).toEqual([1, 2]);
      expect(older.more).toBe(false);
      expect((await store().conversations.getTurn(conversation.id, 3))?.answer).toEqual(answer);
      expect(await store().conversations.getTurn(conversation.id, 9)).toBeNull();
      const entries = await rawRows<{ details: unknown }>(
        store(),
        sql`select details from audit_log where target = ${conversation.id} order by id`,
      );
      expect(entries.map((e) => e.details)).toEqual([{ question: '为什么?', seq: 1 }]);
    });

    it('refuse a message for an unknown conversation with null', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(await store().conversations.appendMessage(unknown, { role: 'user', question: 'q' })).toBeNull();
      expect(await store().conversations.appendMessage('nope', { role: 'user' })).toBeNull();
    });
  });

  describe('model versions', () => {
    it('go draft → in_review → published, superseding the previous one, and refuse wrong moves as values', async () => {
      const author = await store().users.create({ username: 'm_author', role: 'analyst' });
      const reviewer = await store().users.create({ username: 'm_reviewer', role: 'admin' });
      const files = { 'model.yaml': 'name: retail\n', 'metrics.yaml': 'metrics: []\n' };
      const v1 = await store().modelVersions.createDraft({
        model: 'm_retail',
        definition: files,
        authorId: author.id,
      });
      expect(v1).toMatchObject({
        versionNo: 1,
        status: 'draft',
        contentHash: definitionHash(files),
        definition: files,
      });

      expect(await store().modelVersions.approve(v1.id, { reviewerId: reviewer.id })).toMatchObject({
        ok: false,
        code: 'invalid_transition',
      });
      expect((await store().modelVersions.submit(v1.id)).ok).toBe(true);
      expect(await store().modelVersions.approve(v1.id, { reviewerId: author.id })).toMatchObject({
        ok: false,
        code: 'self_review',
      });
      const published = await store().modelVersions.approve(v1.id, {
        reviewerId: reviewer.id,
        comment: 'ok',
      });
      expect(published).toMatchObject({ ok: true, version: { status: 'published', reviewComment: 'ok' } });
      expect(published.ok && published.version.publishedAt).toBeInstanceOf(Date);

      const v2 = await store().modelVersions.createDraft({
        model: 'm_retail',
        definition: { ...files, 'metrics.yaml': 'metrics: [churn_rate]\n' },
        authorId: author.id,
        basedOnVersion: 1,
      });
      expect(v2.versionNo).toBe(2);
      await store().modelVersions.submit(v2.id);
      expect((await store().modelVersions.approve(v2.id, { reviewerId: reviewer.id })).ok).toBe(true);
      expect((await store().modelVersions.get(v1.id))!.status).toBe('superseded');
      expect((await store().modelVersions.published('m_retail'))!.versionNo).toBe(2);

      const v3 = await store().modelVersions.createDraft({
        model: 'm_retail',
        definition: files,
        authorId: author.id,
      });
      await store().modelVersions.submit(v3.id);
      expect(
        await store().modelVersions.reject(v3.id, { reviewerId: reviewer.id, comment: 'no' }),
      ).toMatchObject({
        ok: true,
        version: { status: 'rejected', reviewComment: 'no', reviewerId: reviewer.id },
      });
      expect(await store().modelVersions.submit(v3.id)).toMatchObject({
        ok: false,
        code: 'invalid_transition',
      });
      expect(await store().modelVersions.submit('nope')).toMatchObject({ ok: false, code: 'not_found' });
      const statuses = (await store().modelVersions.list({ model: 'm_retail' })).map((v) => [
        v.versionNo,
        v.status,
      ]);
      expect(statuses).toEqual([
        [3, 'rejected'],
        [2, 'published'],
        [1, 'superseded'],
      ]);
    });

    it('number concurrent drafts uniquely and publish a deployed definition once, even from replicas booting together', async () => {
      const drafts = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store().modelVersions.createDraft({ model: 'm_concurrent', definition: { 'a.yaml': `v: ${i}\n` } }),
        ),
      );
      expect(drafts.map((d) => d.versionNo).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

      const booted = await Promise.all(
        Array.from({ length: 4 }, () =>
          store().modelVersions.ensurePublished({ model: 'm_deployed', definition: { 'a.yaml': 'x' } }),
        ),
      );
      expect(booted.filter((b) => b.created)).toHaveLength(1);
      const first = booted.find((b) => b.created)!;
      const same = await store().modelVersions.ensurePublished({
        model: 'm_deployed',
        definition: { 'a.yaml': 'x' },
      });
      const changed = await store().modelVersions.ensurePublished({
        model: 'm_deployed',
        definition: { 'a.yaml': 'y' },
      });
      expect([same.created, changed.created]).toEqual([false, true]);
      expect(same.version.id).toBe(first.version.id);
      expect(changed.version).toMatchObject({ versionNo: 2, status: 'published', basedOnVersion: 1 });
      expect((await store().modelVersions.get(first.version.id))!.status).toBe('superseded');
    });
  });

  describe('answer feedback', () => {
    it('records a correction and moves from open to resolved once', async () => {
      const user = await store().users.create({ username: 'f_user', role: 'viewer' });
      const conversation = await store().conversations.create({ userId: user.id, model: 'retail' });
      const message = await store().conversations.appendMessage(conversation.id, {
        role: 'assistant',
        answer: {},
      });
      const feedback = await store().feedback.create({
        messageId: message!.id,
        userId: user.id,
        rating: 'down',
        comment: '应该按城市',
        correctedInterpretation: { dimensions: ['city'] },
      });
      expect(feedback).toMatchObject({
        status: 'open',
        rating: 'down',
        correctedInterpretation: { dimensions: ['city'] },
      });
      expect((await store().feedback.list({ status: 'open' })).map((f) => f.id)).toContain(feedback.id);
      expect(await store().feedback.resolve(feedback.id)).toBe(true);
      expect(await store().feedback.resolve(feedback.id)).toBe(false);
      expect((await store().feedback.list({ status: 'resolved' })).map((f) => f.comment)).toEqual([
        '应该按城市',
      ]);
    });
  });
}
