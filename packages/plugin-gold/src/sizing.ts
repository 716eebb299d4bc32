import { z } from 'zod';
import { badInput, Decimal, statedFigure, text, type OrderTerms, type SizedOrder, type SizingRequest } from '@finmart/sdk';
import { SETTING_MINIMUM, type AccountGoldMinimum } from './settings.js';
import { gramTerms, gramsForAmount, readGoldDetails, type GoldDetailsFacts } from './domain.js';

/** Account-gold positions are booked to 0.0001 g. */
const BOOKED_GRAM = '0.0001';

const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** The CNY price of one gram now: the line's latest price, else the core unit price. */
function gramPrice(d: GoldDetailsFacts, unitPrice: string | null): string | null {
  const p = d.latestGramPrice ?? unitPrice;
  return p !== null && !new Decimal(p).isZero() ? p : null;
}

/** The step a purchase by amount is rounded down to: whole bars, the coarsest account-gold step, or booked grams for plans. */
function amountStep(d: GoldDetailsFacts, req: SizingRequest): string {
  if (d.goldType === 'PHYSICAL_BAR') return d.barWeightGrams ?? d.gramStep ?? BOOKED_GRAM;
  if (d.goldType === 'GOLD_SAVINGS_PLAN') return BOOKED_GRAM;
  const terms = gramTerms(req.settings.get<AccountGoldMinimum>(SETTING_MINIMUM), d);
  return Decimal.max(...terms.steps).toFixed();
}

/**
 * A purchase by grams: the grams cost grams × price (to the cent); the amount
 * paid must match that within a cent, and only that is charged.
 */
function byGrams(grams: string, price: string, amount: string | null, d: GoldDetailsFacts): SizedOrder {
  if (d.goldType === 'PHYSICAL_BAR' && d.barWeightGrams && !new Decimal(grams).mod(d.barWeightGrams).isZero()) {
    throw badInput(
      text(`实物金条按整根出售：${grams} 克不是 ${d.barWeightGrams} 克的整数倍`, `Bars are sold whole: ${grams} g is not a multiple of ${d.barWeightGrams} g`),
      'details.grams',
    );
  }
  const cost = money(new Decimal(grams).mul(price));
  if (amount !== null && new Decimal(amount).sub(cost).abs().gt('0.01')) {
    throw badInput(
      text(
        `details.grams 为 ${grams} 克，按现价每克 ${price} 元应付 ${cost} 元，与支付金额 ${amount} 元不符`,
        `details.grams ${grams} g at today's price of CNY ${price}/g costs CNY ${cost}, which does not match the amount paid, CNY ${amount}`,
      ),
      'details.grams',
    );
  }
  const charged = amount === null ? cost : Decimal.min(amount, cost).toFixed(2);
  return { quantity: grams, amount: charged, figures: { grams }, steps: { grams: BOOKED_GRAM } };
}

/**
 * Gold orders are sized in grams at the latest gram price. By amount: account
 * gold buys whole gram steps and bars whole bars (the bank never sells part of
 * a step), charged at their price; a savings-plan contribution invests the
 * whole amount, booked to 0.0001 g. By grams (`grams` stated): the amount must
 * pay for them. A redemption gives back the grams redeemed. Without a price
 * the sale is unsized and `gold.minimum` blocks it.
 */
export const goldOrders: OrderTerms = {
  details: z.strictObject({
    grams: statedFigure.optional(),
    plan: z.enum(['NEW_SAVINGS_PLAN', 'EXISTING_PLAN']).optional(),
  }),
  sizing: {
    figures: ['grams'],
    size(req): SizedOrder {
      const { side, amount, quantity, product, details } = req;
      if (side === 'SELL') return { quantity, amount, figures: quantity === null ? {} : { grams: quantity }, steps: { grams: BOOKED_GRAM } };
      const d = readGoldDetails(product.details);
      const price = gramPrice(d, product.unitPrice);
      // No price: unsized, and gold.minimum blocks the sale (GOLD_PRICE_UNAVAILABLE).
      if (price === null) return { quantity: null, amount: null, figures: typeof details.grams === 'string' ? { grams: details.grams } : {} };
      if (typeof details.grams === 'string') return byGrams(details.grams, price, amount, d);
      if (amount === null) return { quantity: null, amount: null, figures: {} };
      const step = amountStep(d, req);
      const grams = gramsForAmount(amount, price, step);
      const charged = d.goldType === 'GOLD_SAVINGS_PLAN' ? amount : Decimal.min(amount, money(new Decimal(grams).mul(price))).toFixed(2);
      return { quantity: grams, amount: charged, figures: { grams }, steps: { grams: step } };
    },
  },
};
