import { index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Rates are CNY per 100 units of the currency, as Chinese bank boards quote them. */
const rate = (name: string) => numeric(name, { precision: 16, scale: 4 });
/** USD amounts counted against the annual quota. */
const usd = (name: string) => numeric(name, { precision: 20, scale: 2 });

/** Forex line facts of a product, one row per core product (same id). */
export const forexDetails = pgTable('forex_details', {
  productId: integer('product_id').primaryKey(),
  /** SPOT_EXCHANGE | CASH_EXCHANGE | FX_DEPOSIT | STRUCTURED_DEPOSIT | FX_MARGIN */
  kind: text('kind').notNull(),
  /** ISO 4217 code of the foreign currency (also the core product's currency). */
  currency: text('currency').notNull(),
  /** Deposits and structured deposits: term in months. */
  termMonths: integer('term_months'),
  /** Deposits: interest rate; structured deposits: the highest expected rate (% a year). */
  annualRatePct: numeric('annual_rate_pct', { precision: 8, scale: 4 }),
  /** Dual-currency deposits: the currency principal may be repaid in. */
  linkedCurrency: text('linked_currency'),
});

/** Board rates per currency over time (buy = bank buys FX from the customer, sell = bank sells FX). */
export const forexRates = pgTable(
  'forex_rates',
  {
    id: serial('id').primaryKey(),
    currency: text('currency').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    buyRate: rate('buy_rate').notNull(),
    sellRate: rate('sell_rate').notNull(),
    middleRate: rate('middle_rate').notNull(),
  },
  (t) => [
    uniqueIndex('forex_rates_currency_at_uq').on(t.currency, t.at),
    // Keyset pages of one currency's history walk (currency, id).
    index('forex_rates_currency_id_idx').on(t.currency, t.id),
  ],
);

/** FX bought (购汇) and sold (结汇) per customer and calendar year (Asia/Shanghai), in USD. */
export const forexAnnualUsage = pgTable(
  'forex_annual_usage',
  {
    customerId: integer('customer_id').notNull(),
    year: integer('year').notNull(),
    purchasedUsd: usd('purchased_usd').notNull().default('0'),
    soldUsd: usd('sold_usd').notNull().default('0'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.year] })],
);

/**
 * What each accepted order added to `forex_annual_usage`, so that cancelling it
 * subtracts exactly that amount (rates move in between) and a replayed hook
 * never counts an order twice. History that grows without bound: partitioned by
 * month of the order's `placed_at` (migration 0001), which is in the key — a
 * replay carries the same order time, so the key still refuses the second row.
 */
export const forexUsageEntries = pgTable(
  'forex_usage_entries',
  {
    orderId: integer('order_id').notNull(),
    customerId: integer('customer_id').notNull(),
    year: integer('year').notNull(),
    /** BUY_FX | SELL_FX */
    direction: text('direction').notNull(),
    usdAmount: usd('usd_amount').notNull(),
    /** The order's placing time: the partition key. */
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'forex_usage_entries_pkey', columns: [t.customerId, t.orderId, t.placedAt] })],
);
