/**
 * The product's HTTP app with every router it can mount (governance from `serverHooks`, campaigns, Slack
 * and both WeCom channels configured) over an empty registry and a PGlite store: what the OpenAPI tests read.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { campaignConfigFromEnv } from '../../src/campaigns/campaign-config.ts';
import { campaignModule } from '../../src/campaigns/campaign-module.ts';
import { ChannelService } from '../../src/channels/channel-service.ts';
import { createApp } from '../../src/http/app.ts';
import { ModelRegistry } from '../../src/models/model-registry.ts';
import { serverHooks } from '../../src/server/server-hooks.ts';
import type { Store } from '../../src/store/open-store.ts';

const AES_KEY = 'a'.repeat(43);

export async function productApp(store: Store) {
  const registry = new ModelRegistry('retail');
  const hooks = await serverHooks();
  const channels = new ChannelService({
    config: {
      rateLimitPerMinute: 20,
      slack: { signingSecret: 'secret', botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:9/api/' },
      wecomApp: {
        corpId: 'corp',
        token: 'token',
        encodingAesKey: AES_KEY,
        agentId: 1,
        secret: 'secret',
        apiBase: 'http://127.0.0.1:9',
      },
      wecomBot: { token: 'token', encodingAesKey: AES_KEY },
    },
    store,
    registry,
    answerDeps: { llm: null },
    log: () => {},
  });
  return createApp({
    store,
    registry,
    demo: true,
    answerDeps: { llm: null },
    channelRoutes: channels.routes(),
    campaigns: campaignModule({ store, registry, demo: true, config: campaignConfigFromEnv() }),
    extraRoutes: hooks.extraRoutes?.(store, registry, {
      dataDir: join(tmpdir(), 'chatbi-openapi-data'),
      uploadsDir: join(tmpdir(), 'chatbi-openapi-uploads'),
    }),
  });
}
