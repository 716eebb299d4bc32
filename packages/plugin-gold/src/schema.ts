import { index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Gold line facts of a product, one row per core product (same id). Gram
 * quantities keep 4 decimals: banks book account gold to 0.0001 g.
 */
export const goldDetails = pgTable('gold_details', {
  productId: integer('product_id').primaryKey(),
  /** PHYSICAL_BAR | ACCOUNT_GOLD | GOLD_SAVINGS_PLAN */
  goldType: text('gold_type').notNull(),
  /** Fineness as quoted by the issuer, e.g. Au99.99. */
  purity: text('purity').notNull(),
  /** Weight of one bar; null for account gold and savings plans. */
  barWeightGrams: numeric('bar_weight_grams', { precision: 12, scale: 4 }),
  /** Product terms; the bank-wide setting `gold.accountGoldMinimum` may be stricter. */
  minimumGrams: numeric('minimum_grams', { precision: 12, scale: 4 }).notNull(),
  gramStep: numeric('gram_step', { precision: 12, scale: 4 }).notNull(),
});

/** Gram price history per product, in CNY per gram. The newest row mirrors `products.unit_price`. */
export const goldPrices = pgTable(
  'gold_prices',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    pricePerGram: numeric('price_per_gram', { precision: 20, scale: 4 }).notNull(),
  },
  (t) => [
    // Keyset pages of one product's history walk (product_id, id).
    index('gold_prices_product_id_idx').on(t.productId, t.id),
    uniqueIndex('gold_prices_product_at_uq').on(t.productId, t.at),
  ],
);
