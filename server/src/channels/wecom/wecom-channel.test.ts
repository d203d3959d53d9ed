/**
 * WeCom end to end: encrypted callbacks into the real server, answers through the real pipeline, active
 * messages recorded by a local fake of the WeCom API (gettoken, message/send, media/upload, webhook).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChannelKit,
  loopbackFetch,
  pngSize,
  startChannelKit,
  WECOM_AES_KEY,
  WECOM_CORP_ID,
  WECOM_TOKEN,
  wecomCallback,
  wecomTextXml,
} from '../../../test/channels/channel-kit.ts';
import { waitFor } from '../../../test/channels/fake-http.ts';
import { pgliteStore } from '../../../test/store/test-stores.ts';
import { wecomDecrypt, wecomEncrypt, wecomSignature } from './wecom-crypto.ts';
import { createWecomWebhookSender } from './wecom-webhook.ts';

describe('the WeCom channel', () => {
  let kit: ChannelKit;
  let regions: string[];
  let msgSeq = 1000;

  beforeAll(async () => {
    kit = await startChannelKit({ store: await pgliteStore(), rateLimitPerMinute: 4 });
    const store = kit.server.store;
    for (const [username, wecomUserId] of [
      ['viewer', 'zhangsan'],
      ['manager_south', 'lisi'],
      ['analyst', 'wangwu'],
      ['demo_admin', 'zhaoliu'],
    ] as const) {
      const user = await store.users.findByUsername(username);
      await store.users.update(user!.id, { wecomUserId });
    }
    regions = kit.server.registry
      .get('retail')
      .runtime.catalog.dimensions.find((d) => d.id === 'region')!
      .values.map((v) => v.value);
  }, 180_000);

  afterAll(async () => {
    await kit?.close();
  });

  const send = async (xml: string, opts: { timestamp?: number; token?: string } = {}) => {
    const { query, body } = wecomCallback(kit, xml, opts);
    return loopbackFetch(`${kit.base}/wecom/callback?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body,
    });
  };
  const ask = async (from: string, content: string) => {
    const res = await send(wecomTextXml(from, content, String(++msgSeq)));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  };
  const sentTo = (user: string, type: string) =>
    kit.wecom.sent.filter((m) => m.touser === user && m.msgtype === type);
  const markdown = (m: { body: Record<string, unknown> }) => (m.body.markdown as { content: string }).content;

  it('verifies the callback URL with the official vector and returns the decrypted echostr', async () => {
    const echostr =
      'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==';
    const q = new URLSearchParams({
      msg_signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
      timestamp: '1476416373',
      nonce: '47744683',
      echostr,
    });
    const res = await fetch(`${kit.base}/wecom/callback?${q}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1288432023552776189');
    q.set('nonce', '1');
    expect((await fetch(`${kit.base}/wecom/callback?${q}`)).status).toBe(401);
  });

  it('replies empty at once, then sends the answer actively: markdown naming every region, the chart image, buttons', async () => {
    await ask('zhangsan', '上季度各地区的流失率');
    const text = await waitFor(() => sentTo('zhangsan', 'markdown')[0], 30_000, 'the markdown');
    expect(text.agentid).toBe(1000002);
    for (const region of regions) expect(markdown(text)).toContain(region);
    const image = await waitFor(() => sentTo('zhangsan', 'image')[0], 30_000, 'the image');
    const mediaId = (image.body.image as { media_id: string }).media_id;
    const media = kit.wecom.media.get(mediaId)!;
    expect(media).toMatchObject({ filename: 'chart.png', contentType: 'image/png' });
    expect(pngSize(media.bytes)?.width).toBeGreaterThan(300);
    const card = await waitFor(() => sentTo('zhangsan', 'template_card')[0], 30_000, 'the buttons');
    const buttons = (card.body.template_card as { button_list: { text: string; key: string }[] }).button_list;
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons[0]!.key).toMatch(/^q:/);
    expect(kit.wecom.tokenRequests).toHaveLength(1); // the token is cached across the three sends
  });

  it('refreshes an expired access token (errcode 42001) and still delivers; a button click asks the follow-up', async () => {
    const card = sentTo('zhangsan', 'template_card')[0]!;
    const button = (card.body.template_card as { task_id: string; button_list: { key: string }[] })
      .button_list[0]!;
    kit.wecom.expireTokens();
    const before = sentTo('zhangsan', 'markdown').length;
    const click = `<xml><ToUserName><![CDATA[${WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>${kit.clock.seconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${button.key}]]></EventKey><TaskId><![CDATA[${(card.body.template_card as { task_id: string }).task_id}]]></TaskId><AgentID>1000002</AgentID></xml>`;
    expect((await send(click)).status).toBe(200);
    const followUp = await waitFor(() => sentTo('zhangsan', 'markdown')[before], 30_000, 'the follow-up');
    expect(markdown(followUp)).toMatch(/城市|city/i);
    expect(kit.wecom.tokenRequests).toHaveLength(2);
    const viewer = await kit.server.store.users.findByUsername('viewer');
    const thread = await kit.server.store.channelQueue.thread('wecom', 'app:zhangsan', viewer!.id);
    const messages = await kit.server.store.conversations.listMessages(thread!.conversationId);
    expect(messages.map((m) => m.question)).toEqual(['上季度各地区的流失率', button.key.slice(2)]);
  });

  it('retries media/upload after a 503 and message/send after a busy errcode, then delivers once', async () => {
    kit.wecom.http.script('/cgi-bin/media/upload', { status: 503, text: 'busy' });
    kit.wecom.http.script('/cgi-bin/message/send', { json: { errcode: -1, errmsg: 'system busy' } });
    await ask('wangwu', '上季度各地区的流失率');
    await waitFor(() => sentTo('wangwu', 'template_card')[0], 30_000, 'the whole answer');
    expect(sentTo('wangwu', 'markdown')).toHaveLength(1);
    expect(sentTo('wangwu', 'image')).toHaveLength(1);
  });

  it('answers manager_south (lisi) with 华南 only', async () => {
    await ask('lisi', '上季度各地区的流失率');
    const text = await waitFor(() => sentTo('lisi', 'markdown')[0], 30_000, 'the markdown');
    expect(markdown(text)).toContain('华南');
    for (const region of regions.filter((r) => r !== '华南')) expect(markdown(text)).not.toContain(region);
  });

  it('gives an unknown WeCom user instructions and no data', async () => {
    await ask('stranger', '上季度各地区的流失率');
    const text = await waitFor(() => sentTo('stranger', 'markdown')[0], 30_000, 'the instructions');
    expect(markdown(text)).toContain('绑定');
    for (const region of regions) expect(markdown(text)).not.toContain(region);
    expect(sentTo('stranger', 'image')).toHaveLength(0);
  });

  it('refuses a bad signature, a stale timestamp and a replay with 401, and sends nothing', async () => {
    const jobs = async () =>
      Object.values(await kit.server.store.channelQueue.statusCounts()).reduce((a, b) => a + b, 0);
    const before = await jobs();
    const xml = wecomTextXml('zhangsan', '上季度各地区的流失率', String(++msgSeq));
    expect((await send(xml, { token: 'wrong-token' })).status).toBe(401);
    expect((await send(xml, { timestamp: kit.clock.seconds() - 301 })).status).toBe(401);
    const { query, body } = wecomCallback(kit, xml);
    expect((await fetch(`${kit.base}/wecom/callback?${query}`, { method: 'POST', body })).status).toBe(200);
    expect((await fetch(`${kit.base}/wecom/callback?${query}`, { method: 'POST', body })).status).toBe(401);
    expect(await jobs()).toBe(before + 1);
  });

  it('queues past the per-user rate limit with a notice instead of an answer', async () => {
    for (let i = 0; i < 5; i++) await ask('zhaoliu', `上季度流失率是多少？（${i}）`);
    const notice = await waitFor(
      () => sentTo('zhaoliu', 'markdown').find((m) => /太频繁/.test(markdown(m))),
      60_000,
      'the rate-limit notice',
    );
    expect(markdown(notice)).toContain('4');
  });

  it('streams a robot answer: working first, then the markdown and the image (base64 + md5)', async () => {
    const call = async (message: Record<string, unknown>) => {
      const encrypt = wecomEncrypt(WECOM_AES_KEY, JSON.stringify(message), '');
      const timestamp = String(kit.clock.seconds());
      const nonce = String(Math.random()).slice(2);
      const q = new URLSearchParams({
        msg_signature: wecomSignature(WECOM_TOKEN, timestamp, nonce, encrypt),
        timestamp,
        nonce,
      });
      const res = await loopbackFetch(`${kit.base}/wecom/bot?${q}`, {
        method: 'POST',
        body: JSON.stringify({ encrypt }),
      });
      expect(res.status).toBe(200);
      const reply = (await res.json()) as {
        encrypt: string;
        msgsignature: string;
        timestamp: string;
        nonce: string;
      };
      expect(wecomSignature(WECOM_TOKEN, reply.timestamp, reply.nonce, reply.encrypt)).toBe(
        reply.msgsignature,
      );
      return JSON.parse(wecomDecrypt(WECOM_AES_KEY, reply.encrypt, '')) as {
        msgtype: string;
        stream: {
          id: string;
          finish: boolean;
          content: string;
          msg_item?: { image: { base64: string; md5: string } }[];
        };
      };
    };
    const first = await call({
      msgid: 'bot-1',
      aibotid: 'AIBOT',
      chattype: 'single',
      from: { userid: 'zhangsan' },
      msgtype: 'text',
      text: { content: '上季度各地区的流失率' },
    });
    expect(first.msgtype).toBe('stream');
    expect(first.stream).toMatchObject({ finish: false });
    expect(first.stream.content).toMatch(/正在分析/);
    const done = await waitFor(
      async () => {
        const r = await call({
          msgid: `refresh-${Math.random()}`,
          msgtype: 'stream',
          stream: { id: first.stream.id },
        });
        return r.stream.finish ? r : null;
      },
      30_000,
      'the finished stream',
    );
    for (const region of regions) expect(done.stream.content).toContain(region);
    const image = done.stream.msg_item![0]!.image;
    const png = Buffer.from(image.base64, 'base64');
    expect(pngSize(png)).not.toBeNull();
    expect(createHash('md5').update(png).digest('hex')).toBe(image.md5);

    const group = await call({
      msgid: 'bot-2',
      chattype: 'group',
      chatid: 'CHAT1',
      from: { userid: 'lisi' },
      msgtype: 'text',
      text: { content: '@ChurnBot 上季度各地区的流失率' },
    });
    const groupDone = await waitFor(
      async () => {
        const r = await call({
          msgid: `refresh-${Math.random()}`,
          msgtype: 'stream',
          stream: { id: group.stream.id },
        });
        return r.stream.finish ? r : null;
      },
      30_000,
      'the group stream',
    );
    expect(groupDone.stream.content).toMatch(/单独发给你/);
    for (const region of regions) expect(groupDone.stream.content).not.toContain(region);
    await waitFor(() => sentTo('lisi', 'markdown').length >= 2, 30_000, 'the private answer');
  });

  it('pushes markdown and an image through the group robot webhook', async () => {
    const push = createWecomWebhookSender({ key: 'hook-key-1', apiBase: kit.wecom.http.base });
    await push({ markdown: '**流失率预警** 华南 26.6%' });
    const png = Buffer.from(
      sentTo('zhangsan', 'image').length ? kit.wecom.media.values().next().value!.bytes : [],
    );
    await push({ png });
    expect(kit.wecom.webhooks[0]).toEqual({
      key: 'hook-key-1',
      body: { msgtype: 'markdown', markdown: { content: '**流失率预警** 华南 26.6%' } },
    });
    const sentImage = kit.wecom.webhooks[1]!.body.image as { base64: string; md5: string };
    expect(Buffer.from(sentImage.base64, 'base64').equals(png)).toBe(true);
    expect(sentImage.md5).toBe(createHash('md5').update(png).digest('hex'));
  });
});
