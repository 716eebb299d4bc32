import type { SuitabilityFacts } from '@finmart/sdk';
import { decimalText } from '../domain.js';

/** Savings-plan context of a sale: opening a plan, or a contribution to one already held. */
export type PlanKind = 'NEW_SAVINGS_PLAN' | 'EXISTING_PLAN';

/** Gold sale details (`sale.details`), read defensively. */
export interface GoldSaleDetails {
  /** The grams of the sale (the server's sizing figure); null when unsized. */
  grams: string | null;
  /** True when `grams` is present but not a decimal string. */
  gramsMalformed: boolean;
  /** A purchase by grams: the client stated them (and paid for exactly them); otherwise by amount. */
  byGrams: boolean;
  plan: PlanKind | null;
}

export function readSaleDetails(facts: SuitabilityFacts): GoldSaleDetails {
  const raw = facts.sale.details.grams;
  const grams = decimalText(raw);
  const plan = facts.sale.details.plan;
  return {
    grams,
    gramsMalformed: raw !== undefined && raw !== null && raw !== '' && grams === null,
    byGrams: facts.sale.statedFigures.includes('grams'),
    plan: plan === 'NEW_SAVINGS_PLAN' || plan === 'EXISTING_PLAN' ? plan : null,
  };
}

/**
 * Whether this BUY is a contribution to a savings plan the customer already
 * holds. A claimed EXISTING_PLAN without an open position in this product is
 * treated as a new plan: the claim alone must not lift the level check.
 */
export function isExistingPlanContribution(facts: SuitabilityFacts, plan: PlanKind | null): boolean {
  if (plan !== 'EXISTING_PLAN') return false;
  return facts.customer.holdings.some((h) => h.productId === facts.product.id && (h.status === 'ACTIVE' || h.status === 'PENDING'));
}
