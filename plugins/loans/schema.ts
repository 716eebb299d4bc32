import { integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Loan line facts of a product, one row per core product (same id): what the
 * loan is for, its rate and the ranges the bank lends in.
 */
export const loanDetails = pgTable('loans_details', {
  productId: integer('product_id').primaryKey(),
  /** HOUSING | PLEDGE | CONSUMER | BUSINESS */
  kind: text('kind').notNull(),
  /**
   * FIRST_HOME | SECOND_HOME | PROVIDENT_COMBINATION (housing); DEPOSIT | WEALTH | BOND (pledge);
   * CAR | EDUCATION | RENOVATION | GENERAL (consumer); SMALL_BUSINESS (business).
   */
  category: text('category').notNull(),
  /** Annual interest rate, a fraction (0.0345 = 3.45 %). */
  annualRate: numeric('annual_rate', { precision: 8, scale: 6 }).notNull(),
  minTermMonths: integer('min_term_months').notNull(),
  maxTermMonths: integer('max_term_months').notNull(),
  minAmount: numeric('min_amount', { precision: 20, scale: 2 }).notNull(),
  maxAmount: numeric('max_amount', { precision: 20, scale: 2 }).notNull(),
  /** EQUAL_INSTALMENT (等额本息) and/or EQUAL_PRINCIPAL (等额本金). */
  repaymentMethods: text('repayment_methods').array().notNull(),
  /** PROPERTY | PLEDGE | VEHICLE | NONE */
  collateral: text('collateral').notNull(),
});
