/**
 * /api/shares: share links to an answer (its governed query) or a board. Any signed-in user may open a link;
 * what it shows is computed with the opener's own row-level access, never the sharer's rows.
 */
import { z } from 'zod';
import { SemanticQuerySchema } from '../../../../semantic-layer/src/query.ts';
import { AnswerSchema, INTENTS } from '../../answer/answer-schema.ts';
import { answerPinned } from '../../boards/run-card.ts';
import { boardsRepository } from '../../store/boards.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requestLanguage } from '../request-language.ts';
import { type BoardRouteDeps, BoardView, boardView } from './boards.ts';
import { pngResponse } from './chart-image.ts';
import { Language } from './route-params.ts';

const ShareBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    title: z.string().trim().min(1).max(200),
    model: z.string().max(64),
    query: SemanticQuerySchema,
    intent: z.enum(INTENTS),
  }),
  z.object({ kind: z.literal('board'), boardId: z.string().max(64) }),
]);
const Shared = z
  .object({
    token: z.string(),
    kind: z.enum(['answer', 'board']),
    title: z.string(),
    sharedBy: z.string(),
    board: BoardView.optional(),
  })
  .meta({ id: 'ShareLink' });
const Token = z.object({ token: z.string().max(64) });
const declare = { tags: ['shares'], security: SIGNED_IN };

/** The routes under /api/shares. */
export function shareRoutes(deps: BoardRouteDeps) {
  const app = apiRouter<AuthEnv>();
  const boards = boardsRepository(deps.store.db);

  /** A shared answer computed again with the opener's own row-level access. */
  async function sharedAnswer(
    token: string,
    user: { attributes: Record<string, string[]> },
    language: 'zh' | 'en',
  ) {
    const link = await boards.shareLink(token);
    if (link?.kind !== 'answer' || !link.model || !link.intent) throw new ApiError('share_not_found');
    const answer = await answerPinned(
      deps,
      { model: link.model, query: link.query, intent: link.intent },
      { attributes: user.attributes, language },
    );
    if (!answer) throw new ApiError('unknown_model', { model: link.model });
    return answer;
  }

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/',
      summary: 'Creates a share link to an answer (its governed query) or to a board the user may read',
      request: { body: jsonBody(ShareBody) },
      responses: { 201: jsonResponse('The link', z.object({ token: z.string(), path: z.string() })) },
      errors: ['unauthenticated', 'csrf_failed', 'unknown_model', 'board_not_found', 'board_private'],
    }),
    async (c) => {
      const user = c.get('user');
      const body = c.req.valid('json');
      let link: Awaited<ReturnType<typeof boards.share>>;
      if (body.kind === 'answer') {
        if (!deps.registry.has(body.model)) throw new ApiError('unknown_model', { model: body.model });
        link = await boards.share({
          kind: 'answer',
          createdBy: user.id,
          boardId: null,
          title: body.title,
          model: body.model,
          query: body.query,
          intent: body.intent,
        });
      } else {
        const board = await boards.get(body.boardId);
        if (!board) throw new ApiError('board_not_found');
        if (board.ownerId !== user.id && !board.shared)
          throw new ApiError('board_private', { owner: board.ownerName });
        link = await boards.share({
          kind: 'board',
          createdBy: user.id,
          boardId: board.id,
          title: board.title,
          model: null,
          query: null,
          intent: null,
        });
      }
      return c.json({ token: link.token, path: `#/shared/${link.token}` }, 201);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{token}',
      summary: 'What a share link opens (a board comes with its cards)',
      request: { params: Token },
      responses: { 200: jsonResponse('The shared item', Shared) },
      errors: ['unauthenticated', 'share_not_found'],
    }),
    async (c) => {
      const user = c.get('user');
      const link = await boards.shareLink(c.req.valid('param').token);
      if (!link) throw new ApiError('share_not_found');
      const sharer = await deps.store.users.findById(link.createdBy);
      const sharedBy = sharer?.displayName ?? '';
      if (link.kind === 'answer')
        return c.json({ token: link.token, kind: link.kind, title: link.title, sharedBy }, 200);
      const board = link.boardId ? await boards.get(link.boardId) : null;
      if (!board) throw new ApiError('share_not_found');
      const view = boardView(board, user.id, await boards.cards(board.id));
      return c.json({ token: link.token, kind: link.kind, title: board.title, sharedBy, board: view }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{token}/answer',
      summary: "A shared answer, computed again with the opener's own row-level access",
      request: { params: Token, query: z.object({ language: Language.optional() }) },
      responses: { 200: jsonResponse('The answer', AnswerSchema) },
      errors: ['unauthenticated', 'share_not_found', 'unknown_model'],
    }),
    async (c) => {
      const answer = await sharedAnswer(
        c.req.valid('param').token,
        c.get('user'),
        requestLanguage(c, c.req.valid('query').language),
      );
      return c.json(answer, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{token}/chart.png',
      summary: "A shared answer's chart as a PNG (server renderer), computed with the opener's own access",
      request: { params: Token, query: z.object({ language: Language.optional() }) },
      responses: {
        200: {
          description: 'The chart, 2× scale',
          content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
      errors: ['unauthenticated', 'share_not_found', 'unknown_model', 'no_chart'],
    }),
    async (c) => {
      const answer = await sharedAnswer(
        c.req.valid('param').token,
        c.get('user'),
        requestLanguage(c, c.req.valid('query').language),
      );
      return pngResponse(c, answer.chart);
    },
  );
  return app;
}
