/**
 * The one SMTP configuration of the product (insights from monitors and campaign e-mails), read once from
 * the environment at start:
 * - `CHATBI_SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS), or
 *   `CHATBI_SMTP_HOST` + `CHATBI_SMTP_PORT` (587) + `CHATBI_SMTP_USER` + `CHATBI_SMTP_PASS` +
 *   `CHATBI_SMTP_SECURE=true` (implicit TLS);
 * - `CHATBI_SMTP_FROM`: the sender. `CHATBI_EMAIL_FROM` (the campaigns' old name) is still read when
 *   `CHATBI_SMTP_FROM` is unset, with a deprecation warning.
 * Neither URL nor host: no e-mail (deliveries fail, saying so).
 */
import nodemailer, { type Transporter } from 'nodemailer';

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

export const DEFAULT_SENDER = 'ChatBI <noreply@chatbi.local>';

/** SMTP settings from the environment, or null when e-mail is not configured; throws naming a bad variable. */
export function smtpConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
  warn: (message: string) => void = (m) => console.warn(m),
): SmtpConfig | null {
  let from = env.CHATBI_SMTP_FROM?.trim();
  if (!from && env.CHATBI_EMAIL_FROM?.trim()) {
    from = env.CHATBI_EMAIL_FROM.trim();
    warn('CHATBI_EMAIL_FROM is deprecated: set CHATBI_SMTP_FROM (the sender of every e-mail) instead');
  }
  from ||= DEFAULT_SENDER;
  if (env.CHATBI_SMTP_URL) {
    if (!/^smtps?:\/\//.test(env.CHATBI_SMTP_URL))
      throw new Error('CHATBI_SMTP_URL: must start with smtp:// or smtps://');
    return { url: env.CHATBI_SMTP_URL, from };
  }
  if (!env.CHATBI_SMTP_HOST) return null;
  const port = Number(env.CHATBI_SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`CHATBI_SMTP_PORT: must be a port number, got ${env.CHATBI_SMTP_PORT}`);
  return {
    host: env.CHATBI_SMTP_HOST,
    port,
    secure: env.CHATBI_SMTP_SECURE === 'true',
    user: env.CHATBI_SMTP_USER,
    pass: env.CHATBI_SMTP_PASS,
    from,
  };
}

/** A nodemailer transport for the settings (timeouts bounded, so a dead server cannot hang a worker). */
export function smtpTransport(config: SmtpConfig): Transporter {
  return config.url
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
}
