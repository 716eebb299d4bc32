import { text, type RuleHit, type SuitabilityRule } from '../../../src/sdk/index.js';
import { readLoanTerms } from '../terms.js';
import { SOURCES } from './sources.js';

/** Before a loan is approved: the borrower's written consent to query the credit report, and a face-to-face interview. */
export const loanCreditChecks: SuitabilityRule = {
  id: 'loans.credit-checks',
  version: '1.0.0',
  lines: ['LOANS'],
  regulation: SOURCES.creditReporting,
  description: text('审批前须取得征信查询授权并完成面谈', 'Credit-report authorisation and a face-to-face interview before approval'),
  reasons: {
    LOAN_CREDIT_AUTHORISATION: {
      outcome: 'REQUIRE',
      step: 'CREDIT_REPORT_AUTHORISATION',
      message: text('须取得借款人书面征信查询授权', 'The borrower\'s written consent to query the credit report is needed'),
    },
    LOAN_INTERVIEW: {
      outcome: 'REQUIRE',
      step: 'FACE_TO_FACE_INTERVIEW',
      message: text('须与借款人当面面谈（贷款面谈制度）', 'A face-to-face interview with the borrower is needed'),
    },
  },
  evaluate(facts) {
    if (!readLoanTerms(facts.product.details) || facts.sale.side !== 'BUY') return [];
    const done = new Set(facts.sale.completedSteps);
    const hits: RuleHit[] = [];
    if (!done.has('CREDIT_REPORT_AUTHORISATION')) hits.push({ code: 'LOAN_CREDIT_AUTHORISATION', saw: { completedSteps: facts.sale.completedSteps } });
    if (!done.has('FACE_TO_FACE_INTERVIEW')) hits.push({ code: 'LOAN_INTERVIEW', saw: { completedSteps: facts.sale.completedSteps } });
    return hits;
  },
};
