/** Users' ratings of answers, triaged by analysts. */
import { and, desc, eq } from 'drizzle-orm';
import { type AppDb, isUuid } from './db.ts';
import { answerFeedback } from './schema.ts';

/** A stored feedback item. */
export type Feedback = typeof answerFeedback.$inferSelect;

/** Feedback as a user submits it. */
export interface NewFeedback {
  messageId: string;
  userId?: string | null;
  rating: 'up' | 'down';
  comment?: string | null;
  correctedInterpretation?: unknown;
}

/** Repository of {@link Feedback}. */
export function feedbackRepository(db: AppDb) {
  return {
    /** Records feedback on a message (throws if the message does not exist: callers check first). */
    async create(input: NewFeedback): Promise<Feedback> {
      const [row] = await db
        .insert(answerFeedback)
        .values({
          messageId: input.messageId,
          userId: input.userId ?? null,
          rating: input.rating,
          comment: input.comment ?? null,
          correctedInterpretation: input.correctedInterpretation ?? null,
        })
        .returning();
      return row!;
    },

    /** Feedback, newest first, optionally only `open` or `resolved`. */
    async list(options: { status?: 'open' | 'resolved'; limit?: number } = {}): Promise<Feedback[]> {
      return db
        .select()
        .from(answerFeedback)
        .where(options.status ? eq(answerFeedback.status, options.status) : undefined)
        .orderBy(desc(answerFeedback.createdAt), desc(answerFeedback.id))
        .limit(options.limit ?? 100);
    },

    /** Marks an open item resolved; false when it is missing or already resolved. */
    async resolve(id: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      const rows = await db
        .update(answerFeedback)
        .set({ status: 'resolved' })
        .where(and(eq(answerFeedback.id, id), eq(answerFeedback.status, 'open')))
        .returning({ id: answerFeedback.id });
      return rows.length === 1;
    },
  };
}
