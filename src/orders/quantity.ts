import { Decimal } from 'decimal.js';
import type { PluginManifest } from '../sdk/manifest.js';
import type { ProductRecord } from '../domain/products/product.record.js';

/**
 * Units an order books: the line's own rule (`orders.quantityFor`), else
 * amount ÷ unit price to 6 places (rounded down: never book units not paid
 * for), else the amount itself for unpriced products.
 */
export function quantityFor(plugin: PluginManifest | undefined, amount: string, product: ProductRecord, details: Record<string, unknown>): string {
  if (plugin?.orders?.quantityFor) return plugin.orders.quantityFor(amount, { unitPrice: product.unitPrice, currency: product.currency }, details);
  if (product.unitPrice !== null && !new Decimal(product.unitPrice).isZero()) {
    return new Decimal(amount).div(product.unitPrice).toDecimalPlaces(6, Decimal.ROUND_DOWN).toFixed(6);
  }
  return amount;
}

/** USD equivalent of an amount, from the reference rates to CNY (2 dp); null when a rate is missing. */
export function usdAmount(amount: string, currency: string, ratesToCny: Map<string, string>): string | null {
  const from = currency === 'CNY' ? '1' : ratesToCny.get(currency);
  const usd = ratesToCny.get('USD');
  if (!from || !usd) return null;
  return new Decimal(amount).mul(from).div(usd).toDecimalPlaces(2).toFixed(2);
}
