import { Decimal, type ValuationInput } from '../../src/sdk/index.js';

/**
 * A position is an amount of the foreign currency (cash balance, deposit or
 * structured-deposit principal), so its value in the product's currency is
 * the quantity itself; the host converts it to CNY with the reference rate.
 * 1,000 USD held is worth 1,000 USD = 1,000 × USD/CNY in CNY.
 */
export function forexValuate(input: ValuationInput): string {
  return new Decimal(input.quantity).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
