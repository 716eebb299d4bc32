import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { CARDS_LINE } from '../domain.js';
import { isApplication, productCard } from './card-facts.js';
import { REG } from './regulations.js';

/**
 * No credit card without a repayment source. Students are left to
 * `cards.student`, whose guardian consent is their repayment source.
 */
export const repaymentSource: SuitabilityRule = {
  id: 'cards.repayment-source',
  version: '1.0.0',
  lines: [CARDS_LINE],
  regulation: REG.repayment,
  description: text('无稳定收入或还款来源者不得申领信用卡', 'No credit card without a stable income or repayment source'),
  reasons: {
    NO_REPAYMENT_SOURCE: {
      outcome: 'BLOCK',
      message: text('客户无稳定收入或还款来源，不能申领信用卡', 'The customer has no stable income or repayment source for a credit card'),
    },
  },
  evaluate(facts) {
    const { cardKind } = productCard(facts);
    if (!isApplication(facts) || cardKind !== 'CREDIT') return [];
    const { hasStableIncome, student, personalAnnualIncome } = facts.customer;
    if (hasStableIncome || student) return [];
    return [{ code: 'NO_REPAYMENT_SOURCE', saw: { cardKind, hasStableIncome, student, personalAnnualIncome } }];
  },
};
