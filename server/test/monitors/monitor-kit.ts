/**
 * Test support for monitors: the real product (copied demo, the channel fakes for Slack and WeCom, a
 * local SMTP server) with a clock the test sets, the scheduler driven by `tick()` unless asked to run by
 * itself, and helpers to subscribe over HTTP as a demo account.
 */
import { rmSync } from 'node:fs';
import type { SmtpConfig } from '../../src/mail/smtp-config.ts';
import type { ServerOptions } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/open-store.ts';
import {
  type ChannelKit,
  SLACK_TEAM,
  startChannelKit,
  TestClock,
  webSession,
} from '../channels/channel-kit.ts';
import type { FakeSlack } from '../channels/fake-slack.ts';
import type { FakeWecom } from '../channels/fake-wecom.ts';
import { FakeSmtp } from '../fakes/fake-smtp.ts';
import { mailText } from '../fakes/mail-text.ts';
import { copiedDemo } from '../server/test-server.ts';

/** Moves a test clock to an instant. */
export function setClock(clock: TestClock, iso: string): void {
  clock.offsetMs = Date.parse(iso) - Date.now();
}

/** The local SMTP server's messages, decoded, and the product's settings for it. */
export class Mailbox {
  constructor(readonly server: FakeSmtp) {}
  static async start(): Promise<Mailbox> {
    return new Mailbox(await new FakeSmtp().start());
  }
  get mails() {
    return this.server.received.map((m) => ({ ...m, ...mailText(m.raw) }));
  }
  to(address: string) {
    return this.mails.filter((m) => m.to.includes(address));
  }
  /** The next `n` messages are refused with 451 (temporary). */
  failNext(n: number): void {
    this.server.rejectNext(451, n);
  }
  config(): SmtpConfig {
    return {
      host: '127.0.0.1',
      port: this.server.port,
      secure: false,
      ignoreTls: true,
      from: 'chatbi@test.local',
    };
  }
  close(): Promise<void> {
    return this.server.close();
  }
}

export interface MonitorKit {
  kit: ChannelKit;
  smtp: Mailbox;
  clock: TestClock;
  dataDir: string;
  /** Stops the server; `keepData` keeps the data folder and the fakes for a restart. */
  close(keepData?: boolean): Promise<void>;
}

export interface MonitorKitOptions {
  dataDir?: string;
  store?: Store;
  clock?: TestClock;
  smtp?: Mailbox;
  fakes?: { slack: FakeSlack; wecom: FakeWecom };
  monitors?: ServerOptions['monitors'];
}

export async function startMonitorKit(opts: MonitorKitOptions = {}): Promise<MonitorKit> {
  const smtp = opts.smtp ?? (await Mailbox.start());
  const clock = opts.clock ?? new TestClock();
  const dataDir = opts.dataDir ?? (await copiedDemo());
  const kit = await startChannelKit({
    dataDir,
    store: opts.store,
    clock,
    fakes: opts.fakes,
    log: process.env.DEBUG_MONITORS ? (line) => console.log(line) : undefined,
    monitors: { start: false, smtp: smtp.config(), backoff: { baseMs: 50, maxMs: 200 }, ...opts.monitors },
  });
  return {
    kit,
    smtp,
    clock,
    dataDir,
    async close(keepData = false) {
      await kit.close(true);
      if (keepData) return;
      await kit.slack.close();
      await kit.wecom.close();
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}-app`, { recursive: true, force: true });
    },
  };
}

/** Gives a demo account an e-mail address and (optionally) a linked Slack user. */
export async function prepareAccount(
  store: Store,
  username: string,
  opts: { email?: string; slackUser?: string; wecomUserId?: string },
): Promise<string> {
  const user = await store.users.findByUsername(username);
  if (!user) throw new Error(`no demo account ${username}`);
  await store.users.update(user.id, {
    ...(opts.email ? { email: opts.email } : {}),
    ...(opts.wecomUserId ? { wecomUserId: opts.wecomUserId } : {}),
  });
  if (opts.slackUser)
    await store.channelLinks.link({
      provider: 'slack',
      team: SLACK_TEAM,
      externalUserId: opts.slackUser,
      userId: user.id,
      method: 'code',
    });
  return user.id;
}

/** Subscribes a demo account over HTTP; returns the subscription id. */
export async function subscribeAs(
  base: string,
  username: string,
  body: Record<string, unknown>,
): Promise<string> {
  const call = await webSession(base, username);
  const res = await call('POST', '/api/subscriptions', body);
  const json = (await res.json()) as { subscription?: { id: string }; error?: unknown };
  if (res.status !== 201)
    throw new Error(`subscribe ${username}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json.subscription!.id;
}
