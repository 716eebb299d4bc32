import { Decimal, perObject, perStringValue, type SuitabilityFacts } from '../../../src/sdk/index.js';
import { ASSET_CLASSES, FUND_TYPES, ISSUER_TYPES, type AssetClassCode, type FundFacts } from '../model.js';

/**
 * A funds product's details as the rules read them, with unknown values made
 * conservative rather than thrown on (a rule that throws blocks the product
 * with RULE_ERROR, which explains nothing):
 * - `isPrivate` unknown → private, so the qualified-investor, minimum and
 *   cooling-off protections still apply;
 * - `assetClass` unknown → null, and the private minimum takes the highest class;
 * - `sipSupported` unknown → false; `sipMinimum` unparseable → null;
 * - `isBankWealth` unknown → false, `issuerType` unknown → null (only BANK
 *   products carry the public wealth minimum, and unknown-private already
 *   carries a higher one).
 */
export interface FundRuleView extends Omit<FundFacts, 'assetClass' | 'fundType' | 'issuerType'> {
  fundType: FundFacts['fundType'] | null;
  assetClass: AssetClassCode | null;
  issuerType: FundFacts['issuerType'] | null;
}

// Only one of `values` (all strings) can be included: no separate typeof check is needed.
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null => ((values as readonly unknown[]).includes(v) ? (v as T) : null);

/** Reads `facts.product.details` of a funds product conservatively (see {@link FundRuleView}); once per product's details. */
export function fundView(facts: SuitabilityFacts): FundRuleView {
  return viewOf(facts.product.details ?? NO_DETAILS);
}

const NO_DETAILS: Record<string, unknown> = Object.freeze({});

// Every funds rule reads the view on every evaluation: parse it once per details object.
const viewOf = perObject((d: Record<string, unknown>): FundRuleView => {
  // Frozen: it is shared by every evaluation of the product.
  return Object.freeze({
    fundType: oneOf(FUND_TYPES, d.fundType),
    isPrivate: typeof d.isPrivate === 'boolean' ? d.isPrivate : true,
    assetClass: oneOf(ASSET_CLASSES, d.assetClass),
    sipSupported: d.sipSupported === true,
    sipMinimum: decimalOrNull(d.sipMinimum)?.toFixed() ?? null,
    isBankWealth: d.isBankWealth === true,
    issuerType: oneOf(ISSUER_TYPES, d.issuerType),
  });
});

/**
 * A finite decimal from a decimal string (or number), or null. Anything else
 * (null, a boolean, an object, text that is not a number) makes Decimal throw,
 * which is the one place that is turned into null.
 */
// Strings (sale amounts, minimums) repeat across evaluations: each is parsed once (Decimals are immutable).
export const decimalOrNull: (value: unknown) => Decimal | null = perStringValue(parseDecimal);

function parseDecimal(value: unknown): Decimal | null {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent — Decimal throws on null and the catch answers null; this spares a thrown exception per evaluation without an amount
  if (value == null) return null;
  let d: Decimal;
  try {
    d = new Decimal(typeof value === 'string' ? value.trim() : (value as Decimal.Value));
  } catch {
    return null;
  }
  return d.isFinite() ? d : null;
}

/**
 * The sale amount measured in `currency`, or null when there is none to check
 * (a what-if check without an amount). A minimum in one currency cannot be
 * proven met by an amount in another (rules have no exchange rates), so such
 * amounts count as zero: the minimum rules then block rather than guess.
 */
export function saleAmountIn(facts: SuitabilityFacts, currency: string): Decimal | null {
  const amount = decimalOrNull(facts.sale.amount);
  if (amount === null) return null;
  return facts.sale.currency === currency ? amount : new Decimal(0);
}

/** Plain notation for messages: never exponent form. */
export const plain = (d: Decimal): string => d.toFixed();
