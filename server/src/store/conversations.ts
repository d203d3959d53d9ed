/** Conversations and their messages, numbered 1..n per conversation. */
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
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

/** What `appendMessage` gives back: the stored message's number, not its contents. */
export type AppendedMessage = Pick<Message, 'id' | 'seq' | 'role' | 'createdAt'>;

/** A turn of a history page: its answer in one line (`null` for a message without an answer). */
export interface TurnSummary {
  seq: number;
  question: string | null;
  summary: { kind: string | null; narrative: string | null; conversationId?: string } | null;
  createdAt: Message['createdAt'];
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
     * One statement: incrementing the conversation's counter row-locks it until the statement commits, so
     * concurrent appends queue up instead of reading the same max(seq): no duplicates, and a failed insert
     * rolls the counter back. `audit` (its details get the message's `seq`) is written by the same statement:
     * a crash leaves both or neither. Not an interactive transaction: with PGlite in a worker thread
     * (pglite-worker.ts) that would hold the database across event-loop turns of the server.
     */
    async appendMessage(
      conversationId: string,
      input: NewMessage,
      audit?: AuditEvent,
    ): Promise<AppendedMessage | null> {
      if (!isUuid(conversationId)) return null;
      const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
      const entry = audit ? auditValues(audit) : undefined;
      const audited = entry
        ? sql`, audited as (
            insert into ${auditLog} (action, user_id, target, details, ip)
            select ${entry.action}, ${entry.userId}::uuid, ${entry.target},
              coalesce(${json(entry.details)}::jsonb, '{}'::jsonb) || jsonb_build_object('seq', appended.seq),
              ${entry.ip}
            from appended
          )`
        : sql``;
      // postgres.js answers rows, PGlite { rows }.
      const result = (await db.execute(sql`
        with counter as (
          update ${conversations} set last_seq = last_seq + 1, updated_at = now()
          where id = ${conversationId}
          returning last_seq
        ), appended as (
          insert into ${messages}
            (conversation_id, seq, role, question, interpretation, answer, sql, model_version, interpreter, timings)
          select ${conversationId}::uuid, last_seq, ${input.role}, ${input.question ?? null},
            ${json(input.interpretation)}::jsonb, ${json(input.answer)}::jsonb, ${input.sql ?? null},
            ${input.modelVersion ?? null}, ${input.interpreter ?? null}, ${json(input.timings)}::jsonb
          from counter
          returning id, seq
        )${audited}
        select id from appended`)) as unknown as { id: string }[] | { rows: { id: string }[] };
      const [appended] = Array.isArray(result) ? result : result.rows;
      if (!appended) return null;
      // Not the stored answer: reading it back would parse it again on the server's event loop (issue 21).
      const [row] = await db
        .select({ id: messages.id, seq: messages.seq, role: messages.role, createdAt: messages.createdAt })
        .from(messages)
        .where(eq(messages.id, appended.id));
      return row!;
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

    /**
     * One page of a conversation's history without the answers (issue 21: a history with every answer is
     * megabytes parsed and serialised in one event-loop turn): the `limit` turns before seq `before` (the newest
     * when absent), in seq order, each with what its answer says in a line (kind, narrative, conversation);
     * `more` when older turns exist. Postgres reads those fields out of the stored answer.
     */
    async listTurnSummaries(
      conversationId: string,
      page: { limit: number; before?: number },
    ): Promise<{ turns: TurnSummary[]; more: boolean }> {
      if (!isUuid(conversationId)) return { turns: [], more: false };
      const newest = await db
        .select({
          seq: messages.seq,
          question: messages.question,
          answered: sql<boolean>`${messages.answer} is not null`,
          kind: sql<string | null>`${messages.answer} ->> 'kind'`,
          narrative: sql<string | null>`${messages.answer} ->> 'narrative'`,
          answerConversationId: sql<string | null>`${messages.answer} ->> 'conversationId'`,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversationId),
            page.before === undefined ? undefined : lt(messages.seq, page.before),
          ),
        )
        .orderBy(desc(messages.seq))
        .limit(page.limit + 1);
      const more = newest.length > page.limit;
      const turns = newest
        .slice(0, page.limit)
        .reverse()
        .map(({ answered, kind, narrative, answerConversationId, ...turn }) => ({
          ...turn,
          summary: answered
            ? {
                kind,
                narrative,
                ...(answerConversationId === null ? {} : { conversationId: answerConversationId }),
              }
            : null,
        }));
      return { turns, more };
    },

    /** The message numbered `seq` in the conversation, or null. */
    async getTurn(conversationId: string, seq: number): Promise<Message | null> {
      if (!isUuid(conversationId)) return null;
      const [row] = await db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.seq, seq)));
      return row ?? null;
    },

    /** The message with this id, or null. */
    async getMessage(id: string): Promise<Message | null> {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(messages).where(eq(messages.id, id));
      return row ?? null;
    },
  };
}
