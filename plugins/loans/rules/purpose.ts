import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_PROHIBITED_PURPOSES } from '../settings.js';
import { readLoanTerms } from '../domain.js';
import { readLoanSale } from './read-sale.js';
import { SOURCES } from './sources.js';

/**
 * Consumer and business loans state what they finance, and may not finance home
 * purchases, securities or wealth products (loans.prohibitedPurposes).
 */
export const loanPurpose: SuitabilityRule = {
  id: 'loans.purpose',
  version: '1.0.0',
  lines: ['LOANS'],
  regulation: SOURCES.personalLoans2024,
  description: text(
    '消费与经营贷款须明确用途，且不得用于购房、证券、理财等',
    'Consumer and business loans state their purpose, never home purchase, securities or wealth products',
  ),
  reasons: {
    LOAN_PURPOSE_MISSING: { outcome: 'BLOCK', message: text('请说明贷款用途（details.purpose）', "State the loan's purpose (details.purpose)") },
    LOAN_PURPOSE_PROHIBITED: { outcome: 'BLOCK', message: text('贷款不得用于 {purpose}', 'A loan may not finance {purpose}') },
  },
  evaluate(facts, ctx) {
    const t = readLoanTerms(facts.product.details);
    if (!t || (t.kind !== 'CONSUMER' && t.kind !== 'BUSINESS') || facts.sale.side !== 'BUY' || facts.sale.amount === null) return [];
    const { purpose } = readLoanSale(facts);
    if (purpose === null) return [{ code: 'LOAN_PURPOSE_MISSING', saw: { kind: t.kind } }];
    const prohibited = ctx.settings.get<string[]>(SETTING_PROHIBITED_PURPOSES);
    return prohibited.includes(purpose) ? [{ code: 'LOAN_PURPOSE_PROHIBITED', params: { purpose }, saw: { purpose, prohibited } }] : [];
  },
};
