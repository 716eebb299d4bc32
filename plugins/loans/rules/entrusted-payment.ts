import { Decimal, text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_ENTRUSTED_PAYMENT, type EntrustedPayment } from '../settings.js';
import { readLoanTerms } from '../domain.js';
import { readLoanSale } from './read-sale.js';
import { SOURCES } from './sources.js';

/** Above the setting's amount, a consumer or business loan is paid to the seller (受托支付), not to the borrower. */
export const loanEntrustedPayment: SuitabilityRule = {
  id: 'loans.entrusted-payment',
  version: '1.0.0',
  lines: ['LOANS'],
  regulation: SOURCES.personalLoans2024,
  description: text('超过规定金额的消费 / 经营贷款须受托支付', 'Consumer / business loans above the amount are paid by entrusted payment'),
  reasons: {
    LOAN_ENTRUSTED_PAYMENT_REQUIRED: {
      outcome: 'BLOCK',
      message: text(
        '单笔 {amount} 元超过 {limit} 元，须采用受托支付（details.entrustedPayment）',
        'CNY {amount} is over CNY {limit}: the loan must be paid to the seller (details.entrustedPayment)',
      ),
    },
  },
  evaluate(facts, ctx) {
    const t = readLoanTerms(facts.product.details);
    if (!t || (t.kind !== 'CONSUMER' && t.kind !== 'BUSINESS') || facts.sale.side !== 'BUY' || facts.sale.amount === null) return [];
    const limit = ctx.settings.get<EntrustedPayment>(SETTING_ENTRUSTED_PAYMENT)[t.kind === 'CONSUMER' ? 'consumer' : 'business'];
    if (new Decimal(facts.sale.amount).lte(limit) || readLoanSale(facts).entrustedPayment) return [];
    return [{ code: 'LOAN_ENTRUSTED_PAYMENT_REQUIRED', params: { amount: facts.sale.amount, limit }, saw: { amount: facts.sale.amount, limit, kind: t.kind } }];
  },
};
