import { bigint, index, integer, pgTable, serial, smallint, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { customers } from './customers.js';
import { branches, managers } from './organisation.js';

/** A logged contact with a customer (phone, visit, SMS…). History: partitioned by month of `occurred_at` (migration 0019). */
export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    managerId: integer('manager_id').references(() => managers.id),
    channel: text('channel').notNull(), // PHONE | VISIT | SMS | WECHAT | EMAIL
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    outcome: text('outcome').notNull(), // REACHED | NO_ANSWER | FOLLOW_UP | DECLINED
    nextContactAt: timestamp('next_contact_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'contacts_pkey', columns: [t.customerId, t.id, t.occurredAt] }),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('contacts_id_idx').on(t.id),
    // Activity counts reached contacts in a window and contact plans read the last reach: by customer and time.
    index('contacts_customer_occurred_idx').on(t.customerId, t.occurredAt),
  ],
);

/**
 * A complaint. Its lifecycle only moves forward:
 * RECORDED → ACCEPTED → ANALYSED → HANDLED → FEEDBACK_GIVEN, each step time-stamped.
 * As management data it also keeps, as of filing, the responsible manager and
 * branch (the customer's then: later reassignments do not move old complaints
 * between books), the severity and the response deadline the bank's target
 * gave it; escalation only goes up.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: serial('id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    managerId: integer('manager_id').references(() => managers.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    category: text('category').notNull(), // MIS_SELLING | SERVICE | FEES | SYSTEM | OTHER
    severity: text('severity').notNull().default('MEDIUM'), // LOW | MEDIUM | HIGH | CRITICAL
    /** recordedAt + the severity's response target in force at filing. */
    respondBy: timestamp('respond_by', { withTimezone: true }).notNull(),
    /**
     * The order complained about (required for MIS_SELLING) and the decision recorded when it was accepted: the
     * customer's own (a trigger checks both exist for this customer — partitioned history that can be archived
     * cannot be the target of a foreign key).
     */
    orderId: integer('order_id'),
    decisionId: bigint('decision_id', { mode: 'number' }),
    escalationLevel: smallint('escalation_level').notNull().default(0), // 0 none, 1 branch, 2 head office
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalationReason: text('escalation_reason'),
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
    /** Why the customer's satisfaction could not be recorded, when the complaint closed without it. */
    feedbackWaivedReason: text('feedback_waived_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'complaints_pkey', columns: [t.customerId, t.id] }),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('complaints_id_idx').on(t.id),
    // complaintStats reads one period, scoped by branch or manager.
    index('complaints_recorded_idx').on(t.recordedAt),
    index('complaints_branch_recorded_idx').on(t.branchId, t.recordedAt),
    index('complaints_manager_recorded_idx').on(t.managerId, t.recordedAt),
  ],
);
