import { fileURLToPath } from 'node:url';
import { definePlugin, text } from '../../src/sdk/index.js';
import { loanProductFacts } from './facts.js';
import { CustomerLoanApplicationsResolver, LoanApplicationMutationResolver, LoanApplicationResolver } from './graphql/application.resolver.js';
import { LoanApplication, LoanApplicationEvent } from './graphql/application.types.js';
import { CustomerLoanOffersResolver, LoanOffer } from './graphql/offers.resolver.js';
import { LoanProductResolver } from './graphql/product.resolver.js';
import { LoanProduct } from './graphql/product.type.js';
import { loanRules } from './rules/index.js';
import { loanApplicationEvents, loanApplications, loanDetails } from './schema.js';
import { seedLoans } from './seed.js';
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
    resolvers: [LoanProductResolver, CustomerLoanOffersResolver, LoanApplicationResolver, CustomerLoanApplicationsResolver, LoanApplicationMutationResolver],
    types: [LoanOffer, LoanApplication, LoanApplicationEvent],
  },
  tables: { loanDetails, loanApplications, loanApplicationEvents },
  migrationsFolder: fileURLToPath(new URL('./drizzle', import.meta.url)),
  rules: loanRules,
  settings: loanSettings,
  facts: { products: loanProductFacts },
  orders: loanTerms,
  seed: seedLoans,
});
