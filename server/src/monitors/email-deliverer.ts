/**
 * Insights by e-mail over SMTP (settings: `mail/smtp-config.ts`). The recipient is the subscription's
 * address, else the account's.
 */
import { type SmtpConfig, smtpTransport } from '../mail/smtp-config.ts';
import { type InsightDeliverer, PermanentDeliveryError } from './deliverers.ts';
import { insightText } from './insight.ts';
import { monitorMessage } from './insight-messages.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A deliverer sending each insight as one e-mail (text and HTML parts). */
export function emailDeliverer(config: SmtpConfig): InsightDeliverer {
  const transport = smtpTransport(config);
  return async ({ subscription, user, insight }) => {
    const to = subscription.target ?? user.email;
    if (!to) throw new PermanentDeliveryError(monitorMessage('no_email_address', subscription.language));
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
