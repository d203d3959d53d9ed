/**
 * Insights by e-mail over SMTP (nodemailer). Configured from the environment:
 * `CHATBI_SMTP_URL` (smtp://user:pass@host:587 or smtps://…) or `CHATBI_SMTP_HOST` + `CHATBI_SMTP_PORT`
 * (+ `CHATBI_SMTP_USER`, `CHATBI_SMTP_PASS`, `CHATBI_SMTP_SECURE=true` for implicit TLS), and
 * `CHATBI_SMTP_FROM` (sender address). The recipient is the subscription's address, else the account's.
 */
import nodemailer from 'nodemailer';
import { type InsightDeliverer, PermanentDeliveryError } from './deliverers.ts';
import { insightText } from './insight.ts';

export interface SmtpConfig {
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  pass?: string;
  from: string;
  /** Tests talk to a local server without TLS. */
  ignoreTls?: boolean;
}

/** SMTP settings from the environment, or null when e-mail is not configured. */
export function smtpConfigFromEnv(env: Record<string, string | undefined>): SmtpConfig | null {
  const from = env.CHATBI_SMTP_FROM ?? 'chatbi@localhost';
  if (env.CHATBI_SMTP_URL) return { url: env.CHATBI_SMTP_URL, from };
  if (!env.CHATBI_SMTP_HOST) return null;
  const port = Number(env.CHATBI_SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`CHATBI_SMTP_PORT must be a port number, got ${env.CHATBI_SMTP_PORT}`);
  return {
    host: env.CHATBI_SMTP_HOST,
    port,
    secure: env.CHATBI_SMTP_SECURE === 'true',
    user: env.CHATBI_SMTP_USER,
    pass: env.CHATBI_SMTP_PASS,
    from,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A deliverer sending each insight as one e-mail (text and HTML parts). */
export function emailDeliverer(config: SmtpConfig): InsightDeliverer {
  const transport = config.url
    ? nodemailer.createTransport(config.url)
    : nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure ?? false,
        ignoreTLS: config.ignoreTls ?? false,
        ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      });
  return async ({ subscription, user, insight }) => {
    const to = subscription.target ?? user.email;
    if (!to)
      throw new PermanentDeliveryError(
        subscription.language === 'zh' ? '账户没有电子邮件地址' : 'the account has no e-mail address',
      );
    const html = [
      `<h2>${escapeHtml(insight.title)}</h2>`,
      `<p><strong>${escapeHtml(insight.headline)}</strong></p>`,
      `<ul>${insight.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    ].join('\n');
    await transport.sendMail({
      from: config.from,
      to,
      subject: insight.title,
      text: insightText(insight),
      html,
    });
  };
}
