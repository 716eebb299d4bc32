import { index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex, primaryKey, foreignKey } from 'drizzle-orm/pg-core';
import { createdAt, money } from './columns.js';
import { products } from './catalog.js';
import { customers } from './customers.js';

/**
 * A named combination of products (产品组合/套餐) with the segment it targets — one row per version:
 * `updateBundle` writes a new version (the old one SUPERSEDED), so orders keep the version they bought.
 */
export const bundles = pgTable(
  'bundles',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    /** 1, 2, …: one code, many versions; the latest is ACTIVE (or RETIRED). */
    version: integer('version').notNull().default(1),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionZh: text('description_zh').notNull(),
    descriptionEn: text('description_en').notNull(),
    kind: text('kind').notNull(), // ACCOUNT_OPENING | INVESTMENT_ACCOUNT | TRANSACTION | RISK_PORTFOLIO | LIFE_STAGE | INCOME
    targetRiskAttitudes: text('target_risk_attitudes').array().notNull().default([]),
    targetLifeStages: text('target_life_stages').array().notNull().default([]),
    targetIncomeBands: text('target_income_bands').array().notNull().default([]),
    minimumTier: text('minimum_tier'),
    /** Pricing is data: waived fees, discounts, in zh/en. */
    pricing: jsonb('pricing').$type<Record<string, unknown>>().notNull().default({}),
    /** ACTIVE | SUPERSEDED (a newer version exists) | RETIRED (withdrawn). */
    status: text('status').notNull().default('ACTIVE'),
    /** Offered from / until (null: open-ended). */
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validTo: timestamp('valid_to', { withTimezone: true }),
    /** When a newer version or a retirement replaced it. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Who designed this version (null: seeded). */
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bundles_code_version_uq').on(t.code, t.version)],
);

export const bundleItems = pgTable(
  'bundle_items',
  {
    id: serial('id').primaryKey(),
    bundleId: integer('bundle_id')
      .notNull()
      .references(() => bundles.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    position: integer('position').notNull(),
    suggestedAmount: money('suggested_amount'),
    /** Units of the product the bundle includes (e.g. 1 card), when it counts units. */
    quantity: numeric('quantity', { precision: 20, scale: 6 }),
    /** Share of the bundle's investment this item takes (0–1), when the bundle is an allocation. */
    share: numeric('share', { precision: 5, scale: 4 }),
    roleZh: text('role_zh').notNull().default(''),
    roleEn: text('role_en').notNull().default(''),
  },
  (t) => [index('bundle_items_bundle_idx').on(t.bundleId, t.position)],
);

/**
 * What a bundle includes that is not a product line finmart sells (online banking, a minimum deposit
 * to keep, a personal credit line to be approved): a service entitlement or a condition, by code
 * (setting core.bundleServices), never a stand-in product.
 */
export const bundleServices = pgTable(
  'bundle_services',
  {
    id: serial('id').primaryKey(),
    bundleId: integer('bundle_id')
      .notNull()
      .references(() => bundles.id),
    code: text('code').notNull(),
    /** A condition's amount (the minimum deposit), CNY. */
    amount: money('amount'),
    position: integer('position').notNull(),
  },
  (t) => [index('bundle_services_bundle_idx').on(t.bundleId, t.position)],
);

/** A bundle bought: the version, the customer, its orders (one per product item) and the services granted. */
export const bundleOrders = pgTable(
  'bundle_orders',
  {
    id: serial('id').notNull(),
    bundleId: integer('bundle_id')
      .notNull()
      .references(() => bundles.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    orderIds: integer('order_ids').array().notNull(),
    services: text('services').array().notNull(),
    placedBy: text('placed_by').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'bundle_orders_pkey', columns: [t.customerId, t.id] }),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('bundle_orders_id_idx').on(t.id),
  ],
);

/** Services a customer is entitled to through a bundle (online banking, SMS alerts…). */
export const customerEntitlements = pgTable(
  'customer_entitlements',
  {
    id: serial('id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    code: text('code').notNull(),
    bundleOrderId: integer('bundle_order_id').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'customer_entitlements_pkey', columns: [t.customerId, t.id] }),
    // The customer's own bundle order: the key carries customer_id, so the check stays on one shard.
    foreignKey({
      name: 'customer_entitlements_bundle_order_fk',
      columns: [t.customerId, t.bundleOrderId],
      foreignColumns: [bundleOrders.customerId, bundleOrders.id],
    }),
    uniqueIndex('customer_entitlements_uq').on(t.customerId, t.code, t.bundleOrderId),
  ],
);
