import { boolean, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, money, quantity, updatedAt } from './columns.js';
import { customers } from './customers.js';

/**
 * The core of every product, whatever its line. Line-specific facts live in the
 * owning plugin's own tables, keyed by `products.id`. `unit_price` is the latest
 * price the line published (NAV, gram price, rate…) so that valuing a page of
 * holdings needs no per-line query; each line keeps its own price history.
 */
export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    line: text('line').notNull(),
    issuer: text('issuer').notNull(),
    partnerCode: text('partner_code'),
    riskRating: text('risk_rating').notNull(), // R1..R5
    currency: text('currency').notNull().default('CNY'),
    minimumAmount: money('minimum_amount').notNull().default('0'),
    amountStep: money('amount_step').notNull().default('0'),
    status: text('status').notNull().default('ON_SALE'), // DRAFT | ON_SALE | SUSPENDED | CLOSED
    saleStart: timestamp('sale_start', { withTimezone: true }),
    saleEnd: timestamp('sale_end', { withTimezone: true }),
    liquidity: text('liquidity').notNull(), // HIGH | MEDIUM | LOW
    function: text('function').notNull(), // PRESERVATION | TAX_ADVANTAGED | INVESTMENT
    businessType: text('business_type').notNull().default('INTERMEDIARY'), // DEPOSIT | LOAN | INTERMEDIARY
    /** Which suitability regime applies: WEALTH (理财: never above level), SECURITIES (适当性办法), OTHER. */
    regime: text('regime').notNull().default('OTHER'),
    requiresRiskAssessment: boolean('requires_risk_assessment').notNull().default(true),
    coolingOffHours: integer('cooling_off_hours').notNull().default(0),
    unitPrice: quantity('unit_price'),
    unitPriceAt: timestamp('unit_price_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('products_line_idx').on(t.line, t.id),
    index('products_partner_idx').on(t.partnerCode, t.id),
    index('products_risk_idx').on(t.riskRating, t.id),
  ],
);

/** What a customer holds. `status` PENDING while a cooling-off period runs. */
export const holdings = pgTable(
  'holdings',
  {
    id: serial('id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    quantity: quantity('quantity').notNull(),
    costAmount: money('cost_amount').notNull(),
    costCurrency: text('cost_currency').notNull(),
    status: text('status').notNull().default('ACTIVE'), // ACTIVE | PENDING | CLOSED
    /** Line-specific facts of the position (card account class, policy premium mode…). */
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /**
     * The case the position is pledged to (质押), as `type:id` (e.g. `loans.loan:12`); null when free.
     * A pledged position cannot be redeemed: the order path refuses it (HOLDING_PLEDGED) under the same row lock.
     */
    pledgedTo: text('pledged_to'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'holdings_pkey', columns: [t.customerId, t.id] }),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('holdings_id_idx').on(t.id),
    index('holdings_product_idx').on(t.productId),
  ],
);

/** Reference rates to CNY, used to value holdings and to convert quotas. */
export const exchangeRates = pgTable('exchange_rates', {
  currency: text('currency').primaryKey(),
  rateToCny: numeric('rate_to_cny', { precision: 20, scale: 8 }).notNull(),
  asOf: timestamp('as_of', { withTimezone: true }).notNull(),
});
