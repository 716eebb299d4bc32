import { bigserial, index, pgTable, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';

/**
 * Who took part in a case (a loan application, or any case a plugin opens) and
 * in which role: the host's record for separation of duties (分工、协作、监督、制约).
 * Written by the host when a plugin reports a step (SDK `recordParticipation`)
 * and read when someone decides (`assertIndependentDecision`): whoever
 * marketed or investigated a case never decides it, whatever plugin owns it.
 * Append-only, like the audit trail.
 */
export const caseParticipants = pgTable(
  'case_participants',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    caseType: text('case_type').notNull(),
    caseId: text('case_id').notNull(),
    subject: text('subject').notNull(),
    /** MARKETED | INVESTIGATED | DECIDED */
    role: text('role').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Distributed by case (docs/scale.md): the four-eyes check reads one case's participants.
    primaryKey({ name: 'case_participants_pkey', columns: [t.caseId, t.id] }),
    index('case_participants_case_idx').on(t.caseType, t.caseId),
  ],
);
