import { date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
    id: serial('id').notNull(),
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
  (t) => [
    primaryKey({ name: 'loans_applications_pkey', columns: [t.customerId, t.id] }),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('loans_applications_id_idx').on(t.id),
  ],
);

/** Every step of an application: stage from and to, who, when, the note, and the decision record it produced. */
export const loanApplicationEvents = pgTable(
  'loans_application_events',
  {
    id: serial('id').notNull(),
    /** The application's customer: the key a distributed cluster co-locates the history with its application by. */
    customerId: integer('customer_id').notNull(),
    applicationId: integer('application_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    actor: text('actor').notNull(),
    note: text('note').notNull(),
    decisionId: integer('decision_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'loans_application_events_pkey', columns: [t.customerId, t.id] }),
    index('loans_application_events_app_idx').on(t.applicationId, t.id),
    foreignKey({
      name: 'loans_application_events_application_fk',
      columns: [t.customerId, t.applicationId],
      foreignColumns: [loanApplications.customerId, loanApplications.id],
    }),
  ],
);

/**
 * A disbursed loan (放款后): the customer's liability. Terms as approved; the schedule is
 * in `loans_instalments`; `outstandingPrincipal` is kept with every repayment so that a
 * customer's liabilities are a sum over open loans (no walk through the schedule).
 */
export const loans = pgTable(
  'loans_loans',
  {
    id: serial('id').notNull(),
    /** The application it was paid out on; null for a loan taken over from the core banking system (存量贷款, e.g. the demo bank's). */
    applicationId: integer('application_id'),
    customerId: integer('customer_id').notNull(),
    productId: integer('product_id').notNull(),
    principal: numeric('principal', { precision: 20, scale: 2 }).notNull(),
    annualRate: numeric('annual_rate', { precision: 8, scale: 6 }).notNull(),
    termMonths: integer('term_months').notNull(),
    repaymentMethod: text('repayment_method').notNull(),
    /** The bank's calendar day (China) it was paid out; instalments fall due on this day of each month. */
    disbursedOn: date('disbursed_on', { mode: 'string' }).notNull(),
    disbursedAt: timestamp('disbursed_at', { withTimezone: true }).notNull(),
    disbursedBy: text('disbursed_by').notNull(),
    outstandingPrincipal: numeric('outstanding_principal', { precision: 20, scale: 2 }).notNull(),
    /** ACTIVE until every instalment is paid, then SETTLED (结清). */
    status: text('status').notNull(),
    /** Pledge loans: the holding pledged (locked against redemption until settled). */
    pledgedHoldingId: integer('pledged_holding_id'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'loans_loans_pkey', columns: [t.customerId, t.id] }),
    uniqueIndex('loans_loans_application_uq').on(t.customerId, t.applicationId),
    // Look-ups by id alone (a node ID carries no customer): the key leads with customer_id.
    index('loans_loans_id_idx').on(t.id),
  ],
);

/** The repayment schedule of a loan (还款计划): what each instalment is and what of it has been paid. */
export const loanInstalments = pgTable(
  'loans_instalments',
  {
    /** The loan's customer (co-location with the loan, as for every customer-owned row). */
    customerId: integer('customer_id').notNull(),
    loanId: integer('loan_id').notNull(),
    n: integer('n').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    principal: numeric('principal', { precision: 20, scale: 2 }).notNull(),
    interest: numeric('interest', { precision: 20, scale: 2 }).notNull(),
    principalPaid: numeric('principal_paid', { precision: 20, scale: 2 }).notNull().default('0'),
    interestPaid: numeric('interest_paid', { precision: 20, scale: 2 }).notNull().default('0'),
    /** When it was paid in full. */
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'loans_instalments_pkey', columns: [t.customerId, t.loanId, t.n] }),
    index('loans_instalments_unpaid_idx').on(t.loanId, t.dueDate),
    foreignKey({ name: 'loans_instalments_loan_fk', columns: [t.customerId, t.loanId], foreignColumns: [loans.customerId, loans.id] }),
  ],
);

/** Repayments received (还款记录), with how each was allocated to the schedule. */
export const loanRepayments = pgTable(
  'loans_repayments',
  {
    id: serial('id').notNull(),
    /** The loan's customer (co-location with the loan). */
    customerId: integer('customer_id').notNull(),
    loanId: integer('loan_id').notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    principal: numeric('principal', { precision: 20, scale: 2 }).notNull(),
    interest: numeric('interest', { precision: 20, scale: 2 }).notNull(),
    /** [{ n, interest, principal }]: the instalments it paid. */
    allocation: jsonb('allocation').$type<{ n: number; interest: string; principal: string }[]>().notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    primaryKey({ name: 'loans_repayments_pkey', columns: [t.customerId, t.id] }),
    index('loans_repayments_loan_idx').on(t.loanId, t.id),
    foreignKey({ name: 'loans_repayments_loan_fk', columns: [t.customerId, t.loanId], foreignColumns: [loans.customerId, loans.id] }),
  ],
);
