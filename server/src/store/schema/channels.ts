/** Slack and WeCom: linked accounts, inbound events, the job queue, threads and deliveries. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt } from './columns.ts';
import { conversations } from './conversations.ts';

/** Chat channels that answer questions (server/src/channels). */
export const CHANNEL_PROVIDERS = ['slack', 'wecom'] as const;
/** One of {@link CHANNEL_PROVIDERS}. */
export type ChannelProvider = (typeof CHANNEL_PROVIDERS)[number];

/** A Slack or WeCom account linked to a product user: its questions run with that user's access. */
export const channelLinks = pgTable(
  'channel_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').$type<ChannelProvider>().notNull(),
    /** Slack team id or WeCom corp id. */
    team: text('team').notNull(),
    externalUserId: text('external_user_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** How the link was made: `email` (Slack profile), `code` (one-time code), `userid` (WeCom id on the user). */
    method: text('method').$type<'email' | 'code' | 'userid'>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('channel_links_external_key').on(t.provider, t.team, t.externalUserId),
    index('channel_links_user_idx').on(t.userId),
  ],
);

/** One-time link codes shown in the web app; only the SHA-256 of the code is stored. */
export const channelLinkCodes = pgTable('channel_link_codes', {
  codeHash: text('code_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Inbound event ids and request signatures already seen: retries are de-duplicated, replays refused. */
export const channelEvents = pgTable(
  'channel_events',
  {
    provider: text('provider').$type<ChannelProvider>().notNull(),
    eventKey: text('event_key').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.eventKey] }),
    index('channel_events_received_idx').on(t.receivedAt),
  ],
);

/** Lifecycle of a channel job. */
export const CHANNEL_JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
/** One of {@link CHANNEL_JOB_STATUSES}. */
export type ChannelJobStatus = (typeof CHANNEL_JOB_STATUSES)[number];

/**
 * Work acknowledged to a channel and not yet (or already) answered. Claimed atomically; a `running` job
 * whose lease expired (its process died) is claimed again; `checkpoint` records the steps already done.
 */
export const channelJobs = pgTable(
  'channel_jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provider: text('provider').$type<ChannelProvider>().notNull(),
    kind: text('kind').notNull(),
    /** Unique per provider: the same message never becomes two jobs. */
    dedupeKey: text('dedupe_key').notNull(),
    /** Jobs of one thread run in order, one at a time. */
    threadKey: text('thread_key').notNull(),
    externalUserId: text('external_user_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<ChannelJobStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    workerId: text('worker_id'),
    checkpoint: jsonb('checkpoint').$type<Record<string, unknown>>().notNull().default({}),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('channel_jobs_dedupe_key').on(t.provider, t.dedupeKey),
    index('channel_jobs_status_idx').on(t.status, t.runAfter),
    index('channel_jobs_thread_idx').on(t.threadKey, t.id),
    index('channel_jobs_asker_idx').on(t.provider, t.externalUserId, t.createdAt),
    check('channel_jobs_status_check', sql`${t.status} in ('pending', 'running', 'done', 'failed')`),
  ],
);

/** The conversation a channel thread continues, per asking user. */
export const channelThreads = pgTable(
  'channel_threads',
  {
    provider: text('provider').$type<ChannelProvider>().notNull(),
    threadKey: text('thread_key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.threadKey, t.userId] })],
);

/** Every outbound delivery that failed (and the ones that succeeded after retries): visible to admins. */
export const channelDeliveries = pgTable(
  'channel_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ts: timestamp('ts', { withTimezone: true }).notNull().defaultNow(),
    provider: text('provider').$type<ChannelProvider>().notNull(),
    jobId: integer('job_id'),
    operation: text('operation').notNull(),
    ok: boolean('ok').notNull(),
    error: text('error'),
  },
  (t) => [index('channel_deliveries_ts_idx').on(t.provider, t.ts)],
);
