/**
 * Slack end to end: signed requests into the real server, answers through the real pipeline on DuckDB,
 * replies recorded by a local fake of the Slack Web API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChannelKit,
  pngSize,
  postSlack,
  slackButtonBody,
  slackEventBody,
  slackTs,
  startChannelKit,
  webSession,
} from '../../../test/channels/channel-kit.ts';
import { waitFor } from '../../../test/channels/fake-http.ts';
import type { SlackPost } from '../../../test/channels/fake-slack.ts';
import { pgliteStore } from '../../../test/store/test-stores.ts';

const BOT = 'UBOT0001';
const VIEWER = 'U0VIEWER';
const ANALYST = 'U0ANALYST';
const STRANGER = 'U0STRANGER';
const SOUTH = 'U0SOUTH';

describe('the Slack channel', () => {
  let kit: ChannelKit;
  let regions: string[];
  const logs: string[] = [];

  beforeAll(async () => {
    kit = await startChannelKit({ store: await pgliteStore(), log: (line) => logs.push(line) });
    const s = kit.slack;
    s.users.set(VIEWER, 'Viewer@Demo.Local'); // matched case-insensitively to the demo viewer
    s.users.set(ANALYST, 'analyst@demo.local');
    s.users.set(STRANGER, 'stranger@example.com');
    s.users.set(SOUTH, null); // no e-mail visible: links with a code
    s.users.set('U0OTHERBOT', null);
    s.bots.add('U0OTHERBOT'); // another app in the channel: it does not make answers private
    s.members.set('C0TEAM', [BOT, VIEWER, ANALYST, 'U0OTHERBOT']);
    s.members.set('C0MIXED', [BOT, VIEWER, STRANGER]);
    s.members.set('C0SOUTH', [BOT, VIEWER, SOUTH]);
    regions = kit.server.registry
      .get('retail')
      .runtime.catalog.dimensions.find((d) => d.id === 'region')!
      .values.map((v) => v.value);
    expect(regions.length).toBeGreaterThanOrEqual(5);
  }, 180_000);

  afterAll(async () => {
    await kit?.close();
  });

  const mention = async (
    user: string,
    channel: string,
    text: string,
    extra: Record<string, unknown> = {},
  ) => {
    const ts = slackTs();
    const res = await postSlack(
      kit,
      '/slack/events',
      slackEventBody({ type: 'app_mention', user, channel, text, ts, ...extra }),
    );
    expect(res.status).toBe(200);
    return ts;
  };
  const dm = async (user: string, channel: string, text: string) => {
    const ts = slackTs();
    const res = await postSlack(
      kit,
      '/slack/events',
      slackEventBody({ type: 'message', channel_type: 'im', user, channel, text, ts }),
    );
    expect(res.status).toBe(200);
    return ts;
  };
  const answerIn = (channel: string, threadTs: string, after = 0) =>
    waitFor(
      () =>
        kit.slack.posts
          .filter((p) => p.channel === channel && p.threadTs === threadTs && p.api === 'chat.postMessage')
          .slice(after)[0],
      30_000,
      `a reply in ${channel}/${threadTs}`,
    );
  const press = async (
    message: SlackPost,
    threadTs: string,
    action: { action_id: string; value: string },
  ) => {
    const res = await postSlack(
      kit,
      '/slack/interactivity',
      slackButtonBody({
        user: VIEWER,
        channel: message.channel,
        message: { ts: message.ts, thread_ts: threadTs },
        action,
      }),
    );
    expect(res.status).toBe(200);
  };
  const jobCount = async () =>
    Object.values(await kit.server.store.channelQueue.statusCounts()).reduce((a, b) => a + b, 0);
  const allText = (p: SlackPost) => `${p.text}\n${JSON.stringify(p.blocks)}`;
  const buttons = (p: SlackPost) =>
    (p.blocks.find((b) => b.type === 'actions')?.elements as {
      action_id: string;
      value: string;
      text: { text: string };
    }[]) ?? [];

  it('answers the URL verification challenge', async () => {
    const res = await postSlack(
      kit,
      '/slack/events',
      JSON.stringify({ type: 'url_verification', challenge: 'abc123' }),
    );
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('answers a signed app_mention in its thread: every region named, the chart uploaded as a PNG', async () => {
    const ts = await mention(VIEWER, 'C0TEAM', `<@${BOT}> 上季度各地区的流失率`);
    const answer = await answerIn('C0TEAM', ts);
    for (const region of regions) expect(answer.text).toContain(region);
    expect(answer.text).toContain('华南');
    expect(answer.text).toMatch(/\d+\.\d%/);
    const labels = buttons(answer).map((b) => b.action_id);
    expect(labels).toContain('provenance');
    expect(labels.some((l) => l.startsWith('followup:'))).toBe(true);
    const file = await waitFor(
      () => kit.slack.completed.find((f) => f.threadTs === ts),
      30_000,
      'the chart upload',
    );
    expect(file.channel).toBe('C0TEAM');
    const size = pngSize(file.bytes);
    expect(size?.width).toBeGreaterThan(300);
    const ticket = kit.slack.calls.find(
      (c) => c.api === 'files.getUploadURLExternal' && Number(c.args.length) === file.bytes.length,
    );
    expect(ticket?.args.filename).toBe('chart.png');
    // The viewer was linked by the e-mail of their Slack profile.
    const viewer = await kit.server.store.users.findByUsername('viewer');
    expect((await kit.server.store.channelLinks.find('slack', 'T0001', VIEWER))?.userId).toBe(viewer!.id);
  });

  it('continues the conversation in the same thread: a button press, then a follow-up typed in the thread', async () => {
    const ts = await mention(VIEWER, 'C0TEAM', `<@${BOT}> 上季度各地区的流失率`);
    const first = await answerIn('C0TEAM', ts);
    const followUp = buttons(first).find((b) => b.action_id.startsWith('followup:'))!;
    await press(first, ts, followUp);
    const second = await answerIn('C0TEAM', ts, 1);
    expect(second.threadTs).toBe(ts);
    expect(second.text).not.toBe(first.text);

    const typed = slackTs();
    await postSlack(
      kit,
      '/slack/events',
      slackEventBody({
        type: 'message',
        channel_type: 'channel',
        user: VIEWER,
        channel: 'C0TEAM',
        text: '只看高价值客户',
        ts: typed,
        thread_ts: ts,
      }),
    );
    const third = await answerIn('C0TEAM', ts, 2);
    const viewer = await kit.server.store.users.findByUsername('viewer');
    const thread = await kit.server.store.channelQueue.thread('slack', `T0001:C0TEAM:${ts}`, viewer!.id);
    const messages = await kit.server.store.conversations.listMessages(thread!.conversationId);
    expect(messages.map((m) => m.question)).toEqual([
      '上季度各地区的流失率',
      followUp.value,
      '只看高价值客户',
    ]);
    const last = messages[2]!.answer as {
      kind: string;
      interpretation: { query: { metrics: string[]; filters?: { member: string }[] } };
    };
    expect(last.kind).toBe('answer'); // "only high-value customers" alone names no metric: the thread's context does
    expect(last.interpretation.query.metrics).toEqual(['churn_rate']);
    expect(last.interpretation.query.filters?.map((f) => f.member)).toContain('value_tier');
    expect(third.text.length).toBeGreaterThan(0);
  });

  it('posts "working on it" for an analysis, then updates that message with the answer', async () => {
    const ts = await mention(ANALYST, 'C0TEAM', `<@${BOT}> 上个季度流失客户的主要原因是什么？`);
    const working = await answerIn('C0TEAM', ts);
    expect(working.text).toMatch(/正在分析/);
    const updated = await waitFor(
      () => kit.slack.posts.find((p) => p.api === 'chat.update' && p.ts === working.ts),
      30_000,
      'the update',
    );
    expect(updated.text).toContain('物流');
    expect(kit.slack.posts.filter((p) => p.threadTs === ts && p.api === 'chat.postMessage')).toHaveLength(1);
  });

  it('offers the clarify options of an ambiguous question as buttons, and answers the one pressed', async () => {
    const ts = await mention(VIEWER, 'C0TEAM', `<@${BOT}> 按渠道看流失率`);
    const clarify = await answerIn('C0TEAM', ts);
    const options = buttons(clarify).filter((b) => b.action_id.startsWith('followup:'));
    expect(options.length).toBeGreaterThanOrEqual(2);
    expect(options.map((o) => o.text.text).join(' ')).toMatch(/获客渠道|销售渠道/);
    await press(clarify, ts, options[0]!);
    const answer = await answerIn('C0TEAM', ts, 1);
    expect(answer.text).toMatch(/\d+\.\d%/);
  });

  it('shows how an answer was computed when the button is pressed', async () => {
    const ts = await mention(VIEWER, 'C0TEAM', `<@${BOT}> 上季度各地区的流失率`);
    const answer = await answerIn('C0TEAM', ts);
    const how = buttons(answer).find((b) => b.action_id === 'provenance')!;
    await press(answer, ts, how);
    const provenance = await answerIn('C0TEAM', ts, 1);
    expect(allText(provenance)).toMatch(/select/i);
    expect(allText(provenance)).toContain('流失率');
  });

  it('links manager_south with a one-time code from the web app, then answers with 华南 only', async () => {
    const web = await webSession(kit.base, 'manager_south');
    const created = await web('POST', '/api/channel-links/code');
    expect(created.status).toBe(201);
    const { code } = (await created.json()) as { code: string };
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const form = (text: string) =>
      new URLSearchParams({
        command: '/churn',
        text,
        team_id: 'T0001',
        user_id: SOUTH,
        channel_id: 'D0SOUTH',
        channel_name: 'directmessage',
        trigger_id: `t${Math.random()}`,
        response_url: kit.slack.responseUrl('r1'),
      }).toString();
    const linked = await postSlack(kit, '/slack/commands', form(`link ${code.toLowerCase()}`));
    expect(((await linked.json()) as { text: string }).text).toContain('manager_south');
    const reused = await postSlack(kit, '/slack/commands', form(`link ${code}`));
    expect(((await reused.json()) as { text: string }).text).toMatch(/无效|unknown or expired/);
    const links = (await (await web('GET', '/api/channel-links')).json()) as {
      links: { provider: string; externalUserId: string; method: string }[];
    };
    expect(links.links).toEqual([
      expect.objectContaining({ provider: 'slack', externalUserId: SOUTH, method: 'code' }),
    ]);

    const ts = await dm(SOUTH, 'D0SOUTH', '上季度各地区的流失率');
    const answer = await answerIn('D0SOUTH', ts);
    expect(answer.text).toContain('华南');
    for (const region of regions.filter((r) => r !== '华南')) expect(allText(answer)).not.toContain(region);
  });

  it('restricts a channel answer to what every linked member may see, and says so', async () => {
    const ts = await mention(VIEWER, 'C0SOUTH', `<@${BOT}> 上季度各地区的流失率`);
    const answer = await answerIn('C0SOUTH', ts);
    expect(answer.text).toMatch(/每位成员都能看到|every member may see/);
    expect(answer.text).toContain('华南');
    for (const region of regions.filter((r) => r !== '华南')) expect(allText(answer)).not.toContain(region);
  });

  it('replies only to the asker when a channel member is not linked', async () => {
    const ts = await mention(VIEWER, 'C0MIXED', `<@${BOT}> 上季度各地区的流失率`);
    const reply = await waitFor(
      () => kit.slack.posts.find((p) => p.channel === 'C0MIXED' && p.threadTs === ts),
      30_000,
      'a reply',
    );
    expect(reply.api).toBe('chat.postEphemeral');
    expect(reply.user).toBe(VIEWER);
    expect(reply.text).toContain('华东');
    expect(kit.slack.completed.some((f) => f.threadTs === ts)).toBe(false);
  });

  it('gives an unlinked user instructions and no data', async () => {
    const ts = await dm(STRANGER, 'D0STRANGER', '上季度各地区的流失率');
    const reply = await answerIn('D0STRANGER', ts);
    expect(reply.text).toContain('/churn link');
    for (const region of regions) expect(allText(reply)).not.toContain(region);
    expect(kit.slack.completed.some((f) => f.threadTs === ts)).toBe(false);
  });

  it('answers a slash command in a new thread of the channel', async () => {
    const form = new URLSearchParams({
      command: '/churn',
      text: 'churn rate by region last quarter',
      team_id: 'T0001',
      user_id: ANALYST,
      channel_id: 'C0TEAM',
      channel_name: 'team',
      trigger_id: `t-slash-${Date.now()}`,
      response_url: kit.slack.responseUrl('r2'),
    });
    const res = await postSlack(kit, '/slack/commands', form.toString());
    expect(((await res.json()) as { response_type: string }).response_type).toBe('ephemeral');
    const root = await waitFor(
      () =>
        kit.slack.posts.find(
          (p) => p.channel === 'C0TEAM' && p.threadTs === null && p.text.includes('churn rate by region'),
        ),
      30_000,
      'the question message',
    );
    const answer = await answerIn('C0TEAM', root.ts);
    expect(answer.text).toMatch(/South China|华南/);
    const help = await postSlack(
      kit,
      '/slack/commands',
      new URLSearchParams({
        command: '/churn',
        text: 'help',
        team_id: 'T0001',
        user_id: ANALYST,
        channel_id: 'C0TEAM',
      }).toString(),
    );
    expect(((await help.json()) as { text: string }).text).toContain('/churn');
  });

  it('refuses bad signatures, stale timestamps and replays with 401, and runs nothing', async () => {
    const before = await jobCount();
    const body = slackEventBody({
      type: 'app_mention',
      user: VIEWER,
      channel: 'C0TEAM',
      text: '上季度各地区的流失率',
      ts: slackTs(),
    });
    expect((await postSlack(kit, '/slack/events', body, { secret: 'wrong-secret' })).status).toBe(401);
    expect((await postSlack(kit, '/slack/events', body, { signature: 'v0=' })).status).toBe(401);
    expect(
      (await postSlack(kit, '/slack/events', body, { timestamp: kit.clock.seconds() - 301 })).status,
    ).toBe(401);
    expect(
      (
        await postSlack(kit, '/slack/commands', 'text=hi&user_id=U1&channel_id=C1', {
          timestamp: kit.clock.seconds() + 301,
        })
      ).status,
    ).toBe(401);
    expect(await jobCount()).toBe(before);

    const fixed = kit.clock.seconds();
    expect((await postSlack(kit, '/slack/events', body, { timestamp: fixed })).status).toBe(200);
    const replay = await postSlack(kit, '/slack/events', body, { timestamp: fixed });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('replayed');
    // Slack's own retry (re-signed, same event_id) is acknowledged and de-duplicated.
    const retry = await postSlack(kit, '/slack/events', body, {
      timestamp: fixed + 1,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    expect(await jobCount()).toBe(before + 1);
  });

  it('retries 429 (after Retry-After) and 5xx, then delivers once', async () => {
    kit.slack.http.script(
      '/api/chat.postMessage',
      { status: 429, headers: { 'retry-after': '1' }, text: '' },
      { status: 503, text: 'busy' },
    );
    const ts = await dm(VIEWER, 'D0VIEWER', '上季度各地区的流失率');
    await answerIn('D0VIEWER', ts);
    await waitFor(() => kit.slack.completed.find((f) => f.threadTs === ts), 30_000, 'the upload');
    expect(kit.slack.posts.filter((p) => p.threadTs === ts)).toHaveLength(1);
  });

  it('records a failed delivery and shows it, without secrets, on /api/integrations', async () => {
    // Only this conversation's post fails (a late post of an earlier test must not take the scripted reply).
    kit.slack.http.script('/api/chat.postMessage', {
      json: { ok: false, error: 'channel_not_found' },
      when: (body) => body.includes('D0GONE'),
    });
    const ts = await dm(VIEWER, 'D0GONE', '上季度各地区的流失率');
    const admin = await webSession(kit.base, 'demo_admin');
    const status = await waitFor(
      async () => {
        const body = (await (await admin('GET', '/api/integrations')).json()) as {
          recentFailures: { operation: string; error: string }[];
        };
        return body.recentFailures.some((f) => f.error.includes('channel_not_found')) ? body : null;
      },
      30_000,
      'the failure to show',
    );
    expect(status).toMatchObject({
      slack: { configured: true, apiUrl: kit.slack.apiUrl },
      wecomApp: { configured: true },
    });
    const text = JSON.stringify(status);
    expect(text).not.toContain(kit.slack.token);
    expect(text).not.toContain('test-signing-secret');
    expect(text).not.toContain('test-corp-secret');
    expect(kit.slack.posts.some((p) => p.threadTs === ts)).toBe(false);
    expect(logs.some((l) => l.includes('channel_not_found'))).toBe(true);
    expect(logs.join('\n')).not.toContain(kit.slack.token);
    const viewer = await webSession(kit.base, 'viewer');
    expect((await viewer('GET', '/api/integrations')).status).toBe(403);
  });
});
