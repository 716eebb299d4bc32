import { z } from 'zod';
import { badInput, Decimal, statedFigure, text, type OrderTerms, type SizedOrder } from '../../src/sdk/index.js';
import { LOAN_PURPOSES, monthlyPayment, readLoanTerms, REPAYMENT_METHODS } from './domain.js';

/**
 * The terms of a loan application (`details`), and the figures the server
 * computes from them and the product — never taken from the client:
 * `monthlyPayment` (the largest instalment at the product's rate), and for
 * housing `loanToValue` and `downPaymentShare` from the property value.
 * The principal is the amount asked for: a loan is never "sized down".
 */
export const loanTerms: OrderTerms = {
  details: z.strictObject({
    // Optional so that eligibility listings (no terms) and previews read the line; the rules block an amount without a term.
    termMonths: z.number().int().min(1).max(600).optional(),
    repaymentMethod: z.enum(REPAYMENT_METHODS).optional(),
    purpose: z.enum(LOAN_PURPOSES).optional(),
    /** Housing: the price of the property bought. */
    propertyValue: statedFigure.optional(),
    /** Monthly payments on debt held at other institutions (from the credit report or declared). */
    declaredMonthlyDebt: statedFigure.optional(),
    /** The customer asks to pay the seller directly (受托支付) rather than receive the funds. */
    entrustedPayment: z.boolean().optional(),
    /** Pledge loans: the position pledged (its id); its value is the host's valuation. */
    pledgedHoldingId: z.number().int().positive().optional(),
    monthlyPayment: statedFigure.optional(),
    loanToValue: statedFigure.optional(),
    downPaymentShare: statedFigure.optional(),
  }),
  sizing: {
    figures: ['monthlyPayment', 'loanToValue', 'downPaymentShare'],
    size({ side, amount, product, details }): SizedOrder {
      const terms = readLoanTerms(product.details);
      if (side !== 'BUY' || amount === null || terms === null || typeof details.termMonths !== 'number') return { quantity: amount, amount, figures: {} };
      const method = (details.repaymentMethod as (typeof REPAYMENT_METHODS)[number]) ?? terms.repaymentMethods[0]!;
      if (!terms.repaymentMethods.includes(method)) {
        throw badInput(text(`该贷款不提供 ${method} 还款方式`, `This loan does not offer ${method} repayment`), 'details.repaymentMethod');
      }
      const figures: Record<string, string> = { monthlyPayment: monthlyPayment(amount, terms.annualRate, details.termMonths, method).toFixed(2) };
      if (terms.kind === 'HOUSING' && typeof details.propertyValue === 'string' && new Decimal(details.propertyValue).gt(0)) {
        const value = new Decimal(details.propertyValue);
        figures.loanToValue = new Decimal(amount).div(value).toDecimalPlaces(4, Decimal.ROUND_UP).toFixed(4);
        figures.downPaymentShare = value.sub(amount).div(value).toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed(4);
      }
      return { quantity: amount, amount, figures, steps: { monthlyPayment: '0.01', loanToValue: '0.0001', downPaymentShare: '0.0001' } };
    },
  },
};
