import { Decimal } from 'decimal.js';
import { positionValue } from '../domain/holdings/valuation.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import type { PluginManifest } from '../sdk/manifest.js';
import type { SaleSize } from '../suitability/sale-sizing.js';

/** Valuation rounds to cents: a position may be worth up to this much over its price. */
const VALUATION_ROUNDING = '0.01';

/** What an accepted purchase books, after the host's checks. */
export interface BookedSize {
  quantity: string;
  /** The amount charged (≤ the amount offered). */
  amount: string;
}

/**
 * A line's sizing broke the host rule; the order fails closed. The message
 * names the product and the figures only (no customer data): it goes to the log.
 */
export class SizingInvariantError extends Error {
  constructor(line: string, productId: number, problem: string) {
    super(`order sizing of line ${line} (product ${productId}) refused: ${problem}`);
    this.name = 'SizingInvariantError';
  }
}

const isPositive = (v: string | null): v is string => v !== null && /^\d+(\.\d+)?$/.test(v) && new Decimal(v).gt(0);

/**
 * The host's last check before a purchase is booked, whatever the line's
 * sizing returned: the sale was sized, the amount charged is no more than was
 * offered, and the new position is worth no more — at the line's own valuation,
 * the one `totalAssets` uses — than was charged for it. A line that breaks
 * this cannot book: the order's transaction rolls back.
 */
export function checkBookable(
  plugin: PluginManifest | undefined,
  product: ProductRecord,
  size: SaleSize,
  offered: string,
  attributes: Record<string, unknown>,
): BookedSize {
  const fail = (problem: string) => new SizingInvariantError(product.line, product.id, problem);
  if (!isPositive(size.quantity)) throw fail(`no positive quantity (${size.quantity})`);
  if (!isPositive(size.amount)) throw fail(`no positive amount charged (${size.amount})`);
  if (new Decimal(size.amount).gt(offered)) throw fail(`charges ${size.amount}, more than the ${offered} offered`);
  const value = positionValue(plugin, product, { quantity: size.quantity, costAmount: size.amount, costCurrency: product.currency, attributes });
  if (new Decimal(value.amount).gt(new Decimal(size.amount).add(VALUATION_ROUNDING))) {
    throw fail(`books ${size.quantity} units worth ${value.amount} ${value.currency} for ${size.amount} charged`);
  }
  return { quantity: size.quantity, amount: size.amount };
}
