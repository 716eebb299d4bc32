import { text } from '../../../i18n/localized.js';
import type { SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { decimalOrNull } from '../../../sdk/decimal-or-null.js';
import { plain } from './values.js';

const sameCurrency = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * A purchase amount must be positive, in the product's currency, at least the
 * product minimum, and the minimum plus a whole number of steps (step 0 = any
 * amount). Checked in that order and only the first failure is reported, since
 * later checks mean nothing once an earlier one fails. All arithmetic in Decimal.
 * A product whose own minimum or step cannot be read is a catalog fault: the
 * rule throws and the engine blocks the sale (RULE_ERROR) rather than guess.
 */
export const amount: SuitabilityRule = {
  id: 'core.amount',
  version: '1.0.0',
  reads: [],
  regulation: text('产品条款：起购金额与递增金额', 'Product terms: minimum amount and amount step'),
  description: text('购买金额须符合产品币种、起购金额与递增金额', 'The purchase amount must fit the product currency, minimum and step'),
  reasons: {
    CURRENCY_MISMATCH: {
      outcome: 'BLOCK',
      message: text('购买币种 {saleCurrency} 与产品币种 {productCurrency} 不一致', 'The amount is in {saleCurrency} but the product is in {productCurrency}'),
    },
    INVALID_AMOUNT: {
      outcome: 'BLOCK',
      message: text('购买金额 {amount} 无效：须为大于 0 的数字', 'Invalid amount {amount}: it must be a number greater than 0'),
    },
    BELOW_MINIMUM: {
      outcome: 'BLOCK',
      message: text(
        '购买金额 {amount} {currency} 低于产品起购金额 {minimum} {currency}',
        'The amount {amount} {currency} is below the product minimum of {minimum} {currency}',
      ),
    },
    AMOUNT_STEP: {
      outcome: 'BLOCK',
      message: text(
        '购买金额 {amount} {currency} 不符合递增规则：起购金额 {minimum} {currency} 以上须按 {step} {currency} 的整数倍递增（可改为 {lower} 或 {higher}）',
        'The amount {amount} {currency} does not fit the step: above the minimum of {minimum} {currency} it must rise in whole multiples of {step} {currency} (try {lower} or {higher})',
      ),
    },
  },
  evaluate(facts) {
    const { sale, product } = facts;
    if (sale.side !== 'BUY' || sale.amount == null) return [];
    const saw = {
      amount: sale.amount,
      saleCurrency: sale.currency,
      productCurrency: product.currency,
      minimumAmount: product.minimumAmount,
      amountStep: product.amountStep,
    };
    if (!sameCurrency(sale.currency, product.currency)) {
      return [{ code: 'CURRENCY_MISMATCH', params: { saleCurrency: sale.currency, productCurrency: product.currency }, saw }];
    }
    const value = decimalOrNull(sale.amount);
    if (value == null || value.lte(0)) return [{ code: 'INVALID_AMOUNT', params: { amount: sale.amount }, saw }];

    const minimum = decimalOrNull(product.minimumAmount);
    const step = decimalOrNull(product.amountStep);
    if (minimum == null || step == null) {
      throw new Error(`product ${product.code} has an unreadable minimum (${product.minimumAmount}) or step (${product.amountStep})`);
    }
    const common = { amount: plain(value), currency: product.currency, minimum: plain(minimum) };
    if (value.lt(minimum)) return [{ code: 'BELOW_MINIMUM', params: common, saw }];
    if (step.gt(0)) {
      const over = value.minus(minimum);
      if (!over.mod(step).isZero()) {
        const lower = minimum.plus(over.divToInt(step).times(step));
        return [
          {
            code: 'AMOUNT_STEP',
            params: { ...common, step: plain(step), lower: plain(lower), higher: plain(lower.plus(step)) },
            saw,
          },
        ];
      }
    }
    return [];
  },
};
