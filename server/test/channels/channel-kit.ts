/**
 * Test support for the chat channels: the real product server (demo data in DuckDB, the given app store,
 * the rules interpreter) with Slack and WeCom configured against local fakes, an injectable clock, fast
 * retries, and helpers that sign and encrypt inbound requests as Slack and WeCom do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelConfig } from '../../src/channels/channel-config.ts';
import { slackSignature } from '../../src/channels/slack/slack-signature.ts';
import { wecomEncrypt, wecomSignature } from '../../src/channels/wecom/wecom-crypto.ts';
import { DEMO_USERS } from '../../src/http/auth/demo-users.ts';
import { serverHooks } from '../../src/server/server-hooks.ts';
import { type RunningServer, type ServerOptions, startServer } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/open-store.ts';
import { FakeSlack } from './fake-slack.ts';
import { FakeWecom } from './fake-wecom.ts';

export const SLACK_SECRET = 'test-signing-secret-0123456789';
export const SLACK_TEAM = 'T0001';
// WeCom's official sample credentials (the crypto vectors use them too).
export const WECOM_TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
export const WECOM_AES_KEY = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
export const WECOM_CORP_ID = 'ww1436e0e65a779aee';
export const WECOM_SECRET = 'test-corp-secret';
export const WECOM_AGENT_ID = 1000002;

/** A clock the tests move. */
export class TestClock {
  offsetMs = 0;
  readonly now = () => new Date(Date.now() + this.offsetMs);
  seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}

export interface ChannelKit {
  server: RunningServer;
  base: string;
  slack: FakeSlack;
  wecom: FakeWecom;
  clock: TestClock;
  dataDir: string;
  /** Stops the server (and, unless `keep`, the fakes and the data folder). */
  close(keep?: boolean): Promise<void>;
}

export interface KitOptions {
  store?: Store;
  /** Reuse a data folder (a restart); a new one otherwise. */
  dataDir?: string;
  /** Reuse running fakes (a restart). */
  fakes?: { slack: FakeSlack; wecom: FakeWecom };
  clock?: TestClock;
  rateLimitPerMinute?: number;
  worker?: { concurrency?: number; leaseMs?: number; pollMs?: number; maxAttempts?: number };
  customers?: number;
  log?: (line: string) => void;
  /** Monitor settings (SMTP, polling, whether the scheduler starts by itself). */
  monitors?: ServerOptions['monitors'];
}

/** Starts the product with every channel configured against fakes. */
export async function startChannelKit(opts: KitOptions = {}): Promise<ChannelKit> {
  const slack = opts.fakes?.slack ?? (await FakeSlack.start());
  const wecom = opts.fakes?.wecom ?? (await FakeWecom.start(WECOM_CORP_ID, WECOM_SECRET));
  const clock = opts.clock ?? new TestClock();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'chatbi-channels-'));
  const config: ChannelConfig = {
    slack: { signingSecret: SLACK_SECRET, botToken: slack.token, apiUrl: slack.apiUrl },
    wecomApp: {
      corpId: WECOM_CORP_ID,
      token: WECOM_TOKEN,
      encodingAesKey: WECOM_AES_KEY,
      agentId: WECOM_AGENT_ID,
      secret: WECOM_SECRET,
      apiBase: wecom.http.base,
    },
    wecomBot: { token: WECOM_TOKEN, encodingAesKey: WECOM_AES_KEY },
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 1000,
  };
  const server = await startServer({
    dataDir,
    port: 0,
    demoCustomers: opts.customers ?? 3000,
    demo: true, // the demo accounts, also with PostgreSQL app state
    store: opts.store,
    monitors: opts.monitors,
    log: opts.log ?? (() => {}),
    channels: {
      config,
      now: clock.now,
      retry: { retries: 3, baseMs: 20, maxMs: 200 },
      worker: { pollMs: 100, ...opts.worker },
    },
    ...(await serverHooks()),
  });
  return {
    server,
    base: `http://127.0.0.1:${server.port}`,
    slack,
    wecom,
    clock,
    dataDir,
    async close(keep = false) {
      await server.close();
      if (keep) return;
      await slack.close();
      await wecom.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `fetch` to the server under test, sending again once when a kept-alive socket was reset before the
 * request went out (the server closes idle sockets after 5 s; on a loaded machine the client can race it).
 */
export async function loopbackFetch(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

/** POSTs a body to a Slack route signed as Slack would (or with the given timestamp/signature). */
export function postSlack(
  kit: Pick<ChannelKit, 'base' | 'clock'>,
  path: '/slack/events' | '/slack/commands' | '/slack/interactivity',
  body: string,
  opts: { timestamp?: number; signature?: string; secret?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const timestamp = opts.timestamp ?? kit.clock.seconds();
  return loopbackFetch(`${kit.base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': path === '/slack/events' ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? slackSignature(opts.secret ?? SLACK_SECRET, timestamp, body),
      ...opts.headers,
    },
    body,
  });
}

let eventSeq = 0;

/** An Events API `event_callback` envelope. */
export function slackEventBody(
  event: Record<string, unknown>,
  eventId = `Ev${++eventSeq}${Date.now()}`,
): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: SLACK_TEAM,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

/** A unique Slack message ts. */
export function slackTs(): string {
  return `1760000000.${String(++eventSeq).padStart(6, '0')}`;
}

/** An interactivity (`block_actions`) form body for pressing `button` on `message`. */
export function slackButtonBody(input: {
  user: string;
  channel: string;
  message: { ts: string; thread_ts?: string | null };
  action: { action_id: string; value: string };
}): string {
  const payload = {
    type: 'block_actions',
    trigger_id: `trig-${++eventSeq}`,
    team: { id: SLACK_TEAM },
    user: { id: input.user, team_id: SLACK_TEAM },
    channel: { id: input.channel },
    container: { type: 'message', message_ts: input.message.ts, channel_id: input.channel },
    message: {
      ts: input.message.ts,
      ...(input.message.thread_ts ? { thread_ts: input.message.thread_ts } : {}),
    },
    actions: [{ ...input.action, type: 'button', action_ts: `${Date.now() / 1000}` }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The query string and XML body of a WeCom app callback carrying `xml`, encrypted and signed. */
export function wecomCallback(
  kit: Pick<ChannelKit, 'clock'>,
  xml: string,
  opts: { timestamp?: number; token?: string } = {},
) {
  const encrypt = wecomEncrypt(WECOM_AES_KEY, xml, WECOM_CORP_ID);
  const timestamp = String(opts.timestamp ?? kit.clock.seconds());
  const nonce = String(Math.floor(Math.random() * 1e9));
  const signature = wecomSignature(opts.token ?? WECOM_TOKEN, timestamp, nonce, encrypt);
  return {
    query: `msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
    body: `<xml><ToUserName><![CDATA[${WECOM_CORP_ID}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[${WECOM_AGENT_ID}]]></AgentID></xml>`,
  };
}

/** A decrypted WeCom text message as the app callback sends it. */
export function wecomTextXml(from: string, content: string, msgId: string): string {
  const now = Math.floor(Date.now() / 1000);
  return `<xml><ToUserName><![CDATA[${WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>${WECOM_AGENT_ID}</AgentID></xml>`;
}

/** True when `bytes` is a PNG: the signature, an IHDR chunk with a non-zero size, and an IEND chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 45 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  if (bytes.subarray(bytes.length - 8, bytes.length - 4).toString('ascii') !== 'IEND') return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** A signed-in web client (a demo account's documented password, cookie and CSRF header), for the account screens' API. */
export async function webSession(base: string, username: string) {
  const password = DEMO_USERS.find((u) => u.username === username)?.password;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}
