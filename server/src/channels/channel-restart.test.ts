/**
 * Nothing is lost between acknowledging and answering: Slack events acknowledged by one server are
 * answered exactly once by the next server started on the same app state — including a job its process
 * died holding (resumed after its lease) — while more events keep arriving after the restart.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ChannelKit, startChannelKit } from '../../test/channels/channel-kit.ts';
import {
  abandonOneJob,
  addLoadUsers,
  collectOutcome,
  type SentEvent,
  sendLoadEvent,
} from '../../test/channels/slack-load.ts';
import { postgresReachable, TEST_DATABASE_URL } from '../../test/store/test-stores.ts';
import { openStore } from '../store/open-store.ts';

const EVENTS = 30;

describe('channel jobs across a restart', () => {
  it(`answers ${EVENTS} Slack events exactly once when the server restarts in the middle`, async () => {
    const pg = await postgresReachable();
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const store = () =>
      pg ? openStore({ databaseUrl: TEST_DATABASE_URL, schema }) : Promise.resolve(undefined);
    // Without PostgreSQL both servers use the embedded PGlite in the shared data folder.
    let first: ChannelKit | undefined = await startChannelKit({
      store: await store(),
      worker: { concurrency: 1 },
    });
    let second: ChannelKit | undefined;
    try {
      const users = addLoadUsers(first.slack, 10);
      const events: SentEvent[] = [];
      for (let i = 0; i < EVENTS / 2; i++)
        events.push(await sendLoadEvent(first, users[i % users.length]!, i, '上季度各地区的流失率'));

      await first.server.channels.worker.stop();
      const abandoned = await abandonOneJob(first.server.store, first.clock.now());
      const open = await first.server.store.channelQueue.statusCounts();
      expect(abandoned).not.toBeNull(); // the restart happens with work still to do
      expect(open.pending + open.running).toBeGreaterThan(0);
      await first.close(true);
      const { slack, wecom } = first;
      const dataDir = first.dataDir;
      first = undefined;

      second = await startChannelKit({
        store: await store(),
        dataDir,
        fakes: { slack, wecom },
        worker: { concurrency: 2 },
      });
      for (let i = EVENTS / 2; i < EVENTS; i++)
        events.push(await sendLoadEvent(second, users[i % users.length]!, i, '上季度各地区的流失率'));
      const outcome = await collectOutcome(slack, events, 90_000);
      expect(outcome).toMatchObject({ answered: EVENTS, lost: 0, duplicates: 0, charts: EVENTS });
      const counts = await second.server.store.channelQueue.statusCounts();
      expect(counts).toEqual({ pending: 0, running: 0, done: EVENTS, failed: 0 });
      const resumed = await second.server.store.channelQueue.get(abandoned!);
      expect(resumed).toMatchObject({ status: 'done', attempts: 2 });
    } finally {
      await first?.close();
      if (second) {
        const dir = second.dataDir;
        await second.close(true);
        await second.slack.close();
        await second.wecom.close();
        rmSync(dir, { recursive: true, force: true });
      }
      if (pg) {
        const cleanup = await openStore({ databaseUrl: TEST_DATABASE_URL, schema, dropSchemaOnClose: true });
        await cleanup.close();
      }
    }
  }, 240_000);
});
