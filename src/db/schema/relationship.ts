import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { customers } from './customers.js';
import { managers } from './organisation.js';

/** A logged contact with a customer (phone, visit, SMS…). */
export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id').notNull().references(() => customers.id),
    managerId: integer('manager_id').references(() => managers.id),
    channel: text('channel').notNull(), // PHONE | VISIT | SMS | WECHAT | EMAIL
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    outcome: text('outcome').notNull(), // REACHED | NO_ANSWER | FOLLOW_UP | DECLINED
    nextContactAt: timestamp('next_contact_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('contacts_customer_idx').on(t.customerId, t.id)],
);

/**
 * A complaint. Its lifecycle only moves forward:
 * RECORDED → ACCEPTED → ANALYSED → HANDLED → FEEDBACK_GIVEN, each step time-stamped.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id').notNull().references(() => customers.id),
    managerId: integer('manager_id').references(() => managers.id),
    category: text('category').notNull(), // MIS_SELLING | SERVICE | FEES | SYSTEM | OTHER
    description: text('description').notNull(),
    status: text('status').notNull().default('RECORDED'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    analysedAt: timestamp('analysed_at', { withTimezone: true }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    analysis: text('analysis'),
    resolution: text('resolution'),
    feedback: text('feedback'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('complaints_customer_idx').on(t.customerId, t.id)],
);
