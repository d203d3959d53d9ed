/** Campaigns: the outbox, opt-outs and tasks. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
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

/** Where a campaign stands: drafts wait for approval when larger than the admin's threshold. */
export const CAMPAIGN_STATUSES = ['pending_approval', 'approved', 'sending', 'sent', 'rejected'] as const;
/** One of {@link CAMPAIGN_STATUSES}. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Channels a campaign message can go out on (canonical `communications.channel`). */
export const MESSAGE_CHANNELS = ['sms', 'email', 'wecom', 'call_task'] as const;
/** One of {@link MESSAGE_CHANNELS}. */
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * Retention campaigns: the governed target (re-evaluated at send time under the creator's row-level
 * security), the playbook action, channel and template, the holdout share and the measurement window.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    model: text('model').notNull(),
    actionId: text('action_id').notNull(),
    channel: text('channel').$type<MessageChannel>().notNull(),
    /** The governed target: `{ actionId, filters }` over the playbook's population (see campaigns/). */
    target: jsonb('target').$type<Record<string, unknown>>().notNull(),
    /** `{ zh: {subject, body}, en: {subject, body} }` with `{name}`, `{last_category}`, `{offer}` slots. */
    template: jsonb('template').$type<Record<string, unknown>>().notNull(),
    language: text('language').notNull(),
    controlShare: integer('control_share_pct').notNull(),
    windowDays: integer('window_days').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    status: text('status').$type<CampaignStatus>().notNull(),
    /** Targets counted when created (the send re-evaluates them). */
    estimatedTargets: integer('estimated_targets').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('campaigns_created_idx').on(t.createdAt),
    check(
      'campaigns_status_check',
      sql`${t.status} in ('pending_approval', 'approved', 'sending', 'sent', 'rejected')`,
    ),
  ],
);

/** Outbox statuses: queued → sending → sent | failed; held_out (control), opted_out, capped never send. */
export const OUTBOX_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'held_out',
  'opted_out',
  'capped',
] as const;
/** One of {@link OUTBOX_STATUSES}. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The outbox: one row per customer of a campaign (control included), unique per (campaign, customer), so
 * re-running a send never queues anyone twice. Claimed atomically; `sending` rows whose lease passed are
 * never re-sent blindly (see campaigns/delivery-worker.ts).
 */
export const campaignMessages = pgTable(
  'campaign_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    customerId: text('customer_id').notNull(),
    arm: text('arm').$type<'treatment' | 'control'>().notNull(),
    stratum: text('stratum').notNull(),
    channel: text('channel').$type<MessageChannel>().notNull(),
    address: text('address'),
    owner: text('owner'),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').$type<OutboxStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Simulated or recorded result: returned | saved | none (null until measured). */
    outcome: text('outcome'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('campaign_messages_customer_key').on(t.campaignId, t.customerId),
    index('campaign_messages_status_idx').on(t.status, t.runAfter),
    index('campaign_messages_recent_idx').on(t.customerId, t.sentAt),
  ],
);

/** Customers who asked not to be contacted (all channels when `channel` is 'all'). */
export const optOuts = pgTable(
  'opt_outs',
  {
    customerId: text('customer_id').notNull(),
    channel: text('channel').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.channel] })],
);

/** Task statuses. */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
/** One of {@link TASK_STATUSES}. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Call tasks and follow-ups with an owner (a username), a due date and a status. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    customerId: text('customer_id').notNull(),
    owner: text('owner').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    dueDate: text('due_date').notNull(),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    /** Unique: a playbook step creates one task per customer and campaign. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('tasks_dedupe_key').on(t.dedupeKey),
    index('tasks_owner_idx').on(t.owner, t.status, t.dueDate),
    index('tasks_customer_idx').on(t.customerId),
  ],
);
