import { inArray } from 'drizzle-orm';
import type { PluginServices } from '../../src/sdk/index.js';
import { loadCardDetails, toProductDetails } from './details.js';
import { cardsExternalStudentCards } from './schema.js';

/** What `facts.customer.lines.cards` holds. Cards held here come from `facts.customer.holdings`. */
export interface CardsCustomerFacts {
  /** Other banks the credit bureau reports a student credit card at, distinct and sorted. */
  studentCardBanks: string[];
  [key: string]: unknown;
}

/**
 * Customer facts from the credit bureau's report of student cards at other
 * banks, one statement per batch. Every requested customer gets an entry, so
 * "no report rows" reads as an empty list rather than missing facts.
 */
export async function cardsCustomerFacts(
  services: PluginServices,
  customerIds: readonly number[],
): Promise<Map<number, CardsCustomerFacts>> {
  const banks = new Map<number, Set<string>>(customerIds.map((id) => [id, new Set<string>()]));
  if (customerIds.length === 0) return new Map();
  const rows = await services.db
    .select({ customerId: cardsExternalStudentCards.customerId, bankName: cardsExternalStudentCards.bankName })
    .from(cardsExternalStudentCards)
    .where(inArray(cardsExternalStudentCards.customerId, [...customerIds]));
  for (const row of rows) banks.get(row.customerId)?.add(row.bankName.trim());
  return new Map([...banks].map(([id, set]) => [id, { studentCardBanks: [...set].sort() }]));
}

/** Product details (`facts.product.details`), one statement per batch. */
export async function cardsProductFacts(
  services: PluginServices,
  productIds: readonly number[],
): Promise<Map<number, Record<string, unknown>>> {
  const rows = await loadCardDetails(services.db, productIds);
  return new Map(rows.map((row) => [row.productId, toProductDetails(row)]));
}
