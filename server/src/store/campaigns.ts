/**
 * Campaigns and their outbox in app state. Every customer of a campaign gets one outbox row (the unique
 * (campaign, customer) key makes queuing idempotent); rows are claimed atomically (`FOR UPDATE SKIP
 * LOCKED`) with a lease, so two workers never send the same row. Times come from the caller's clock.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { AppDb } from './db.ts';
import { isUuid } from './db.ts';
import {
  appSettings,
  type CampaignStatus,
  campaignMessages,
  campaigns,
  type MessageChannel,
  type OutboxStatus,
  optOuts,
} from './schema.ts';

/** A stored campaign. */
export type Campaign = typeof campaigns.$inferSelect;
/** A campaign to create. */
export type NewCampaign = typeof campaigns.$inferInsert;
/** A stored outbox row. */
export type OutboxMessage = typeof campaignMessages.$inferSelect;

/** One customer to put in a campaign's outbox. */
export interface OutboxEntry {
  customerId: string;
  arm: 'treatment' | 'control';
  stratum: string;
  channel: MessageChannel;
  address: string | null;
  owner: string | null;
  subject: string | null;
  body: string;
  /** `queued` for treatment, `held_out` for control, `opted_out`/`capped` for those skipped at queue time. */
  status: OutboxStatus;
}

