/**
 * WeCom's inbound endpoints. `/callback` (self-built app): GET verifies the URL (returns the decrypted
 * echostr); POST takes an encrypted XML message or button click, records a job and answers an empty 200 at
 * once — the answer is sent actively. `/bot` (intelligent robot): encrypted JSON; a question gets a stream
 * reply ("working on it") and the stream refreshes return the answer, then the image, when the job is done.
 * A bad signature, a stale timestamp or a replayed request is refused with 401 and runs nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { WecomAppConfig, WecomBotConfig } from '../channel-config.ts';
import { channelMessages, messageLanguage } from '../channel-messages.ts';
import { enqueueInbound, type InboundQueueDeps } from '../enqueue-inbound.ts';
import { MAX_SKEW_SECONDS } from '../slack/slack-signature.ts';
import {
  WecomCryptoError,
  wecomDecrypt,
  wecomEncrypt,
  wecomSignature,
  wecomSignatureValid,
} from './wecom-crypto.ts';
import { type BotResult, QUESTION_KEY_PREFIX, type WecomJobPayload } from './wecom-jobs.ts';
import { xmlField } from './wecom-xml.ts';

export interface WecomRouteDeps extends InboundQueueDeps {
  app?: WecomAppConfig;
  bot?: WecomBotConfig;
}

const refuse = (c: Context, code: string) =>
  c.json({ error: { code, message: 'WeCom signature check failed' } }, 401);

export function wecomRoutes(deps: WecomRouteDeps) {
  const app = new Hono();
  const query = (c: Context) => ({
    msgSignature: c.req.query('msg_signature'),
    timestamp: c.req.query('timestamp'),
    nonce: c.req.query('nonce'),
  });
  /** Signature, timestamp window and replay checks; null when the request may proceed. */
  const check = async (c: Context, token: string, encrypt: string): Promise<Response | null> => {
    const q = query(c);
    if (!wecomSignatureValid(token, q, encrypt)) return refuse(c, 'bad_signature');
    if (Math.abs(deps.now().getTime() / 1000 - Number(q.timestamp)) > MAX_SKEW_SECONDS)
      return refuse(c, 'stale_timestamp');
    if (!(await deps.store.channelQueue.recordEvent('wecom', `sig:${q.msgSignature}:${q.nonce}`, deps.now())))
      return refuse(c, 'replayed');
    return null;
  };
  const enqueue = async (dedupeKey: string, payload: WecomJobPayload) =>
    (
      await enqueueInbound(deps, {
        provider: 'wecom',
        kind: 'ask',
        dedupeKey,
        threadKey: `${payload.via}:${payload.userid}`,
        externalUserId: payload.userid,
        text: payload.text,
        payload,
      })
    ).job;

  const appConfig = deps.app;
  if (appConfig) {
    app.get('/callback', (c) => {
      const echostr = c.req.query('echostr') ?? '';
      if (!wecomSignatureValid(appConfig.token, query(c), echostr)) return refuse(c, 'bad_signature');
      try {
        return c.text(wecomDecrypt(appConfig.encodingAesKey, echostr, appConfig.corpId));
      } catch {
        return refuse(c, 'bad_encryption');
      }
    });
    app.post('/callback', async (c) => {
      const encrypt = xmlField(await c.req.text(), 'Encrypt');
      if (!encrypt)
        return c.json(
          { error: { code: 'bad_body', message: 'Expected <xml><Encrypt>…</Encrypt></xml>' } },
          400,
        );
      const refused = await check(c, appConfig.token, encrypt);
      if (refused) return refused;
      let xml: string;
      try {
        xml = wecomDecrypt(appConfig.encodingAesKey, encrypt, appConfig.corpId);
      } catch (error) {
        if (error instanceof WecomCryptoError) return refuse(c, 'bad_encryption');
        throw error;
      }
      const from = xmlField(xml, 'FromUserName');
      const type = xmlField(xml, 'MsgType');
      if (!from) return c.body('', 200);
      if (type === 'text') {
        const content = xmlField(xml, 'Content') ?? '';
        await enqueue(`msg:${xmlField(xml, 'MsgId') ?? `${from}:${xmlField(xml, 'CreateTime')}`}`, {
          via: 'app',
          userid: from,
          text: content,
        });
      } else if (type === 'event' && xmlField(xml, 'Event') === 'template_card_event') {
        const key = xmlField(xml, 'EventKey') ?? '';
        if (key.startsWith(QUESTION_KEY_PREFIX))
          await enqueue(`card:${from}:${xmlField(xml, 'TaskId')}:${key}`, {
            via: 'app',
            userid: from,
            text: key.slice(QUESTION_KEY_PREFIX.length),
          });
      }
      return c.body('', 200);
    });
  }

  const bot = deps.bot;
  if (bot) {
    app.post('/bot', async (c) => {
      let encrypt: string | undefined;
      try {
        encrypt = ((await c.req.json()) as { encrypt?: string }).encrypt;
      } catch {
        encrypt = undefined;
      }
      if (!encrypt) return c.json({ error: { code: 'bad_body', message: 'Expected {"encrypt": "…"}' } }, 400);
      const refused = await check(c, bot.token, encrypt);
      if (refused) return refused;
      let message: {
        msgid?: string;
        chattype?: 'single' | 'group';
        from?: { userid?: string };
        msgtype?: string;
        text?: { content?: string };
        stream?: { id?: string };
      };
      try {
        message = JSON.parse(wecomDecrypt(bot.encodingAesKey, encrypt, ''));
      } catch {
        return refuse(c, 'bad_encryption');
      }
      const reply = (stream: Record<string, unknown>) => {
        const timestamp = String(Math.floor(deps.now().getTime() / 1000));
        const nonce = randomBytes(8).toString('hex');
        const sealed = wecomEncrypt(bot.encodingAesKey, JSON.stringify({ msgtype: 'stream', stream }), '');
        return c.json({
          encrypt: sealed,
          msgsignature: wecomSignature(bot.token, timestamp, nonce, sealed),
          timestamp,
          nonce,
        });
      };
      const userid = message.from?.userid;
      if (message.msgtype === 'text' && message.msgid && userid) {
        const text = message.text?.content ?? '';
        const job = await enqueue(`bot:${message.msgid}`, {
          via: 'bot',
          userid,
          text,
          chattype: message.chattype === 'group' ? 'group' : 'single',
          streamId: `stream-${message.msgid}`,
        });
        return reply(streamState(job.payload as unknown as WecomJobPayload, job.status, job.checkpoint));
      }
      if (message.msgtype === 'stream' && message.stream?.id?.startsWith('stream-')) {
        const job = await deps.store.channelQueue.findByDedupeKey(
          'wecom',
          `bot:${message.stream.id.slice('stream-'.length)}`,
        );
        if (!job) return reply({ id: message.stream.id, finish: true, content: '' });
        return reply(streamState(job.payload as unknown as WecomJobPayload, job.status, job.checkpoint));
      }
      return c.body('', 200);
    });
  }
  return app;
}

/** The robot's stream content for a job: working, or the answer (with the image) once finished. */
function streamState(p: WecomJobPayload, status: string, checkpoint: Record<string, unknown>) {
  const lang = messageLanguage(p.text);
  const result = checkpoint.bot as BotResult | undefined;
  if (result)
    return {
      id: p.streamId,
      finish: true,
      content: result.markdown,
      ...(result.image ? { msg_item: [{ msgtype: 'image', image: result.image }] } : {}),
    };
  if (status === 'failed') return { id: p.streamId, finish: true, content: channelMessages.failed(lang) };
  return { id: p.streamId, finish: false, content: channelMessages.working(lang) };
}
