import { bigserial, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { customers } from './customers.js';
import { branches, managers } from './organisation.js';

/**
 * A customer's satisfaction with one contact, complaint or order (客户满意度追踪调查): a CSAT score
 * (1–5) and, when asked, how likely they are to recommend the bank (0–10, for NPS). The manager and
 * branch are those responsible for the subject when it happened, so a later reassignment does not
 * move old scores between books. One response per subject.
 */
export const satisfactionResponses = pgTable(
  'satisfaction_responses',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** CONTACT | COMPLAINT | ORDER */
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    score: smallint('score').notNull(),
    recommend: smallint('recommend'),
    comment: text('comment'),
    managerId: integer('manager_id').references(() => managers.id),
    branchId: integer('branch_id').references(() => branches.id),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'satisfaction_responses_pkey', columns: [t.customerId, t.id] }),
    uniqueIndex('satisfaction_subject_uq').on(t.customerId, t.subjectType, t.subjectId),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('satisfaction_responses_id_idx').on(t.id),
    index('satisfaction_branch_idx').on(t.branchId, t.recordedAt),
    index('satisfaction_manager_idx').on(t.managerId, t.recordedAt),
  ],
);
