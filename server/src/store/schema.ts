/**
 * App-state tables (drizzle pg-core). The same schema and the same SQL migrations run on embedded PGlite
 * and on PostgreSQL; tables are created unqualified so a test can isolate itself in its own schema.
 */
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

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Roles, weakest first. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
/** A user's role: viewers ask, analysts also author definitions, admins also review and manage users. */
export type Role = (typeof ROLES)[number];

/** Row-level access attributes, e.g. `{ region: ['华南'] }`: the compiler turns them into filters. */
export type UserAttributes = Record<string, string[]>;

/** Accounts; `attributes` drive row-level security. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    attributes: jsonb('attributes').$type<UserAttributes>().notNull().default({}),
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: createdAt(),
    disabled: boolean('disabled').notNull().default(false),
    /** Matched (case-insensitively) against a Slack user's e-mail to link the accounts. */
    email: text('email'),
    /** The WeCom (企业微信) userid of this person: messages from it run with this account. */
    wecomUserId: text('wecom_userid'),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_wecom_userid_key').on(t.wecomUserId),
    check('users_role_check', sql`${t.role} in ('viewer', 'analyst', 'admin')`),
  ],
);

/** Browser sessions; `id` is the SHA-256 of the cookie's random token, so a leaked table grants nothing. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** API tokens for `Authorization: Bearer`; only the SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

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

/** Lifecycle of a definition version. */
export const MODEL_VERSION_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'superseded'] as const;
/** One state of {@link MODEL_VERSION_STATUSES}. */
export type ModelVersionStatus = (typeof MODEL_VERSION_STATUSES)[number];

/** Versions of a semantic model: `definition` holds every file of the model as `{ path: yamlText }`. */
export const modelVersions = pgTable(
  'model_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    model: text('model').notNull(),
    versionNo: integer('version_no').notNull(),
    contentHash: text('content_hash').notNull(),
    definition: jsonb('definition').$type<Record<string, string>>().notNull(),
    status: text('status').$type<ModelVersionStatus>().notNull().default('draft'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    reviewComment: text('review_comment'),
    basedOnVersion: integer('based_on_version'),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('model_versions_model_version_key').on(t.model, t.versionNo),
    // At most one published version per model, even when two reviews race.
    uniqueIndex('model_versions_one_published_key').on(t.model).where(sql`status = 'published'`),
    check(
      'model_versions_status_check',
      sql`${t.status} in ('draft', 'in_review', 'published', 'rejected', 'superseded')`,
    ),
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

/** Append-only record of security-relevant and governance actions. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ts: timestamp('ts', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ip: text('ip'),
  },
  (t) => [index('audit_log_ts_idx').on(t.ts), index('audit_log_action_idx').on(t.action, t.ts)],
);

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

/** Admin settings of app behaviour (e.g. the campaign size that needs approval). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
