import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { SemanticQuerySchema } from '../../../../semantic-layer/src/query.ts';
import { resolveQuery } from '../../../../semantic-layer/src/resolve-query.ts';
import { AnswerSchema, INTENTS } from '../../answer/answer-schema.ts';
import { routeQuestion } from '../../ask/model-routing.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import { type AnswerDeps, answerQuestion, type Stage } from '../../pipeline/answer-question.ts';
import type { ConversationLog } from '../../pipeline/conversation-log.ts';
import type { TurnInput } from '../../pipeline/interpret-turn.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, SIGNED_IN } from '../api-router.ts';
import { acquireAskSlot } from '../ask-slots.ts';
import { type AuthEnv, clientIp } from '../auth/auth-context.ts';
import { httpMessage } from '../messages/http-messages.ts';
import { requestLanguage } from '../request-language.ts';

const AskBody = z
  .object({
    question: z.string().trim().min(1).max(2000).optional(),
    query: SemanticQuerySchema.optional(),
    intent: z.enum(INTENTS).optional(),
    conversationId: z.string().max(64).optional(),
    model: z.string().max(64).optional(),
    language: z.enum(['zh', 'en']).optional(),
  })
  .refine((b) => Boolean(b.question) !== Boolean(b.query), {
    message: 'send either a question or an edited query',
  })
  .meta({ id: 'AskRequest' });

const AskRoute = apiRoute({
  method: 'post',
  path: '/',
  summary: 'Ask a question (or re-run an edited interpretation) → Answer',
  description:
    'With `Accept: text/event-stream` the reply is SSE: `progress` events `{stage, elapsedMs}`, then one `answer` event (the Answer JSON). An edited query the model refuses is 400 `invalid_query` with an issue per field (`query.filters.0.values.0`).',
  tags: ['ask'],
  security: SIGNED_IN,
  request: { body: jsonBody(AskBody) },
  responses: {
    200: {
      description:
        'The answer (its `kind` says answer, clarify, out_of_scope or error; `error` keeps the codes)',
      content: {
        'application/json': { schema: AnswerSchema.extend({ seq: z.number().int() }) },
        'text/event-stream': { schema: z.string() },
      },
    },
  },
  errors: ['unauthenticated', 'csrf_failed', 'unknown_model', 'invalid_query'],
});

export interface AskRouteDeps {
  store: Store;
  registry: ModelRegistry;
  answerDeps: AnswerDeps;
  conversations: ConversationLog;
}

/**
 * POST /api/ask: a question (or an edited interpretation) → `Answer`. With `Accept: text/event-stream`
 * the client gets `progress` events while the answer is computed, then one `answer` event.
 */
export function askRoutes(deps: AskRouteDeps) {
  const app = apiRouter<AuthEnv>();
  app.openapi(AskRoute, async (c) => {
    const body = c.req.valid('json');
    const lang = requestLanguage(c, body.language);
    // no model named: the one whose business words the question uses (电信, telco), else the default
    const modelId =
      body.model ??
      (body.question && !body.conversationId
        ? routeQuestion(
            body.question,
            deps.registry.list().map((m) => ({ id: m.runtime.model.id, catalog: m.runtime.catalog })),
            deps.registry.defaultModelId,
          )
        : deps.registry.defaultModelId);
    if (!deps.registry.has(modelId)) throw new ApiError('unknown_model', { model: modelId });
    const user = c.get('user');
    const active = deps.registry.get(modelId);
    if (body.query) {
      // An edited interpretation is checked against the model before anything runs: a wrong member or a
      // value of the wrong type is the client's error, named by its field.
      const check = resolveQuery(active.runtime.model, body.query, { attributes: user.attributes });
      const fieldErrors = check.ok
        ? []
        : check.issues.filter((i) => i.severity === 'error' && i.code !== 'access_denied');
      if (fieldErrors.length)
        throw new ApiError(
          'invalid_query',
          {
            detail: fieldErrors
              .map((i) => httpMessage('issue.field', lang, { path: `query.${i.path}`, message: i.message }))
              .join(httpMessage('list.separator', lang)),
          },
          fieldErrors.map((i) => ({ path: `query.${i.path}`, message: i.message })),
        );
    }
    const title = body.question ?? httpMessage('ask.edited_query_title', lang);
    const turn: TurnInput = body.query
      ? { query: body.query, intent: body.intent, language: lang }
      : { question: body.question!, language: body.language };
    // From opening the conversation to writing the answer, the ask holds one of the bounded ask slots.
    const release = await acquireAskSlot();
    let conv: Awaited<ReturnType<ConversationLog['open']>>;
    try {
      conv = await deps.conversations.open(body.conversationId, user.id, modelId, title);
    } catch (error) {
      release();
      throw error;
    }

    const run = async (onStage?: (stage: Stage, elapsedMs: number) => void) => {
      const { answer, state } = await answerQuestion(deps.answerDeps, {
        active,
        turn,
        conversationId: conv.id,
        previous: conv.previous,
        attributes: user.attributes,
        onStage,
        offerSubscription: Boolean(body.question),
      });
      const seq = await deps.conversations.record(conv.id, title, answer, state, {
        action: 'ask',
        userId: user.id,
        target: conv.id,
        details: { question: title, kind: answer.kind, intent: answer.interpretation.intent },
        ip: clientIp(c),
      });
      return { ...answer, seq };
    };

    if (!(c.req.header('accept') ?? '').includes('text/event-stream'))
      try {
        return c.json(await run(), 200);
      } finally {
        release();
      }
    return streamSSE(c, async (stream) => {
      try {
        const answer = await run((stage, elapsedMs) => {
          void stream.writeSSE({ event: 'progress', data: JSON.stringify({ stage, elapsedMs }) });
        });
        await stream.writeSSE({ event: 'answer', data: JSON.stringify(answer) });
      } finally {
        release();
      }
    });
  });
  return app;
}
