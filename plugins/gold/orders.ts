import { Decimal } from '../../src/sdk/index.js';
import { decimalOrNull } from './terms.js';

/**
 * Grams an order books: the grams given in the details, otherwise amount ÷
 * gram price rounded down to 0.0001 g (how banks book account gold).
 */
export function goldQuantityFor(amount: string, product: { unitPrice: string | null }, details: Record<string, unknown>): string {
  const grams = decimalOrNull(details.grams);
  if (grams !== null && new Decimal(grams).gt(0)) return new Decimal(grams).toFixed();
  if (product.unitPrice === null || new Decimal(product.unitPrice).isZero()) return amount;
  return new Decimal(amount).div(product.unitPrice).toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed();
}
