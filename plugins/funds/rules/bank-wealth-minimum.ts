import { Decimal, text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { FUNDS_SETTINGS } from '../settings.js';
import { fundView, plain, saleAmountIn } from './fund-facts.js';
import { REGULATIONS } from './regulations.js';

/**
 * The bank's own public wealth products (理财, issuer type BANK) have a
 * regulatory minimum purchase; products of its wealth management subsidiary
 * (BANK_SUBSIDIARY) have none, and private products have their own, higher
 * minimums (`funds.private-minimum`). The product's core minimum usually
 * repeats this figure; the rule keeps the floor even when a product row is
 * configured lower.
 */
export const bankWealthMinimum: SuitabilityRule = {
  id: 'funds.bank-wealth-minimum',
  version: '1.0.0',
  regulation: REGULATIONS.bankWealthMinimum,
  description: text('银行自营公募理财产品的销售起点金额', "Minimum purchase of the bank's own public wealth products"),
  reasons: {
    WEALTH_BELOW_MINIMUM: {
      outcome: 'BLOCK',
      message: text(
        '本行公募理财产品销售起点为 {minimum} 元人民币，本次金额 {amount} {currency}',
        "The bank's public wealth products start at CNY {minimum}; this purchase is {currency} {amount}",
      ),
    },
  },
  evaluate(facts, ctx) {
    if (facts.sale.side !== 'BUY') return [];
    const fund = fundView(facts);
    if (!fund.isBankWealth || fund.isPrivate || fund.issuerType !== 'BANK') return [];
    const amount = saleAmountIn(facts, 'CNY');
    if (amount === null) return [];
    const minimum = new Decimal(ctx.settings.get<string>(FUNDS_SETTINGS.publicWealthMinimumCny));
    if (amount.gte(minimum)) return [];
    return [
      {
        code: 'WEALTH_BELOW_MINIMUM',
        params: { minimum: plain(minimum), amount: facts.sale.amount ?? '', currency: facts.sale.currency },
        saw: {
          isBankWealth: fund.isBankWealth,
          issuerType: fund.issuerType,
          amount: facts.sale.amount,
          currency: facts.sale.currency,
          minimumCny: plain(minimum),
        },
      },
    ];
  },
};
