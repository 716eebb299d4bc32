import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { INSURANCE_LINE } from '../domain.js';
import { productTerms, saleTerms } from './read-facts.js';
import { REGULATIONS } from './wording.js';

/**
 * The premium mode and payment period asked for must be ones the policy offers
 * (a single premium is paid once). Without this, a made-up payment period could
 * slip past the age + payment years test of `insurance.premium-to-income`.
 */
export const paymentTerms: SuitabilityRule = {
  id: 'insurance.payment-terms',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.productTerms,
  description: text('交费方式与交费年限须为产品条款所提供的选项', 'Premium mode and payment years must be options the policy offers'),
  reasons: {
    PAYMENT_TERMS_NOT_OFFERED: {
      outcome: 'BLOCK',
      message: text(
        '本产品不提供 {mode} 交费 {years} 年；可选交费方式 {modes}，交费年限 {options} 年',
        'This product does not offer {mode} payment over {years} years; modes {modes}, payment years {options}',
      ),
    },
  },
  evaluate(facts) {
    if (facts.sale.side !== 'BUY') return [];
    const product = productTerms(facts);
    if (!product.complete) return []; // insurance.insured-age-band blocks it already
    const sale = saleTerms(facts, product);
    const modeOk = product.premiumModes.includes(sale.premiumMode);
    const yearsOk = sale.premiumMode === 'SINGLE' ? sale.paymentYears === 1 : sale.paymentYears > 1 && product.paymentYearsOptions.includes(sale.paymentYears);
    if (modeOk && yearsOk) return [];
    return [
      {
        code: 'PAYMENT_TERMS_NOT_OFFERED',
        params: {
          mode: sale.premiumMode,
          years: sale.paymentYears,
          modes: product.premiumModes.join('/'),
          options: product.paymentYearsOptions.join('/'),
        },
        saw: {
          premiumMode: sale.premiumMode,
          paymentYears: sale.paymentYears,
          premiumModes: product.premiumModes,
          paymentYearsOptions: product.paymentYearsOptions,
        },
      },
    ];
  },
};
