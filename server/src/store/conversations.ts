/** Conversations and their messages, numbered 1..n per conversation. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type AuditEvent, auditValues } from './audit.ts';
import { type AppDb, isUuid } from './db.ts';
import { auditLog, conversations, type MessageRole, messages } from './schema.ts';

/** A stored conversation. */
export type Conversation = typeof conversations.$inferSelect;
/** A stored message. */
export type Message = typeof messages.$inferSelect;

/** A message to append; `seq` is assigned by the store. */
export interface NewMessage {
  role: MessageRole;
  question?: string | null;
  interpretation?: unknown;
  answer?: unknown;
  sql?: string | null;
  modelVersion?: string | null;
  interpreter?: string | null;
  timings?: Record<string, number> | null;
}

/** Repository of {@link Conversation}s and their {@link Message}s. */
export function conversationsRepository(db: AppDb) {
  return {
    /** Starts a conversation. */
    async create(input: { userId: string; model: string; title?: string }): Promise<Conversation> {
      const [row] = await db
        .insert(conversations)
        .values({ userId: input.userId, model: input.model, title: input.title ?? '' })
        .returning();
      return row!;
    },

    /** The conversation with this id (only if owned by `userId` when given), or null. */
    async get(id: string, userId?: string): Promise<Conversation | null> {
      if (!isUuid(id)) return null;
      const owner = userId ? eq(conversations.userId, userId) : undefined;
      const [row] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.id, id), owner));
      return row ?? null;
    },

    /** A user's conversations, most recently active first. */
    async listForUser(userId: string, limit = 50): Promise<Conversation[]> {
      return db
        .select()
        .from(conversations)
        .where(eq(conversations.userId, userId))
        .orderBy(desc(conversations.updatedAt))
        .limit(limit);
    },

    /** Renames a conversation; false when it does not exist. */
    async setTitle(id: string, title: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      const rows = await db
        .update(conversations)
        .set({ title })
        .where(eq(conversations.id, id))
        .returning({ id: conversations.id });
      return rows.length === 1;
    },

    /**
     * Appends a message with the next `seq`, or returns null when the conversation does not exist.
     * Incrementing the conversation's counter row-locks it until commit, so concurrent appends queue
     * up instead of reading the same max(seq): no duplicates, and a failed insert rolls the counter back.
     * `audit` (its details get the message's `seq`) is written in the same transaction: a crash leaves
     * both or neither.
     */
    async appendMessage(
      conversationId: string,
      input: NewMessage,
      audit?: AuditEvent,
    ): Promise<Message | null> {
      if (!isUuid(conversationId)) return null;
      return db.transaction(async (tx) => {
        const [counter] = await tx
          .update(conversations)
          .set({ lastSeq: sql`${conversations.lastSeq} + 1`, updatedAt: sql`now()` })
          .where(eq(conversations.id, conversationId))
          .returning({ seq: conversations.lastSeq });
        if (!counter) return null;
        const [row] = await tx
          .insert(messages)
          .values({
            conversationId,
            seq: counter.seq,
            role: input.role,
            question: input.question ?? null,
            interpretation: input.interpretation ?? null,
            answer: input.answer ?? null,
            sql: input.sql ?? null,
            modelVersion: input.modelVersion ?? null,
            interpreter: input.interpreter ?? null,
            timings: input.timings ?? null,
          })
          .returning();
        if (audit)
          await tx
            .insert(auditLog)
            .values(auditValues({ ...audit, details: { ...audit.details, seq: counter.seq } }));
        return row!;
      });
    },

    /** A conversation's messages in order (the last `limit` when given). */
    async listMessages(conversationId: string, limit?: number): Promise<Message[]> {
      if (!isUuid(conversationId)) return [];
      if (limit === undefined) {
        return db
          .select()
          .from(messages)
          .where(eq(messages.conversationId, conversationId))
          .orderBy(asc(messages.seq));
      }
      const newest = await db
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
        .orderBy(desc(messages.seq))
        .limit(limit);
      return newest.reverse();
    },

    /** The message with this id, or null. */
    async getMessage(id: string): Promise<Message | null> {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(messages).where(eq(messages.id, id));
      return row ?? null;
    },
  };
}
