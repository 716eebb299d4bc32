import { bigserial, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { money, quantity } from './columns.js';
import { customers } from './customers.js';
import { products } from './catalog.js';

/**
 * A decision record: the compliance evidence of one suitability evaluation that
 * mattered (an order attempt, accepted or refused). Facts and rule versions are
 * stored as evaluated, never recomputed. Append-only (a trigger on every partition). History: partitioned by
 * month of `evaluated_at` (migration 0019), keyed by customer first (docs/scale.md).
 */
export const suitabilityDecisions = pgTable(
  'suitability_decisions',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    line: text('line').notNull(),
    purpose: text('purpose').notNull(), // ORDER | ORDER_REFUSED
    outcome: text('outcome').notNull(),
    reasons: jsonb('reasons').$type<unknown[]>().notNull(),
    reasonCodes: text('reason_codes').array().notNull().default([]),
    ruleIds: text('rule_ids').array().notNull().default([]),
    requiredSteps: text('required_steps').array().notNull().default([]),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    ruleVersions: jsonb('rule_versions').$type<Record<string, string>>().notNull(),
    actor: text('actor').notNull(),
    requestId: text('request_id'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull(),
    /** Who initiated the sale (CUSTOMER | STAFF), and the customer's manager and branch at the decision: compliance checks by branch. */
    initiator: text('initiator'),
    managerId: integer('manager_id'),
    branchId: integer('branch_id'),
    /** The bank settings version the rules read (setting_changes; 0: the defaults and what was stored before versions). */
    settingsVersion: integer('settings_version').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'suitability_decisions_pkey', columns: [t.customerId, t.id, t.evaluatedAt] }),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('suitability_decisions_id_idx').on(t.id),
    index('decisions_branch_idx').on(t.branchId, t.id),
    index('decisions_manager_idx').on(t.managerId, t.id),
    index('decisions_eval_idx').on(t.evaluatedAt),
    index('decisions_outcome_idx').on(t.outcome, t.evaluatedAt),
  ],
);

/**
 * An order. PENDING while its cooling-off period runs, then SETTLED; or CANCELLED. History: partitioned by month
 * of `placed_at` (migration 0019), keyed by customer first; what points at an order is checked by a trigger.
 */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    line: text('line').notNull(),
    side: text('side').notNull().default('BUY'), // BUY | SELL
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    quantity: quantity('quantity').notNull(),
    channel: text('channel').notNull(),
    initiator: text('initiator').notNull(),
    completedSteps: text('completed_steps').array().notNull().default([]),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').notNull(), // PENDING | SETTLED | CANCELLED
    decisionId: integer('decision_id').notNull(),
    holdingId: integer('holding_id'),
    placedBy: text('placed_by').notNull(),
    /**
     * The seller, for sales KPIs: the relationship manager who placed it (null for
     * self-service and other staff), and the branch it was sold at (the manager's,
     * or the placing branch manager's; null for self-service and head office).
     */
    sellerManagerId: integer('seller_manager_id'),
    sellerBranchId: integer('seller_branch_id'),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    coolingOffEndsAt: timestamp('cooling_off_ends_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    primaryKey({ name: 'orders_pkey', columns: [t.customerId, t.id, t.placedAt] }),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('orders_id_idx').on(t.id),
    // Activity counts a customer's orders in a rolling window.
    index('orders_customer_placed_idx').on(t.customerId, t.placedAt),
    index('orders_pending_idx').on(t.status, t.coolingOffEndsAt),
    // Sales KPIs: one period's orders of some managers, or of some branches.
    index('orders_seller_manager_idx').on(t.sellerManagerId, t.placedAt),
    index('orders_seller_branch_idx').on(t.sellerBranchId, t.placedAt),
  ],
);

/** Idempotency keys per caller: the input's hash and the first response. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);
