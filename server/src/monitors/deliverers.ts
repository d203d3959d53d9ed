/**
 * How a firing reaches its subscriber. The inbox is always written (the web shows every insight); a
 * subscription's channel (e-mail, Slack, WeCom, group robot) gets it too, through a deliverer the server
 * wiring provides (`channels/insight-deliverers.ts` for Slack and WeCom, `email-deliverer.ts`).
 */
import type { Subscription } from '../store/monitor-store.ts';
import type { SubscriptionChannel } from '../store/schema.ts';
import type { User } from '../store/users.ts';
import type { InsightDraft } from './insight.ts';

export interface Delivery {
  subscription: Subscription;
  user: User;
  insight: InsightDraft;
  runId: number;
}

/** Sends one insight; throws to retry, `PermanentDeliveryError` when retrying cannot help. */
export type InsightDeliverer = (delivery: Delivery) => Promise<void>;

/** The deliverers of the configured channels (the inbox needs none). */
export type Deliverers = Partial<Record<Exclude<SubscriptionChannel, 'inbox'>, InsightDeliverer>>;

/** A delivery that will fail again however often it is retried (no address, channel not linked…). */
export class PermanentDeliveryError extends Error {}
