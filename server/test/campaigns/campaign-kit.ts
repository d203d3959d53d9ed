/**
 * The campaign suites' world: the product server on a copy of the 3,000-customer demo (demo mode, port 0)
 * with e-mail, SMS and WeCom providers pointed at local fakes, and signed-in clients of the demo accounts.
 * `restart()` stops the server and starts a new one on the same data and app state (a process restart).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS } from '../../src/http/auth/demo-users.ts';
import { serverHooks } from '../../src/server/server-hooks.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { FakeMessageGateway } from '../fakes/fake-message-gateway.ts';
import { FakeSmtp } from '../fakes/fake-smtp.ts';
import { SecurityClient } from '../security/security-client.ts';
import { copiedDemo } from '../server/test-server.ts';

export interface CampaignKit {
  server: RunningServer;
  smtp: FakeSmtp;
  sms: FakeMessageGateway;
  wecom: FakeMessageGateway;
  /** A signed-in client of a demo account (zh messages unless `language` says otherwise). */
  client(username: string, language?: 'zh' | 'en'): Promise<SecurityClient>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `now`: the campaigns' clock (send days, follow-up offsets, task due dates); the real clock by default. */
export async function startCampaignKit(opts: { now?: () => Date } = {}): Promise<CampaignKit> {
  const dataDir = await copiedDemo();
  const appDir = mkdtempSync(join(tmpdir(), 'chatbi-campaign-app-'));
  const [smtp, sms, wecom] = await Promise.all([
    new FakeSmtp().start(),
    new FakeMessageGateway('sms-token').start(),
    new FakeMessageGateway('wecom-token').start(),
  ]);
  let campaignCount = 0;
  const start = async () =>
    startServer({
      dataDir,
      appDir,
      port: 0,
      demoCustomers: 3000,
      demo: true,
      log: () => {},
      ...(await serverHooks()),
      campaigns: {
        smtp: { url: smtp.url, from: 'ChatBI <care@shop.example>' },
        sms: { url: sms.url, token: 'sms-token' },
        wecom: { url: wecom.url, token: 'wecom-token' },
        autoStart: false,
        pollMs: 50,
        now: opts.now,
        // Fixed ids: the holdout and the simulated responses are seeded by them, so runs repeat.
        newId: () => `00000000-0000-4000-8000-${String(++campaignCount).padStart(12, '0')}`,
      },
    });
  const kit: CampaignKit = {
    server: await start(),
    smtp,
    sms,
    wecom,
    async client(username, language = 'zh') {
      const password = DEMO_USERS.find((u) => u.username === username)!.password;
      return new SecurityClient(kit.server.url, { 'accept-language': language }).login(username, password);
    },
    async restart() {
      await kit.server.close();
      kit.server = await start();
    },
    async close() {
      await kit.server.close();
      await Promise.all([smtp.close(), sms.close(), wecom.close()]);
    },
  };
  return kit;
}
