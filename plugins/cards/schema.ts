import { integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';

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
  /** The issuer identification number (卡 BIN) the product's card numbers start with. */
  bin: text('bin'),
  annualFee: money('annual_fee').notNull().default('0'),
  annualFeeWaiverZh: text('annual_fee_waiver_zh'),
  annualFeeWaiverEn: text('annual_fee_waiver_en'),
  creditLimitMin: money('credit_limit_min'),
  creditLimitMax: money('credit_limit_max'),
  coBrandPartner: text('co_brand_partner'),
});

/** The plugin's tables, as the manifest declares them. */
export const cardsTables = { cardsDetails };
