import { bankYear, Decimal, decimalOrNull, perObject, perObjectAnd, type SuitabilityFacts } from '../../src/sdk/index.js';
import { toUsd } from './conversion.js';

export const FOREX_KINDS = ['SPOT_EXCHANGE', 'CASH_EXCHANGE', 'FX_DEPOSIT', 'STRUCTURED_DEPOSIT', 'FX_MARGIN'] as const;
export type ForexKindCode = (typeof FOREX_KINDS)[number];
export type Direction = 'BUY_FX' | 'SELL_FX';

/**
 * Exchange products are where the customer buys (购汇) or sells (结汇) FX
 * against CNY: only they count against the annual quota and need a purpose.
 * Deposits and structured deposits are funded with FX the customer already has.
 */
export const isExchange = (kind: unknown): boolean => kind === 'SPOT_EXCHANGE' || kind === 'CASH_EXCHANGE';

/** Forex details as rules read them from `facts.product.details` (rates in CNY per 100 units). */
export interface ForexDetailsFacts {
  kind: ForexKindCode | null;
  currency: string | null;
  buyRate: string | null;
  sellRate: string | null;
  middleRate: string | null;
  /** USD middle rate, for converting other currencies to USD. */
  usdMiddleRate: string | null;
}

/**
 * A rate or an amount from a detail value, as its text (trimmed; a JSON number
 * as JavaScript writes it) — the SDK's `decimalOrNull` — or null when absent,
 * not a decimal, or negative: rates and FX amounts are never below zero, and a
 * negative one would shrink the quota used instead of failing.
 */
export function decimalText(value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
  const d = decimalOrNull(text);
  return d === null || d.isNegative() ? null : text;
}

/** A product's forex details, read once per details object (every forex rule reads them on every evaluation). */
export const readForexDetails: (details: Record<string, unknown>) => ForexDetailsFacts = perObject(parseForexDetails);

function parseForexDetails(details: Record<string, unknown>): ForexDetailsFacts {
  const kind = details.kind;
  // Frozen: it is shared by every evaluation of the product.
  return Object.freeze({
    kind: (FOREX_KINDS as readonly unknown[]).includes(kind) ? (kind as ForexKindCode) : null,
    currency: typeof details.currency === 'string' ? details.currency : null,
    buyRate: decimalText(details.buyRate),
    sellRate: decimalText(details.sellRate),
    middleRate: decimalText(details.middleRate),
    usdMiddleRate: decimalText(details.usdMiddleRate),
  });
}

/**
 * Buying or selling foreign currency follows the order's side only. A
 * client-sent `direction` is never trusted: a purchase declared as a sale
 * would otherwise skip the purchase quota, the purpose check and the
 * foreign-national rule.
 */
export function directionOf(side: 'BUY' | 'SELL'): Direction {
  return side === 'SELL' ? 'SELL_FX' : 'BUY_FX';
}

/** The FX amount of a sale and its USD equivalent; `status` says why one is missing. */
export interface SaleSize {
  status: 'KNOWN' | 'UNSIZED' | 'UNDETERMINED' | 'NO_RATE';
  fxAmount: string | null;
  usdAmount: string | null;
}

/**
 * The FX amount an amount in `saleCurrency` buys or sells: the amount itself
 * in the product's currency; a CNY amount at the board rate the customer deals
 * at (the bank sells FX at `sellRate`, buys it at `buyRate`), rounded down to
 * cents. An amount in a third currency is UNDETERMINED.
 */
export function fxAmountOf(
  amount: string,
  saleCurrency: string,
  d: ForexDetailsFacts,
  productCurrency: string,
  direction: Direction,
): { status: 'KNOWN'; fxAmount: string } | { status: 'UNDETERMINED' | 'NO_RATE'; fxAmount: null } {
  const currency = d.currency ?? productCurrency;
  if (saleCurrency === currency) return { status: 'KNOWN', fxAmount: amount };
  if (saleCurrency !== 'CNY') return { status: 'UNDETERMINED', fxAmount: null };
  const rate = direction === 'BUY_FX' ? d.sellRate : d.buyRate;
  if (rate === null || new Decimal(rate).isZero()) return { status: 'NO_RATE', fxAmount: null };
  return { status: 'KNOWN', fxAmount: new Decimal(amount).mul(100).div(rate).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2) };
}

/** The USD equivalent of an FX amount at the middle rates; null when a rate is missing. */
export const usdOfFx = (fxAmount: string, d: ForexDetailsFacts, productCurrency: string): string | null => {
  const currency = d.currency ?? productCurrency;
  return toUsd(fxAmount, currency, { [currency]: d.middleRate, USD: d.usdMiddleRate });
};

/**
 * Sizes a sale in the foreign currency: `details.fxAmount` — the server's
 * figure (the line's order sizing puts it there; a client value never
 * survives) — or, for facts built without it, the amount converted by
 * {@link fxAmountOf}. No amount at all (an eligibility check) is UNSIZED.
 */
export function sizeOfSale(facts: SuitabilityFacts, d: ForexDetailsFacts, direction: Direction): SaleSize {
  let fx = decimalText(facts.sale.details.fxAmount);
  if (fx === null) {
    const amount = facts.sale.amount;
    if (amount === null) return { status: 'UNSIZED', fxAmount: null, usdAmount: null };
    const converted = fxAmountOf(amount, facts.sale.currency, d, facts.product.currency, direction);
    if (converted.status !== 'KNOWN') return { status: converted.status, fxAmount: null, usdAmount: null };
    fx = converted.fxAmount;
  }
  const usdAmount = usdOfFx(fx, d, facts.product.currency);
  return usdAmount === null ? { status: 'NO_RATE', fxAmount: fx, usdAmount: null } : { status: 'KNOWN', fxAmount: fx, usdAmount };
}

/** This calendar year's FX usage (here from `facts.customer.lines.forex`, elsewhere from the FX authority's report); another year's (or none) counts as zero. */
export interface Usage {
  year: number;
  purchasedUsd: string;
  soldUsd: string;
  onFile: boolean;
  purchasedElsewhereUsd: string;
}

/** This calendar year's usage, worked out once per customer's facts and evaluation instant (every FX product of a listing asks). */
export const usageOf = (facts: SuitabilityFacts): Usage => usageAt(facts.customer, facts.now);

const usageAt = perObjectAnd((customer: SuitabilityFacts['customer'], now: string): Usage => {
  const year = bankYear(new Date(now));
  const u = customer.lines.forex ?? {};
  // The quota is per person across banks: what the FX authority reports bought at other banks this year counts too.
  const report = customer.external.FX_ANNUAL_PURCHASES;
  const elsewhere = report && report.payload.year === year ? (decimalText(report.payload.purchasedUsdElsewhere) ?? '0') : '0';
  const here = u.year === year ? (decimalText(u.purchasedUsd) ?? '0') : '0';
  return {
    year,
    purchasedUsd: new Decimal(here).add(elsewhere).toFixed(),
    soldUsd: u.year === year ? (decimalText(u.soldUsd) ?? '0') : '0',
    onFile: u.year === year,
    purchasedElsewhereUsd: elsewhere,
  };
});
