/**
 * Channel app state on PGlite and PostgreSQL: jobs claimed by one worker only (even when many claim at
 * once), in order within a thread, resumed after a dead worker's lease; de-duplication; link codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteStore, postgresReachable, postgresStore } from '../../test/store/test-stores.ts';
import type { Store } from './open-store.ts';

const reachable = await postgresReachable();

for (const [label, factory] of [
  ['PGlite', pgliteStore],
  ['PostgreSQL', postgresStore],
] as const) {
  describe.skipIf(label === 'PostgreSQL' && !reachable)(`channel state on ${label}`, () => {
    let store: Store;
    const t0 = new Date('2026-10-01T00:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const job = (n: number, thread: string) => ({
      provider: 'slack' as const,
      kind: 'ask',
      dedupeKey: `${label}-msg-${n}`,
      threadKey: thread,
      externalUserId: 'U1',
      payload: { n },
    });

    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('hands each job to exactly one of many concurrent claimers', async () => {
      for (let i = 0; i < 20; i++) await store.channelQueue.enqueue(job(i, `${label}-t${i}`), t0);
      const claims = await Promise.all(
        Array.from({ length: 40 }, (_, i) => store.channelQueue.claim(`w${i % 4}`, at(1), 60_000)),
      );
      const ids = claims.filter((c) => c !== null).map((c) => c!.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
      for (const c of claims.filter((c) => c !== null))
        await store.channelQueue.finish(c!.id, c!.workerId!, { status: 'done' }, at(2));
      expect((await store.channelQueue.statusCounts()).done).toBe(20);
    });

    it('de-duplicates by key, runs a thread in order, and resumes a job whose worker died', async () => {
      const first = await store.channelQueue.enqueue(job(100, `${label}-thread`), t0);
      const again = await store.channelQueue.enqueue(job(100, `${label}-thread`), t0);
      expect(again).toEqual({ job: first.job, created: false });
      const second = await store.channelQueue.enqueue(job(101, `${label}-thread`), t0);

      const claimed = await store.channelQueue.claim('dying', at(1), 30_000);
      expect(claimed?.id).toBe(first.job.id);
      expect(await store.channelQueue.claim('other', at(2), 30_000)).toBeNull(); // the thread's next waits
      const resumed = await store.channelQueue.claim('survivor', at(40), 30_000); // the lease is over
      expect(resumed).toMatchObject({ id: first.job.id, attempts: 2, workerId: 'survivor' });
      expect(await store.channelQueue.checkpoint(first.job.id, 'dying', { late: true })).toBe(false);
      expect(await store.channelQueue.checkpoint(first.job.id, 'survivor', { answerTs: '1.2' })).toBe(true);
      expect(await store.channelQueue.finish(first.job.id, 'dying', { status: 'done' }, at(41))).toBe(false);
      expect(await store.channelQueue.finish(first.job.id, 'survivor', { status: 'done' }, at(41))).toBe(
        true,
      );
      expect((await store.channelQueue.get(first.job.id))?.checkpoint).toEqual({ answerTs: '1.2' });
      const next = await store.channelQueue.claim('stopping', at(42), 30_000);
      expect(next?.id).toBe(second.job.id);
      expect(await store.channelQueue.unclaim(second.job.id, 'stopping')).toBe(true); // claimed, never started
      expect(await store.channelQueue.claim('survivor', at(43), 30_000)).toMatchObject({
        id: second.job.id,
        attempts: 1,
      });
    });

    it('refuses a seen event id, and counts a user’s recent asks', async () => {
      expect(await store.channelQueue.recordEvent('slack', `${label}-Ev1`, t0)).toBe(true);
      expect(await store.channelQueue.recordEvent('slack', `${label}-Ev1`, t0)).toBe(false);
      expect(await store.channelQueue.recordEvent('wecom', `${label}-Ev1`, t0)).toBe(true);
      expect(await store.channelQueue.pruneEvents(at(1))).toBeGreaterThanOrEqual(2);
      expect(await store.channelQueue.recordEvent('slack', `${label}-Ev1`, at(2))).toBe(true); // forgotten after a day
      expect(await store.channelQueue.countSince('slack', 'U1', at(-1), 'ask')).toBeGreaterThanOrEqual(22);
      expect(await store.channelQueue.countSince('slack', 'U1', at(1), 'ask')).toBe(0);
    });

    it('redeems a link code once, before it expires', async () => {
      const user = await store.users.create({
        username: `${label}-linker`,
        role: 'viewer',
        email: `${label}@Example.com`,
      });
      expect((await store.users.findByEmail(`${label.toLowerCase()}@example.com`))?.id).toBe(user.id);
      const { code } = await store.channelLinks.createCode(user.id, 600_000, t0);
      const expired = await store.channelLinks.createCode(user.id, 600_000, t0);
      expect(await store.channelLinks.redeemCode(expired.code, at(601))).toBeNull();
      expect(await store.channelLinks.redeemCode(code.toLowerCase(), at(10))).toBe(user.id);
      expect(await store.channelLinks.redeemCode(code, at(11))).toBeNull();
      await store.channelLinks.link({
        provider: 'slack',
        team: 'T1',
        externalUserId: 'U9',
        userId: user.id,
        method: 'code',
      });
      expect((await store.channelLinks.listForUser(user.id)).map((l) => l.externalUserId)).toEqual(['U9']);
    });
  });
}
