import { z } from 'zod';
import { Decimal, statedFigure, type OrderTerms, type SizedOrder } from '../../src/sdk/index.js';
import { directionOf, fxAmountOf, readForexDetails, usdOfFx } from './domain.js';

const CENT = '0.01';

/**
 * Forex orders. A position is an amount of the foreign currency, so an order
 * books `fxAmount` units: the amount paid when it is in the product's
 * currency (always, for orders), or — in a preview priced in CNY — what the
 * CNY buys at the board rate. `usdAmount` is that amount at the middle rates:
 * what the annual quota counts. Both are the server's; a client may state
 * them only as a cross-check. `purpose` is the SAFE declaration code (the
 * rules check it against the settings' lists).
 */
export const forexOrders: OrderTerms = {
  details: z.strictObject({
    purpose: z
      .string()
      .trim()
      .regex(/^[A-Za-z_]{2,40}$/, 'a purpose code such as TRAVEL')
      .optional(),
    fxAmount: statedFigure.optional(),
    usdAmount: statedFigure.optional(),
  }),
  sizing: {
    figures: ['fxAmount', 'usdAmount'],
    size({ side, amount, quantity, currency, product, details }): SizedOrder {
      const d = readForexDetails(product.details);
      const direction = directionOf(side);
      let fx: string | null = null;
      let charged = amount;
      if (side === 'SELL') fx = quantity;
      else if (amount !== null) {
        const converted = fxAmountOf(amount, currency, d, product.currency, direction);
        fx = converted.fxAmount;
      } else if (typeof details.fxAmount === 'string') {
        // A preview that states only the FX amount: what it costs in the sale currency.
        fx = details.fxAmount;
        const rate = direction === 'BUY_FX' ? d.sellRate : d.buyRate;
        if (currency === (d.currency ?? product.currency)) charged = fx;
        else if (currency === 'CNY' && rate !== null && !new Decimal(rate).isZero()) {
          charged = new Decimal(fx).mul(rate).div(100).toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2);
        }
      }
      // Unsized (a third currency, or no board rate): the rules block it (FX_AMOUNT_UNDETERMINED / FX_RATE_UNAVAILABLE).
      if (fx === null) return { quantity: null, amount: null, figures: {} };
      const usd = usdOfFx(fx, d, product.currency);
      return {
        quantity: fx,
        amount: charged,
        figures: usd === null ? { fxAmount: fx } : { fxAmount: fx, usdAmount: usd },
        steps: { fxAmount: CENT, usdAmount: CENT },
      };
    },
  },
};
