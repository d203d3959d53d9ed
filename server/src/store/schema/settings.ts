/** Settings an admin changes at run time. */
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Admin settings of app behaviour (e.g. the campaign size that needs approval). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
