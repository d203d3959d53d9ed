/** Accounts, sessions and API tokens. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

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
