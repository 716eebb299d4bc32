import { boolean, date, index, integer, pgTable, serial, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, money, updatedAt } from './columns.js';
import { branches, managers } from './organisation.js';

/**
 * A retail customer. `risk_level`/`risk_assessed_at` mirror the newest row of
 * `risk_assessments` (written in the same transaction) so that filters and
 * suitability need no "latest per customer" sub-query; the history stays in
 * `risk_assessments`. `last_activity_at` likewise mirrors the newest contact or
 * order, and `assets_cny` the last valuation (refreshed by orders and by price
 * and rate changes, revalue.ts), so the book can be filtered by
 * activity and tier with an index.
 */
export const customers = pgTable(
  'customers',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    idType: text('id_type').notNull(), // RESIDENT_ID | PASSPORT | HK_MACAO_PERMIT | FOREIGN_PERMANENT_RESIDENT
    idNumber: text('id_number').notNull(),
    phone: text('phone').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    gender: text('gender').notNull(), // MALE | FEMALE
    residency: text('residency').notNull(), // ONSHORE | FOREIGN
    nationality: text('nationality').notNull(), // ISO 3166-1 alpha-2
    occupation: text('occupation').notNull(),
    employerSector: text('employer_sector').notNull(),
    personalAnnualIncome: money('personal_annual_income').notNull(),
    householdAnnualIncome: money('household_annual_income').notNull(),
    householdFinancialAssets: money('household_financial_assets').notNull(),
    incomeThreeYearAverage: money('income_three_year_average').notNull(),
    /** Stated by staff; rules read it only together with a positive recorded income (facts-loader.ts). */
    hasStableIncome: boolean('has_stable_income').notNull().default(false),
    student: boolean('student').notNull().default(false),
    legalCapacity: text('legal_capacity').notNull().default('FULL'), // FULL | LIMITED | NONE
    /** Set by verifyCustomerIdentity (identity_verifications keeps who, how and when); new customers start unverified. */
    idVerified: boolean('id_verified').notNull().default(false),
    investorType: text('investor_type').notNull().default('ORDINARY'), // ORDINARY | PROFESSIONAL
    investorTypeBasis: text('investor_type_basis'),
    fxWatchList: boolean('fx_watch_list').notNull().default(false),
    managerId: integer('manager_id').references(() => managers.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    riskLevel: text('risk_level'), // C1..C5, null = never assessed
    riskAssessedAt: timestamp('risk_assessed_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    assetsCny: money('assets_cny').notNull().default('0'),
    /** Annual interest-margin estimate of the open positions at the same valuation (contribution.ts); refreshed with `assets_cny`. */
    marginCny: money('margin_cny').notNull().default('0'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customers_manager_idx').on(t.managerId, t.id),
    // A manager's book filtered by risk level, paged by id: no scan past other levels' rows.
    index('customers_manager_risk_idx').on(t.managerId, t.riskLevel, t.id),
    index('customers_branch_idx').on(t.branchId, t.id),
    index('customers_risk_idx').on(t.riskLevel, t.id),
    index('customers_birth_idx').on(t.birthDate),
    index('customers_assets_idx').on(t.assetsCny),
    index('customers_activity_idx').on(t.lastActivityAt),
    index('customers_phone_idx').on(t.phone),
    // The branch counter identifies a customer by the ID presented (identifyCustomer) and search matches it exactly.
    index('customers_id_number_idx').on(t.idNumber, t.idType),
  ],
);

/** Every risk assessment ever taken; the newest one counts. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: serial('id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    level: text('level').notNull(), // C1..C5
    lowestCategory: boolean('lowest_category').notNull().default(false),
    investorType: text('investor_type').notNull().default('ORDINARY'),
    experienceYears: integer('experience_years').notNull().default(0),
    channel: text('channel').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'risk_assessments_pkey', columns: [t.customerId, t.id] }), index('risk_assessments_customer_idx').on(t.customerId, t.assessedAt)],
);
