import { Decimal } from 'decimal.js';
import type { HostRuntime } from '../../app/runtime.js';
import type { holdings } from '../../db/schema/index.js';
import type { ProductRecord } from '../products/product.record.js';

type HoldingRow = typeof holdings.$inferSelect;

/** A position's market value in its product's currency and in CNY. */
export interface HoldingValue {
  amount: string;
  currency: string;
  amountCny: string;
}

/**
 * Values a position through its line: the plugin's `valuate`, or quantity ×
 * the latest unit price; unpriced products are carried at cost. Converted to
 * CNY with the reference rates (an unknown currency is an error, never 0).
 */
export function valueHolding(host: HostRuntime, h: HoldingRow, p: ProductRecord, ratesToCny: Map<string, string>): HoldingValue {
  const plugin = host.pluginByLine.get(p.line);
  let amount: string;
  let currency = p.currency;
  if (plugin?.valuate) {
    amount = plugin.valuate({
      quantity: h.quantity,
      costAmount: h.costAmount,
      costCurrency: h.costCurrency,
      attributes: h.attributes,
      product: { id: p.id, currency: p.currency, unitPrice: p.unitPrice },
    });
  } else if (p.unitPrice !== null) {
    amount = new Decimal(h.quantity).mul(p.unitPrice).toDecimalPlaces(2).toFixed(2);
  } else {
    amount = new Decimal(h.costAmount).toFixed(2);
    currency = h.costCurrency;
  }
  const rate = ratesToCny.get(currency);
  if (!rate) throw new Error(`No reference rate for ${currency}`);
  return { amount, currency, amountCny: new Decimal(amount).mul(rate).toDecimalPlaces(2).toFixed(2) };
}

/** Sum of CNY values. */
export const sumCny = (values: HoldingValue[]): string =>
  values.reduce((acc, v) => acc.add(v.amountCny), new Decimal(0)).toFixed(2);
