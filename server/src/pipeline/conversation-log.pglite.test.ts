/**
 * Conversations are one concept (pipeline/conversation-log.ts): persisted turns with a small cache in
 * front. A follow-up's state survives a restart and cache eviction, and never crosses users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteStore } from '../../test/store/test-stores.ts';
import type { Answer } from '../answer/answer-schema.ts';
import type { ConversationState } from '../ask/conversation.ts';
import type { Store } from '../store/open-store.ts';
import { ConversationLog } from './conversation-log.ts';

const state = (turn: number): ConversationState => ({
  lastQuery: null,
  lastIntent: null,
  language: 'zh',
  turn,
});
/** The parts of an Answer the log stores besides the answer itself. */
const answer = {
  interpretation: { interpreter: 'rules' },
  provenance: { sql: ['select 1'], modelVersion: 'v1', timings: {} },
} as unknown as Answer;

describe('ConversationLog', () => {
  let store: Store;
  let alice = '';
  let bob = '';

  beforeAll(async () => {
    store = await pgliteStore();
    alice = (await store.users.create({ username: 'alice', role: 'analyst' })).id;
    bob = (await store.users.create({ username: 'bob', role: 'analyst' })).id;
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  it('answers a follow-up with the last state, from the cache or after a restart', async () => {
    const log = new ConversationLog(store);
    const opened = await log.open(undefined, alice, 'retail', '上个季度的流失率');
    expect(opened.previous).toBeUndefined();
    expect(await log.record(opened.id, '上个季度的流失率', answer, state(1))).toBe(1);
    expect(await log.record(opened.id, '按地区看呢', answer, state(2))).toBe(2);
    expect((await log.open(opened.id, alice, 'retail', 'x')).previous?.turn).toBe(2);
    // A fresh log (an empty cache, as after a restart) reads the state from the last stored turn.
    const restarted = new ConversationLog(store);
    const reopened = await restarted.open(opened.id, alice, 'retail', 'x');
    expect(reopened).toEqual({ id: opened.id, previous: state(2) });
    expect(restarted.cached).toBe(1);
  });

  it("never gives one user another's conversation, even when it is cached", async () => {
    const log = new ConversationLog(store);
    const mine = await log.open(undefined, alice, 'retail', 'q');
    await log.record(mine.id, 'q', answer, state(1));
    const theirs = await log.open(mine.id, bob, 'retail', 'q');
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.previous).toBeUndefined();
  });

  it('keeps only the most recently used states in memory; evicted ones come back from the store', async () => {
    const log = new ConversationLog(store, 2);
    const ids: string[] = [];
    for (const turn of [1, 2, 3]) {
      const { id } = await log.open(undefined, alice, 'retail', `q${turn}`);
      await log.record(id, `q${turn}`, answer, state(turn));
      ids.push(id);
    }
    expect(log.cached).toBe(2);
    expect((await log.open(ids[0], alice, 'retail', 'x')).previous?.turn).toBe(1);
    expect(log.cached).toBe(2);
  });
});
