/**
 * Monitors in app state: subscriptions, firings (`monitor_runs`, one unique row per subscription and
 * scheduled time — the claim), the insights of the web inbox and the delivery log. Runs are worked like
 * channel jobs: claimed with `FOR UPDATE SKIP LOCKED`, leased, retried with backoff. Times come from the
 * caller's clock.
 */
import { and, desc, eq, inArray, isNull, lt, lte, max, or, sql } from 'drizzle-orm';
import { type AppDb, isUuid } from './db.ts';
import {
  insights,
  type MonitorRunStatus,
  monitorDeliveries,
  monitorRuns,
  monitorSubscriptions,
  type SubscriptionChannel,
} from './schema.ts';

export type Subscription = typeof monitorSubscriptions.$inferSelect;
export type MonitorRun = typeof monitorRuns.$inferSelect;
export type Insight = typeof insights.$inferSelect;
export type MonitorDelivery = typeof monitorDeliveries.$inferSelect;

/** What a new subscription needs. */
export interface NewSubscription {
  userId: string;
  modelId: string;
  monitorId?: string | null;
  question?: string | null;
  channel: SubscriptionChannel;
  target?: string | null;
  cron: string;
  timezone: string;
  language: 'zh' | 'en';
}

export function monitorStoreRepository(db: AppDb) {
  return {
    async subscribe(input: NewSubscription, now: Date): Promise<Subscription> {
      const [row] = await db
        .insert(monitorSubscriptions)
        .values({
          ...input,
          monitorId: input.monitorId ?? null,
          question: input.question ?? null,
          target: input.target ?? null,
          createdAt: now,
        })
        .returning();
      return row!;
    },

    /** Active subscriptions of every user (the scheduler's list). */
    active(): Promise<Subscription[]> {
      return db.select().from(monitorSubscriptions).where(eq(monitorSubscriptions.active, true));
    },

    forUser(userId: string): Promise<Subscription[]> {
      return db
        .select()
        .from(monitorSubscriptions)
        .where(eq(monitorSubscriptions.userId, userId))
        .orderBy(monitorSubscriptions.createdAt);
    },

    async get(id: string): Promise<Subscription | null> {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(monitorSubscriptions).where(eq(monitorSubscriptions.id, id));
      return row ?? null;
    },

    /** Removes a user's own subscription; false when it is not theirs or unknown. */
    async unsubscribe(userId: string, id: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      const rows = await db
        .delete(monitorSubscriptions)
        .where(and(eq(monitorSubscriptions.id, id), eq(monitorSubscriptions.userId, userId)))
        .returning({ id: monitorSubscriptions.id });
      return rows.length > 0;
    },

    /**
     * Pauses or resumes a user's own subscription; null when it is not theirs or unknown. Resuming notes
     * `state.resumedAt`, so occurrences that fell in the pause are not caught up.
     */
    async setActive(userId: string, id: string, active: boolean, now: Date): Promise<Subscription | null> {
      if (!isUuid(id)) return null;
      const resumed = sql`${monitorSubscriptions.state} || ${JSON.stringify({ resumedAt: now.toISOString() })}::jsonb`;
      const [row] = await db
        .update(monitorSubscriptions)
        .set(active ? { active, state: resumed } : { active })
        .where(and(eq(monitorSubscriptions.id, id), eq(monitorSubscriptions.userId, userId)))
        .returning();
      return row ?? null;
    },

    async setState(id: string, state: Record<string, unknown>): Promise<void> {
      await db.update(monitorSubscriptions).set({ state }).where(eq(monitorSubscriptions.id, id));
    },

    /** The latest scheduled time already claimed for a subscription (null: never fired). */
    async lastScheduled(subscriptionId: string): Promise<Date | null> {
      const [row] = await db
        .select({ at: max(monitorRuns.scheduledAt) })
        .from(monitorRuns)
        .where(eq(monitorRuns.subscriptionId, subscriptionId));
      return row?.at ?? null;
    },

    /**
     * Claims the firing of a subscription at `scheduledAt`: true for the one caller whose insert made the
     * row (every other process, or a second try after a restart, gets false).
     */
    async claimFiring(subscriptionId: string, scheduledAt: Date, now: Date): Promise<boolean> {
      const rows = await db
        .insert(monitorRuns)
        .values({ subscriptionId, scheduledAt, runAfter: now, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: monitorRuns.id });
      return rows.length > 0;
    },

    /** Takes the next due firing (pending, or running with an expired lease) for this worker. */
    async claimRun(workerId: string, now: Date, leaseMs: number): Promise<MonitorRun | null> {
      const candidate = db
        .select({ id: monitorRuns.id })
        .from(monitorRuns)
        .where(
          or(
            and(eq(monitorRuns.status, 'pending'), lte(monitorRuns.runAfter, now)),
            and(eq(monitorRuns.status, 'running'), lt(monitorRuns.leaseUntil, now)),
          ),
        )
        .orderBy(monitorRuns.id)
        .limit(1)
        .for('update', { skipLocked: true });
      const [row] = await db
        .update(monitorRuns)
        .set({
          status: 'running',
          attempts: sql`${monitorRuns.attempts} + 1`,
          leaseUntil: new Date(now.getTime() + leaseMs),
          workerId,
        })
        .where(inArray(monitorRuns.id, candidate))
        .returning();
      return row ?? null;
    },

    /** Ends a run this worker holds (done or failed for good). */
    async finishRun(
      id: number,
      workerId: string,
      status: Extract<MonitorRunStatus, 'done' | 'failed'>,
      now: Date,
      error: string | null = null,
    ): Promise<void> {
      await db
        .update(monitorRuns)
        .set({ status, finishedAt: now, leaseUntil: null, lastError: error })
        .where(and(eq(monitorRuns.id, id), eq(monitorRuns.workerId, workerId)));
    },

    /** Puts a run this worker holds back to pending, to try again at `runAfter`. */
    async retryRun(id: number, workerId: string, runAfter: Date, error: string): Promise<void> {
      await db
        .update(monitorRuns)
        .set({ status: 'pending', runAfter, leaseUntil: null, lastError: error })
        .where(and(eq(monitorRuns.id, id), eq(monitorRuns.workerId, workerId)));
    },

    /** Hands back runs this worker holds unstarted (stopping). */
    async releaseRun(id: number, workerId: string): Promise<void> {
      await db
        .update(monitorRuns)
        .set({ status: 'pending', leaseUntil: null, attempts: sql`${monitorRuns.attempts} - 1` })
        .where(and(eq(monitorRuns.id, id), eq(monitorRuns.workerId, workerId)));
    },

    async checkpoint(id: number, checkpoint: Record<string, unknown>): Promise<void> {
      await db.update(monitorRuns).set({ checkpoint }).where(eq(monitorRuns.id, id));
    },

    runsOf(subscriptionId: string): Promise<MonitorRun[]> {
      return db
        .select()
        .from(monitorRuns)
        .where(eq(monitorRuns.subscriptionId, subscriptionId))
        .orderBy(monitorRuns.scheduledAt);
    },

    /** Adds an insight to a user's inbox (once per run). */
    async addInsight(input: Omit<typeof insights.$inferInsert, 'id' | 'readAt'>): Promise<Insight | null> {
      const [row] = await db.insert(insights).values(input).onConflictDoNothing().returning();
      return row ?? null;
    },

    inbox(userId: string, opts: { unreadOnly?: boolean; limit?: number } = {}): Promise<Insight[]> {
      return db
        .select()
        .from(insights)
        .where(and(eq(insights.userId, userId), opts.unreadOnly ? isNull(insights.readAt) : undefined))
        .orderBy(desc(insights.createdAt), desc(insights.id))
        .limit(opts.limit ?? 100);
    },

    async insight(userId: string, id: string): Promise<Insight | null> {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select()
        .from(insights)
        .where(and(eq(insights.id, id), eq(insights.userId, userId)));
      return row ?? null;
    },

    /** Marks a user's insight read (or unread); false when it is not theirs. */
    async markRead(userId: string, id: string, read: boolean, now: Date): Promise<boolean> {
      if (!isUuid(id)) return false;
      const rows = await db
        .update(insights)
        .set({ readAt: read ? now : null })
        .where(and(eq(insights.id, id), eq(insights.userId, userId)))
        .returning({ id: insights.id });
      return rows.length > 0;
    },

    async logDelivery(input: Omit<typeof monitorDeliveries.$inferInsert, 'id'>): Promise<void> {
      await db.insert(monitorDeliveries).values(input);
    },

    /** The delivery log, newest first (admins). */
    deliveries(limit = 200): Promise<MonitorDelivery[]> {
      return db
        .select()
        .from(monitorDeliveries)
        .orderBy(desc(monitorDeliveries.ts), desc(monitorDeliveries.id))
        .limit(limit);
    },
  };
}
