/** E-mail over SMTP (settings: `mail/smtp-config.ts`); the outbox id becomes the Message-ID header. */
import { type SmtpConfig, smtpTransport } from '../../mail/smtp-config.ts';
import { DeliveryError, type MessageProvider, type OutgoingMessage } from './message-provider.ts';

/** SMTP reply codes 4xx are temporary (retry), 5xx permanent. */
function isTemporary(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  if (typeof code === 'number') return code >= 400 && code < 500;
  return true; // connection errors: the server may be back later
}

/** The e-mail provider. */
export function smtpProvider(settings: SmtpConfig): MessageProvider {
  const transport = smtpTransport(settings);
  return {
    channel: 'email',
    async send(message: OutgoingMessage) {
      if (!message.address) throw new DeliveryError('no e-mail address', false);
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.address,
          subject: message.subject ?? '',
          text: message.body,
          messageId: `<${message.messageId.replace(/[^A-Za-z0-9.-]/g, '.')}@chatbi>`,
          headers: { 'X-ChatBI-Message-Id': message.messageId },
        });
        return { providerMessageId: String(info.messageId) };
      } catch (error) {
        throw new DeliveryError(error instanceof Error ? error.message : String(error), isTemporary(error));
      }
    },
    async close() {
      transport.close();
    },
  };
}
