/**
 * App-state tables (drizzle pg-core). The same schema and the same SQL migrations run on embedded PGlite
 * and on PostgreSQL; tables are created unqualified so a test can isolate itself in its own schema.
 * One file per area under `schema/`; this entry re-exports them all (drizzle-kit reads it).
 */
export * from './schema/accounts.ts';
export * from './schema/boards.ts';
export * from './schema/campaigns.ts';
export * from './schema/channels.ts';
export * from './schema/conversations.ts';
export * from './schema/governance.ts';
export * from './schema/monitors.ts';
export * from './schema/settings.ts';
