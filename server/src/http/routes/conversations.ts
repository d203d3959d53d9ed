import { z } from 'zod';
import { type Answer, AnswerSchema } from '../../answer/answer-schema.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';

const FeedbackBody = z.object({
  conversationId: z.string().max(64),
  seq: z.number().int().positive(),
  rating: z.enum(['up', 'down']),
  comment: z.string().max(2000).optional(),
});

const Summary = z.object({ id: z.string(), title: z.string(), model: z.string(), updatedAt: z.unknown() });
const declare = { tags: ['conversations'], security: SIGNED_IN };

/** Turns in a history page unless `limit` says otherwise, and at most. */
export const HISTORY_PAGE = 50;
const MAX_HISTORY_PAGE = 200;

const AnswerSummary = z.object({
  kind: z.string().nullable(),
  narrative: z.string().nullable(),
  conversationId: z.string().optional(),
});

/**
 * GET /api/conversations, a page of one (summaries) and one turn's full answer (the user's own), and
 * POST /api/feedback on one answer.
 */
export function conversationRoutes(store: Store) {
  const app = apiRouter<AuthEnv>();
  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/conversations',
      summary: "The user's conversations, newest first",
      responses: { 200: jsonResponse('Conversations', z.object({ conversations: z.array(Summary) })) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const rows = await store.conversations.listForUser(c.get('user').id);
      return c.json(
        {
          conversations: rows.map((r) => ({
            id: r.id,
            title: r.title,
            model: r.model,
            updatedAt: r.updatedAt,
          })),
        },
        200,
      );
    },
  );
  const historyRoute = apiRoute({
    ...declare,
    method: 'get',
    path: '/conversations/{id}',
    summary:
      "One page of one of the user's conversations: each turn's question and its answer in one line (kind, narrative); the full answer is GET …/answers/{seq}",
    request: {
      params: z.object({ id: z.string().max(64) }),
      query: z.object({
        limit: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).optional(),
        before: z.coerce.number().int().positive().optional(),
      }),
    },
    responses: {
      200: jsonResponse(
        'The conversation',
        z.object({
          id: z.string(),
          title: z.string(),
          model: z.string(),
          messages: z.array(
            z.object({
              seq: z.number(),
              question: z.string().nullable(),
              summary: AnswerSummary.nullable(),
              createdAt: z.unknown(),
            }),
          ),
          more: z.boolean(),
        }),
      ),
    },
    errors: ['unauthenticated', 'conversation_not_found'],
  });
  app.openapi(historyRoute, async (c) => {
    const conv = await store.conversations.get(c.req.valid('param').id, c.get('user').id);
    if (!conv) throw new ApiError('conversation_not_found');
    const { limit, before } = c.req.valid('query');
    const page = await store.conversations.listTurnSummaries(conv.id, {
      limit: limit ?? HISTORY_PAGE,
      ...(before === undefined ? {} : { before }),
    });
    return c.json({
      id: conv.id,
      title: conv.title,
      model: conv.model,
      messages: page.turns,
      more: page.more,
    });
  });
  const answerRoute = apiRoute({
    ...declare,
    method: 'get',
    path: '/conversations/{id}/answers/{seq}',
    summary: "One turn of one of the user's conversations with its full answer",
    request: {
      params: z.object({ id: z.string().max(64), seq: z.coerce.number().int().positive().max(100_000) }),
    },
    responses: {
      200: jsonResponse(
        'The turn',
        z.object({
          seq: z.number(),
          question: z.string().nullable(),
          answer: AnswerSchema.nullable(),
          createdAt: z.unknown(),
        }),
      ),
    },
    errors: ['unauthenticated', 'conversation_not_found'],
  });
  app.openapi(answerRoute, async (c) => {
    const { id, seq } = c.req.valid('param');
    const conv = await store.conversations.get(id, c.get('user').id);
    if (!conv) throw new ApiError('conversation_not_found');
    const message = await store.conversations.getTurn(conv.id, seq);
    if (!message) throw new ApiError('conversation_not_found');
    return c.json({
      seq: message.seq,
      question: message.question,
      answer: (message.answer ?? null) as Answer | null,
      createdAt: message.createdAt,
    });
  });
  const feedbackRoute = apiRoute({
    ...declare,
    method: 'post',
    path: '/feedback',
    summary: 'Thumbs up or down on one answer (thumbs-down answers go to the wrong-answer queue)',
    request: { body: jsonBody(FeedbackBody) },
    responses: { 201: jsonResponse('Recorded', z.object({ id: z.string(), status: z.string() })) },
    errors: ['unauthenticated', 'csrf_failed', 'conversation_not_found'],
  });
  app.openapi(feedbackRoute, async (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    const conv = await store.conversations.get(body.conversationId, user.id);
    if (!conv) throw new ApiError('conversation_not_found');
    const message = await store.conversations.getTurn(conv.id, body.seq);
    if (!message) throw new ApiError('conversation_not_found');
    const feedback = await store.feedback.create({
      messageId: message.id,
      userId: user.id,
      rating: body.rating,
      comment: body.comment ?? null,
    });
    await store.audit.record({
      action: 'feedback',
      userId: user.id,
      target: message.id,
      details: { rating: body.rating },
    });
    return c.json({ id: feedback.id, status: feedback.status }, 201);
  });
  return app;
}
