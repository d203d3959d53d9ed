/**
 * /api/boards: boards of pinned answers. A card keeps the governed query (interpretation), never rows; its
 * answer is computed for each viewer with the viewer's own row-level access. Owners arrange, resize and
 * set the board's period; a shared board is readable by every signed-in user.
 */
import { z } from 'zod';
import { SemanticQuerySchema } from '../../../../semantic-layer/src/query.ts';
import { AnswerSchema, INTENTS } from '../../answer/answer-schema.ts';
import { BOARD_PERIODS, type BoardPeriod } from '../../boards/board-period.ts';
import { answerPinned } from '../../boards/run-card.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { AnswerDeps } from '../../pipeline/answer-question.ts';
import { type BoardSummary, boardsRepository } from '../../store/boards.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv, AuthUser } from '../auth/auth-context.ts';
import { requestLanguage } from '../request-language.ts';
import { pngResponse } from './chart-image.ts';
import { Language } from './route-params.ts';

export interface BoardRouteDeps {
  store: Store;
  registry: ModelRegistry;
  answerDeps: AnswerDeps;
}

const Card = z.object({
  id: z.string(),
  title: z.string(),
  model: z.string(),
  intent: z.string(),
  query: z.unknown(),
  position: z.number(),
  width: z.number(),
});
export const BoardView = z
  .object({
    id: z.string(),
    title: z.string(),
    shared: z.boolean(),
    period: z.enum(BOARD_PERIODS).nullable(),
    ownerName: z.string(),
    mine: z.boolean(),
    cardCount: z.number(),
    cards: z.array(Card).optional(),
  })
  .meta({ id: 'Board' });
const PinBody = z.object({
  title: z.string().trim().min(1).max(200),
  model: z.string().max(64),
  query: SemanticQuerySchema,
  intent: z.enum(INTENTS),
});
const Id = z.object({ id: z.string().max(64) });
const CardId = Id.extend({ cardId: z.string().max(64) });
const declare = { tags: ['boards'], security: SIGNED_IN };
/** What a change by the board's owner may be refused with. */
const OWNER_ERRORS = [
  'unauthenticated',
  'csrf_failed',
  'board_not_found',
  'board_private',
  'not_board_owner',
] as const;

/** A board as the API sends it to `userId`. */
export function boardView(board: BoardSummary, userId: string, cards?: { id: string }[]) {
  return {
    id: board.id,
    title: board.title,
    shared: board.shared,
    period: (board.period as BoardPeriod | null) ?? null,
    ownerName: board.ownerName,
    mine: board.ownerId === userId,
    cardCount: board.cardCount,
    ...(cards ? { cards: cards as z.infer<typeof Card>[] } : {}),
  };
}

