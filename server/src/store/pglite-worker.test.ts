/**
 * PGlite in a worker thread keeps the server's event loop free: over real HTTP, `/api/health` answers while a
 * statement holds the database; with PGlite inline the same request waits for the statement to end.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pgliteStore, pgliteWorkerStore, type StoreFactory } from '../../test/store/test-stores.ts';
import { createApp } from '../http/app.ts';
import { ModelRegistry } from '../models/model-registry.ts';

/** What finished first: the health request or a 2 s statement (`pg_sleep` holds its thread) started before it. */
async function raceHealthAgainstStatement(factory: StoreFactory): Promise<string[]> {
  const store = await factory();
  const app = createApp({
    store,
    registry: new ModelRegistry('retail'),
    demo: false,
    answerDeps: { llm: null },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const order: string[] = [];
    const statement = store.db.execute(sql`select pg_sleep(2)`).then(() => order.push('statement'));
    const health = fetch(`http://127.0.0.1:${port}/api/health`).then(async (r) => {
      order.push(`health ${r.status} ${JSON.stringify(await r.json())}`);
    });
    await Promise.all([statement, health]);
    return order;
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  }
}

// Opening a PGlite takes 1–30 s on a loaded machine (the snapshot is loaded into WASM memory): long timeouts.
describe('app-state PGlite in a worker thread', () => {
  it('answers /api/health while a long statement runs', async () => {
    expect(await raceHealthAgainstStatement(pgliteWorkerStore)).toEqual([
      'health 200 {"ok":true,"demo":false,"models":[]}',
      'statement',
    ]);
  }, 180_000);

  it('(inline PGlite makes the same request wait for the statement)', async () => {
    expect(await raceHealthAgainstStatement(pgliteStore)).toEqual([
      'statement',
      'health 200 {"ok":true,"demo":false,"models":[]}',
    ]);
  }, 180_000);

  it('rolls a failed transaction back and keeps serving', async () => {
    const store = await pgliteWorkerStore();
    try {
      const user = await store.users.create({ username: 'tx-owner', passwordHash: 'x', role: 'analyst' });
      const conversation = await store.conversations.create({ userId: user.id, model: 'retail' });
      await expect(
        store.db.transaction(async (tx) => {
          await tx.execute(sql`update conversations set title = 'changed' where id = ${conversation.id}`);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect((await store.conversations.get(conversation.id))?.title).toBe('');
      const message = await store.conversations.appendMessage(conversation.id, {
        role: 'assistant',
        question: 'q',
        answer: { rows: [{ a: '1', b: [1, 2] }] },
      });
      expect(message?.seq).toBe(1);
      expect((await store.conversations.listMessages(conversation.id))[0]?.answer).toEqual({
        rows: [{ a: '1', b: [1, 2] }],
      });
    } finally {
      await store.close();
    }
  }, 120_000);
});
