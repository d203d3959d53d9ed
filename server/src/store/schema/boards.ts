/** Boards of pinned answers (their governed queries, never their rows) and share links to answers and boards. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt } from './columns.ts';

/** A board: personal (its owner only) or shared (every signed-in user may open it). */
export const boards = pgTable(
  'boards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    shared: boolean('shared').notNull().default(false),
    /** The board's period control (a preset such as `last_quarter`), null for each card's own period. */
    period: text('period'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('boards_owner_idx').on(t.ownerId, t.updatedAt)],
);

/** A pinned answer: the interpretation (semantic query and intent) that each viewer re-runs with their own access. */
export const boardCards = pgTable(
  'board_cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    model: text('model').notNull(),
    query: jsonb('query').$type<unknown>().notNull(),
    intent: text('intent').notNull(),
    position: integer('position').notNull(),
    /** Columns the card spans: 1 or 2. */
    width: integer('width').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('board_cards_board_idx').on(t.boardId, t.position),
    check('board_cards_width_check', sql`${t.width} in (1, 2)`),
  ],
);

/** A share link: its token opens one answer (its governed query) or one board for any signed-in user. */
export const shareLinks = pgTable(
  'share_links',
  {
    token: text('token').primaryKey(),
    kind: text('kind').$type<'answer' | 'board'>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    boardId: uuid('board_id').references(() => boards.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    model: text('model'),
    query: jsonb('query').$type<unknown>(),
    intent: text('intent'),
    createdAt: createdAt(),
  },
  (t) => [check('share_links_kind_check', sql`${t.kind} in ('answer', 'board')`)],
);
