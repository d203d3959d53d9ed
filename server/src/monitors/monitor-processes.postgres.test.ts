/**
 * Two server processes on one PostgreSQL (two app instances, each with its own pool, engine and monitor
 * scheduler polling every 50 ms, on the same isolated schema): every firing is delivered once — the
 * unique (subscription, scheduled_at) claim and the leased run make the second process find nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../test/channels/channel-kit.ts';
import {
  Mailbox,
  type MonitorKit,
  prepareAccount,
  setClock,
  startMonitorKit,
  subscribeAs,
} from '../../test/monitors/monitor-kit.ts';
import { postgresReachable, TEST_DATABASE_URL } from '../../test/store/test-stores.ts';
import { openStore, type Store } from '../store/open-store.ts';

const reachable = await postgresReachable();
const SCHEMA = `monitors_${randomBytes(5).toString('hex')}`;
const USERS = ['demo_admin', 'analyst', 'viewer', 'manager_south'];
let a: MonitorKit;
let b: MonitorKit;
let stores: Store[] = [];

describe.skipIf(!reachable)('two server processes on one PostgreSQL', () => {
  beforeAll(async () => {
    const clock = new TestClock();
    setClock(clock, '2026-10-04T12:00:00Z');
    const smtp = await Mailbox.start();
    stores = [
      await openStore({ databaseUrl: TEST_DATABASE_URL, schema: SCHEMA }),
      await openStore({ databaseUrl: TEST_DATABASE_URL, schema: SCHEMA, dropSchemaOnClose: true }),
    ];
    const monitors = { start: true, pollMs: 50 };
    a = await startMonitorKit({ store: stores[0], clock, smtp, monitors });
    b = await startMonitorKit({
      store: stores[1],
      clock,
      smtp,
      monitors,
      fakes: { slack: a.kit.slack, wecom: a.kit.wecom },
    });
  }, 600_000);
  afterAll(async () => {
    await b?.kit.close(true);
    await a?.close();
  });

  it('delivers each firing once', async () => {
    for (const u of USERS) await prepareAccount(a.kit.server.store, u, { email: `${u}@test.local` });
    const ids: string[] = [];
    for (const u of USERS) {
      // Half subscribe through one process, half through the other.
      const base = ids.length % 2 ? b.kit.base : a.kit.base;
      ids.push(
        await subscribeAs(base, u, { monitorId: 'churn_rate_weekly', channel: 'email', language: 'en' }),
      );
      ids.push(
        await subscribeAs(base, u, {
          monitorId: 'new_flagged_customers',
          channel: 'email',
          cron: '0 9 * * 1',
        }),
      );
    }
    setClock(a.clock, '2026-10-05T01:00:00Z'); // Monday 09:00 in Shanghai
    const store = a.kit.server.store;
    const deadline = Date.now() + 240_000;
    let done = 0;
    while (Date.now() < deadline) {
      const runs = (await Promise.all(ids.map((id) => store.monitors.runsOf(id)))).flat();
      done = runs.filter((r) => r.status === 'done').length;
      if (done === ids.length) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    expect(done).toBe(ids.length);
    // Both keep polling for a while: nothing more is sent.
    await new Promise((ok) => setTimeout(ok, 1_500));
    const runs = (await Promise.all(ids.map((id) => store.monitors.runsOf(id)))).flat();
    expect(runs).toHaveLength(ids.length);
    expect(runs.every((r) => r.attempts === 1 && r.status === 'done')).toBe(true);
    for (const u of USERS) expect(a.smtp.to(`${u}@test.local`), u).toHaveLength(2);
    expect(a.smtp.mails).toHaveLength(ids.length);
    const log = await store.monitors.deliveries();
    expect(log.filter((d) => d.ok)).toHaveLength(ids.length);
    // The work was shared by both processes' schedulers (claims by whichever polled first).
    const workers = new Set(runs.map((r) => r.workerId));
    expect(
      [...workers].every((w) => w === a.kit.server.monitors.workerId || w === b.kit.server.monitors.workerId),
    ).toBe(true);
  }, 300_000);
});
