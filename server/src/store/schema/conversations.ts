/** Conversations, their messages and the feedback on answers. */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt } from './columns.ts';

/** A chat thread; `lastSeq` is the counter that hands out message numbers atomically. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    model: text('model').notNull(),
    title: text('title').notNull().default(''),
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversations_user_idx').on(t.userId, t.updatedAt)],
);

/** Who wrote a message. */
export type MessageRole = 'user' | 'assistant';

/** One turn of a conversation, numbered 1..n without gaps. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    role: text('role').$type<MessageRole>().notNull(),
    question: text('question'),
    interpretation: jsonb('interpretation').$type<unknown>(),
    answer: jsonb('answer').$type<unknown>(),
    sql: text('sql'),
    modelVersion: text('model_version'),
    interpreter: text('interpreter'),
    timings: jsonb('timings').$type<Record<string, number>>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq_key').on(t.conversationId, t.seq),
    check('messages_role_check', sql`${t.role} in ('user', 'assistant')`),
  ],
);

/** Thumbs up/down on an answer, optionally with the interpretation the user expected. */
export const answerFeedback = pgTable(
  'answer_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    rating: text('rating').$type<'up' | 'down'>().notNull(),
    comment: text('comment'),
    correctedInterpretation: jsonb('corrected_interpretation').$type<unknown>(),
    status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [
    index('answer_feedback_status_idx').on(t.status, t.createdAt),
    check('answer_feedback_rating_check', sql`${t.rating} in ('up', 'down')`),
    check('answer_feedback_status_check', sql`${t.status} in ('open', 'resolved')`),
  ],
);
