/** Monitors: subscriptions, firings, inbox insights and the delivery log. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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

/** Where a subscription delivers its insights. */
export const SUBSCRIPTION_CHANNELS = ['inbox', 'email', 'slack', 'wecom', 'wecom_webhook'] as const;
/** One of {@link SUBSCRIPTION_CHANNELS}. */
export type SubscriptionChannel = (typeof SUBSCRIPTION_CHANNELS)[number];

/**
 * A user's subscription: a governed monitor (`monitor_id`) or any question (`question`), on a schedule
 * (cron in a time zone) and a channel. Deliveries run with the subscriber's own access. `state` keeps
 * what the next run compares with (e.g. the customers flagged last time).
 */
export const monitorSubscriptions = pgTable(
  'monitor_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    modelId: text('model_id').notNull(),
    monitorId: text('monitor_id'),
    question: text('question'),
    channel: text('channel').$type<SubscriptionChannel>().notNull(),
    /** E-mail address or group-robot key when not the subscriber's own (null: from the account). */
    target: text('target'),
    cron: text('cron').notNull(),
    timezone: text('timezone').notNull(),
    language: text('language').$type<'zh' | 'en'>().notNull(),
    active: boolean('active').notNull().default(true),
    state: jsonb('state').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('monitor_subscriptions_user_idx').on(t.userId),
    check('monitor_subscriptions_subject_check', sql`(${t.monitorId} is null) <> (${t.question} is null)`),
  ],
);

/** Lifecycle of one firing. */
export const MONITOR_RUN_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
/** One of {@link MONITOR_RUN_STATUSES}. */
export type MonitorRunStatus = (typeof MONITOR_RUN_STATUSES)[number];

/**
 * One firing of a subscription at a scheduled time: the unique (subscription, scheduled_at) row is the
 * claim, so two processes never fire the same schedule twice; a lease lets another process finish a
 * firing whose process died; `checkpoint` records the delivery once done.
 */
export const monitorRuns = pgTable(
  'monitor_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => monitorSubscriptions.id, { onDelete: 'cascade' }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    status: text('status').$type<MonitorRunStatus>().notNull().default('pending'),
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
    uniqueIndex('monitor_runs_claim_key').on(t.subscriptionId, t.scheduledAt),
    index('monitor_runs_status_idx').on(t.status, t.runAfter),
    check('monitor_runs_status_check', sql`${t.status} in ('pending', 'running', 'done', 'failed')`),
  ],
);

/** An insight in a user's web inbox: the value, the change and its attribution, in the subscription's language. */
export const insights = pgTable(
  'insights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    runId: integer('run_id'),
    subscriptionId: uuid('subscription_id'),
    modelId: text('model_id').notNull(),
    monitorId: text('monitor_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The question that opens the insight in the chat. */
    question: text('question'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('insights_user_idx').on(t.userId, t.createdAt), uniqueIndex('insights_run_key').on(t.runId)],
);

/** Every delivery attempt of a firing (ok or not): the delivery log admins read. */
export const monitorDeliveries = pgTable(
  'monitor_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    runId: integer('run_id').notNull(),
    subscriptionId: uuid('subscription_id').notNull(),
    userId: uuid('user_id').notNull(),
    channel: text('channel').$type<SubscriptionChannel>().notNull(),
    attempt: integer('attempt').notNull(),
    ok: boolean('ok').notNull(),
    /** Whether the condition held (an alert) or the insight was a scheduled digest. */
    fired: boolean('fired'),
    error: text('error'),
  },
  (t) => [index('monitor_deliveries_ts_idx').on(t.ts)],
);
