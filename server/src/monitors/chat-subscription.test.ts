/**
 * Subscribing from the chat, end to end over HTTP on the real server (demo data, PGlite, test clock):
 * "每周一提醒我华南的流失率" → a confirmation (what, when with time zone, channel, scope) and nothing created →
 * confirm (POST /api/subscriptions with the proposal) → the subscription row with its next run → at that
 * time it fires once → the insight is in the subscriber's inbox, computed with their own row-level access.
 * Pause / resume, and specific 4xx errors in the user's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, webSession } from '../../test/channels/channel-kit.ts';
import {
  type MonitorKit,
  prepareAccount,
  setClock,
  startMonitorKit,
} from '../../test/monitors/monitor-kit.ts';

// Mondays 09:00 in Asia/Shanghai are 01:00 UTC.
const SUNDAY = '2026-10-04T12:00:00Z';
const MONDAY_1 = '2026-10-05T01:00:00Z';
const MONDAY_2 = '2026-10-12T01:00:00Z';
const MONDAY_3 = '2026-10-19T01:00:00Z';

type Call = Awaited<ReturnType<typeof webSession>>;
interface Proposal {
  model: string;
  question: string;
  cron: string;
  timezone: string;
  channel: string;
  language: 'zh' | 'en';
  scheduleText: string;
  channelText: string;
  what: string;
  scope: string;
}
interface AskReply {
  kind: string;
  narrative: string;
  subscription?: Proposal;
}
interface InboxReply {
  unread: number;
  insights: { id: string; title: string; body: string; question: string | null; read: boolean }[];
}

let m: MonitorKit;
let south: Call;
let admin: Call;

async function ask(call: Call, question: string, language?: 'zh' | 'en'): Promise<AskReply> {
  const res = await call('POST', '/api/ask', { question, ...(language ? { language } : {}) });
  expect(res.status).toBe(200);
  return (await res.json()) as AskReply;
}

/** What the confirm button posts: the proposal's fields the subscription keeps. */
const confirmBody = (p: Proposal) => ({
  model: p.model,
  question: p.question,
  cron: p.cron,
  timezone: p.timezone,
  channel: p.channel,
  language: p.language,
});

beforeAll(async () => {
  const clock = new TestClock();
  setClock(clock, SUNDAY);
  m = await startMonitorKit({ clock });
  await prepareAccount(m.kit.server.store, 'demo_admin', { email: 'admin@test.local' });
  await prepareAccount(m.kit.server.store, 'manager_south', { email: 'south@test.local' });
  south = await webSession(m.kit.base, 'manager_south');
  admin = await webSession(m.kit.base, 'demo_admin');
}, 300_000);
afterAll(async () => m?.close());

