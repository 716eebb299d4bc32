import { boolean, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Insurance facts of a product, keyed by the core `products.id`. The core row
 * holds what every line has (names, insurer as issuer, risk rating, minimum
 * premium); this row holds what the suitability rules and the quote need.
 */
export const insuranceDetails = pgTable('insurance_details', {
  productId: integer('product_id').primaryKey(),
  /** The insurer's partner code (same as the core row's `partner_code`), e.g. `pingan-life`. */
  insurer: text('insurer').notNull(),
  /** TRADITIONAL | PARTICIPATING | UNIVERSAL | INVESTMENT_LINKED | HEALTH | ACCIDENT | ANNUITY */
  insuranceType: text('insurance_type').notNull(),
  /** Policy benefits fixed in the contract (保单利益确定); false for participating, universal, investment-linked. */
  guaranteed: boolean('guaranteed').notNull(),
  /** Cover term in years; null = whole life (终身). */
  coverTermYears: integer('cover_term_years'),
  /** SINGLE (趸交) and/or REGULAR (期交). */
  premiumModes: text('premium_modes').array().notNull(),
  /** Payment periods offered, in years (1 = single premium). */
  paymentYearsOptions: integer('payment_years_options').array().notNull(),
  insuredAgeMin: integer('insured_age_min').notNull(),
  insuredAgeMax: integer('insured_age_max').notNull(),
  /** 犹豫期 in days from receipt of the policy (0 = none). */
  coolingOffDays: integer('cooling_off_days').notNull(),
  /** Pays on the insured's death (保险法 第三十三条 applies). */
  deathCover: boolean('death_cover').notNull(),
  /** Personal (人身) insurance: life, annuity, health, accident. */
  lifeOrHealth: boolean('life_or_health').notNull(),
  coverOverOneYear: boolean('cover_over_one_year').notNull(),
});

/**
 * Premium rates per 1,000 of sum assured, per year of payment, by the insured's
 * sex, age band (inclusive) and payment period.
 */
export const insuranceRates = pgTable(
  'insurance_rates',
  {
    productId: integer('product_id').notNull(),
    /** MALE | FEMALE */
    sex: text('sex').notNull(),
    ageFrom: integer('age_from').notNull(),
    ageTo: integer('age_to').notNull(),
    paymentYears: integer('payment_years').notNull(),
    ratePer1000: numeric('rate_per_1000', { precision: 12, scale: 4 }).notNull(),
  },
  // Leads with product_id, so it also serves the per-product look-ups.
  (t) => [primaryKey({ columns: [t.productId, t.sex, t.paymentYears, t.ageFrom] })],
);

export type InsuranceDetailsRow = typeof insuranceDetails.$inferSelect;
export type InsuranceRateRow = typeof insuranceRates.$inferSelect;
