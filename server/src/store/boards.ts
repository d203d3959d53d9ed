/** Boards of pinned answers and share links (repository over `schema/boards.ts`). */
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { type AppDb, isUuid, randomSecret } from './db.ts';
import { boardCards, boards, shareLinks, users } from './schema.ts';

export type Board = typeof boards.$inferSelect;
export type BoardCard = typeof boardCards.$inferSelect;
export type ShareLink = typeof shareLinks.$inferSelect;

/** A board as listed: with its owner's name and its number of cards. */
export interface BoardSummary extends Board {
  ownerName: string;
  cardCount: number;
}

/** What a pinned card keeps: the governed query, never rows. */
export interface NewCard {
  title: string;
  model: string;
  query: unknown;
  intent: string;
}

/** Repository of boards, their cards and share links. */
export function boardsRepository(db: AppDb) {
  const summary = {
    board: boards,
    ownerName: users.displayName,
    cardCount: sql<number>`(select count(*)::int from board_cards c where c.board_id = ${boards.id})`,
  };
  return {
    /** The user's own boards and every shared board, most recently changed first. */
    async listVisible(userId: string): Promise<BoardSummary[]> {
      const rows = await db
        .select(summary)
        .from(boards)
        .innerJoin(users, eq(users.id, boards.ownerId))
        .where(or(eq(boards.ownerId, userId), eq(boards.shared, true)))
        .orderBy(desc(boards.updatedAt), desc(boards.id));
      return rows.map((r) => ({ ...r.board, ownerName: r.ownerName, cardCount: Number(r.cardCount) }));
    },

    async get(id: string): Promise<BoardSummary | null> {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select(summary)
        .from(boards)
        .innerJoin(users, eq(users.id, boards.ownerId))
        .where(eq(boards.id, id));
      return row ? { ...row.board, ownerName: row.ownerName, cardCount: Number(row.cardCount) } : null;
    },

    async create(input: { ownerId: string; title: string; shared?: boolean }): Promise<Board> {
      const [row] = await db
        .insert(boards)
        .values({ ownerId: input.ownerId, title: input.title, shared: input.shared ?? false })
        .returning();
      return row!;
    },

    async update(id: string, patch: { title?: string; shared?: boolean; period?: string | null }) {
      const [row] = await db
        .update(boards)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(boards.id, id))
        .returning();
      return row ?? null;
    },

    async remove(id: string): Promise<void> {
      await db.delete(boards).where(eq(boards.id, id));
    },

    /** The cards of a board in their order. */
    async cards(boardId: string): Promise<BoardCard[]> {
      return db
        .select()
        .from(boardCards)
        .where(eq(boardCards.boardId, boardId))
        .orderBy(asc(boardCards.position), asc(boardCards.createdAt));
    },

    async card(boardId: string, cardId: string): Promise<BoardCard | null> {
      if (!isUuid(cardId)) return null;
      const [row] = await db
        .select()
        .from(boardCards)
        .where(and(eq(boardCards.boardId, boardId), eq(boardCards.id, cardId)));
      return row ?? null;
    },

    /** Pins a card at the end of the board. */
    async addCard(boardId: string, card: NewCard): Promise<BoardCard> {
      return db.transaction(async (tx) => {
        const [last] = await tx
          .select({ max: sql<number>`coalesce(max(${boardCards.position}), 0)::int` })
          .from(boardCards)
          .where(eq(boardCards.boardId, boardId));
        const [row] = await tx
          .insert(boardCards)
          .values({ boardId, ...card, position: Number(last?.max ?? 0) + 1 })
          .returning();
        await tx.update(boards).set({ updatedAt: new Date() }).where(eq(boards.id, boardId));
        return row!;
      });
    },

    async resizeCard(boardId: string, cardId: string, width: 1 | 2): Promise<void> {
      await db
        .update(boardCards)
        .set({ width })
        .where(and(eq(boardCards.boardId, boardId), eq(boardCards.id, cardId)));
    },

    /** Swaps a card with its neighbour (`up` or `down`); renumbers the board 1..n. */
    async moveCard(boardId: string, cardId: string, direction: 'up' | 'down'): Promise<void> {
      await db.transaction(async (tx) => {
        const list = await tx
          .select({ id: boardCards.id })
          .from(boardCards)
          .where(eq(boardCards.boardId, boardId))
          .orderBy(asc(boardCards.position), asc(boardCards.createdAt));
        const ids = list.map((c) => c.id);
        const at = ids.indexOf(cardId);
        const to = direction === 'up' ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= ids.length) return;
        [ids[at], ids[to]] = [ids[to]!, ids[at]!];
        for (const [i, id] of ids.entries())
          await tx
            .update(boardCards)
            .set({ position: i + 1 })
            .where(eq(boardCards.id, id));
      });
    },

    async removeCard(boardId: string, cardId: string): Promise<void> {
      await db.delete(boardCards).where(and(eq(boardCards.boardId, boardId), eq(boardCards.id, cardId)));
    },

    /** Creates a share link with an unguessable token. */
    async share(input: Omit<ShareLink, 'token' | 'createdAt'>): Promise<ShareLink> {
      const [row] = await db
        .insert(shareLinks)
        .values({ ...input, token: randomSecret(18) })
        .returning();
      return row!;
    },

    async shareLink(token: string): Promise<ShareLink | null> {
      if (!/^[\w-]{8,64}$/.test(token)) return null;
      const [row] = await db.select().from(shareLinks).where(eq(shareLinks.token, token));
      return row ?? null;
    },
  };
}

/** The boards repository of a store. */
export type BoardsRepository = ReturnType<typeof boardsRepository>;
