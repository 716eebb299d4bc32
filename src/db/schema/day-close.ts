import { date, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { money } from './columns.js';

/**
 * The end-of-day close (日终) of every customer: whose book they were in, their
 * tier, assets, product lines held and contact cadence at the close of `day`
 * (Beijing calendar). KPIs compare two closes — the one before a period and the
 * one at its end — as a bank's management reporting does (T+1 figures): live
 * rows change all day, a close never does. Written by `npm run close-day`
 * (day-close.ts), re-runnable for the same day.
 *
 * No foreign keys: a close is history (it must survive a customer's merge or a
 * manager leaving) and is written in one set-based statement per day. Partitioned
 * by calendar month of `day` (migration 0020; drizzle declares the parent's
 * columns, key and indexes): one row per customer per day grows fastest of all.
 */
export const customerDayCloses = pgTable(
  'customer_day_closes',
  {
    day: date('day', { mode: 'string' }).notNull(),
    customerId: integer('customer_id').notNull(),
    managerId: integer('manager_id'),
    /** The customer's branch (as the customer scope places them). */
    branchId: integer('branch_id').notNull(),
    tier: text('tier').notNull(),
    assetsCny: money('assets_cny').notNull(),
    /** Distinct product lines with an open (ACTIVE or PENDING) position. */
    linesHeld: smallint('lines_held').notNull(),
    /** The contact plan's cadence at the close (core.contactCadenceDays by tier × activity). */
    cadenceDays: integer('cadence_days').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.customerId] }),
    // KPIs read one day's book of some managers or some branches.
    index('customer_day_closes_manager_idx').on(t.day, t.managerId),
    index('customer_day_closes_branch_idx').on(t.day, t.branchId),
  ],
);
