/**
 * Delivers the outbox: claims queued rows (atomically, with a lease), checks the opt-out list and the
 * frequency cap again at send time, sends through the channel's provider under its rate limit, retries
 * temporary failures with exponential back-off, and marks each row. Restart safety: a row is `sending`
 * only while its worker holds it; one left `sending` by a dead process is marked failed, never resent,
 * so no customer receives a message twice (at most once). `onCampaignDrained` runs when a campaign has
 * nothing left to send (the campaign service records it then).
 */
import Bottleneck from 'bottleneck';
import type { OutboxMessage } from '../store/campaigns.ts';
import type { Store } from '../store/open-store.ts';
import type { MessageChannel } from '../store/schema.ts';
import { DeliveryError, type MessageProvider } from './providers/message-provider.ts';

export interface DeliverySettings {
  /** Messages per second per channel. */
  ratePerSecond: Partial<Record<MessageChannel, number>>;
  maxAttempts: number;
  /** A customer is contacted at most once in this many days (across campaigns). */
  frequencyCapDays: number;
  leaseMs: number;
  batchSize: number;
  pollMs: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  ratePerSecond: { sms: 20, email: 20, wecom: 10, call_task: 100 },
  maxAttempts: 4,
  frequencyCapDays: 7,
  leaseMs: 60_000,
  batchSize: 50,
  pollMs: 1000,
};

export interface DeliveryDeps {
  store: Store;
  providers: Partial<Record<MessageChannel, MessageProvider>>;
  settings: DeliverySettings;
  /** The business day (ISO) a send counts for, by campaign (task due dates). */
  dayOf: (campaignId: string) => Promise<string>;
  onCampaignDrained?: (campaignId: string) => Promise<void>;
  now?: () => Date;
  log?: (message: string) => void;
}

/** The outbox worker (see the file comment). */
export class DeliveryWorker {
  private readonly limiters = new Map<MessageChannel, Bottleneck>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(private readonly deps: DeliveryDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private limiter(channel: MessageChannel): Bottleneck {
    let limiter = this.limiters.get(channel);
    if (!limiter) {
      const rate = this.deps.settings.ratePerSecond[channel] ?? 10;
      limiter = new Bottleneck({ maxConcurrent: 4, minTime: Math.ceil(1000 / rate) });
      this.limiters.set(channel, limiter);
    }
    return limiter;
  }

  /** Polls the outbox until `stop()`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.runOnce();
      } catch (error) {
        this.deps.log?.(`campaign delivery failed: ${error instanceof Error ? error.message : error}`);
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.deps.settings.pollMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the batch in hand (its rows finish; nothing new is claimed). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Delivers what is due now, batch after batch; returns the rows handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) return total;
    }
  }

  /** One batch: abandoned rows failed, due rows claimed and sent. Returns the rows claimed. */
  runOnce(): Promise<number> {
    this.running ??= this.batch().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async batch(): Promise<number> {
    const { store, settings } = this.deps;
    await store.campaigns.failAbandoned(this.now());
    const claimed = await store.campaigns.claim(this.now(), settings.leaseMs, settings.batchSize);
    if (claimed.length === 0) return 0;
    const byCampaign = new Map<string, OutboxMessage[]>();
    for (const m of claimed) byCampaign.set(m.campaignId, [...(byCampaign.get(m.campaignId) ?? []), m]);
    for (const [campaignId, rows] of byCampaign) {
      const ids = rows.map((r) => r.customerId);
      const since = new Date(this.now().getTime() - settings.frequencyCapDays * 86_400_000);
      const [optedOut, capped] = await Promise.all([
        store.campaigns.optedOut(ids, rows[0]!.channel),
        store.campaigns.contactedSince(ids, since, campaignId),
      ]);
      const day = await this.deps.dayOf(campaignId);
      await Promise.all(
        rows.map((row) => {
          if (optedOut.has(row.customerId)) return store.campaigns.markSkipped(row.id, 'opted_out');
          if (capped.has(row.customerId)) return store.campaigns.markSkipped(row.id, 'capped');
          return this.limiter(row.channel).schedule(() => this.sendOne(row, day));
        }),
      );
      const counts = await store.campaigns.statusCounts(campaignId);
      if (!counts.queued && !counts.sending) await this.deps.onCampaignDrained?.(campaignId);
    }
    return claimed.length;
  }

  private async sendOne(row: OutboxMessage, day: string): Promise<void> {
    const { store, settings } = this.deps;
    const provider = this.deps.providers[row.channel];
    if (!provider) {
      await store.campaigns.markFailed(row.id, `no ${row.channel} provider configured`, null);
      return;
    }
    try {
      const { providerMessageId } = await provider.send({
        messageId: `${row.campaignId}:${row.customerId}`,
        campaignId: row.campaignId,
        customerId: row.customerId,
        channel: row.channel,
        address: row.address,
        owner: row.owner,
        subject: row.subject,
        body: row.body,
        day,
      });
      await store.campaigns.markSent(row.id, providerMessageId, this.now());
    } catch (error) {
      const retryable = error instanceof DeliveryError ? error.retryable : true;
      const message = error instanceof Error ? error.message : String(error);
      const retryAt =
        retryable && row.attempts < settings.maxAttempts
          ? new Date(this.now().getTime() + 1000 * 2 ** row.attempts)
          : null;
      await store.campaigns.markFailed(row.id, message.slice(0, 500), retryAt);
    }
  }
}
