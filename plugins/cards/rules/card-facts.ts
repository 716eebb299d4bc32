import { decimalOrNull, type Decimal, type HoldingFacts, type SuitabilityFacts } from '../../../src/sdk/index.js';
import { CARDS_LINE, THIS_BANK } from '../domain.js';

/**
 * Readers of the facts card rules share. Facts arrive as loosely typed JSON
 * (product details, holding attributes, sale details), so every reader checks
 * the value's type and falls back to "unknown" rather than throwing.
 */

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The card product being applied for: kind and class from `facts.product.details`. */
export function productCard(facts: SuitabilityFacts) {
  const d = facts.product.details;
  return {
    cardKind: str(d.cardKind),
    accountClass: str(d.accountClass),
    creditCardType: str(d.creditCardType),
  };
}

/**
 * Cards of this bank the customer holds now: CARDS-line holdings not closed.
 * A PENDING holding counts — the card is being issued and takes a slot.
 */
export function heldCards(facts: SuitabilityFacts): HoldingFacts[] {
  return facts.customer.holdings.filter((h) => h.line === CARDS_LINE && h.status !== 'CLOSED' && (str(h.attributes.issuedBy) ?? THIS_BANK) === THIS_BANK);
}

/** Held credit cards of this bank. */
export const heldCreditCards = (facts: SuitabilityFacts): HoldingFacts[] => heldCards(facts).filter((h) => h.attributes.cardKind === 'CREDIT');

/** Held debit accounts of this bank in the given class. */
export const heldDebitOfClass = (facts: SuitabilityFacts, accountClass: string): HoldingFacts[] =>
  heldCards(facts).filter((h) => h.attributes.cardKind === 'DEBIT' && h.attributes.accountClass === accountClass);

/**
 * The credit bureau's report (`facts.customer.external.CREDIT_REPORT`) when one is on file no older than
 * `maxAgeDays`; null when there is none or it is too old — what it would say is then unknown, never "nothing".
 */
export function freshCreditReport(facts: SuitabilityFacts, maxAgeDays: number): { ageDays: number; payload: Record<string, unknown> } | null {
  const r = facts.customer.external.CREDIT_REPORT;
  return r && r.ageDays <= maxAgeDays ? r : null;
}

/** Other banks a credit report shows a student credit card at (issuers, distinct; `cards.student` trims them). */
export function externalStudentCardBanks(report: { payload: Record<string, unknown> }): string[] {
  const list = report.payload.cards;
  if (!Array.isArray(list)) return [];
  const banks: string[] = [];
  for (const c of list as (Record<string, unknown> | null)[]) {
    if (c?.type === 'CREDIT' && c.student === true && typeof c.issuer === 'string' && c.issuer.trim() !== '') banks.push(c.issuer);
  }
  return [...new Set(banks)];
}

/** Only an explicit `true` makes a supplementary application; anything else is treated as a primary card. */
export const isSupplementary = (facts: SuitabilityFacts): boolean => facts.sale.details.supplementary === true;

/** True for opening/applying; closing a card (SELL) is never held back by these rules. */
export const isApplication = (facts: SuitabilityFacts): boolean => facts.sale.side === 'BUY';

/** A non-negative decimal (an amount of money) from a loosely typed value, surrounding spaces ignored; null when it is not one. */
export function decimalOf(v: unknown): Decimal | null {
  const d = decimalOrNull(typeof v === 'string' ? v.trim() : v);
  return d !== null && !d.isNegative() ? d : null;
}
