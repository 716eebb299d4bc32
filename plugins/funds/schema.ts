import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, numeric, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ASSET_CLASSES, FUND_TYPES, ISSUER_TYPES } from './domain.js';

const oneOf = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The funds line's facts about each of its products, keyed by the core
 * `products.id` (no foreign key: a plugin's migrations must not depend on the
 * host's). One row per funds product, written by the seed or product admin.
 */
export const fundsDetails = pgTable(
  'funds_details',
  {
    productId: integer('product_id').primaryKey(),
    fundType: text('fund_type').notNull(),
    fundHouse: text('fund_house').notNull(),
    managerName: text('manager_name').notNull(),
    isPrivate: boolean('is_private').notNull().default(false),
    assetClass: text('asset_class').notNull(),
    /** A bank wealth product (理财) rather than a fund; core regime WEALTH. */
    isBankWealth: boolean('is_bank_wealth').notNull().default(false),
    issuerType: text('issuer_type').notNull(),
    sipSupported: boolean('sip_supported').notNull().default(false),
    sipMinimum: numeric('sip_minimum', { precision: 20, scale: 4 }),
    /** Annual management fee as a fraction: 0.012 = 1.2 %. */
    managementFeeRate: numeric('management_fee_rate', { precision: 8, scale: 6 }).notNull(),
    /** Null while a new fund is still raising money (募集期). */
    establishedOn: date('established_on', { mode: 'string' }),
  },
  (t) => [
    check('funds_details_fund_type_ck', sql`${t.fundType} in (${oneOf(FUND_TYPES)})`),
    check('funds_details_asset_class_ck', sql`${t.assetClass} in (${oneOf(ASSET_CLASSES)})`),
    check('funds_details_issuer_type_ck', sql`${t.issuerType} in (${oneOf(ISSUER_TYPES)})`),
    check('funds_details_sip_minimum_ck', sql`${t.sipMinimum} is null or ${t.sipMinimum} >= 0`),
  ],
);

/**
 * Daily net asset values (净值). Newest-first reads by product use the unique
 * (product_id, nav_date) index, which is also the lookup index.
 */
export const fundsNavHistory = pgTable(
  'funds_nav_history',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id').notNull(),
    navDate: date('nav_date', { mode: 'string' }).notNull(),
    nav: numeric('nav', { precision: 18, scale: 4 }).notNull(),
    /** 累计净值: NAV plus every distribution paid since inception. */
    accumulatedNav: numeric('accumulated_nav', { precision: 18, scale: 4 }).notNull(),
  },
  (t) => [
    uniqueIndex('funds_nav_history_product_date_uq').on(t.productId, t.navDate),
    check('funds_nav_history_positive_ck', sql`${t.nav} > 0 and ${t.accumulatedNav} > 0`),
  ],
);
