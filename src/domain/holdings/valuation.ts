import { Decimal } from 'decimal.js';
import type { HostRuntime } from '../../app/runtime.js';
import type { holdings } from '../../db/schema/index.js';
import type { ProductRecord } from '../products/product.record.js';
import type { PluginManifest } from '../../sdk/manifest.js';
import { multiplyToCents, toCents } from '../common/cents.js';

type HoldingRow = typeof holdings.$inferSelect;

/** A position's market value in its product's currency and in CNY. */
export interface HoldingValue {
  amount: string;
  currency: string;
  amountCny: string;
}

/** A position as a line values it: units, what it cost, and its line attributes. */
export interface PositionTerms {
  quantity: string;
  costAmount: string;
  costCurrency: string;
  attributes: Record<string, unknown>;
}

/**
 * Market value of a position in its valuation currency, through its line: the
 * plugin's `valuate`, or quantity × the latest unit price; unpriced products
 * are carried at cost (in the cost currency).
 */
export function positionValue(plugin: PluginManifest | undefined, p: ProductRecord, h: PositionTerms): { amount: string; currency: string } {
  if (plugin?.valuate) {
    const amount = plugin.valuate({
      quantity: h.quantity,
      costAmount: h.costAmount,
      costCurrency: h.costCurrency,
      attributes: h.attributes,
      product: { id: p.id, currency: p.currency, unitPrice: p.unitPrice },
    });
    return { amount, currency: p.currency };
  }
  if (p.unitPrice !== null) return { amount: multiplyToCents(h.quantity, p.unitPrice), currency: p.currency };
  return { amount: toCents(h.costAmount), currency: h.costCurrency };
}

/**
 * Values a position through its line ({@link positionValue}) and converts it
 * to CNY with the reference rates (an unknown currency is an error, never 0).
 */
export function valueHolding(host: HostRuntime, h: HoldingRow, p: ProductRecord, ratesToCny: Map<string, string>): HoldingValue {
  const { amount, currency } = holdingPositionValue(host, h, p);
  const rate = ratesToCny.get(currency);
  if (!rate) throw new Error(`No reference rate for ${currency}`);
  return { amount, currency, amountCny: multiplyToCents(amount, rate) };
}

/** A position's market value in its valuation currency only (no conversion): {@link positionValue} through its line. */
export const holdingPositionValue = (host: HostRuntime, h: HoldingRow, p: ProductRecord): { amount: string; currency: string } =>
  positionValue(host.pluginByLine.get(p.line), p, h);

/** Sum of CNY values. */
export const sumCny = (values: HoldingValue[]): string => values.reduce((acc, v) => acc.add(v.amountCny), new Decimal(0)).toFixed(2);
