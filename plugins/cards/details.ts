import { inArray } from 'drizzle-orm';
import type { Db } from '../../src/sdk/index.js';
import { cardsDetails } from './schema.js';

/** A `cards_details` row. */
export type CardDetailsRow = typeof cardsDetails.$inferSelect;

/** Details rows of the given products, in one statement. */
export async function loadCardDetails(db: Db, productIds: readonly number[]): Promise<CardDetailsRow[]> {
  if (productIds.length === 0) return [];
  return db
    .select()
    .from(cardsDetails)
    .where(inArray(cardsDetails.productId, [...productIds]));
}

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
