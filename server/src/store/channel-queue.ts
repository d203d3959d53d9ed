/**
 * Channel work in app state: inbound event ids (de-duplication and replay refusal), jobs acknowledged to
 * Slack/WeCom and answered afterwards, thread → conversation, and the delivery log. Jobs survive a restart:
 * they are claimed atomically (`FOR UPDATE SKIP LOCKED`), a lease bounds how long a dead process holds one,
 * and jobs of one thread run in order. Times come from the caller's clock.
 */
import { and, count, desc, eq, gte, inArray, lt, lte, notExists, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AppDb, isUniqueViolation } from './db.ts';
import {
  type ChannelJobStatus,
  type ChannelProvider,
  channelDeliveries,
  channelEvents,
  channelJobs,
  channelThreads,
} from './schema.ts';

/** A stored job. */
export type ChannelJob = typeof channelJobs.$inferSelect;
/** A logged delivery. */
export type ChannelDelivery = typeof channelDeliveries.$inferSelect;

/** A job to enqueue. */
export interface NewChannelJob {
  provider: ChannelProvider;
  kind: string;
  dedupeKey: string;
  threadKey: string;
  externalUserId: string;
  payload: Record<string, unknown>;
}

/** Repository of channel events, jobs, threads and deliveries. */
export function channelQueueRepository(db: AppDb) {
  const earlier = alias(channelJobs, 'earlier');
  const countRows = async (table: typeof channelJobs | typeof channelThreads, where: SQL | undefined) => {
    const [row] = await db.select({ n: count() }).from(table).where(where);
    return Number(row?.n ?? 0);
  };
  /** Rows of one thread (any user), optionally narrowed further. */
  const threadRows = (provider: ChannelProvider, threadKey: string, also?: SQL) =>
    countRows(
      channelThreads,
      and(eq(channelThreads.provider, provider), eq(channelThreads.threadKey, threadKey), also),
    );
  return {
    /** Records an event id or request signature; false when it was already seen (a retry or a replay). */
    async recordEvent(provider: ChannelProvider, eventKey: string, now = new Date()): Promise<boolean> {
      const rows = await db
        .insert(channelEvents)
        .values({ provider, eventKey, receivedAt: now })
        .onConflictDoNothing()
        .returning({ key: channelEvents.eventKey });
      return rows.length === 1;
    },

    /** Forgets events received before `before` (their signatures are too old to verify anyway). */
    async pruneEvents(before: Date): Promise<number> {
      const rows = await db
        .delete(channelEvents)
        .where(lt(channelEvents.receivedAt, before))
        .returning({ key: channelEvents.eventKey });
      return rows.length;
    },

    /** Enqueues a job unless one with the same dedupe key exists (then returns that one, `created: false`). */
    async enqueue(job: NewChannelJob, now = new Date()): Promise<{ job: ChannelJob; created: boolean }> {
      try {
        const [row] = await db
          .insert(channelJobs)
          .values({ ...job, runAfter: now, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (row) return { job: row, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const [existing] = await db
        .select()
        .from(channelJobs)
        .where(and(eq(channelJobs.provider, job.provider), eq(channelJobs.dedupeKey, job.dedupeKey)));
      return { job: existing!, created: false };
    },

    /** Jobs a channel user enqueued since `since` (the per-user rate limit). */
    async countSince(
      provider: ChannelProvider,
      externalUserId: string,
      since: Date,
      kind?: string,
    ): Promise<number> {
      return countRows(
        channelJobs,
        and(
          eq(channelJobs.provider, provider),
          eq(channelJobs.externalUserId, externalUserId),
          gte(channelJobs.createdAt, since),
          kind ? eq(channelJobs.kind, kind) : undefined,
        ),
      );
    },

    /**
     * Claims the oldest runnable job for `workerId` until `now + leaseMs`: a pending job whose time has come,
     * or a running one whose lease expired (its process died), and only when no earlier job of its thread
     * is still open. Atomic across processes; null when there is nothing to do.
     */
    async claim(workerId: string, now: Date, leaseMs: number): Promise<ChannelJob | null> {
      const candidate = db
        .select({ id: channelJobs.id })
        .from(channelJobs)
        .where(
          and(
            or(
              and(eq(channelJobs.status, 'pending'), lte(channelJobs.runAfter, now)),
              and(eq(channelJobs.status, 'running'), lt(channelJobs.leaseUntil, now)),
            ),
            notExists(
              db
                .select({ one: sql`1` })
                .from(earlier)
                .where(
                  and(
                    eq(earlier.threadKey, channelJobs.threadKey),
                    lt(earlier.id, channelJobs.id),
                    inArray(earlier.status, ['pending', 'running']),
                  ),
                ),
            ),
          ),
        )
        .orderBy(channelJobs.id)
        .limit(1)
        .for('update', { skipLocked: true });
      const [row] = await db
        .update(channelJobs)
        .set({
          status: 'running',
          attempts: sql`${channelJobs.attempts} + 1`,
          leaseUntil: new Date(now.getTime() + leaseMs),
          workerId,
        })
        .where(inArray(channelJobs.id, candidate))
        .returning();
      return row ?? null;
    },

    /** Merges `patch` into the job's checkpoint (steps already done) while `workerId` holds it. */
    async checkpoint(id: number, workerId: string, patch: Record<string, unknown>): Promise<boolean> {
      const rows = await db
        .update(channelJobs)
        .set({ checkpoint: sql`${channelJobs.checkpoint} || ${JSON.stringify(patch)}::jsonb` })
        .where(
          and(eq(channelJobs.id, id), eq(channelJobs.workerId, workerId), eq(channelJobs.status, 'running')),
        )
        .returning({ id: channelJobs.id });
      return rows.length === 1;
    },

    /** Ends a job: `done`, `failed` (with the error), or back to `pending` until `retryAt`. */
    async finish(
      id: number,
      workerId: string,
      outcome:
        | { status: 'done' }
        | { status: 'failed'; error: string }
        | { status: 'pending'; error: string; retryAt: Date },
      now = new Date(),
    ): Promise<boolean> {
      const rows = await db
        .update(channelJobs)
        .set({
          status: outcome.status,
          leaseUntil: null,
          workerId: null,
          ...(outcome.status === 'pending' ? { runAfter: outcome.retryAt } : { finishedAt: now }),
          ...('error' in outcome ? { lastError: outcome.error } : {}),
        })
        .where(
          and(eq(channelJobs.id, id), eq(channelJobs.workerId, workerId), eq(channelJobs.status, 'running')),
        )
        .returning({ id: channelJobs.id });
      return rows.length === 1;
    },

    /** Hands back a job claimed but not started (pending again, its attempt not counted). */
    async unclaim(id: number, workerId: string): Promise<boolean> {
      const rows = await db
        .update(channelJobs)
        .set({
          status: 'pending',
          leaseUntil: null,
          workerId: null,
          attempts: sql`greatest(${channelJobs.attempts} - 1, 0)`,
        })
        .where(
          and(eq(channelJobs.id, id), eq(channelJobs.workerId, workerId), eq(channelJobs.status, 'running')),
        )
        .returning({ id: channelJobs.id });
      return rows.length === 1;
    },

    /** One job, or null. */
    async get(id: number): Promise<ChannelJob | null> {
      const [row] = await db.select().from(channelJobs).where(eq(channelJobs.id, id));
      return row ?? null;
    },

    /** A job by its provider and dedupe key, or null. */
    async findByDedupeKey(provider: ChannelProvider, dedupeKey: string): Promise<ChannelJob | null> {
      const [row] = await db
        .select()
        .from(channelJobs)
        .where(and(eq(channelJobs.provider, provider), eq(channelJobs.dedupeKey, dedupeKey)));
      return row ?? null;
    },

    /** How many jobs are in each status. */
    async statusCounts(): Promise<Record<ChannelJobStatus, number>> {
      const rows = await db
        .select({ status: channelJobs.status, n: count() })
        .from(channelJobs)
        .groupBy(channelJobs.status);
      const counts = { pending: 0, running: 0, done: 0, failed: 0 };
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },

    /** The conversation a thread continues for this user, with when it was last used. */
    async thread(
      provider: ChannelProvider,
      threadKey: string,
      userId: string,
    ): Promise<{ conversationId: string; updatedAt: Date } | null> {
      const [row] = await db
        .select({ conversationId: channelThreads.conversationId, updatedAt: channelThreads.updatedAt })
        .from(channelThreads)
        .where(
          and(
            eq(channelThreads.provider, provider),
            eq(channelThreads.threadKey, threadKey),
            eq(channelThreads.userId, userId),
          ),
        );
      return row ?? null;
    },

    /** Whether any user has a conversation in this thread (a thread the bot answers in). */
    async threadKnown(provider: ChannelProvider, threadKey: string): Promise<boolean> {
      return (await threadRows(provider, threadKey)) > 0;
    },

    /** Whether `conversationId` was answered in this thread. */
    async threadHasConversation(
      provider: ChannelProvider,
      threadKey: string,
      conversationId: string,
    ): Promise<boolean> {
      return (await threadRows(provider, threadKey, eq(channelThreads.conversationId, conversationId))) > 0;
    },

    /** Remembers the conversation of a thread for a user. */
    async setThread(
      provider: ChannelProvider,
      threadKey: string,
      userId: string,
      conversationId: string,
      now = new Date(),
    ): Promise<void> {
      await db
        .insert(channelThreads)
        .values({ provider, threadKey, userId, conversationId, updatedAt: now })
        .onConflictDoUpdate({
          target: [channelThreads.provider, channelThreads.threadKey, channelThreads.userId],
          set: { conversationId, updatedAt: now },
        });
    },

    /** Logs an outbound delivery (failures always; successes after a retry). */
    async logDelivery(entry: {
      provider: ChannelProvider;
      jobId?: number | null;
      operation: string;
      ok: boolean;
      error?: string | null;
    }): Promise<void> {
      await db.insert(channelDeliveries).values({
        provider: entry.provider,
        jobId: entry.jobId ?? null,
        operation: entry.operation,
        ok: entry.ok,
        error: entry.error ?? null,
      });
    },

    /** The latest failed deliveries, newest first. */
    async recentFailures(limit = 20): Promise<ChannelDelivery[]> {
      return db
        .select()
        .from(channelDeliveries)
        .where(eq(channelDeliveries.ok, false))
        .orderBy(desc(channelDeliveries.id))
        .limit(limit);
    },
  };
}
