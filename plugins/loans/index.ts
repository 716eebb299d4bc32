import { fileURLToPath } from 'node:url';
import { bankDay, definePlugin, text } from '../../src/sdk/index.js';
import { loanProductFacts } from './facts.js';
import { CustomerLoanApplicationsResolver, LoanApplicationMutationResolver, LoanApplicationResolver } from './graphql/application.resolver.js';
import { LoanApplication, LoanApplicationEvent } from './graphql/application.types.js';
import { ApplicationLoanResolver, CustomerLoansResolver, LoanResolver } from './graphql/loan.resolver.js';
import { Loan, LoanInstalment, LoanRepayment, LoanWarning } from './graphql/loan.types.js';
import { CustomerLoanOffersResolver, LoanOffer } from './graphql/offers.resolver.js';
import { LoanServicingResolver } from './graphql/servicing.mutations.js';
import { LoanProductResolver } from './graphql/product.resolver.js';
import { LoanProduct } from './graphql/product.type.js';
import { loanRules } from './rules/index.js';
import { loanApplicationEvents, loanApplications, loanDetails, loanInstalments, loanRepayments, loans } from './schema.js';
import { borrowerFacts, outstandingByCustomer } from './servicing/borrower-facts.js';
import { loanWorkItems } from './servicing/work-items.js';
import { seedLoans } from './seed/index.js';
import { loanSettings } from './settings.js';
import { loanTerms } from './sizing.js';

/** Loans carry no investment risk for the borrower: every loan product is R1. */
export const declaredRiskRatings: readonly 'R1'[] = ['R1'];

/**
 * 个人贷款 / Personal lending: housing, pledge, consumer and small-business
 * loans. Loans are applied for, not bought: orders for them are refused by
 * the host (`applicationsOnly`); the rules judge an application's terms
 * (`details`: term, repayment method, purpose, property price, debts declared)
 * with the figures the server computes from them.
 */
export default definePlugin({
  code: 'loans',
  line: 'LOANS',
  name: text('个人贷款', 'Personal lending'),
  version: '0.1.0',
  hostRange: '^0.1.0',
  applicationsOnly: true,
  graphql: {
    productType: LoanProduct,
    resolvers: [
      LoanProductResolver,
      CustomerLoanOffersResolver,
      LoanApplicationResolver,
      CustomerLoanApplicationsResolver,
      LoanApplicationMutationResolver,
      LoanResolver,
      CustomerLoansResolver,
      ApplicationLoanResolver,
      LoanServicingResolver,
    ],
    types: [LoanOffer, LoanApplication, LoanApplicationEvent, Loan, LoanInstalment, LoanRepayment, LoanWarning],
  },
  tables: { loanDetails, loanApplications, loanApplicationEvents, loans, loanInstalments, loanRepayments },
  migrationsFolder: fileURLToPath(new URL('./drizzle', import.meta.url)),
  rules: loanRules,
  settings: loanSettings,
  facts: {
    products: loanProductFacts,
    // customer.lines.loans: what the borrower owes here (the ratio rules add its monthly debt; other lines' rules may read it).
    customers: async (services, ids, now) => new Map([...(await borrowerFacts(services.db, ids, bankDay(now)))].map(([id, f]) => [id, { ...f }])),
  },
  liabilities: (services, ids) => outstandingByCustomer(services.db, ids),
  workItems: loanWorkItems,
  orders: loanTerms,
  seed: seedLoans,
});
