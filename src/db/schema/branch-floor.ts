import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    managerId: integer('manager_id'),
    identifiedBy: text('identified_by').notNull(),
    identifiedAt: timestamp('identified_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('branch_visits_customer_idx').on(t.customerId, t.identifiedAt), index('branch_visits_manager_idx').on(t.managerId, t.identifiedAt)],
);

/**
 * Card numbers the bank issued, for identifying a customer by the card presented at the counter: never the
 * number itself, only its keyed hash (HMAC-SHA256 under CARD_NUMBER_HASH_KEY: a card number's few unknown
 * digits could be tried exhaustively against a plain hash) and its last four digits, as printed on receipts.
 * Recorded by the line that issues cards (SDK `recordCardNumber`); a card cancelled in its cooling-off period
 * identifies nobody.
 */
export const customerCards = pgTable(
  'customer_cards',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    panHash: text('pan_hash').notNull(),
    last4: text('last4').notNull(),
    /** The order that issued it (null for cards the bank held before finmart). */
    orderId: integer('order_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('customer_cards_pan_uq').on(t.panHash),
    index('customer_cards_customer_idx').on(t.customerId),
    index('customer_cards_order_idx').on(t.orderId),
  ],
);
