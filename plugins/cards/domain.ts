import type { cardsDetails } from './schema.js';

/**
 * The cards line's vocabulary — its line, kinds, account classes and ratings —
 * and the product details its rules read, shared by its tables, facts, rules,
 * GraphQL types and seed.
 */

/** The `ProductLine` value this plugin owns. */
export const CARDS_LINE = 'CARDS';

/** `attributes.issuedBy` of a card this bank issued (the only kind the core holds). */
export const THIS_BANK = 'THIS_BANK';

/** Debit card or credit card. */
export const CARD_KINDS = ['DEBIT', 'CREDIT'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** 银发〔2016〕302号 account classes of a debit account. */
export const ACCOUNT_CLASSES = ['CLASS_I', 'CLASS_II', 'CLASS_III'] as const;
export type AccountClass = (typeof ACCOUNT_CLASSES)[number];

/** Kinds of credit card. */
export const CREDIT_CARD_TYPES = ['STANDARD', 'CO_BRANDED', 'STUDENT', 'PLATINUM'] as const;
export type CreditCardType = (typeof CREDIT_CARD_TYPES)[number];

/** Product risk ratings a card can carry: debit and standard credit R1, other credit R2. */
export const CARD_RISK_RATINGS = ['R1', 'R2'] as const;

/** A `cards_details` row. */
export type CardDetailsRow = typeof cardsDetails.$inferSelect;

/**
 * The product details rules read as `facts.product.details`. Money stays a
 * decimal string; the fee waiver text is left out (rules never read prose).
 */
export interface CardProductDetails {
  cardKind: string;
  accountClass: string | null;
  creditCardType: string | null;
  network: string;
  annualFee: string;
  creditLimitMin: string | null;
  creditLimitMax: string | null;
  coBrandPartner: string | null;
  [key: string]: unknown;
}

/** Maps a row to the facts rules read. */
export const toProductDetails = (row: CardDetailsRow): CardProductDetails => ({
  cardKind: row.cardKind,
  accountClass: row.accountClass,
  creditCardType: row.creditCardType,
  network: row.network,
  annualFee: row.annualFee,
  creditLimitMin: row.creditLimitMin,
  creditLimitMax: row.creditLimitMax,
  coBrandPartner: row.coBrandPartner,
});
