/**
 * SMS and WeCom messages through a configurable HTTP endpoint (an SMS gateway, a WeCom relay): POST JSON
 * `{messageId, channel, to, subject, text}` with `Idempotency-Key: <messageId>` and an optional bearer
 * token. 2xx = accepted; 429 and 5xx are retried; other 4xx are permanent.
 */
import type { MessageChannel } from '../../store/schema.ts';
import { DeliveryError, type MessageProvider, type OutgoingMessage } from './message-provider.ts';

export interface HttpEndpoint {
  url: string;
  token?: string;
  timeoutMs?: number;
}

/** A provider posting `channel` messages to `endpoint`. */
export function httpProvider(channel: MessageChannel, endpoint: HttpEndpoint): MessageProvider {
  return {
    channel,
    async send(message: OutgoingMessage) {
      if (!message.address) throw new DeliveryError(`no ${channel} address`, false);
      let response: Response;
      try {
        response = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': message.messageId,
            ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
          },
          body: JSON.stringify({
            messageId: message.messageId,
            channel,
            to: message.address,
            subject: message.subject,
            text: message.body,
          }),
          signal: AbortSignal.timeout(endpoint.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new DeliveryError(error instanceof Error ? error.message : String(error), true);
      }
      const text = await response.text();
      if (!response.ok)
        throw new DeliveryError(
          `${channel} endpoint answered ${response.status}: ${text.slice(0, 200)}`,
          response.status === 429 || response.status >= 500,
        );
      let id = message.messageId;
      try {
        const parsed = JSON.parse(text) as { id?: unknown };
        if (typeof parsed.id === 'string') id = parsed.id;
      } catch {
        // a gateway answering plain text is fine: the message id stands for it
      }
      return { providerMessageId: id };
    },
  };
}
