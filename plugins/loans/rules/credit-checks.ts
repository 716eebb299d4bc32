import { text, type RuleHit, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_CREDIT_REPORT_AGE } from '../settings.js';
import { readLoanTerms } from '../domain.js';
import { freshCreditReport } from './read-sale.js';
import { SOURCES } from './sources.js';

/**
 * Before a loan is approved: the borrower's written consent to query the credit report, and a face-to-face
 * interview. Once the query is authorised, the report itself must be on file (no older than
 * loans.creditReportMaxAgeDays: recordExternalReport) — a decision never rests on a report nobody read —
 * and a loan or card overdue elsewhere now refuses the loan.
 */
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
      message: text('须取得借款人书面征信查询授权', "The borrower's written consent to query the credit report is needed"),
    },
    LOAN_CREDIT_REPORT_NOT_ON_FILE: {
      outcome: 'BLOCK',
      message: text(
        '已取得征信查询授权，但 {maxAge} 天内的征信报告尚未登记（recordExternalReport）',
        'The credit report query is authorised, but no report within {maxAge} days is recorded (recordExternalReport)',
      ),
    },
    LOAN_CREDIT_OVERDUE: {
      outcome: 'BLOCK',
      message: text('征信报告显示借款人在他行有当前逾期', 'The credit report shows the borrower overdue elsewhere now'),
    },
    LOAN_INTERVIEW: {
      outcome: 'REQUIRE',
      step: 'FACE_TO_FACE_INTERVIEW',
      message: text('须与借款人当面面谈（贷款面谈制度）', 'A face-to-face interview with the borrower is needed'),
    },
  },
  evaluate(facts, ctx) {
    if (!readLoanTerms(facts.product.details) || facts.sale.side !== 'BUY') return [];
    const done = new Set(facts.sale.completedSteps);
    const hits: RuleHit[] = [];
    if (!done.has('CREDIT_REPORT_AUTHORISATION')) hits.push({ code: 'LOAN_CREDIT_AUTHORISATION', saw: { completedSteps: facts.sale.completedSteps } });
    else {
      const maxAge = ctx.settings.get<number>(SETTING_CREDIT_REPORT_AGE);
      const report = freshCreditReport(facts, maxAge);
      if (report === null) {
        const onFile = facts.customer.external.CREDIT_REPORT;
        hits.push({ code: 'LOAN_CREDIT_REPORT_NOT_ON_FILE', params: { maxAge }, saw: { creditReportAgeDays: onFile ? onFile.ageDays : null, maxAge } });
      } else if (report.overdueNow) hits.push({ code: 'LOAN_CREDIT_OVERDUE', saw: { creditReportAgeDays: report.ageDays, overdueNow: report.overdueNow } });
    }
    if (!done.has('FACE_TO_FACE_INTERVIEW')) hits.push({ code: 'LOAN_INTERVIEW', saw: { completedSteps: facts.sale.completedSteps } });
    return hits;
  },
};