/** The routes under /api/boards. */
export function boardRoutes(deps: BoardRouteDeps) {
  const app = apiRouter<AuthEnv>();
  const boards = boardsRepository(deps.store.db);

  /** A board the user may read: their own, a shared one, or one a share link `share` opens. */
  async function readable(id: string, userId: string, share?: string): Promise<BoardSummary> {
    const board = await boards.get(id);
    if (!board) throw new ApiError('board_not_found');
    if (board.ownerId === userId || board.shared) return board;
    const link = share ? await boards.shareLink(share) : null;
    if (link?.kind === 'board' && link.boardId === board.id) return board;
    throw new ApiError('board_private', { owner: board.ownerName });
  }
  async function owned(id: string, userId: string): Promise<BoardSummary> {
    const board = await readable(id, userId);
    if (board.ownerId !== userId) throw new ApiError('not_board_owner', { owner: board.ownerName });
    return board;
  }

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: "The user's boards and the shared ones",
      responses: { 200: jsonResponse('Boards', z.object({ boards: z.array(BoardView) })) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const user = c.get('user');
      const list = await boards.listVisible(user.id);
      return c.json({ boards: list.map((b) => boardView(b, user.id)) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/',
      summary: 'Creates a board (personal unless `shared`)',
      request: {
        body: jsonBody(
          z.object({ title: z.string().trim().min(1).max(200), shared: z.boolean().optional() }),
        ),
      },
      responses: { 201: jsonResponse('The board', BoardView) },
      errors: ['unauthenticated', 'csrf_failed'],
    }),
    async (c) => {
      const user = c.get('user');
      const body = c.req.valid('json');
      const board = await boards.create({ ownerId: user.id, title: body.title, shared: body.shared });
      const created = (await boards.get(board.id))!;
      return c.json(boardView(created, user.id, []), 201);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{id}',
      summary: 'A board with its cards (owner, shared board, or `?share=` link)',
      request: { params: Id, query: z.object({ share: z.string().max(64).optional() }) },
      responses: { 200: jsonResponse('The board', BoardView) },
      errors: ['unauthenticated', 'board_not_found', 'board_private'],
    }),
    async (c) => {
      const user = c.get('user');
      const board = await readable(c.req.valid('param').id, user.id, c.req.valid('query').share);
      return c.json(boardView(board, user.id, await boards.cards(board.id)), 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'patch',
      path: '/{id}',
      summary: 'Renames, shares or unshares a board, or sets its period control (owner)',
      request: {
        params: Id,
        body: jsonBody(
          z.object({
            title: z.string().trim().min(1).max(200).optional(),
            shared: z.boolean().optional(),
            period: z.enum(BOARD_PERIODS).nullable().optional(),
          }),
        ),
      },
      responses: { 200: jsonResponse('The board', BoardView) },
      errors: [...OWNER_ERRORS],
    }),
    async (c) => {
      const user = c.get('user');
      const board = await owned(c.req.valid('param').id, user.id);
      await boards.update(board.id, c.req.valid('json'));
      const updated = (await boards.get(board.id))!;
      return c.json(boardView(updated, user.id, await boards.cards(board.id)), 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'delete',
      path: '/{id}',
      summary: 'Deletes a board and its cards (owner)',
      request: { params: Id },
      responses: { 204: { description: 'Deleted' } },
      errors: [...OWNER_ERRORS],
    }),
    async (c) => {
      const board = await owned(c.req.valid('param').id, c.get('user').id);
      await boards.remove(board.id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{id}/cards',
      summary: "Pins an answer's governed query (not its rows) to a board (owner)",
      request: { params: Id, body: jsonBody(PinBody) },
      responses: { 201: jsonResponse('The card', Card) },
      errors: [...OWNER_ERRORS, 'unknown_model'],
    }),
    async (c) => {
      const board = await owned(c.req.valid('param').id, c.get('user').id);
      const body = c.req.valid('json');
      if (!deps.registry.has(body.model)) throw new ApiError('unknown_model', { model: body.model });
      const card = await boards.addCard(board.id, body);
      return c.json(card as z.infer<typeof Card>, 201);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'patch',
      path: '/{id}/cards/{cardId}',
      summary: 'Moves a card up or down, or resizes it to 1 or 2 columns (owner)',
      request: {
        params: CardId,
        body: jsonBody(
          z.object({
            move: z.enum(['up', 'down']).optional(),
            width: z.union([z.literal(1), z.literal(2)]).optional(),
          }),
        ),
      },
      responses: { 200: jsonResponse('The board', BoardView) },
      errors: [...OWNER_ERRORS, 'card_not_found'],
    }),
    async (c) => {
      const user = c.get('user');
      const { id, cardId } = c.req.valid('param');
      const board = await owned(id, user.id);
      if (!(await boards.card(board.id, cardId))) throw new ApiError('card_not_found');
      const body = c.req.valid('json');
      if (body.width) await boards.resizeCard(board.id, cardId, body.width);
      if (body.move) await boards.moveCard(board.id, cardId, body.move);
      return c.json(boardView(board, user.id, await boards.cards(board.id)), 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'delete',
      path: '/{id}/cards/{cardId}',
      summary: 'Unpins a card (owner)',
      request: { params: CardId },
      responses: { 204: { description: 'Removed' } },
      errors: [...OWNER_ERRORS],
    }),
    async (c) => {
      const { id, cardId } = c.req.valid('param');
      const board = await owned(id, c.get('user').id);
      await boards.removeCard(board.id, cardId);
      return c.body(null, 204);
    },
  );

  const CardAnswerQuery = z.object({
    period: z.enum([...BOARD_PERIODS, 'pinned']).optional(),
    language: Language.optional(),
    share: z.string().max(64).optional(),
  });

  /** A card's answer computed for `user` (their own row-level access; `period` overrides the board's). */
  async function viewerCardAnswer(
    user: AuthUser,
    params: z.infer<typeof CardId>,
    query: z.infer<typeof CardAnswerQuery>,
    language: 'zh' | 'en',
  ) {
    const board = await readable(params.id, user.id, query.share);
    const card = await boards.card(board.id, params.cardId);
    if (!card) throw new ApiError('card_not_found');
    const period = query.period === 'pinned' ? null : (query.period ?? (board.period as BoardPeriod | null));
    const answer = await answerPinned(deps, card, { attributes: user.attributes, language, period });
    if (!answer) throw new ApiError('unknown_model', { model: card.model });
    return answer;
  }

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{id}/cards/{cardId}/answer',
      summary: "A card's answer for the viewer (their own row-level access; `period` overrides the board's)",
      request: { params: CardId, query: CardAnswerQuery },
      responses: { 200: jsonResponse('The answer', AnswerSchema) },
      errors: ['unauthenticated', 'board_not_found', 'board_private', 'card_not_found', 'unknown_model'],
    }),
    async (c) => {
      const query = c.req.valid('query');
      const language = requestLanguage(c, query.language);
      return c.json(await viewerCardAnswer(c.get('user'), c.req.valid('param'), query, language), 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{id}/cards/{cardId}/chart.png',
      summary:
        "A card's chart as a PNG (server renderer), computed for the viewer's own row-level access; a board the viewer cannot open is not found",
      request: { params: CardId, query: CardAnswerQuery },
      responses: {
        200: {
          description: 'The chart, 2× scale',
          content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
      errors: ['unauthenticated', 'board_not_found', 'card_not_found', 'unknown_model', 'no_chart'],
    }),
    async (c) => {
      const query = c.req.valid('query');
      const language = requestLanguage(c, query.language);
      const answer = await viewerCardAnswer(c.get('user'), c.req.valid('param'), query, language).catch(
        (error: unknown) => {
          // An image URL says nothing about a board the viewer may not open, not even that it exists.
          if (error instanceof ApiError && error.code === 'board_private')
            throw new ApiError('board_not_found');
          throw error;
        },
      );
      return pngResponse(c, answer.chart);
    },
  );
  return app;
}
