import { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../../store/open-store.ts';
import { type AuthEnv, jsonError } from '../auth/auth-context.ts';
import { parseJsonBody } from '../auth/parse-body.ts';
import { requestLanguage } from '../request-language.ts';

const FeedbackBody = z.object({
  conversationId: z.string().max(64),
  seq: z.number().int().positive(),
  rating: z.enum(['up', 'down']),
  comment: z.string().max(2000).optional(),
});

/** GET /api/conversations[/:id] (the user's own) and POST /api/feedback on one answer. */
export function conversationRoutes(store: Store) {
  const app = new Hono<AuthEnv>();
  app.get('/conversations', async (c) => {
    const rows = await store.conversations.listForUser(c.get('user').id);
    return c.json({
      conversations: rows.map((r) => ({ id: r.id, title: r.title, model: r.model, updatedAt: r.updatedAt })),
    });
  });
  app.get('/conversations/:id', async (c) => {
    const conv = await store.conversations.get(c.req.param('id'), c.get('user').id);
    if (!conv) return notFound(c);
    const messages = await store.conversations.listMessages(conv.id);
    return c.json({
      id: conv.id,
      title: conv.title,
      model: conv.model,
      messages: messages.map((m) => ({
        seq: m.seq,
        question: m.question,
        answer: m.answer,
        createdAt: m.createdAt,
      })),
    });
  });
  app.post('/feedback', async (c) => {
    const body = await parseJsonBody(c, FeedbackBody);
    if (body instanceof Response) return body;
    const user = c.get('user');
    const conv = await store.conversations.get(body.conversationId, user.id);
    if (!conv) return notFound(c);
    const message = (await store.conversations.listMessages(conv.id)).find((m) => m.seq === body.seq);
    if (!message) return notFound(c);
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

function notFound(c: Parameters<typeof requestLanguage>[0]) {
  const zh = requestLanguage(c) === 'zh';
  return jsonError(c, 404, 'not_found', zh ? '没有找到这条对话或回答' : 'No such conversation or answer');
}
