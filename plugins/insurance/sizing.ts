import { z } from 'zod';
import { badInput, statedFigure, text, type OrderTerms, type SizedOrder } from '../../src/sdk/index.js';
import { PREMIUM_MODES } from './domain.js';
import { productTermsOf } from './rules/read-facts.js';

const age = z.number().int().min(0).max(130);

/**
 * Insurance orders: one purchase is one policy, and the amount paid is the
 * premium (the annual one for a regular-premium policy) — the `premium`
 * figure the premium-to-income rule checks. The premium mode and payment
 * period must be ones the product offers, since they choose which income test
 * applies. The insured's own age and capacity are stated only when the
 * insured is someone else: for the policyholder they are the customer's, on
 * file.
 */
export const insuranceOrders: OrderTerms = {
  details: z
    .strictObject({
      premiumMode: z.enum(PREMIUM_MODES).optional(),
      paymentYears: z.number().int().min(1).max(100).optional(),
      insuredIsPolicyholder: z.boolean().optional(),
      insuredIsMinorChildOfPolicyholder: z.boolean().optional(),
      insuredAge: age.optional(),
      insuredHasLegalCapacity: z.boolean().optional(),
      premium: statedFigure.optional(),
    })
    .refine((d) => !(d.insuredIsMinorChildOfPolicyholder === true && d.insuredIsPolicyholder === true), {
      message: 'a minor child insured is not the policyholder',
      path: ['insuredIsPolicyholder'],
    })
    .refine(
      (d) =>
        d.insuredIsPolicyholder === false ||
        d.insuredIsMinorChildOfPolicyholder === true ||
        (d.insuredAge === undefined && d.insuredHasLegalCapacity === undefined),
      {
        message: "the policyholder's own age and capacity are on file; state them only for another insured (insuredIsPolicyholder: false)",
        path: ['insuredAge'],
      },
    ),
  sizing: {
    figures: ['premium'],
    size({ side, amount, quantity, product, details }): SizedOrder {
      if (side === 'SELL') return { quantity, amount, figures: {} };
      const terms = productTermsOf(product.details, null);
      if (typeof details.premiumMode === 'string' && terms.premiumModes.length > 0 && !terms.premiumModes.includes(details.premiumMode as never)) {
        throw badInput(
          text(
            `本产品的交费方式为 ${terms.premiumModes.join('/')}，不提供 ${details.premiumMode}`,
            `This product is paid ${terms.premiumModes.join('/')}, not ${details.premiumMode}`,
          ),
          'details.premiumMode',
        );
      }
      if (typeof details.paymentYears === 'number' && terms.paymentYearsOptions.length > 0 && !terms.paymentYearsOptions.includes(details.paymentYears)) {
        const options = terms.paymentYearsOptions.join('/');
        throw badInput(
          text(
            `本产品不提供 ${details.paymentYears} 年交费，可选 ${options} 年`,
            `This product does not offer ${details.paymentYears} payment years; options: ${options}`,
          ),
          'details.paymentYears',
        );
      }
      const premium = amount ?? (typeof details.premium === 'string' ? details.premium : null);
      if (premium === null) return { quantity: null, amount: null, figures: {} };
      return { quantity: '1', amount: premium, figures: { premium } };
    },
  },
};
