/** One interface for every channel a campaign message can go out on. */
import type { MessageChannel } from '../../store/schema.ts';

/** A message ready to go: its outbox id doubles as the idempotency key providers receive. */
export interface OutgoingMessage {
  /** Stable id (`<campaign>:<customer>`): the idempotency key of HTTP providers, the SMTP Message-ID. */
  messageId: string;
  campaignId: string;
  customerId: string;
  channel: MessageChannel;
  /** E-mail address, phone number or WeCom external user id; null for call tasks. */
  address: string | null;
  /** Username of the customer's owner (call tasks are assigned to them). */
  owner: string | null;
  subject: string | null;
  body: string;
  /** The business day of the send (ISO), for task due dates. */
  day: string;
}

/** A failed attempt; `retryable` ones are queued again with back-off. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Sends one message; resolves with the provider's id for it, throws {@link DeliveryError} otherwise. */
export interface MessageProvider {
  readonly channel: MessageChannel;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
  close?(): Promise<void>;
}
