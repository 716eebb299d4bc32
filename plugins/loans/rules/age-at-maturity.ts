import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_MAX_AGE } from '../settings.js';
import { ageAtMaturity, readLoanTerms } from '../domain.js';
import { readLoanSale } from './read-sale.js';
import { SOURCES } from './sources.js';

/**
 * The borrower's age when the loan ends is at most the setting (loans.maxAgeAtMaturity).
 * Without a term (a pre-qualification), the product's shortest term: if even that
 * ends too late, no term of it can be offered.
 */
export const loanAgeAtMaturity: SuitabilityRule = {
  id: 'loans.age-at-maturity',
  version: '1.0.0',
  lines: ['LOANS'],
  regulation: SOURCES.personalLoans2024,
  description: text('贷款到期时借款人年龄不超过上限', "The borrower's age at maturity within the limit"),
  reasons: {
    LOAN_AGE_AT_MATURITY: {
      outcome: 'BLOCK',
      message: text('贷款到期时借款人将满 {age} 岁，超过 {max} 岁上限', 'The borrower would be {age} when the loan ends, over the limit of {max}'),
    },
  },
  evaluate(facts, ctx) {
    const t = readLoanTerms(facts.product.details);
    if (!t || facts.sale.side !== 'BUY') return [];
    const months = readLoanSale(facts).termMonths ?? t.minTermMonths;
    const max = ctx.settings.get<number>(SETTING_MAX_AGE);
    const age = ageAtMaturity(facts.customer.age, months);
    return age > max
      ? [{ code: 'LOAN_AGE_AT_MATURITY', params: { age, max }, saw: { ageNow: facts.customer.age, termMonths: months, maxAgeAtMaturity: max } }]
      : [];
  },
};
