import { Decimal, text, type RuleHit, type SuitabilityRule } from '../../../src/sdk/index.js';
import { readLoanTerms } from '../domain.js';
import { readLoanSale } from './read-sale.js';
import { SOURCES } from './sources.js';

/** Amount and term within the product's ranges (the bank's product terms). */
export const loanTermAndAmount: SuitabilityRule = {
  id: 'loans.term-and-amount',
  version: '1.0.0',
  lines: ['LOANS'],
  regulation: SOURCES.houseRule,
  description: text('贷款须给出期限，金额与期限须在产品范围内', "A loan gives its term; amount and term within the product's ranges"),
  reasons: {
    LOAN_AMOUNT_OUT_OF_RANGE: {
      outcome: 'BLOCK',
      message: text('贷款金额须在 {min} 至 {max} 元之间，本次为 {amount} 元', 'The loan amount must be CNY {min} to {max}; this one is CNY {amount}'),
    },
    LOAN_TERM_MISSING: { outcome: 'BLOCK', message: text('请填写贷款期限（details.termMonths）', 'Give the loan term (details.termMonths)') },
    LOAN_TERM_OUT_OF_RANGE: {
      outcome: 'BLOCK',
      message: text('贷款期限须在 {min} 至 {max} 个月之间，本次为 {term} 个月', 'The term must be {min} to {max} months; this one is {term}'),
    },
  },
  evaluate(facts) {
    const t = readLoanTerms(facts.product.details);
    if (!t || facts.sale.side !== 'BUY') return [];
    const hits: RuleHit[] = [];
    const { termMonths } = readLoanSale(facts);
    const amount = facts.sale.amount;
    if (amount !== null && (new Decimal(amount).lt(t.minAmount) || new Decimal(amount).gt(t.maxAmount))) {
      hits.push({
        code: 'LOAN_AMOUNT_OUT_OF_RANGE',
        params: { min: t.minAmount, max: t.maxAmount, amount },
        saw: { amount, minAmount: t.minAmount, maxAmount: t.maxAmount },
      });
    }
    // An amount without a term cannot be judged (no instalment, no maturity): blocked until the term is given.
    if (amount !== null && termMonths === null) hits.push({ code: 'LOAN_TERM_MISSING', saw: { amount } });
    if (termMonths !== null && (termMonths < t.minTermMonths || termMonths > t.maxTermMonths)) {
      hits.push({
        code: 'LOAN_TERM_OUT_OF_RANGE',
        params: { min: t.minTermMonths, max: t.maxTermMonths, term: termMonths },
        saw: { termMonths, minTermMonths: t.minTermMonths, maxTermMonths: t.maxTermMonths },
      });
    }
    return hits;
  },
};
