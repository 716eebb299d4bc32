import { Decimal } from '../../src/sdk/index.js';

/** Rates are quoted in CNY per this many units of the foreign currency. */
export const QUOTE_UNITS = 100;

/** Middle rates by currency, CNY per 100 units (decimal strings). */
export type MiddleRates = Readonly<Record<string, string | null | undefined>>;

const usable = (r: string | null | undefined): r is string => typeof r === 'string' && r !== '' && !new Decimal(r).isZero();

/**
 * An amount in `currency` expressed in USD through CNY middle rates:
 * amount × (rate(ccy→CNY) ÷ rate(USD→CNY)), rounded half-up to cents. USD is
 * returned as is (to cents); CNY uses 100 CNY per 100 units. Returns null when
 * a needed rate is missing, so the caller can refuse rather than guess.
 */
export function toUsd(amount: string, currency: string, rates: MiddleRates): string | null {
  if (currency === 'USD') return new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  const usdRate = rates.USD;
  const ccyRate = currency === 'CNY' ? String(QUOTE_UNITS) : rates[currency];
  if (!usable(usdRate) || !usable(ccyRate)) return null;
  return new Decimal(amount).mul(ccyRate).div(usdRate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** CNY for one unit of a currency from its board rate per 100 units (the core's `unitPrice` and reference rate). */
export const perUnit = (ratePer100: string): string => new Decimal(ratePer100).div(QUOTE_UNITS).toDecimalPlaces(6).toFixed();
