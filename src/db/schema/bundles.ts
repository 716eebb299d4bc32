import { index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt, money } from './columns.js';
import { products } from './catalog.js';

/** A named combination of products (产品组合/套餐) with the segment it targets. */
export const bundles = pgTable('bundles', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
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
  status: text('status').notNull().default('ACTIVE'),
  createdAt: createdAt(),
});

export const bundleItems = pgTable(
  'bundle_items',
  {
    id: serial('id').primaryKey(),
    bundleId: integer('bundle_id').notNull().references(() => bundles.id),
    productId: integer('product_id').notNull().references(() => products.id),
    position: integer('position').notNull(),
    suggestedAmount: money('suggested_amount'),
    roleZh: text('role_zh').notNull().default(''),
    roleEn: text('role_en').notNull().default(''),
  },
  (t) => [index('bundle_items_bundle_idx').on(t.bundleId, t.position)],
);
