import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from './customers.js';
import { branches } from './organisation.js';

/**
 * A customer identified at a branch counter (网点客户识别): who, where, by whom, when, and the manager assigned
 * then — whose work queue shows the visit (CUSTOMER_AT_BRANCH) for core.counter.visitNoticeHours.
 */
export const branchVisits = pgTable(
  'branch_visits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: integer('customer_id').notNull().references(() => customers.id),
    branchId: integer('branch_id').notNull().references(() => branches.id),
    managerId: integer('manager_id'),
    identifiedBy: text('identified_by').notNull(),
    identifiedAt: timestamp('identified_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('branch_visits_customer_idx').on(t.customerId, t.identifiedAt), index('branch_visits_manager_idx').on(t.managerId, t.identifiedAt)],
);
