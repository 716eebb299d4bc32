import { Decimal, text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_PLEDGE, type PledgeCategory, type PledgeSetting } from '../settings.js';
import { readLoanTerms } from '../domain.js';
import { readLoanSale } from './read-sale.js';
import { SOURCES } from './sources.js';

/**
 * A pledge loan (个人质押贷款) names a position the customer holds here (`details.pledgedHoldingId`):
 * it must be theirs, open, of a line that may be pledged for the product's category, free of
 * other pledges, and the loan at most the setting's share of its market value (质押率) — the
 * host's valuation, never a client figure. Checked once the application has an amount.
 */
export const loanPledge: SuitabilityRule = {
  id: 'loans.pledge',
  version: '1.0.0',
  lines: ['LOANS'],
  regulation: SOURCES.pledge,
  description: text('质押贷款须以本行有效持仓出质，且不超过质押率', 'A pledge loan is secured by an open position held here, within the loan-to-value share'),
  reasons: {
    LOAN_PLEDGE_MISSING: {
      outcome: 'BLOCK',
      message: text('质押贷款须指定出质的持仓（details.pledgedHoldingId）', 'A pledge loan names the position pledged (details.pledgedHoldingId)'),
    },
    LOAN_PLEDGE_NOT_HELD: {
      outcome: 'BLOCK',
      message: text('出质的持仓不是客户在本行的有效持仓', 'The pledged position is not an open position of the customer here'),
    },
    LOAN_PLEDGE_INELIGIBLE: {
      outcome: 'BLOCK',
      message: text('{line} 产品线的持仓不能为 {category} 类质押贷款出质', 'A position of the {line} line cannot secure a {category} pledge loan'),
    },
    LOAN_PLEDGE_TAKEN: { outcome: 'BLOCK', message: text('该持仓已质押给其他业务', 'The position is already pledged to another case') },
    LOAN_PLEDGE_OVER_VALUE: {
      outcome: 'BLOCK',
      message: text(
        '贷款 {amount} 元超过质押物市值 {value} 元的 {share}%（{max} 元）',
        "CNY {amount} is over {share}% of the pledged position's market value of CNY {value} (CNY {max})",
      ),
    },
  },
  evaluate(facts, ctx) {
    const t = readLoanTerms(facts.product.details);
    if (!t || t.kind !== 'PLEDGE' || facts.sale.side !== 'BUY' || facts.sale.amount === null) return [];
    const id = readLoanSale(facts).pledgedHoldingId;
    if (id === null) return [{ code: 'LOAN_PLEDGE_MISSING', saw: { pledgedHoldingId: null } }];
    const h = facts.customer.holdings.find((x) => x.id === id);
    if (!h || h.status !== 'ACTIVE' || h.marketValueCny === null)
      return [{ code: 'LOAN_PLEDGE_NOT_HELD', saw: { pledgedHoldingId: id, holding: h && { status: h.status, marketValueCny: h.marketValueCny } } }];
    const category = t.category as PledgeCategory;
    const s = ctx.settings.get<PledgeSetting>(SETTING_PLEDGE);
    // A category the setting does not name accepts nothing.
    const pledgeable = s.lines[category];
    if (!pledgeable?.includes(h.line)) {
      return [{ code: 'LOAN_PLEDGE_INELIGIBLE', params: { line: h.line, category }, saw: { pledgedHoldingId: id, line: h.line, category, pledgeable } }];
    }
    if (h.pledgedTo !== null) return [{ code: 'LOAN_PLEDGE_TAKEN', saw: { pledgedHoldingId: id, pledgedTo: h.pledgedTo } }];
    const share = new Decimal(s.maxLoanToValue[category]);
    const max = new Decimal(h.marketValueCny).mul(share).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    if (new Decimal(facts.sale.amount).lte(max)) return [];
    const params = { amount: facts.sale.amount, value: h.marketValueCny, share: share.mul(100).toFixed(), max: max.toFixed(2) };
    return [
      {
        code: 'LOAN_PLEDGE_OVER_VALUE',
        params,
        saw: { pledgedHoldingId: id, marketValueCny: h.marketValueCny, maxLoanToValue: share.toFixed(), max: max.toFixed(2) },
      },
    ];
  },
};
