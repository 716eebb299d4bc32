import { Decimal, decimalOrNull, perObject } from '@finmart/sdk';
import type { AccountGoldMinimum } from './settings.js';

/** Kinds of gold product (`GoldType` in GraphQL). */
export const GOLD_TYPES = ['PHYSICAL_BAR', 'ACCOUNT_GOLD', 'GOLD_SAVINGS_PLAN'] as const;
export type GoldTypeCode = (typeof GOLD_TYPES)[number];

/** Account gold and savings plans are traded at the live price; bars are retail goods. */
export const isAccountGold = (t: unknown): boolean => t === 'ACCOUNT_GOLD' || t === 'GOLD_SAVINGS_PLAN';

/** Gold details as rules read them from `facts.product.details` (see facts.ts). */
export interface GoldDetailsFacts {
  goldType: GoldTypeCode | null;
  purity: string | null;
  barWeightGrams: string | null;
  minimumGrams: string | null;
  gramStep: string | null;
  /** Latest CNY price per gram, null when never priced. */
  latestGramPrice: string | null;
}

/**
 * Grams or a gram price from a detail value, as its text (trimmed; a JSON number
 * as JavaScript writes it) — the SDK's `decimalOrNull` — or null when absent,
 * not a decimal, or negative: weights and prices are never below zero, and a
 * negative minimum or step would read as a looser term than none.
 */
export function decimalText(value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
  const d = decimalOrNull(text);
  return d === null || d.isNegative() ? null : text;
}

/** Reads `facts.product.details` defensively: unknown or malformed values become null. Once per details object (four rules read it per evaluation). */
export const readGoldDetails: (details: Record<string, unknown>) => GoldDetailsFacts = perObject(parseGoldDetails);

function parseGoldDetails(details: Record<string, unknown>): GoldDetailsFacts {
  const t = details.goldType;
  // Frozen: it is shared by every evaluation of the product.
  return Object.freeze({
    goldType: (GOLD_TYPES as readonly unknown[]).includes(t) ? (t as GoldTypeCode) : null,
    purity: typeof details.purity === 'string' ? details.purity : null,
    barWeightGrams: decimalText(details.barWeightGrams),
    minimumGrams: decimalText(details.minimumGrams),
    gramStep: decimalText(details.gramStep),
    latestGramPrice: decimalText(details.latestGramPrice),
  });
}

/** The gram terms that apply: the stricter of the bank setting and the product's own terms. */
export interface GramTerms {
  minimumGrams: string;
  /** Every non-zero step the grams must be a multiple of (setting first). */
  steps: string[];
}

/** Combines the bank-wide minimum with the product's terms (the product may only be stricter). */
export function gramTerms(setting: AccountGoldMinimum, product: Pick<GoldDetailsFacts, 'minimumGrams' | 'gramStep'>): GramTerms {
  const min = Decimal.max(setting.grams, product.minimumGrams ?? '0');
  const steps = [setting.gramStep];
  if (product.gramStep && !new Decimal(product.gramStep).isZero() && !new Decimal(product.gramStep).eq(setting.gramStep)) {
    steps.push(new Decimal(product.gramStep).toFixed());
  }
  return { minimumGrams: min.toFixed(), steps };
}

/** The step shown to clients: the product's own when it has one, else the bank's. */
export const displayStep = (setting: AccountGoldMinimum, productStep: string | null): string =>
  productStep && !new Decimal(productStep).isZero() ? new Decimal(productStep).toFixed() : new Decimal(setting.gramStep).toFixed();

/** Whether `grams` is an exact multiple of `step` (decimal arithmetic, no float error). */
export const isMultipleOf = (grams: string, step: string): boolean => new Decimal(grams).mod(step).isZero();

/** Grams an amount buys at a price, rounded down to the step (banks never sell a fraction of a step). */
export function gramsForAmount(amountCny: string, pricePerGram: string, step: string): string {
  return new Decimal(amountCny).div(pricePerGram).div(step).floor().mul(step).toFixed();
}
