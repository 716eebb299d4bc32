import type { SuitabilityRule } from '../../../src/sdk/index.js';
import { loanAgeAtMaturity } from './age-at-maturity.js';
import { loanBorrowerInvesting } from './borrower-investing.js';
import { loanCreditChecks } from './credit-checks.js';
import { loanDebtToIncome } from './debt-to-income.js';
import { loanDownPayment } from './down-payment.js';
import { loanEntrustedPayment } from './entrusted-payment.js';
import { loanPledge } from './pledge.js';
import { loanPurpose } from './purpose.js';
import { loanTermAndAmount } from './term-and-amount.js';

/** The loans line's suitability rules (borrower-investing applies to the investing lines: the loan in the other lines' offers). */
export const loanRules: SuitabilityRule[] = [
  loanTermAndAmount,
  loanAgeAtMaturity,
  loanDebtToIncome,
  loanDownPayment,
  loanPurpose,
  loanEntrustedPayment,
  loanPledge,
  loanCreditChecks,
  loanBorrowerInvesting,
];
