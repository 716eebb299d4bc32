import { bigserial, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from './customers.js';
import { branches } from './organisation.js';

/**
 * A customer identified at a branch counter (网点客户识别): who, where, by whom, when, and the manager assigned
 * then — whose work queue shows the visit (CUSTOMER_AT_BRANCH) for core.counter.visitNoticeHours.
 */
export const branchVisits = pgTable(
  'branch_visits',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
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
  (t) => [
    primaryKey({ name: 'branch_visits_pkey', columns: [t.customerId, t.id] }),
    index('branch_visits_customer_idx').on(t.customerId, t.identifiedAt),
    index('branch_visits_manager_idx').on(t.managerId, t.identifiedAt),
  ],
);

/**
 * Card numbers the bank issued, for identifying a customer by the card presented at the counter: never the
 * number itself, only its keyed hash (HMAC-SHA256 under CARD_NUMBER_HASH_KEY: a card number's few unknown
 * digits could be tried exhaustively against a plain hash) and its last four digits, as printed on receipts.
 * Recorded by the line that issues cards (SDK `recordCardNumber`); a card cancelled in its cooling-off period
 * identifies nobody. A number's one owner bank-wide is kept in `card_number_owners`.
 */
export const customerCards = pgTable(
  'customer_cards',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
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
    primaryKey({ name: 'customer_cards_pkey', columns: [t.customerId, t.id] }),
    index('customer_cards_customer_idx').on(t.customerId),
    index('customer_cards_order_idx').on(t.orderId),
  ],
);

/**
 * Who each card number the bank issued belongs to: the one place a number is unique across customers (a
 * unique key on `customer_cards` would span customers). Keyed by the number's keyed hash, not by customer: a
 * distributed cluster distributes it by `pan_hash`, so the counter's look-up by card reads one shard for the
 * owner, then the owner's. For that reason `customer_id` is not a foreign key (a cluster cannot hold one between
 * tables distributed by different columns); the row is written with the owner's card, in one transaction.
 * A number is never reissued, so a cancelled card keeps its row.
 */
export const cardNumberOwners = pgTable('card_number_owners', {
  panHash: text('pan_hash').primaryKey(),
  customerId: integer('customer_id').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});
