import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Which plugin owns which product line, recorded so boots can detect removed plugins. */
export const installedPlugins = pgTable('installed_plugins', {
  code: text('code').primaryKey(),
  version: text('version').notNull(),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
});