describe('subscribing from the chat', () => {
  it('每周一提醒我华南的流失率 → confirm → subscription → fires Monday 9:00 Shanghai → inbox, with the manager’s access', async () => {
    const reply = await ask(south, '每周一提醒我华南的流失率');
    expect(reply.kind).toBe('clarify');
    const p = reply.subscription!;
    expect(p).toMatchObject({
      model: 'retail',
      question: '华南的流失率',
      cron: '0 9 * * 1',
      timezone: 'Asia/Shanghai',
      channel: 'inbox',
      language: 'zh',
      scheduleText: '每周一 9:00',
      channelText: '网页收件箱',
    });
    expect(p.what).toBe('流失率 · 地区 = 华南');
    expect(p.scope).toBe('仅限您的数据：地区 华南');
    expect(reply.narrative).toBe(
      '要订阅吗？每周一 9:00（Asia/Shanghai）把“华南的流失率”发送到您的网页收件箱。每次发送都按您的数据权限重新计算。',
    );
    // Nothing is created before the user confirms.
    const before = (await (await south('GET', '/api/subscriptions')).json()) as { subscriptions: unknown[] };
    expect(before.subscriptions).toHaveLength(0);

    const created = await south('POST', '/api/subscriptions', confirmBody(p));
    expect(created.status).toBe(201);
    const { subscription } = (await created.json()) as {
      subscription: { id: string; question: string; nextRun: string; active: boolean };
    };
    expect(subscription.question).toBe('华南的流失率');
    expect(subscription.active).toBe(true);
    expect(subscription.nextRun).toBe('2026-10-05T01:00:00.000Z');
    const rows = await m.kit.server.store.monitors.forUser((await userId('manager_south'))!);
    expect(rows.map((r) => [r.question, r.cron, r.timezone, r.channel, r.language])).toEqual([
      ['华南的流失率', '0 9 * * 1', 'Asia/Shanghai', 'inbox', 'zh'],
    ]);

    await m.kit.server.monitors.tick();
    expect(((await (await south('GET', '/api/inbox')).json()) as InboxReply).insights).toHaveLength(0);
    setClock(m.clock, MONDAY_1);
    await m.kit.server.monitors.tick();
    await m.kit.server.monitors.tick(); // a second tick does not fire again
    const inbox = (await (await south('GET', '/api/inbox')).json()) as InboxReply;
    expect(inbox.unread).toBe(1);
    expect(inbox.insights).toHaveLength(1);
    const insight = inbox.insights[0]!;
    expect(insight.title).toBe('订阅：华南的流失率');
    expect(insight.question).toBe('华南的流失率');
    // The same question asked now, by the same user, gives the same words (same data, same access).
    const direct = await ask(south, '华南的流失率');
    expect(direct.kind).toBe('answer');
    expect(insight.body.split('\n')[0]).toBe(direct.narrative);
    expect(insight.read).toBe(false);
    expect((await south('POST', `/api/inbox/${insight.id}/read`, { read: true })).status).toBe(204);
    expect(((await (await south('GET', '/api/inbox')).json()) as InboxReply).unread).toBe(0);
  }, 120_000);

  it('"email me the churn rate every Monday": one sentence, each user’s own scope', async () => {
    setClock(m.clock, MONDAY_1);
    const [mine, theirs] = await Promise.all([
      ask(admin, 'email me the churn rate every Monday'),
      ask(south, 'email me the churn rate every Monday'),
    ]);
    expect(mine.subscription).toMatchObject({
      question: 'the churn rate',
      cron: '0 9 * * 1',
      channel: 'email',
      channelText: 'e-mail',
      scheduleText: 'every Monday at 9:00',
      scope: 'all data (no row-level restriction)',
      what: 'Churn rate',
    });
    expect(theirs.subscription!.scope).toBe('only your data: Region 华南');
    for (const [call, reply] of [
      [admin, mine],
      [south, theirs],
    ] as const)
      expect((await call('POST', '/api/subscriptions', confirmBody(reply.subscription!))).status).toBe(201);

    setClock(m.clock, MONDAY_2);
    await m.kit.server.monitors.tick();
    const mailTo = (to: string) => m.smtp.to(to).filter((x) => x.subject === 'Subscription: the churn rate');
    expect(mailTo('admin@test.local')).toHaveLength(1);
    expect(mailTo('south@test.local')).toHaveLength(1);
    const adminDirect = await ask(admin, 'the churn rate', 'en');
    const southDirect = await ask(south, 'the churn rate', 'en');
    expect(adminDirect.narrative).not.toBe(southDirect.narrative);
    expect(mailTo('admin@test.local')[0]!.text).toContain(adminDirect.narrative);
    expect(mailTo('south@test.local')[0]!.text).toContain(southDirect.narrative);
  }, 120_000);

  it('a paused subscription does not fire, and resuming does not catch up the pause', async () => {
    const list = (await (await south('GET', '/api/subscriptions')).json()) as {
      subscriptions: { id: string; question: string }[];
    };
    const id = list.subscriptions.find((s) => s.question === '华南的流失率')!.id;
    const paused = await south('PATCH', `/api/subscriptions/${id}`, { active: false });
    expect(paused.status).toBe(200);
    expect(((await paused.json()) as { subscription: { active: boolean } }).subscription.active).toBe(false);
    const count = async () =>
      ((await (await south('GET', '/api/inbox')).json()) as InboxReply).insights.filter(
        (i) => i.question === '华南的流失率',
      ).length;
    const n = await count();
    setClock(m.clock, MONDAY_3);
    await m.kit.server.monitors.tick();
    expect(await count()).toBe(n);
    expect((await south('PATCH', `/api/subscriptions/${id}`, { active: true })).status).toBe(200);
    await m.kit.server.monitors.tick();
    expect(await count()).toBe(n); // Monday 3 fell in the pause
    setClock(m.clock, '2026-10-26T01:00:00Z');
    await m.kit.server.monitors.tick();
    expect(await count()).toBe(n + 1);
  }, 120_000);

  it('refuses bad input with specific 4xx in the user’s language', async () => {
    const other = await admin('PATCH', '/api/subscriptions/00000000-0000-4000-8000-000000000000', {
      active: false,
    });
    expect(other.status).toBe(404);
    const bad = await south('POST', '/api/subscriptions', {
      question: '华南的流失率',
      cron: '0 25 * * 1',
      language: 'zh',
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_subscription');
    expect(body.error.message).toContain('无效的 cron 表达式');
    const notBool = await south('PATCH', '/api/subscriptions/x', { active: 'yes' });
    expect(notBool.status).toBe(400);
  });
});

async function userId(username: string): Promise<string | undefined> {
  return (await m.kit.server.store.users.findByUsername(username))?.id;
}
