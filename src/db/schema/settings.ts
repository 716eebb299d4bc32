import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Bank settings that override the defaults declared in code (thresholds banks change). */
export const bankSettings = pgTable('bank_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull().default('system'),
});
