import { Decimal, type Random } from '@finmart/sdk';
import type { GoldProductDef } from './catalog.js';

const DAY = 86_400_000;
/** Days of prices the demo keeps. */
const HISTORY_DAYS = 120;
/** Account gold price 120 days before the demo's "now", CNY per gram (2026 level). */
const START_PRICE = 865;

/** A day's account-gold base price, CNY per gram (a float: products round their own price from it). */
export interface BasePrice {
  at: Date;
  price: number;
}

/** Daily account-gold prices: a log-normal random walk, oldest first, the last one at `now`. */
export function basePrices(now: Date, random: Random): BasePrice[] {
  const out: BasePrice[] = [];
  let price = START_PRICE;
  for (let i = HISTORY_DAYS - 1; i >= 0; i--) {
    out.push({ at: new Date(now.getTime() - i * DAY), price });
    price *= Math.exp(0.0005 + 0.011 * random.normal());
  }
  return out;
}

/** A product's gram price on a day: the base price plus its premium, to the fen. */
export const productPrice = (def: GoldProductDef, base: number) => new Decimal(base + def.premiumPerGram).toDecimalPlaces(2).toFixed(2);
