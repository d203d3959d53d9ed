/**
 * Campaign delivery settings from the environment, validated once at start: where e-mail, SMS and WeCom
 * messages go, rate limits, attempts and the frequency cap. A channel without settings has no provider
 * (its messages fail with "no provider configured"); call tasks need none. E-mail uses the product's one
 * SMTP configuration (`mail/smtp-config.ts`), read once by the server and shared with monitors.
 */
import { z } from 'zod';
import type { SmtpConfig } from '../mail/smtp-config.ts';
import type { HttpEndpoint } from './providers/http-provider.ts';

export interface CampaignConfig {
  smtp?: SmtpConfig;
  sms?: HttpEndpoint;
  wecom?: HttpEndpoint;
  frequencyCapDays: number;
  maxAttempts: number;
  ratePerSecond: { sms: number; email: number; wecom: number; call_task: number };
  pollMs: number;
}

const Env = z.object({
  CHATBI_SMS_URL: z.url().optional(),
  CHATBI_SMS_TOKEN: z.string().optional(),
  CHATBI_WECOM_MESSAGE_URL: z.url().optional(),
  CHATBI_WECOM_MESSAGE_TOKEN: z.string().optional(),
  CHATBI_FREQUENCY_CAP_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  CHATBI_CAMPAIGN_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(20),
});

/**
 * Reads the settings; throws with the variable's name when one is malformed. `smtp` is the server's one
 * SMTP configuration (`smtpConfigFromEnv`), passed in so it is read (and its deprecations warned) once.
 */
export function campaignConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  smtp: SmtpConfig | null = null,
): CampaignConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const rate = e.CHATBI_CAMPAIGN_RATE_PER_SECOND;
  return {
    ...(smtp ? { smtp } : {}),
    ...(e.CHATBI_SMS_URL ? { sms: { url: e.CHATBI_SMS_URL, token: e.CHATBI_SMS_TOKEN } } : {}),
    ...(e.CHATBI_WECOM_MESSAGE_URL
      ? { wecom: { url: e.CHATBI_WECOM_MESSAGE_URL, token: e.CHATBI_WECOM_MESSAGE_TOKEN } }
      : {}),
    frequencyCapDays: e.CHATBI_FREQUENCY_CAP_DAYS,
    maxAttempts: 4,
    ratePerSecond: { sms: rate, email: rate, wecom: rate, call_task: 100 },
    pollMs: 1000,
  };
}
