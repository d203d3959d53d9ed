/**
 * The wrong-answers queue: thumbs-down feedback with the question that was asked, the earlier questions
 * of its conversation and the interpretation the product gave; an analyst records the correct
 * interpretation, which resolves the item and makes it exportable as an eval case.
 */
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { SemanticQuerySchema } from '../../../semantic-layer/src/query.ts';
import { INTENTS } from '../answer/answer-schema.ts';
import { isUuid } from '../store/db.ts';
import type { Store } from '../store/open-store.ts';
import { answerFeedback, conversations, messages, users } from '../store/schema.ts';
import { DIFFICULTIES, EVAL_CATEGORIES, EXPECTED_KINDS } from './eval-case-schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');

/** The correct interpretation an analyst records for a wrong answer. */
export const CorrectionSchema = z
  .strictObject({
    kind: z.enum(EXPECTED_KINDS).default('answer'),
    intent: z.enum(INTENTS).optional(),
    query: SemanticQuerySchema.optional(),
    /** Expected result rows (e.g. `[{ region: '华南', churn_rate: 0.21 }]`), checked by hand or by a runner. */
    expectedValues: z
      .array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])))
      .max(100)
      .optional(),
    category: z.enum(EVAL_CATEGORIES).optional(),
    difficulty: z.enum(DIFFICULTIES).optional(),
    /** "Today" for the case, when the question depended on it. */
    asOf: isoDate.optional(),
    notes: z.string().max(2000).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind !== 'answer') return;
    if (!c.intent)
      ctx.addIssue({ code: 'custom', path: ['intent'], message: 'required when kind is answer' });
    if (!c.query) ctx.addIssue({ code: 'custom', path: ['query'], message: 'required when kind is answer' });
  });
/** A correction as recorded. */
export type Correction = z.infer<typeof CorrectionSchema>;
/** A stored correction: who recorded it and when. */
export type StoredCorrection = Correction & { correctedBy: string; correctedAt: string };

/** One item of the queue. */
export interface WrongAnswer {
  id: string;
  status: 'open' | 'resolved';
  createdAt: Date;
  comment: string | null;
  reportedBy: string | null;
  model: string;
  conversationId: string;
  seq: number;
  question: string | null;
  /** Earlier questions of the conversation, oldest first (context for a follow-up). */
  earlierQuestions: string[];
  given: {
    kind: string | null;
    intent: string | null;
    query: unknown;
    interpreter: string | null;
    modelVersion: string | null;
    language: string | null;
  };
  correction: StoredCorrection | null;
}

/**
 * Thumbs-down feedback, newest first; `withCorrection` keeps only items that have one (the export).
 * @example await listWrongAnswers(store, { status: 'open', limit: 50 })
 */
export async function listWrongAnswers(
  store: Store,
  options: { status?: 'open' | 'resolved'; limit?: number; withCorrection?: boolean; id?: string } = {},
): Promise<WrongAnswer[]> {
  if (options.id !== undefined && !isUuid(options.id)) return [];
  const rows = await store.db
    .select({
      id: answerFeedback.id,
      status: answerFeedback.status,
      createdAt: answerFeedback.createdAt,
      comment: answerFeedback.comment,
      correction: answerFeedback.correctedInterpretation,
      reportedBy: users.username,
      model: conversations.model,
      conversationId: messages.conversationId,
      seq: messages.seq,
      interpretation: messages.interpretation,
      answer: messages.answer,
      interpreter: messages.interpreter,
      modelVersion: messages.modelVersion,
    })
    .from(answerFeedback)
    .innerJoin(messages, eq(messages.id, answerFeedback.messageId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(users, eq(users.id, answerFeedback.userId))
    .where(
      and(
        eq(answerFeedback.rating, 'down'),
        options.status ? eq(answerFeedback.status, options.status) : undefined,
        options.id ? eq(answerFeedback.id, options.id) : undefined,
      ),
    )
    .orderBy(desc(answerFeedback.createdAt), desc(answerFeedback.id))
    .limit(Math.min(Math.max(options.limit ?? 100, 1), 1000));
  const kept = options.withCorrection ? rows.filter((r) => r.correction) : rows;
  const asked = await askedQuestions(store, [...new Set(kept.map((r) => r.conversationId))]);
  return kept.map((r) => {
    // The turn's question is on the rated message or on the user message just before it.
    const turns = collapseTurns((asked.get(r.conversationId) ?? []).filter((q) => q.seq <= r.seq));
    const question = turns.at(-1) ?? null;
    const earlier = turns.slice(0, -1);
    const answer = (r.answer ?? {}) as {
      kind?: string;
      language?: string;
      interpretation?: Record<string, unknown>;
    };
    const interpretation = (r.interpretation ?? answer.interpretation ?? {}) as Record<string, unknown>;
    return {
      id: r.id,
      status: r.status,
      createdAt: r.createdAt,
      comment: r.comment,
      reportedBy: r.reportedBy,
      model: r.model,
      conversationId: r.conversationId,
      seq: r.seq,
      question,
      earlierQuestions: earlier,
      given: {
        kind: answer.kind ?? (interpretation.kind as string | undefined) ?? null,
        intent: (interpretation.intent as string | undefined) ?? null,
        query: interpretation.query ?? null,
        interpreter: r.interpreter ?? (interpretation.interpreter as string | undefined) ?? null,
        modelVersion: r.modelVersion,
        language: answer.language ?? null,
      },
      correction: (r.correction as StoredCorrection | null) ?? null,
    };
  });
}

/** Questions stored on the messages of these conversations, in order (user or assistant messages). */
async function askedQuestions(store: Store, conversationIds: string[]) {
  const byConversation = new Map<string, { seq: number; question: string }[]>();
  if (!conversationIds.length) return byConversation;
  const rows = await store.db
    .select({ conversationId: messages.conversationId, seq: messages.seq, question: messages.question })
    .from(messages)
    .where(and(inArray(messages.conversationId, conversationIds), isNotNull(messages.question)))
    .orderBy(asc(messages.conversationId), asc(messages.seq));
  for (const row of rows) {
    if (row.question === null) continue;
    const list = byConversation.get(row.conversationId) ?? [];
    list.push({ seq: row.seq, question: row.question });
    byConversation.set(row.conversationId, list);
  }
  return byConversation;
}

/** One question per turn: a user message and its answer may both carry the same question. */
function collapseTurns(questions: { seq: number; question: string }[]): string[] {
  return questions.map((q) => q.question).filter((q, i, all) => i === 0 || all[i - 1] !== q);
}

/**
 * Records the correct interpretation of a thumbs-down item and resolves it (re-recording replaces it).
 * Null when there is no such thumbs-down feedback.
 */
export async function recordCorrection(
  store: Store,
  feedbackId: string,
  correction: Correction,
  analystId: string,
): Promise<StoredCorrection | null> {
  if (!isUuid(feedbackId)) return null;
  const stored: StoredCorrection = {
    ...correction,
    correctedBy: analystId,
    correctedAt: new Date().toISOString(),
  };
  const rows = await store.db
    .update(answerFeedback)
    .set({ correctedInterpretation: stored, status: 'resolved' })
    .where(and(eq(answerFeedback.id, feedbackId), eq(answerFeedback.rating, 'down')))
    .returning({ id: answerFeedback.id });
  return rows.length ? stored : null;
}
