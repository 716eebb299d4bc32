import { index, integer, jsonb, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

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

/**
 * A loan application, through the five-step loop: APPLIED (调查前), INVESTIGATED
 * (调查: interview and documents), then APPROVED or DECLINED by someone who took
 * no part in it (the host's four-eyes check). Terms as asked and, once decided,
 * as approved; each step's decision record is kept in the history.
 */
export const loanApplications = pgTable(
  'loans_applications',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id').notNull(),
    productId: integer('product_id').notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    termMonths: integer('term_months').notNull(),
    repaymentMethod: text('repayment_method').notNull(),
    /** The application's other terms (purpose, property value, declared debt, entrusted payment). */
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull(),
    /** LEAD (a lead from a developer or dealer), WEALTH_CENTER, BRANCH, ONLINE */
    source: text('source').notNull(),
    leadId: integer('lead_id'),
    stage: text('stage').notNull(),
    completedSteps: text('completed_steps').array().notNull(),
    /** The latest decision record (purpose APPLICATION). */
    decisionId: integer('decision_id').notNull(),
    outcome: text('outcome').notNull(),
    approvedAmount: numeric('approved_amount', { precision: 20, scale: 2 }),
    approvedTermMonths: integer('approved_term_months'),
    decisionNote: text('decision_note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('loans_applications_customer_idx').on(t.customerId, t.id)],
);

/** Every step of an application: stage from and to, who, when, the note, and the decision record it produced. */
export const loanApplicationEvents = pgTable(
  'loans_application_events',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    actor: text('actor').notNull(),
    note: text('note').notNull(),
    decisionId: integer('decision_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('loans_application_events_app_idx').on(t.applicationId, t.id)],
);
