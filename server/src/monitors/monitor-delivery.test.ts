/**
 * Monitors end to end on the real server (demo data, PGlite app state in the data folder) with a test
 * clock, a local SMTP server and the Slack / WeCom fakes (issue 15, "Done when"):
 * - a monitor on 华南's churn rate fires once at its schedule, with the decomposition attached;
 * - the same subscription for manager_south and for an admin delivers different, correctly scoped content;
 * - a restart between two schedules neither loses nor repeats a firing, and a run missed while the server
 *   was down is caught up once;
 * - a failed delivery is retried with backoff and the delivery log shows every attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webSession } from '../../test/channels/channel-kit.ts';
import {
  type MonitorKit,
  prepareAccount,
  setClock,
  startMonitorKit,
  subscribeAs,
} from '../../test/monitors/monitor-kit.ts';
import { toNumber } from '../answer/format.ts';
import { runQuery } from '../pipeline/run-query.ts';

// Mondays 09:00 in Asia/Shanghai are 01:00 UTC.
const SUNDAY = '2026-10-04T12:00:00Z';
const MONDAY_1 = '2026-10-05T01:00:00Z';
const WEDNESDAY = '2026-10-07T12:00:00Z';
const MONDAY_2 = '2026-10-12T01:00:00Z';
const MONDAY_4_LATE = '2026-10-26T03:00:00Z';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };

let m: MonitorKit;
const ADMIN_MAIL = 'admin@test.local';
const SOUTH_MAIL = 'south@test.local';

beforeAll(async () => {
  const clock = new (await import('../../test/channels/channel-kit.ts')).TestClock();
  setClock(clock, SUNDAY);
  m = await startMonitorKit({ clock });
  const store = m.kit.server.store;
  await prepareAccount(store, 'demo_admin', { email: ADMIN_MAIL });
  await prepareAccount(store, 'manager_south', {
    email: SOUTH_MAIL,
    slackUser: 'U0SOUTH',
    wecomUserId: 'south.mgr',
  });
}, 300_000);
afterAll(async () => m?.close());

async function churnRate(attributes: Record<string, string[]>, region?: string): Promise<number> {
  const runtime = m.kit.server.registry.get('retail').runtime;
  const run = await runQuery(
    runtime,
    {
      model: 'retail',
      metrics: ['churn_rate'],
      timeRange: Q3,
      filters: region ? [{ member: 'region', op: 'in', values: [region] }] : [],
    },
    { intent: 'metric', language: 'en', attributes },
  );
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return toNumber(run.presentation.rows[0]!.churn_rate)!;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

describe('monitors end to end (PGlite)', () => {
  it("a monitor on 华南's churn rate fires once at its schedule, with the decomposition attached", async () => {
    const id = await subscribeAs(m.kit.base, 'demo_admin', {
      monitorId: 'south_churn_rate',
      channel: 'email',
      language: 'zh',
    });
    const monitors = m.kit.server.monitors;
    await monitors.tick();
    expect(m.smtp.to(ADMIN_MAIL)).toHaveLength(0); // Sunday: not due yet

    setClock(m.clock, MONDAY_1);
    await monitors.tick();
    await monitors.tick();
    const mails = m.smtp.to(ADMIN_MAIL);
    expect(mails).toHaveLength(1);
    const south = await churnRate({}, '华南');
    expect(mails[0]!.subject).toContain('华南流失率');
    expect(mails[0]!.text).toContain(`2026年Q3流失率为 ${pct(south)}`);
    expect(mails[0]!.text).toContain('变化分解');
    expect(mails[0]!.text).toMatch(/按价值分层分解/);

    const runs = await m.kit.server.store.monitors.runsOf(id);
    expect(runs.map((r) => [r.scheduledAt.toISOString(), r.status])).toEqual([
      [MONDAY_1.replace('Z', '.000Z'), 'done'],
    ]);
    const inbox = await (await webSession(m.kit.base, 'demo_admin'))('GET', '/api/inbox');
    const { insights } = (await inbox.json()) as {
      insights: { content: Record<string, unknown>; read: boolean }[];
    };
    const insight = insights.find((i) => i.content.monitorId === 'south_churn_rate')!;
    expect(insight.read).toBe(false);
    expect(insight.content.value).toBeCloseTo(south, 12);
    expect(insight.content.fired).toBe(true);
    const attribution = insight.content.attribution as {
      intent: string;
      dimension: string;
      detail: { difference: number };
    };
    expect(attribution.intent).toBe('decomposition');
    expect(attribution.dimension).toBe('value_tier');
    expect(attribution.detail.difference).toBeCloseTo(south - (insight.content.previous as number), 9);
  });

  it('the same subscription for manager_south and for an admin delivers different, correctly scoped content', async () => {
    setClock(m.clock, SUNDAY);
    const body = { monitorId: 'churn_rate_weekly', channel: 'email', language: 'en' };
    const adminSub = await subscribeAs(m.kit.base, 'demo_admin', body);
    const southSub = await subscribeAs(m.kit.base, 'manager_south', body);
    const southSlack = await subscribeAs(m.kit.base, 'manager_south', { ...body, channel: 'slack' });
    const southWecom = await subscribeAs(m.kit.base, 'manager_south', {
      ...body,
      channel: 'wecom',
      language: 'zh',
    });
    const robot = await subscribeAs(m.kit.base, 'manager_south', {
      ...body,
      channel: 'wecom_webhook',
      target: 'robot-key-1',
    });
    const before = m.smtp.mails.length;
    setClock(m.clock, MONDAY_1);
    await m.kit.server.monitors.tick();

    const overall = await churnRate({});
    const south = await churnRate({}, '华南');
    expect(south).not.toBeCloseTo(overall, 3);
    const fresh = m.smtp.mails.slice(before);
    const toAdmin = fresh.filter((x) => x.to.includes(ADMIN_MAIL));
    const toSouth = fresh.filter((x) => x.to.includes(SOUTH_MAIL));
    expect(toAdmin).toHaveLength(1);
    expect(toSouth).toHaveLength(1);
    expect(toAdmin[0]!.text).toContain(`Churn rate 2026 Q3: ${pct(overall)}`);
    expect(toSouth[0]!.text).toContain(`Churn rate 2026 Q3: ${pct(south)}`);
    expect(toSouth[0]!.text).not.toContain(`Churn rate 2026 Q3: ${pct(overall)}`);
    expect(toAdmin[0]!.text).not.toContain(`Churn rate 2026 Q3: ${pct(south)}`);
    // The manager's value is the one their own access gives, without naming the region.
    expect(await churnRate({ region: ['华南'] })).toBeCloseTo(south, 12);

    const slack = m.kit.slack.posts.filter((p) => p.channel === 'DU0SOUTH');
    expect(slack).toHaveLength(1);
    expect(slack[0]!.text).toContain(pct(south));
    const wecom = m.kit.wecom.sent.filter((s) => s.touser === 'south.mgr');
    expect(wecom).toHaveLength(1);
    expect(JSON.stringify(wecom[0]!.body)).toContain(`2026年Q3流失率为 ${pct(south)}`);
    const hooks = m.kit.wecom.webhooks.filter((w) => w.key === 'robot-key-1');
    expect(hooks).toHaveLength(1);
    expect(JSON.stringify(hooks[0]!.body)).toContain(pct(south));

    const store = m.kit.server.store;
    for (const id of [adminSub, southSub, southSlack, southWecom, robot])
      expect((await store.monitors.runsOf(id)).map((r) => r.status)).toEqual(['done']);
    // Admins read the delivery log; others may not.
    const admin = await webSession(m.kit.base, 'demo_admin');
    const log = (await (await admin('GET', '/api/monitor-deliveries')).json()) as {
      deliveries: { channel: string; ok: boolean }[];
    };
    expect(
      log.deliveries
        .filter((d) => d.ok)
        .map((d) => d.channel)
        .sort(),
    ).toEqual(expect.arrayContaining(['email', 'email', 'slack', 'wecom', 'wecom_webhook']));
    const viewer = await webSession(m.kit.base, 'manager_south');
    expect((await viewer('GET', '/api/monitor-deliveries')).status).toBe(403);
  });

  it('a failed delivery is retried with backoff and every attempt is logged', async () => {
    setClock(m.clock, SUNDAY);
    const id = await subscribeAs(m.kit.base, 'manager_south', {
      monitorId: 'churn_rate_high',
      channel: 'email',
      cron: '0 10 * * 1',
      language: 'en',
    });
    m.smtp.failNext(2);
    setClock(m.clock, '2026-10-05T02:00:00Z');
    const before = m.smtp.to(SOUTH_MAIL).length;
    await m.kit.server.monitors.tick();
    expect(m.smtp.to(SOUTH_MAIL).length).toBe(before);
    for (let i = 0; i < 2; i++) {
      m.clock.offsetMs += 1_000; // past the backoff (50 ms, then 100 ms)
      await m.kit.server.monitors.tick();
    }
    expect(m.smtp.to(SOUTH_MAIL).length).toBe(before + 1);
    const runs = await m.kit.server.store.monitors.runsOf(id);
    expect(runs.map((r) => [r.status, r.attempts])).toEqual([['done', 3]]);
    const log = (await m.kit.server.store.monitors.deliveries()).filter((d) => d.subscriptionId === id);
    expect(log.map((d) => [d.attempt, d.ok]).sort()).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it('a restart between two schedules neither loses nor repeats a firing; a missed run is caught up once', async () => {
    setClock(m.clock, SUNDAY);
    const id = await subscribeAs(m.kit.base, 'manager_south', {
      monitorId: 'new_flagged_customers',
      channel: 'email',
      cron: '0 9 * * 1',
      language: 'zh',
    });
    const mine = () => m.smtp.to(SOUTH_MAIL).filter((x) => x.subject.includes('新增预警客户'));
    setClock(m.clock, MONDAY_1);
    await m.kit.server.monitors.tick();
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.text).toMatch(/自上次运行以来新增 \d+ 位预警客户/);

    // Restart on Wednesday: nothing is due, nothing repeats.
    const { kit, smtp, clock, dataDir } = m;
    await m.close(true);
    setClock(clock, WEDNESDAY);
    m = await startMonitorKit({ dataDir, clock, smtp, fakes: { slack: kit.slack, wecom: kit.wecom } });
    await m.kit.server.monitors.tick();
    expect(mine()).toHaveLength(1);
    // The next Monday fires once, and reports no customer as new (the state survived the restart).
    setClock(m.clock, MONDAY_2);
    await m.kit.server.monitors.tick();
    await m.kit.server.monitors.tick();
    expect(mine()).toHaveLength(2);
    expect(mine()[1]!.text).toContain('自上次运行以来新增 0 位预警客户');

    // Down for two Mondays: on restart the missed run is caught up once, not twice.
    await m.close(true);
    setClock(clock, MONDAY_4_LATE);
    m = await startMonitorKit({ dataDir, clock, smtp, fakes: { slack: kit.slack, wecom: kit.wecom } });
    await m.kit.server.monitors.tick();
    await m.kit.server.monitors.tick();
    expect(mine()).toHaveLength(3);
    const runs = await m.kit.server.store.monitors.runsOf(id);
    expect(runs.map((r) => r.scheduledAt.toISOString())).toEqual([
      '2026-10-05T01:00:00.000Z',
      '2026-10-12T01:00:00.000Z',
      '2026-10-26T01:00:00.000Z',
    ]);
  }, 300_000);
});
