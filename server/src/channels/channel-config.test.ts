import { describe, expect, it } from 'vitest';
import { ChannelConfigError, channelConfigFromEnv, describeChannels } from './channel-config.ts';

const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const WECOM = {
  WECOM_CORP_ID: 'ww1436e0e65a779aee',
  WECOM_TOKEN: 'token-1',
  WECOM_ENCODING_AES_KEY: AES,
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'corp-secret-value',
};

describe('channel configuration from the environment', () => {
  it('enables nothing when nothing is set', () => {
    expect(channelConfigFromEnv({})).toEqual({ rateLimitPerMinute: 20 });
  });

  it('reads Slack with the default API URL, and WeCom app + robot with a custom base', () => {
    const config = channelConfigFromEnv({
      SLACK_SIGNING_SECRET: 'sig-secret',
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      ...WECOM,
      WECOM_API_BASE: 'http://127.0.0.1:9999/',
      CHATBI_CHANNEL_RATE_LIMIT: '5',
    });
    expect(config.slack).toEqual({
      signingSecret: 'sig-secret',
      botToken: 'xoxb-1-2-abc',
      apiUrl: 'https://slack.com/api/',
    });
    expect(config.wecomApp).toMatchObject({
      corpId: WECOM.WECOM_CORP_ID,
      agentId: 1000002,
      apiBase: 'http://127.0.0.1:9999',
    });
    expect(config.wecomBot).toEqual({ token: 'token-1', encodingAesKey: AES });
    expect(config.rateLimitPerMinute).toBe(5);
  });

  it('stops with a message naming the variable when a setting is partial or malformed', () => {
    const fails = (env: Record<string, string>) => {
      try {
        channelConfigFromEnv(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ChannelConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a configuration error');
    };
    expect(fails({ SLACK_SIGNING_SECRET: 's' })).toMatch(/^SLACK_BOT_TOKEN must be set/);
    expect(fails({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxp-user' })).toMatch(
      /^SLACK_BOT_TOKEN must be a bot token/,
    );
    expect(fails({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'ftp://x' })).toMatch(
      /^SLACK_API_URL/,
    );
    expect(fails({ SLACK_API_URL: 'http://127.0.0.1:1/api/' })).toMatch(/SLACK_API_URL is set but/);
    const { WECOM_SECRET: _omit, ...noSecret } = WECOM;
    expect(fails(noSecret)).toMatch(/^WECOM_SECRET must be set/);
    expect(fails({ ...WECOM, WECOM_ENCODING_AES_KEY: 'short' })).toMatch(
      /^WECOM_ENCODING_AES_KEY must be the 43-character/,
    );
    expect(fails({ ...WECOM, WECOM_AGENT_ID: 'abc' })).toMatch(/^WECOM_AGENT_ID/);
    expect(fails({ WECOM_TOKEN: 't' })).toMatch(/WECOM_ENCODING_AES_KEY/);
    expect(fails({ CHATBI_CHANNEL_RATE_LIMIT: '0' })).toMatch(/^CHATBI_CHANNEL_RATE_LIMIT/);
  });

  it('describes what is configured without any secret', () => {
    const config = channelConfigFromEnv({
      SLACK_SIGNING_SECRET: 'sig-secret',
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      ...WECOM,
    });
    const text = JSON.stringify(describeChannels(config));
    for (const secret of ['sig-secret', 'xoxb-1-2-abc', 'corp-secret-value', 'token-1', AES])
      expect(text).not.toContain(secret);
    expect(describeChannels(config)).toMatchObject({
      slack: { configured: true, routes: ['/slack/events', '/slack/commands', '/slack/interactivity'] },
      wecomApp: { configured: true, routes: ['/wecom/callback'] },
      wecomBot: { configured: true, routes: ['/wecom/bot'] },
    });
  });
});
