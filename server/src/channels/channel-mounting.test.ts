/** Channel routes exist only for configured channels, outside `/api` authentication. */
import { describe, expect, it } from 'vitest';
import { pgliteStore } from '../../test/store/test-stores.ts';
import { createApp } from '../http/app.ts';
import { ModelRegistry } from '../models/model-registry.ts';
import { ChannelService } from './channel-service.ts';

describe('mounting the channel routes', () => {
  it('mounts Slack only when it is configured, and WeCom only when it is', async () => {
    const store = await pgliteStore();
    try {
      const registry = new ModelRegistry('retail');
      const build = (config: ConstructorParameters<typeof ChannelService>[0]['config']) => {
        const channels = new ChannelService({
          config,
          store,
          registry,
          answerDeps: { llm: null },
          log: () => {},
        });
        return createApp({
          store,
          registry,
          demo: false,
          answerDeps: { llm: null },
          channelRoutes: channels.routes(),
        });
      };
      const none = build({ rateLimitPerMinute: 20 });
      expect((await none.request('/slack/events', { method: 'POST', body: '{}' })).status).toBe(404);
      expect((await none.request('/wecom/callback', { method: 'POST', body: '<xml/>' })).status).toBe(404);

      const slackOnly = build({
        rateLimitPerMinute: 20,
        slack: { signingSecret: 'secret', botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:9/api/' },
      });
      // Mounted, unauthenticated by session, and refusing an unsigned request with 401.
      const unsigned = await slackOnly.request('/slack/events', {
        method: 'POST',
        body: '{"type":"url_verification"}',
      });
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('missing_headers');
      expect((await slackOnly.request('/wecom/callback', { method: 'POST', body: '<xml/>' })).status).toBe(
        404,
      );
      expect((await slackOnly.request('/api/integrations')).status).toBe(401);
    } finally {
      await store.close();
    }
  });
});
