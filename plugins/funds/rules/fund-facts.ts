import { Decimal, decimalOrNull, perObject, type SuitabilityFacts } from '../../../src/sdk/index.js';
import { ASSET_CLASSES, FUND_TYPES, ISSUER_TYPES, type AssetClassCode, type FundFacts } from '../domain.js';

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
    sipMinimum: fundDecimal(d.sipMinimum)?.toFixed() ?? null,
    isBankWealth: d.isBankWealth === true,
    issuerType: oneOf(ISSUER_TYPES, d.issuerType),
  });
});

/**
 * A decimal from a funds fact (the SDK's `decimalOrNull`), surrounding spaces
 * ignored as the funds rules always have: null for anything that is no number,
 * which each rule then treats conservatively (see {@link FundRuleView}).
 */
export const fundDecimal = (value: unknown): Decimal | null => decimalOrNull(typeof value === 'string' ? value.trim() : value);

/**
 * The sale amount measured in `currency`, or null when there is none to check
 * (a what-if check without an amount). A minimum in one currency cannot be
 * proven met by an amount in another (rules have no exchange rates), so such
 * amounts count as zero: the minimum rules then block rather than guess.
 */
export function saleAmountIn(facts: SuitabilityFacts, currency: string): Decimal | null {
  const amount = fundDecimal(facts.sale.amount);
  if (amount === null) return null;
  return facts.sale.currency === currency ? amount : new Decimal(0);
}

/** Plain notation for messages: never exponent form. */
export const plain = (d: Decimal): string => d.toFixed();
