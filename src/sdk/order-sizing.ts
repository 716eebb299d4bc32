import { Decimal } from 'decimal.js';
import { z, type ZodType } from 'zod';
import type { SettingsReader } from '../settings/reader.js';

/**
 * How a line sizes an order — the host rule "the server computes what it books".
 *
 * A client says how much it pays (`amount`) and, for a redemption, how many
 * units it gives back; everything else an order books or a rule checks — units,
 * grams, the FX amount and its USD equivalent, the premium, an opening deposit —
 * the line computes here from the server's prices. The host then:
 *
 * 1. refuses any `details` key the line's `details` schema does not declare
 *    (a line without a schema accepts no details at all);
 * 2. calls {@link OrderSizing.size} with the server's product facts (latest prices);
 * 3. reconciles every figure the client also stated against the computed one
 *    (`|stated − computed| < step`), refusing a mismatch with BAD_USER_INPUT
 *    that names both figures;
 * 4. hands rules `sale.amount` = the amount charged, `sale.quantity` = the units
 *    booked and `sale.details` with the computed figures in place of any
 *    client value, and stores exactly these in the decision record;
 * 5. books the same quantity and amount, and refuses (fails closed) a position
 *    that would be worth more at the line's own valuation than was charged.
 *
 * So a plugin cannot reopen the hole by reading a client-sent figure: the only
 * figures that reach its rules and its `onAccepted` are the ones it computed.
 */
export interface OrderSizing {
  /**
   * Names of the figures {@link size} computes (e.g. `['fxAmount', 'usdAmount']`).
   * A client may state them in `details` as decimal strings; they are
   * reconciled, never taken. The `details` schema must accept them.
   */
  figures: readonly string[];
  /** Sizes one sale. May throw `badInput` for terms the product does not offer. Pure: no I/O. */
  size(request: SizingRequest): SizedOrder;
}

/** What a line is told to size a sale; money as decimal strings. */
export interface SizingRequest {
  side: 'BUY' | 'SELL';
  /**
   * BUY: the amount the customer pays, in `currency`; null in a preview
   * (`checkSuitability`) that states a figure instead, or states nothing.
   * SELL: the proceeds the host computed from the positions redeemed.
   */
  amount: string | null;
  /** SELL: the units redeemed (the host planned them). BUY: null. */
  quantity: string | null;
  /** The sale currency: the product currency for orders; a preview may use CNY. */
  currency: string;
  /** The product with the line's facts (`facts.products` of the manifest: latest prices, terms). */
  product: { id: number; currency: string; unitPrice: string | null; details: Record<string, unknown> };
  /** The client's details, validated by the line's schema; stated figures included. */
  details: Record<string, unknown>;
  /** Bank settings (steps and minimums are settings, never literals). */
  settings: SettingsReader;
}

/** A sized sale. */
export interface SizedOrder {
  /**
   * Units booked (BUY) or redeemed (SELL). null when the line cannot size the
   * sale now (no price): one of its rules must then BLOCK — the host refuses to
   * book an unsized order whatever the decision says.
   */
  quantity: string | null;
  /** The amount charged (BUY; never more than offered) or paid out (SELL); null when unsized. */
  amount: string | null;
  /** Every size a rule checks, by name (a subset of {@link OrderSizing.figures}). */
  figures: Record<string, string>;
  /**
   * Per figure, the rounding step a stated value may differ by (exclusive);
   * default `0.01`. E.g. the gram step for grams, `0.000001` for fund units.
   */
  steps?: Record<string, string>;
}

/** The order part of a manifest: how details are read, how sales are sized, and side effects. */
export interface OrderTerms {
  /**
   * The sale details a client may send (a zod schema, usually `z.strictObject`).
   * Any other key, or a value the schema refuses, is BAD_USER_INPUT before
   * anything is written. Omitted: the line takes no details.
   */
  details?: ZodType<Record<string, unknown>>;
  /** How orders are sized; default: units = amount ÷ unit price (6 places, down), or the amount when unpriced. */
  sizing?: OrderSizing;
}

/**
 * A figure a client may state in `details` (reconciled, never taken): a
 * non-negative decimal string, or a JSON number (read as its decimal string).
 */
export const statedFigure = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .pipe(z.string().regex(/^\d{1,14}(\.\d{1,8})?$/, 'a non-negative decimal such as "1000" or "0.1"'));

const UNIT_STEP = '0.000001';

/**
 * Units at the unit price, the default sizing (fund shares and any priced
 * line without its own): BUY units = amount ÷ unit price, rounded down to 6
 * places (never a unit not paid for); SELL units as redeemed. Unpriced
 * products book the amount itself. Figure: `units`.
 */
export const unitPriceSizing: OrderSizing = {
  figures: ['units'],
  size({ side, amount, quantity, product, details }): SizedOrder {
    if (side === 'SELL') {
      return quantity === null ? { quantity: null, amount, figures: {} } : { quantity, amount, figures: { units: quantity }, steps: { units: UNIT_STEP } };
    }
    const priced = product.unitPrice !== null && !new Decimal(product.unitPrice).isZero();
    if (amount === null) {
      // A preview by units: what they cost at today's price.
      if (!priced || typeof details.units !== 'string') return { quantity: null, amount: null, figures: {} };
      const cost = new Decimal(details.units).mul(product.unitPrice!).toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2);
      return { quantity: details.units, amount: cost, figures: { units: details.units }, steps: { units: UNIT_STEP } };
    }
    if (!priced) return { quantity: amount, amount, figures: {} };
    const units = new Decimal(amount).div(product.unitPrice!).toDecimalPlaces(6, Decimal.ROUND_DOWN).toFixed(6);
    return { quantity: units, amount, figures: { units }, steps: { units: UNIT_STEP } };
  },
};
