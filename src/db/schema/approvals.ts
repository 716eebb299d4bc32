import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Maker-checker (双人复核): a sensitive action one person made, held with its validated input until a
 * second person approves it (then it runs, re-validated against the state of that moment) or rejects it.
 * Which actions need it is the bank setting core.makerChecker.
 *
 * status: AWAITING_APPROVAL → APPROVED | REJECTED. While a checker's approval runs, `claimedBy` /
 * `claimedAt` hold it so a second checker cannot run it twice.
 */
export const approvals = pgTable(
  'approvals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    action: text('action').notNull(),
    /** What the action changes: a node type and id (or a setting key), and the key two submissions conflict on. */
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    targetKey: text('target_key').notNull(),
    /** The branch the target belongs to (a customer's, a manager's); null for bank-wide actions. */
    branchId: integer('branch_id'),
    /** The validated input, as the action will run it. */
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    /** Who made it: the principal the action runs as once approved. */
    maker: jsonb('maker').$type<Record<string, unknown>>().notNull(),
    makerSubject: text('maker_subject').notNull(),
    idempotencyKey: text('idempotency_key'),
    status: text('status').notNull().default('AWAITING_APPROVAL'),
    checkerSubject: text('checker_subject'),
    checkerRole: text('checker_role'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** REJECTED: the checker's reason. */
    reason: text('reason'),
    /** APPROVED: what the action produced ({ type, id }). */
    result: jsonb('result').$type<Record<string, unknown>>(),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // A second pending submission of the same action on the same target is a CONFLICT, decided by the database.
    uniqueIndex('approvals_pending_target_uq')
      .on(t.action, t.targetKey)
      .where(sql`status = 'AWAITING_APPROVAL'`),
    uniqueIndex('approvals_maker_key_uq')
      .on(t.makerSubject, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    index('approvals_status_idx').on(t.status, t.id),
    index('approvals_branch_idx').on(t.branchId, t.status, t.id),
  ],
);
