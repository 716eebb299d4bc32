import { Decimal, text, type LocalizedText, type SuitabilityRule } from '../../../src/sdk/index.js';
import { INSURANCE_LINE } from '../domain.js';
import { read } from '../settings.js';
import { productTerms, saleTerms } from './read-facts.js';
import { REGULATIONS, reasonParams } from './wording.js';

/**
 * Large premiums against household income, or payments running late into life,
 * on a non-guaranteed product: the policyholder signs a declaration that they
 * understand it. The sale amount is the premium (the annual one for REGULAR);
 * without an amount (a preview) only the age test can run.
 */
export const premiumToIncome: SuitabilityRule = {
  id: 'insurance.premium-to-income',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.bancassuranceNotice2014,
  description: text(
    '非保证利益型产品保费占收入过高或交费期过长时须签署投保声明',
    'Non-guaranteed product with a premium high against income or payments running late: signed policyholder declaration',
  ),
  reasons: {
    POLICYHOLDER_DECLARATION: {
      outcome: 'REQUIRE',
      step: 'POLICYHOLDER_DECLARATION_SIGNED',
      message: text('须由投保人签名确认投保声明：{reasonZh}', 'The policyholder must sign a declaration: {reasonEn}'),
    },
  },
  evaluate(facts, ctx) {
    if (facts.sale.side !== 'BUY') return [];
    const product = productTerms(facts);
    if (product.guaranteed) return [];
    const sale = saleTerms(facts, product);
    const s = read(ctx.settings);
    const income = new Decimal(facts.customer.householdAnnualIncome);
    const age = facts.customer.age;
    const multiple = s.singlePremiumIncomeMultiple();
    const share = s.regularPremiumIncomeShare();
    const agePlusYearsLimit = s.declarationAgePlusPaymentYears();
    const amount = facts.sale.amount;
    const reasons: LocalizedText[] = [];
    if (amount !== null) {
      if (sale.premiumMode === 'SINGLE') {
        const cap = income.times(multiple);
        if (new Decimal(amount).gt(cap)) {
          reasons.push(
            text(
              `趸交保费 ${amount} 元超过家庭年收入 ${income.toFixed()} 元的 ${multiple} 倍（${cap.toFixed()} 元）`,
              `single premium CNY ${amount} is over ${multiple} × household annual income CNY ${income.toFixed()} (CNY ${cap.toFixed()})`,
            ),
          );
        }
      } else {
        const cap = income.times(share);
        if (new Decimal(amount).gt(cap)) {
          const pct = new Decimal(share).times(100).toFixed();
          reasons.push(
            text(
              `年交保费 ${amount} 元超过家庭年收入 ${income.toFixed()} 元的 ${pct}%（${cap.toFixed()} 元）`,
              `annual premium CNY ${amount} is over ${pct}% of household annual income CNY ${income.toFixed()} (CNY ${cap.toFixed()})`,
            ),
          );
        }
      }
    }
    const sum = sale.paymentYears + age;
    if (sum >= agePlusYearsLimit) {
      reasons.push(
        text(
          `交费年限 ${sale.paymentYears} 年与投保人年龄 ${age} 岁之和为 ${sum}，达到 ${agePlusYearsLimit}`,
          `payment years ${sale.paymentYears} plus policyholder age ${age} is ${sum}, at or over ${agePlusYearsLimit}`,
        ),
      );
    }
    if (reasons.length === 0) return [];
    return [
      {
        code: 'POLICYHOLDER_DECLARATION',
        params: reasonParams(reasons),
        saw: {
          insuranceType: product.insuranceType,
          premiumMode: sale.premiumMode,
          premiumModeAssumed: sale.premiumModeAssumed,
          paymentYears: sale.paymentYears,
          paymentYearsAssumed: sale.paymentYearsAssumed,
          amount,
          householdAnnualIncome: facts.customer.householdAnnualIncome,
          age,
          singlePremiumIncomeMultiple: multiple,
          regularPremiumIncomeShare: share,
          declarationAgePlusPaymentYears: agePlusYearsLimit,
        },
      },
    ];
  },
};
