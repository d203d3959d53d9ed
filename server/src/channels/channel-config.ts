/**
 * Channel configuration from the environment, validated at boot: a channel is on when its variables are
 * set, and a partial or malformed setting stops the server with a message naming the variable. The config
 * object never prints its secrets (`describeChannels` is what logs and `/api/integrations` show).
 */
import { z } from 'zod';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
export const DEFAULT_WECOM_API_BASE = 'https://qyapi.weixin.qq.com';
/** Questions one channel user may ask per minute (`CHATBI_CHANNEL_RATE_LIMIT`). */
export const DEFAULT_RATE_LIMIT = 20;

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** Web API base, e.g. `https://slack.com/api/` (tests: a local fake). */
  apiUrl: string;
}

export interface WecomAppConfig {
  corpId: string;
  token: string;
  encodingAesKey: string;
  agentId: number;
  secret: string;
  apiBase: string;
}

export interface WecomBotConfig {
  token: string;
  encodingAesKey: string;
}

export interface ChannelConfig {
  slack?: SlackConfig;
  /** Self-built app (自建应用): `/wecom/callback` and active messages. */
  wecomApp?: WecomAppConfig;
  /** Intelligent robot (智能机器人): `/wecom/bot`. */
  wecomBot?: WecomBotConfig;
  /** Per channel user and minute. */
  rateLimitPerMinute: number;
}

/** A configuration error that names the variable to fix. */
export class ChannelConfigError extends Error {}

const Url = z.url({ protocol: /^https?$/ });
const AesKey = z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey');

const SLACK_VARS = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'] as const;
const WECOM_APP_VARS = [
  'WECOM_CORP_ID',
  'WECOM_TOKEN',
  'WECOM_ENCODING_AES_KEY',
  'WECOM_AGENT_ID',
  'WECOM_SECRET',
] as const;

/** Reads and validates the channel variables; throws {@link ChannelConfigError} naming the first bad one. */
export function channelConfigFromEnv(env: Record<string, string | undefined>): ChannelConfig {
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const check = <T>(name: string, schema: z.ZodType<T>, value: unknown): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new ChannelConfigError(`${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}`.trim());
    return parsed.data;
  };
  const requireAll = (vars: readonly string[], what: string) => {
    const missing = vars.filter((v) => !get(v));
    if (missing.length)
      throw new ChannelConfigError(
        `${missing.join(', ')} must be set to enable ${what} (${vars.join(', ')})`,
      );
  };

  const config: ChannelConfig = {
    rateLimitPerMinute: get('CHATBI_CHANNEL_RATE_LIMIT')
      ? check(
          'CHATBI_CHANNEL_RATE_LIMIT',
          z.coerce.number().int().min(1).max(10_000),
          get('CHATBI_CHANNEL_RATE_LIMIT'),
        )
      : DEFAULT_RATE_LIMIT,
  };

  if (SLACK_VARS.some(get)) {
    requireAll(SLACK_VARS, 'Slack');
    config.slack = {
      signingSecret: get('SLACK_SIGNING_SECRET')!,
      botToken: check(
        'SLACK_BOT_TOKEN',
        z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)'),
        get('SLACK_BOT_TOKEN'),
      ),
      apiUrl: check('SLACK_API_URL', Url, get('SLACK_API_URL') ?? DEFAULT_SLACK_API_URL),
    };
  } else if (get('SLACK_API_URL')) {
    throw new ChannelConfigError('SLACK_API_URL is set but SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not');
  }

  const apiBase = check('WECOM_API_BASE', Url, get('WECOM_API_BASE') ?? DEFAULT_WECOM_API_BASE).replace(
    /\/+$/,
    '',
  );
  const appSpecific = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET'];
  if (appSpecific.some(get)) {
    requireAll(WECOM_APP_VARS, 'the WeCom app');
    config.wecomApp = {
      corpId: get('WECOM_CORP_ID')!,
      token: get('WECOM_TOKEN')!,
      encodingAesKey: check('WECOM_ENCODING_AES_KEY', AesKey, get('WECOM_ENCODING_AES_KEY')),
      agentId: check('WECOM_AGENT_ID', z.coerce.number().int().positive(), get('WECOM_AGENT_ID')),
      secret: get('WECOM_SECRET')!,
      apiBase,
    };
  }
  const botToken = get('WECOM_BOT_TOKEN') ?? get('WECOM_TOKEN');
  const botKey = get('WECOM_BOT_ENCODING_AES_KEY') ?? get('WECOM_ENCODING_AES_KEY');
  if (botToken || botKey) {
    if (!botToken || !botKey)
      throw new ChannelConfigError(
        `${botToken ? 'WECOM_ENCODING_AES_KEY (or WECOM_BOT_ENCODING_AES_KEY)' : 'WECOM_TOKEN (or WECOM_BOT_TOKEN)'} must be set too`,
      );
    config.wecomBot = {
      token: botToken,
      encodingAesKey: check(
        get('WECOM_BOT_ENCODING_AES_KEY') ? 'WECOM_BOT_ENCODING_AES_KEY' : 'WECOM_ENCODING_AES_KEY',
        AesKey,
        botKey,
      ),
    };
  }
  return config;
}

/** What is configured, without a secret: for logs and `/api/integrations`. */
export function describeChannels(config: ChannelConfig | undefined) {
  return {
    slack: config?.slack
      ? {
          configured: true,
          apiUrl: config.slack.apiUrl,
          routes: ['/slack/events', '/slack/commands', '/slack/interactivity'],
        }
      : { configured: false },
    wecomApp: config?.wecomApp
      ? {
          configured: true,
          corpId: config.wecomApp.corpId,
          agentId: config.wecomApp.agentId,
          apiBase: config.wecomApp.apiBase,
          routes: ['/wecom/callback'],
        }
      : { configured: false },
    wecomBot: config?.wecomBot ? { configured: true, routes: ['/wecom/bot'] } : { configured: false },
    rateLimitPerMinute: config?.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT,
  };
}
