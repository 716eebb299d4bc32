import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { fundDecimal, fundView, saleAmountIn } from './fund-facts.js';
import { REGULATIONS } from './regulations.js';

/**
 * A regular investment plan (定投) is a purchase with `sale.details.sip === true`:
 * only products that offer one, and each instalment at least the product's SIP
 * minimum (in the product's currency).
 */
export const sip: SuitabilityRule = {
  id: 'funds.sip',
  version: '1.0.0',
  regulation: REGULATIONS.sipTerms,
  description: text('定投仅限支持定投的产品，且每期金额不低于定投起点', 'Regular investment plans only for products offering them, at or above their minimum'),
  reasons: {
    SIP_NOT_SUPPORTED: {
      outcome: 'BLOCK',
      message: text('该产品不支持定期定额投资（定投）', 'This product does not offer a regular investment plan'),
    },
    SIP_BELOW_MINIMUM: {
      outcome: 'BLOCK',
      message: text(
        '该产品定投每期金额不得低于 {minimum} {productCurrency}，本次金额 {amount} {currency}',
        'Each instalment of this plan must be at least {productCurrency} {minimum}; this one is {currency} {amount}',
      ),
    },
  },
  evaluate(facts) {
    if (facts.sale.side !== 'BUY' || facts.sale.details.sip !== true) return [];
    const fund = fundView(facts);
    if (!fund.sipSupported) {
      return [{ code: 'SIP_NOT_SUPPORTED', saw: { sip: true, sipSupported: facts.product.details.sipSupported ?? null } }];
    }
    const minimum = fundDecimal(fund.sipMinimum);
    const amount = saleAmountIn(facts, facts.product.currency);
    if (minimum === null || amount === null || amount.gte(minimum)) return [];
    return [
      {
        code: 'SIP_BELOW_MINIMUM',
        params: {
          minimum: minimum.toFixed(),
          productCurrency: facts.product.currency,
          amount: facts.sale.amount ?? '',
          currency: facts.sale.currency,
        },
        saw: { sip: true, sipSupported: true, sipMinimum: fund.sipMinimum, amount: facts.sale.amount, currency: facts.sale.currency },
      },
    ];
  },
};
