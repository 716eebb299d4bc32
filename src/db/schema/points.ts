import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { approvals } from './approvals.js';
import { customers } from './customers.js';

/**
 * The customer points ledger (客户积分): one signed line per movement, append-only like the audit
 * trail (a trigger refuses UPDATE and DELETE). A balance is the sum of its lines; points earned or
 * granted carry the day they lapse, and expiry books a negative line (first in, first out).
 *
 * kind: EARNED (an order, in its transaction) · REVERSED (that order cancelled in its cooling-off
 * period) · ADJUSTED (head office, with a reason) · REDEEMED (a catalogue item, idempotent) ·
 * EXPIRED (the expiry job, or the next movement after the day).
 */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind').notNull(),
    /** Signed: positive for EARNED and granted adjustments, negative for the rest. */
    points: integer('points').notNull(),
    /** When the points of a positive line lapse. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** The customer's order that earned or reversed the points (checked by a trigger: orders are partitioned history). */
    orderId: integer('order_id'),
    line: text('line'),
    /** REDEEMED: the catalogue item (core.points.redemptions). */
    item: text('item'),
    /** ADJUSTED: head office's written reason. */
    reason: text('reason'),
    actor: text('actor').notNull(),
    idempotencyKey: text('idempotency_key'),
    /** ADJUSTED under maker-checker: the approval that ran it (a second run of the same approval books nothing). */
    approvalId: bigint('approval_id', { mode: 'number' }).references(() => approvals.id),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'points_ledger_pkey', columns: [t.customerId, t.id] }),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('points_ledger_id_idx').on(t.id),
    // One earning and one reversal per order, whatever retries happen.
    uniqueIndex('points_ledger_order_uq')
      .on(t.customerId, t.orderId, t.kind)
      .where(sql`order_id is not null`),
    // A redemption's idempotency key, per customer and caller.
    uniqueIndex('points_ledger_key_uq')
      .on(t.customerId, t.actor, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    // One booking per approval: a checker's approve that ran the adjustment and died before marking the approval
    // APPROVED leaves it to be approved again; that second run finds this line instead of booking another.
    uniqueIndex('points_ledger_approval_uq')
      .on(t.customerId, t.approvalId)
      .where(sql`approval_id is not null`),
  ],
);
