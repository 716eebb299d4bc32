import { integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Money as `numeric`, read and written as decimal strings (same scale as the core). */
const money = (name: string) => numeric(name, { precision: 20, scale: 4 });

/**
 * A card product's own facts, one row per core product (same id). Debit rows
 * carry an account class, credit rows a credit card type and a limit range.
 */
export const cardsDetails = pgTable('cards_details', {
  productId: integer('product_id').primaryKey(),
  cardKind: text('card_kind').notNull(), // DEBIT | CREDIT
  accountClass: text('account_class'), // CLASS_I | CLASS_II | CLASS_III (debit only)
  creditCardType: text('credit_card_type'), // STANDARD | CO_BRANDED | STUDENT | PLATINUM (credit only)
  network: text('network').notNull(), // UnionPay, Visa, Mastercard…
  annualFee: money('annual_fee').notNull().default('0'),
  annualFeeWaiverZh: text('annual_fee_waiver_zh'),
  annualFeeWaiverEn: text('annual_fee_waiver_en'),
  creditLimitMin: money('credit_limit_min'),
  creditLimitMax: money('credit_limit_max'),
  coBrandPartner: text('co_brand_partner'),
});

/**
 * Student credit cards the customer holds at other banks, as the credit bureau
 * reported them: one row per customer and bank, the latest report wins. This
 * bank's own cards are holdings, never rows here.
 */
export const cardsExternalStudentCards = pgTable(
  'cards_external_student_cards',
  {
    customerId: integer('customer_id').notNull(),
    bankName: text('bank_name').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  // The key leads with customer_id, so it also serves the per-customer look-up.
  (t) => [primaryKey({ columns: [t.customerId, t.bankName] })],
);

/** The plugin's tables, as the manifest declares them. */
export const cardsTables = { cardsDetails, cardsExternalStudentCards };
