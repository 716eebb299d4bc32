import { numeric, timestamp } from 'drizzle-orm/pg-core';

/** Money and quantities are `numeric`, read and written as decimal strings — never floats. */
export const money = (name: string) => numeric(name, { precision: 20, scale: 4 });
/** Units, grams, shares: more scale than money. */
export const quantity = (name: string) => numeric(name, { precision: 24, scale: 6 });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