/** Repository of campaigns, the outbox, opt-outs and admin settings. */
export function campaignsRepository(db: AppDb) {
  return {
    async create(campaign: NewCampaign): Promise<Campaign> {
      const [row] = await db.insert(campaigns).values(campaign).returning();
      return row!;
    },

    async get(id: string): Promise<Campaign | null> {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
      return row ?? null;
    },

    async list(limit = 100): Promise<Campaign[]> {
      return db.select().from(campaigns).orderBy(desc(campaigns.createdAt)).limit(limit);
    },

    /** Moves a campaign from one of `from` to `to`; false when it was not in one of them (a race or a repeat). */
    async transition(
      id: string,
      from: CampaignStatus[],
      to: CampaignStatus,
      patch: Partial<Pick<Campaign, 'approvedBy' | 'sentAt'>> = {},
    ): Promise<boolean> {
      if (!isUuid(id)) return false;
      const rows = await db
        .update(campaigns)
        .set({ status: to, ...patch })
        .where(and(eq(campaigns.id, id), inArray(campaigns.status, from)))
        .returning({ id: campaigns.id });
      return rows.length === 1;
    },

    /** Queues the campaign's customers; customers already queued are left as they are. Returns rows added. */
    async enqueue(campaignId: string, entries: OutboxEntry[], now: Date): Promise<number> {
      let added = 0;
      for (let i = 0; i < entries.length; i += 500) {
        const rows = await db
          .insert(campaignMessages)
          .values(entries.slice(i, i + 500).map((e) => ({ ...e, campaignId, runAfter: now })))
          .onConflictDoNothing()
          .returning({ id: campaignMessages.id });
        added += rows.length;
      }
      return added;
    },

    /**
     * Claims up to `limit` queued rows whose time has come (oldest first) for `leaseMs`: they become
     * `sending`, so no other worker takes them. Atomic across processes.
     */
    async claim(now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
      const candidate = db
        .select({ id: campaignMessages.id })
        .from(campaignMessages)
        .where(and(eq(campaignMessages.status, 'queued'), lte(campaignMessages.runAfter, now)))
        .orderBy(asc(campaignMessages.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(campaignMessages)
        .set({
          status: 'sending',
          attempts: sql`${campaignMessages.attempts} + 1`,
          leaseUntil: new Date(now.getTime() + leaseMs),
        })
        .where(inArray(campaignMessages.id, candidate))
        .returning();
    },

    /**
     * Rows left `sending` by a process that died (lease passed): whether the provider got them is unknown,
     * so they are marked failed instead of sent again — a restart never sends twice.
     */
    async failAbandoned(now: Date): Promise<number> {
      const rows = await db
        .update(campaignMessages)
        .set({ status: 'failed', lastError: 'interrupted while sending; not resent to avoid a duplicate' })
        .where(and(eq(campaignMessages.status, 'sending'), lte(campaignMessages.leaseUntil, now)))
        .returning({ id: campaignMessages.id });
      return rows.length;
    },

    async markSent(id: number, providerMessageId: string | null, now: Date): Promise<void> {
      await db
        .update(campaignMessages)
        .set({ status: 'sent', providerMessageId, sentAt: now, leaseUntil: null, lastError: null })
        .where(eq(campaignMessages.id, id));
    },

    /** After a failed attempt: queued again at `retryAt`, or failed for good when `retryAt` is null. */
    async markFailed(id: number, error: string, retryAt: Date | null): Promise<void> {
      await db
        .update(campaignMessages)
        .set(
          retryAt
            ? { status: 'queued', runAfter: retryAt, lastError: error, leaseUntil: null }
            : { status: 'failed', lastError: error, leaseUntil: null },
        )
        .where(eq(campaignMessages.id, id));
    },

    /** Skips a claimed row without sending (opted out or over the frequency cap meanwhile). */
    async markSkipped(id: number, status: 'opted_out' | 'capped'): Promise<void> {
      await db.update(campaignMessages).set({ status, leaseUntil: null }).where(eq(campaignMessages.id, id));
    },

    async messages(campaignId: string): Promise<OutboxMessage[]> {
      if (!isUuid(campaignId)) return [];
      return db
        .select()
        .from(campaignMessages)
        .where(eq(campaignMessages.campaignId, campaignId))
        .orderBy(asc(campaignMessages.id));
    },

    /** Outbox rows of one customer (the customer page's campaign touches), newest first. */
    async messagesOf(customerId: string): Promise<(OutboxMessage & { actionId: string; name: string })[]> {
      const rows = await db
        .select({ m: campaignMessages, actionId: campaigns.actionId, name: campaigns.name })
        .from(campaignMessages)
        .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
        .where(eq(campaignMessages.customerId, customerId))
        .orderBy(desc(campaignMessages.id));
      return rows.map((r) => ({ ...r.m, actionId: r.actionId, name: r.name }));
    },

    /** Status counts of a campaign's outbox. */
    async statusCounts(campaignId: string): Promise<Record<string, number>> {
      if (!isUuid(campaignId)) return {};
      const rows = await db
        .select({ status: campaignMessages.status, n: sql<number>`count(*)::int` })
        .from(campaignMessages)
        .where(eq(campaignMessages.campaignId, campaignId))
        .groupBy(campaignMessages.status);
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    /** Customers among `customerIds` sent a message since `since` by another campaign (the frequency cap). */
    async contactedSince(customerIds: string[], since: Date, exceptCampaign?: string): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < customerIds.length; i += 1000) {
        const rows = await db
          .selectDistinct({ customerId: campaignMessages.customerId })
          .from(campaignMessages)
          .where(
            and(
              inArray(campaignMessages.customerId, customerIds.slice(i, i + 1000)),
              isNotNull(campaignMessages.sentAt),
              gte(campaignMessages.sentAt, since),
              exceptCampaign ? ne(campaignMessages.campaignId, exceptCampaign) : undefined,
            ),
          );
        for (const r of rows) found.add(r.customerId);
      }
      return found;
    },

    /** Records outcomes (measured or simulated) of a campaign's rows, by customer. */
    async setOutcomes(campaignId: string, outcomes: Map<string, string>): Promise<void> {
      await db.transaction(async (tx) => {
        for (const [customerId, outcome] of outcomes)
          await tx
            .update(campaignMessages)
            .set({ outcome })
            .where(
              and(eq(campaignMessages.campaignId, campaignId), eq(campaignMessages.customerId, customerId)),
            );
      });
    },

    async optOut(customerId: string, channel: MessageChannel | 'all', reason: string | null): Promise<void> {
      await db.insert(optOuts).values({ customerId, channel, reason }).onConflictDoNothing();
    },

    /** Customers among `customerIds` who opted out of `channel` (or of everything). */
    async optedOut(customerIds: string[], channel: MessageChannel): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < customerIds.length; i += 1000) {
        const rows = await db
          .select({ customerId: optOuts.customerId })
          .from(optOuts)
          .where(
            and(
              inArray(optOuts.customerId, customerIds.slice(i, i + 1000)),
              inArray(optOuts.channel, [channel, 'all']),
            ),
          );
        for (const r of rows) found.add(r.customerId);
      }
      return found;
    },

    async getSetting<T>(key: string): Promise<T | null> {
      const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
      return row ? (row.value as T) : null;
    },

    async setSetting(key: string, value: unknown): Promise<void> {
      await db
        .insert(appSettings)
        .values({ key, value })
        .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
    },
  };
}
