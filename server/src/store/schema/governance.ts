/** Model versions (draft → review → publish) and the audit log. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
    /** The author's reason for the change, given on submitting it for review. */
    submitNote: text('submit_note'),
    /** The reviewer's reason for the decision (or the fixed rollback note). */
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
